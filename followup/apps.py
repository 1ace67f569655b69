from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    name = "followup"
    verbose_name = _("Follow-up")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from followup import comprehension
        from translations import overview_panels

        # The translation overview shows the cards × languages its readers found unclear.
        overview_panels.register(comprehension.overview_panel)
