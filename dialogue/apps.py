from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DialogueConfig(AppConfig):
    name = "dialogue"
    verbose_name = _("Jobba i Sverige")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.conf import locale

        from dialogue import languages

        # Django's LANG_INFO lacks so, ti, am, ps, ku, Dari and easy-read Swedish;
        # get_language_info() and the {% get_language_info %} tag need them.
        locale.LANG_INFO.update(languages.django_lang_info())

        from django.db.models.signals import post_migrate

        post_migrate.connect(_sync_roles, dispatch_uid="dialogue-sync-roles")

        from dialogue import content_version

        content_version.connect()


def _sync_roles(sender, using="default", **kwargs):
    from django.apps import apps
    from django.contrib.auth.management import create_permissions

    from dialogue import roles

    # After the last app only, so that every app's permissions exist for the administrators;
    # this handler runs before auth's own for that app, so make its permissions first.
    if sender.label != list(apps.get_app_configs())[-1].label:
        return
    create_permissions(sender, verbosity=0, using=using)
    roles.sync_roles()
