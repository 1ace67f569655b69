"""The Swedish edit form tells how easy the text is to read: LIX over what the woman reads
together and every sentence over the target length (translations.source_readability)."""

import re
from html import unescape

import pytest

from tests import builders

pytestmark = pytest.mark.django_db


def panel(client, obj) -> str:
    url = f"/admin/snippets/dialogue/{obj._meta.model_name}/edit/{obj.pk}/"
    response = client.get(url)
    assert response.status_code == 200
    html = unescape(response.content.decode())
    start = html.index('id="source-readability"')
    return html[start : html.index("</section>", start)]


def test_a_plain_message_shows_its_lix_without_warnings(admin_client):
    body = "Barnbidrag är pengar för ditt barn. Du får pengarna varje månad. " * 3
    message = builders.joint_message(headline="Du kan få barnbidrag.", body=body.strip())
    shown = panel(admin_client, message)
    assert re.search(r"LIX \d+", shown)
    assert "quality-warning" not in shown


def test_a_hard_message_is_told_its_lix_and_its_long_sentence(admin_client):
    long = (
        "Föräldrapenningen som Försäkringskassan administrerar kompenserar förvärvsarbetande "
        "vårdnadshavare för inkomstbortfallet under föräldraledigheten och kan tas ut i "
        "omgångar fram till dess att barnet har fyllt tolv år eller slutat femte klass."
    )
    message = builders.joint_message(headline="Föräldrapenning.", body=long)
    shown = panel(admin_client, message)
    assert 'data-kind="lix"' in shown
    assert 'data-kind="sentence_length"' in shown and "Föräldrapenningen som" in shown
