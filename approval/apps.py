from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApprovalConfig(AppConfig):
    name = "approval"
    verbose_name = _("joint approval")
    default_auto_field = "django.db.models.BigAutoField"
