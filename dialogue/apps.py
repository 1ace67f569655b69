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
