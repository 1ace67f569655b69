from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TermsConfig(AppConfig):
    name = "terms"
    verbose_name = _("Termbase")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from dialogue import content_version
        from terms.models import Term, TermTranslation

        # The public pages show approved terms ("Words you will hear").
        content_version.watch(Term, TermTranslation)
