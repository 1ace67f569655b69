"""Approval stamps: the lighter of the project's two approval paths, for a short record owned by
one agency (a term, a central contact) rather than a text the public reads as a whole.

Who, when, and who edited it last are kept on the record (`AgencyStamped`); only the approvers
of the owning agency approve it (the agency that answers for it), and never the person who last
edited it (four eyes). Each app says what an approval vouches for (terms: a fingerprint;
contacts: the whole record as approved) and offers the approve page through `approve_view`.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem as ButtonItem


class AgencyStamped(models.Model):
    """A record approved by a stamp; the subclass has the owning `agency`."""

    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, editable=False,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True, editable=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, editable=False,
        on_delete=models.SET_NULL, related_name="+", verbose_name=_("approved by"),
    )  # fmt: skip

    class Meta:
        abstract = True


def is_agency_approver(user, obj: AgencyStamped, permission: str) -> bool:
    """Holds `permission` and approves for the record's owning agency, or is an administrator."""
    if not user.is_authenticated or not user.is_active or not user.has_perm(permission):
        return False
    if user.is_superuser:
        return True
    group_id = obj.agency.approvers_id
    return group_id is not None and user.groups.filter(pk=group_id).exists()


def may_approve(user, obj: AgencyStamped, permission: str) -> bool:
    """An approver of the owning agency who did not edit the record last."""
    if obj.edited_by_id is not None and obj.edited_by_id == getattr(user, "pk", None):
        return False
    return is_agency_approver(user, obj, permission)


def register_admin(model, *, prefix: str, url_name: str, view, edited, may) -> None:
    """The admin hooks of a stamped model (from its app's wagtail_hooks): its approve page, who
    edited it last (she does not approve her own change), and the listing's "Approve" button,
    shown to an approver of its agency who did not edit it last, while it waits."""

    @hooks.register("register_admin_urls")
    def urls():
        return [path(f"{prefix}/<int:pk>/approve/", view, name=url_name)]

    @hooks.register("after_create_snippet")
    @hooks.register("after_edit_snippet")
    def record_editor(request, instance):
        if isinstance(instance, model):
            edited(instance, request.user)

    @hooks.register("register_snippet_listing_buttons")
    def approve_button(snippet, user, next_url=None):
        if isinstance(snippet, model) and not snippet.is_approved and may(user, snippet):
            url = reverse(url_name, args=[snippet.pk])
            if next_url:
                url += "?" + urlencode({"next": next_url})
            label = pgettext_lazy("staff side", "Approve")
            yield ButtonItem(label, url, icon_name="tick", priority=5)


def approve_view(
    request, obj, *, may: Callable, approve: Callable, done: str, listing: str, template: str,
    context: dict,
):  # fmt: skip
    """The approve page (GET: what would be approved) and its form (POST: approve it, back to
    the listing the approver came from)."""
    if not may(request.user, obj):
        raise PermissionDenied
    if request.method == "POST":
        approve(obj, request.user)
        messages.success(request, done)
        target = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(target, {request.get_host()}):
            target = listing
        return redirect(target)
    return render(request, template, {**context, "next": request.GET.get("next", "")})
