"""Models that left the content app for their own apps ([S]), keeping their tables.

Each new app's first migration takes the model into its state (no table is touched) and calls
`follow_content_types`: the existing content type row is relabelled, so permissions given to
groups, Wagtail's task and task-state types and generic relations keep pointing at the model.
"""

from django.db import migrations


def follow_content_types(app_label: str, *model_names: str) -> migrations.RunPython:
    def relabel(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        for model in model_names:
            old = ContentType.objects.filter(app_label="dialogue", model=model).first()
            if old is None:  # a fresh database: content types come after the migrations
                continue
            # A row made for the new label by an earlier, interrupted run carries nothing yet.
            ContentType.objects.filter(app_label=app_label, model=model).delete()
            old.app_label = app_label
            old.save(update_fields=["app_label"])

    def unlabel(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        ContentType.objects.filter(app_label=app_label, model__in=model_names).update(
            app_label="dialogue"
        )

    return migrations.RunPython(relabel, unlabel)
