# A recording's file is inspected by a background task (audio.tasks) after upload.

from django.db import migrations, models
from django.db.models import F

# Recordings stored before this were checked in full inside the upload request: inspected then.
MODELS = ("AudioRecording", "LanguageNameRecording", "TermRecording")


def inspected_when_uploaded(apps, schema_editor):
    for name in MODELS:
        apps.get_model("audio", name).objects.update(inspected_at=F("created_at"))


class Migration(migrations.Migration):
    dependencies = [
        ("audio", "0005_recording_uploaded_by"),
    ]

    operations = [
        migrations.AddField(
            model_name="audiorecording",
            name="inspected_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="audiorecording",
            name="inspection_error",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.AddField(
            model_name="audiorecording",
            name="peak_db",
            field=models.FloatField(
                blank=True, editable=False, null=True, verbose_name="peak level (dBFS)"
            ),
        ),
        migrations.AddField(
            model_name="languagenamerecording",
            name="inspected_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="languagenamerecording",
            name="inspection_error",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.AddField(
            model_name="languagenamerecording",
            name="peak_db",
            field=models.FloatField(
                blank=True, editable=False, null=True, verbose_name="peak level (dBFS)"
            ),
        ),
        migrations.AddField(
            model_name="termrecording",
            name="inspected_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="termrecording",
            name="inspection_error",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.AddField(
            model_name="termrecording",
            name="peak_db",
            field=models.FloatField(
                blank=True, editable=False, null=True, verbose_name="peak level (dBFS)"
            ),
        ),
        migrations.RunPython(inspected_when_uploaded, migrations.RunPython.noop),
    ]
