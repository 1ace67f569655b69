from urllib.parse import urlencode

from django.urls import path, reverse
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem as ButtonItem
from wagtail.snippets.models import register_snippet

from terms import approval, views
from terms.models import Term
from terms.viewsets import TermViewSet

register_snippet(TermViewSet)


@hooks.register("register_admin_urls")
def urls():
    return [path("terms/<int:pk>/approve/", views.approve, name="term_approve")]


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def record_editor(request, instance):
    if isinstance(instance, Term):
        approval.edited(instance, request.user)


@hooks.register("register_snippet_listing_buttons")
def approve_button(snippet, user, next_url=None):
    """To an approver of the term's agency who did not edit it last, while it waits."""
    if (
        isinstance(snippet, Term)
        and not snippet.is_approved
        and approval.may_approve(user, snippet)
    ):
        url = reverse("term_approve", args=[snippet.pk])
        if next_url:
            url += "?" + urlencode({"next": next_url})
        yield ButtonItem(pgettext_lazy("staff side", "Approve"), url, icon_name="tick", priority=5)
