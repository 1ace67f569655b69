from django.urls import path
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from dialogue import stamps
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
        yield stamps.approve_button("term_approve", snippet, next_url)
