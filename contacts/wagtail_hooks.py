from urllib.parse import urlencode

from django.urls import path, reverse
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem as ButtonItem
from wagtail.snippets.models import register_snippet

from contacts import approval, views
from contacts.models import Contact
from contacts.viewsets import ContactViewSet

register_snippet(ContactViewSet)


@hooks.register("register_admin_urls")
def urls():
    return [path("contacts/<int:pk>/approve/", views.approve, name="contact_approve")]


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def record_editor(request, instance):
    if isinstance(instance, Contact):
        approval.edited(instance, request.user)


@hooks.register("register_snippet_listing_buttons")
def approve_button(snippet, user, next_url=None):
    """To an approver of the contact's agency who did not edit it last, while it waits."""
    if (
        isinstance(snippet, Contact)
        and not snippet.is_approved
        and approval.may_approve(user, snippet)
    ):
        url = reverse("contact_approve", args=[snippet.pk])
        if next_url:
            url += "?" + urlencode({"next": next_url})
        yield ButtonItem(pgettext_lazy("staff side", "Approve"), url, icon_name="tick", priority=5)
