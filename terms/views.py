"""Approving a term: the page shows what is approved, the form posts the approval."""

from django.shortcuts import get_object_or_404
from django.utils.translation import pgettext

from dialogue import stamps
from terms import approval
from terms.models import Term


def approve(request, pk):
    term = get_object_or_404(Term.objects.select_related("agency"), pk=pk)
    return stamps.approve_view(
        request, term, may=approval.may_approve, approve=approval.approve,
        done=pgettext("staff side", "The term is approved."),
        listing="wagtailsnippets_terms_term:list", template="terms/admin/approve.html",
        context={"term": term},
    )  # fmt: skip
