from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "translations"
    verbose_name = _("Translations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from dialogue import content_version, form_panels
        from translations import source_readability
        from translations.models import TranslationState

        # An approval changes what the public reads.
        content_version.watch(TranslationState)
        # The Swedish edit form tells how easy the text is to read.
        form_panels.register(source_readability.form_panel)
