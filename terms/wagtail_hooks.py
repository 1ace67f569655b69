from wagtail.snippets.models import register_snippet

from dialogue import stamps
from terms import approval, views
from terms.models import Term
from terms.viewsets import TermViewSet

register_snippet(TermViewSet)
stamps.register_admin(
    Term, prefix="terms", url_name="term_approve", view=views.approve,
    edited=approval.edited, may=approval.may_approve,
)  # fmt: skip
