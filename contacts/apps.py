from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactsConfig(AppConfig):
    name = "contacts"
    verbose_name = _("Contacts")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from contacts.models import Contact
        from dialogue import content_version

        # An approval changes what the admin's previews show; editions bump for the public.
        content_version.watch(Contact)
