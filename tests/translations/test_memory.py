"""Translation memory in the editor: exact and close matches from approved segments of the
same language, with the Swedish they translated and a "Use" button; built in a fixed number
of queries."""

import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import builders
from translations import memory
from translations.status import Status, Unit

pytestmark = pytest.mark.django_db

SWEDISH = "Ring Försäkringskassan om du har frågor om föräldrapenningen."
ARABIC = "اتصلي بصندوق التأمين إذا كانت لديك أسئلة."


def approved_in_arabic(headline, text=ARABIC, status=Status.APPROVED):
    return builders.joint_message(
        headline=headline, translations={"ar": {"headline": text}}, status=status
    )


def editor(client, message, lang="ar"):
    page = client.get(f"/admin/translate/jointmessage/{message.pk}/{lang}/")
    assert page.status_code == 200
    return unescape(page.content.decode())


def test_an_exact_match_is_offered_with_its_swedish_and_a_use_button(admin_client):
    approved_in_arabic(SWEDISH)
    new = builders.joint_message(headline=SWEDISH, status=None)
    page = editor(admin_client, new)
    field = f"jointmessage/{new.pk}/headline"
    assert re.search(
        r'class="button button-small button-secondary memory-use" data-unit="'
        + re.escape(field) + r'" data-text="' + re.escape(ARABIC) + '"', page
    )  # fmt: skip
    assert "Samma svenska" in page
    assert 'src="/static/translations/memory.js"' in page


def test_a_close_match_shows_how_alike_and_the_swedish_it_translated(admin_client):
    approved_in_arabic(SWEDISH)
    new = builders.joint_message(
        headline="Ring Försäkringskassan om du har frågor om barnbidraget.", status=None
    )
    page = editor(admin_client, new)
    assert re.search(r"\d\d % lika", page)
    assert f'<span lang="sv" dir="ltr">{SWEDISH}</span>' in page
    assert f'<span lang="ar" dir="rtl">{ARABIC}</span>' in page


def test_unapproved_other_language_and_unlike_texts_are_not_offered(admin_client):
    approved_in_arabic(SWEDISH, "ترجمة لم تراجع بعد", status=Status.TRANSLATED)
    builders.joint_message(headline=SWEDISH, translations={"so": {"headline": "Wac Kassada."}})
    approved_in_arabic("Sfi är gratis för dig som bor i Sverige.", "نص آخر")
    new = builders.joint_message(headline=SWEDISH, status=None)
    for lang in ("ar", "so"):
        page = editor(admin_client, new, lang)
        assert "ترجمة لم تراجع بعد" not in page and "نص آخر" not in page
    assert "Wac Kassada." not in editor(admin_client, new, "ar")


def test_a_unit_is_not_offered_its_own_translation():
    message = approved_in_arabic(SWEDISH)
    recalled = memory.Memory("ar")
    assert recalled.matches(Unit(message, "headline"), SWEDISH) == []


def test_the_memory_is_built_in_the_same_number_of_queries_however_many_segments():
    def build():
        with CaptureQueriesContext(connection) as queries:
            recalled = memory.Memory("ar")
        return len(queries), len(recalled.segments)

    approved_in_arabic(SWEDISH)
    before, segments = build()
    for n in range(5):
        approved_in_arabic(f"Ett annat budskap nummer {'x' * n}.")
    after, more = build()
    assert more == segments + 5
    assert after == before
