"""Central contacts in the admin: the communication group writes them, the owning agency's
approvers approve them (contacts.approval)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext, pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import SnippetViewSet

from contacts import approval
from contacts.models import Contact


def status_label(contact: Contact) -> str:
    return {
        "approved": pgettext("staff side", "approved"),
        "waiting": pgettext("staff side", "waits for approval"),
        "never": pgettext("staff side", "never approved"),
    }[approval.status(contact)]


class ApprovalColumn(Column):
    def get_value(self, instance):
        return status_label(instance)


class ContactViewSet(SnippetViewSet):
    model = Contact
    icon = "mobile-alt"
    menu_label = _("Contacts")
    menu_order = 265
    add_to_admin_menu = True
    list_display = [
        "name",
        "agency",
        ApprovalColumn("approval", label=pgettext_lazy("staff side", "Approval")),
    ]
    list_filter = ["agency"]
    search_fields = ["name"]
    panels = [
        FieldPanel("name"),
        FieldPanel("agency"),
        FieldPanel("url"),
        InlinePanel(
            "phones",
            label=pgettext_lazy("staff side", "phone numbers"),
            panels=[FieldPanel("number")],
        ),
        InlinePanel(
            "service_lines",
            label=pgettext_lazy("staff side", "service lines in languages"),
            panels=[FieldRowPanel([FieldPanel("language"), FieldPanel("number")])],
        ),
        InlinePanel(
            "opening_hours",
            label=pgettext_lazy("staff side", "opening hours"),
            panels=[
                FieldRowPanel([FieldPanel("first_day"), FieldPanel("last_day")]),
                FieldRowPanel([FieldPanel("opens"), FieldPanel("closes")]),
            ],
        ),
    ]

    def get_queryset(self, request):
        return Contact.objects.select_related("agency").prefetch_related(
            "phones", "service_lines", "opening_hours"
        )
