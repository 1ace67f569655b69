"""The termbase in the admin: the communication group writes terms, the owning agency's
approvers approve them (terms.approval)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext, pgettext_lazy
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.snippets.views.snippets import SnippetViewSet

from terms.models import Term


class ApprovalColumn(Column):
    def get_value(self, instance):
        if instance.is_approved:
            return pgettext("staff side", "approved")
        if instance.approved_at:
            return pgettext("staff side", "changed since approval")
        return pgettext("staff side", "waits for approval")


class TermViewSet(SnippetViewSet):
    model = Term
    icon = "openquote"
    menu_label = _("Termbase")
    menu_order = 260
    add_to_admin_menu = True
    list_display = [
        "term",
        "agency",
        BooleanColumn("keep_in_swedish", label=_("Keep in Swedish")),
        ApprovalColumn("approval", label=pgettext_lazy("staff side", "Approval")),
    ]
    list_filter = ["agency", "keep_in_swedish"]
    search_fields = ["term", "definition"]
    panels = [
        FieldPanel("term"),
        FieldPanel("agency"),
        FieldPanel("definition"),
        FieldPanel("explanation"),
        FieldPanel("keep_in_swedish"),
        InlinePanel(
            "translations",
            label=_("languages"),
            panels=[
                FieldPanel("language"),
                FieldPanel("rendering"),
                FieldPanel("explanation"),
                FieldPanel("forbidden"),
            ],
        ),
    ]

    def get_queryset(self, request):
        return Term.objects.select_related("agency").prefetch_related("translations")
