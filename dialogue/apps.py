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

        post_migrate.connect(_sync_roles, sender=self)

        from dialogue import content_version

        content_version.connect()


def _sync_roles(sender, using="default", **kwargs):
    from django.contrib.auth.management import create_permissions

    from dialogue import roles

    # This app may migrate before auth's own handler has made this app's new permissions.
    create_permissions(sender, verbosity=0, using=using)
    roles.sync_roles()
