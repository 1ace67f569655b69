from django.urls import path
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from contacts import approval, views
from contacts.models import Contact
from contacts.viewsets import ContactViewSet
from dialogue import stamps

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
        yield stamps.approve_button("contact_approve", snippet, next_url)
