"""The staff side is Swedish only: language choices stored before that rule are cleared."""

from django.db import migrations


def clear_other_languages(apps, schema_editor):
    UserProfile = apps.get_model("wagtailusers", "UserProfile")
    UserProfile.objects.exclude(preferred_language__in=["", "sv"]).update(preferred_language="")


class Migration(migrations.Migration):
    dependencies = [("wagtailusers", "0015_userprofile_keyboard_shortcuts")]

    operations = [migrations.RunPython(clear_other_languages, migrations.RunPython.noop)]
