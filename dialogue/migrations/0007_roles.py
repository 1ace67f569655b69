"""Formerly created the role groups here; cms.roles now syncs them after every migrate.

A data migration runs on the app registry of its time, which does not know the apps the
models later moved to ([S]); the post-migrate sync always sees the current one.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("dialogue", "0006_roles_offices_joint_approval"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]
