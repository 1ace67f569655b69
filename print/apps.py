from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrintConfig(AppConfig):
    # The app label "print" is fine for Django; the package is only imported by path.
    name = "print"
    verbose_name = _("Print")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from dialogue import text_rules
        from editions import signals
        from print import fit_check, glyphs, prebuild, previews
        from translations import quality

        previews.register()  # the printed card as a preview mode of the card editor
        text_rules.register(glyphs.printable)  # no text is saved that print cannot show
        # The translator learns at save and import whether the card still fits.
        quality.register_object_check(fit_check.fit)
        # New editions: packs and posters built ahead, in the workers (print.prebuild).
        signals.made.connect(prebuild.on_editions_made, dispatch_uid="print-prebuild")
