# The models left for their own apps, keeping their tables (dialogue.model_moves); by Django 5.2.19 on 2026-11-30 08:59

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('dialogue', '0008_translate_any_language'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
            migrations.RemoveField(
                model_name='agencyapproval',
                name='agency',
            ),
            migrations.RemoveField(
                model_name='agencyapproval',
                name='revision',
            ),
            migrations.RemoveField(
                model_name='agencyapproval',
                name='task_state',
            ),
            migrations.RemoveField(
                model_name='audiorecording',
                name='card',
            ),
            migrations.DeleteModel(
                name='Counter',
            ),
            migrations.RemoveField(
                model_name='grouplanguages',
                name='group',
            ),
            migrations.RemoveField(
                model_name='jointapprovaltask',
                name='task_ptr',
            ),
            migrations.RemoveField(
                model_name='jointapprovaltaskstate',
                name='taskstate_ptr',
            ),
            migrations.RemoveField(
                model_name='office',
                name='agency',
            ),
            migrations.RemoveField(
                model_name='staffprofile',
                name='office',
            ),
            migrations.RemoveField(
                model_name='staffprofile',
                name='user',
            ),
            migrations.RemoveField(
                model_name='translationstate',
                name='content_type',
            ),
            migrations.DeleteModel(
                name='AgencyApproval',
            ),
            migrations.DeleteModel(
                name='AudioRecording',
            ),
            migrations.DeleteModel(
                name='GroupLanguages',
            ),
            migrations.DeleteModel(
                name='JointApprovalTask',
            ),
            migrations.DeleteModel(
                name='JointApprovalTaskState',
            ),
            migrations.DeleteModel(
                name='Office',
            ),
            migrations.DeleteModel(
                name='StaffProfile',
            ),
            migrations.DeleteModel(
                name='TranslationState',
            ),
            ],
        ),
    ]
