from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrintConfig(AppConfig):
    # The app label "print" is fine for Django; the package is only imported by path.
    name = "print"
    verbose_name = _("Print")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from dialogue import text_rules
        from print import glyphs, previews

        previews.register()  # the printed card as a preview mode of the card editor
        text_rules.register(glyphs.printable)  # no text is saved that print cannot show
