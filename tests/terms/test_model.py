"""A term is approved for what was approved: a later change in any language unapproves it, and
only approved terms reach the editor, the XLIFF notes and the checks."""

import pytest

from terms import approval, termbase
from terms.models import Term, TermTranslation

pytestmark = pytest.mark.django_db


def test_the_demo_terms_are_approved_with_arabic_and_tigrinya():
    approved = {t.term: t for t in termbase.approved()}
    assert {"personnummer", "folkbokföring", "föräldrapenning", "sfi", "Arbetsförmedlingen"} <= set(
        approved
    )
    assert approved["folkbokföring"].rendering("ti") == "ምዝገባ ህዝቢ"
    assert approved["folkbokföring"].rendering("ar") == "التسجيل في السجل السكاني"
    assert approved["personnummer"].keep_in_swedish
    assert approved["personnummer"].rendering("ar") == "personnummer"  # kept in Swedish
    assert approved["personnummer"].in_language("ti").explanation  # explained in Tigrinya
    assert approved["folkbokföring"].forbidden("ar") == ["تسجيل السكان", "التسجيل المدني"]


def test_a_changed_rendering_leaves_the_term_unapproved_until_approved_again(term, people):
    assert term.is_approved
    TermTranslation.objects.filter(term=term, language="ti").update(rendering="ምዝገባ")
    changed = Term.objects.prefetch_related("translations").get(pk=term.pk)
    assert not changed.is_approved
    assert "folkbokföring" not in {t.term for t in termbase.approved()}

    approval.approve(changed, people["skv"])
    assert "folkbokföring" in {t.term for t in termbase.approved()}


def test_a_new_term_waits_for_approval(term):
    Term.objects.create(term="barnbidrag", agency=term.agency, explanation="Pengar för barn.")
    assert "barnbidrag" not in {t.term for t in termbase.approved()}


def test_the_demo_terms_load_again_without_changes():

    from ops.demo import terms as demo_terms
    from ops.demo.loader import Report

    report = Report()
    demo_terms.load(report)
    assert report.counts[("terms", "unchanged")] == len(demo_terms.TERMS)
    assert report.changed == 0
