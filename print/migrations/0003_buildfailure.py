from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("print", "0002_printed_editions"),
    ]

    operations = [
        migrations.CreateModel(
            name="BuildFailure",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("key", models.CharField(max_length=64, unique=True, verbose_name="key")),
                ("name", models.CharField(db_index=True, max_length=255, verbose_name="file")),
                ("kind", models.CharField(max_length=20, verbose_name="kind")),
                ("arguments", models.JSONField(default=dict, verbose_name="arguments")),
                ("attempts", models.PositiveSmallIntegerField(verbose_name="attempts")),
                ("error", models.TextField(verbose_name="error")),
                ("failed_at", models.DateTimeField(verbose_name="failed at")),
            ],
            options={
                "verbose_name": "failed print build",
                "verbose_name_plural": "failed print builds",
                "ordering": ["-failed_at"],
            },
        ),
    ]
