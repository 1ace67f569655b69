from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DialogueConfig(AppConfig):
    name = "dialogue"
    verbose_name = _("Jobba i Sverige")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from dialogue import content_version

        content_version.connect()
