"""Approving a term: the page shows what is approved, the form posts the approval."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import pgettext

from terms import approval
from terms.models import Term


def approve(request, pk):
    term = get_object_or_404(Term.objects.select_related("agency"), pk=pk)
    if not approval.may_approve(request.user, term):
        raise PermissionDenied
    if request.method == "POST":
        approval.approve(term, request.user)
        messages.success(request, pgettext("staff side", "The term is approved."))
        target = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(target, {request.get_host()}):
            target = "wagtailsnippets_terms_term:list"
        return redirect(target)
    return render(
        request,
        "terms/admin/approve.html",
        {"term": term, "next": request.GET.get("next", "")},
    )
