"""Offices and their staff in the admin: who prints for which office."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.views.snippets import SnippetViewSet

from print.models import Office, StaffProfile


class OfficeViewSet(SnippetViewSet):
    model = Office
    icon = "home"
    menu_label = _("Offices")
    list_display = ["name", "agency"]
    search_fields = ["name"]
    panels = [FieldPanel("name"), FieldPanel("agency")]


class StaffProfileViewSet(SnippetViewSet):
    """Which office a service-office user prints for (prints are counted per office)."""

    model = StaffProfile
    icon = "user"
    menu_label = _("Office staff")
    list_display = ["user", "office"]
    list_filter = ["office"]
    panels = [FieldPanel("user"), FieldPanel("office")]
