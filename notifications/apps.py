from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = "Jobba i Sverige: mail"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The approval workflow (lower layers, Wagtail) only sends signals; mail is wired here.
        from notifications import checks, signals  # noqa: F401

        signals.connect()
