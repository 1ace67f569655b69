from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditionsConfig(AppConfig):
    name = "editions"
    verbose_name = _("Language editions")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate
        from wagtail.signals import published

        from contacts import signals as contact_signals
        from dialogue import content_version, form_panels
        from editions import impact, receivers
        from editions.models import Edition
        from translations import signals

        published.connect(receivers.on_published, dispatch_uid="editions-published")
        signals.recorded.connect(receivers.on_recorded, dispatch_uid="editions-recorded")
        contact_signals.approved.connect(
            receivers.on_contact_approved, dispatch_uid="editions-contact-approved"
        )
        post_migrate.connect(receivers.backfill_after_migrate, dispatch_uid="editions-backfill")
        content_version.watch(Edition)
        form_panels.register(impact.form_panel)
