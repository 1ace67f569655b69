"""The bad-input corpus: texts, files and requests that must each end with a clear message or a
4xx (never a 500 or a traceback) and leave the database and the storage exactly as they were."""

import re
import struct
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import escape

from dialogue import text_rules
from dialogue.models import DialogueCard, JointMessage
from tests import builders
from tests.admin_forms import form_data, form_errors
from tests.translations.test_exchange import bomb, fill_xliff, snapshot
from translations import exchange
from translations.status import Unit

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def storage(root: Path) -> dict[str, int]:
    return {str(p.relative_to(root)): p.stat().st_size for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def unchanged(settings, tmp_path):
    """Asserts after the test that no row and no stored file changed."""
    media = tmp_path / "media"
    media.mkdir()
    settings.MEDIA_ROOT = media
    before = snapshot(), storage(media)
    yield
    assert (snapshot(), storage(media)) == before


# --- texts -----------------------------------------------------------------------------------
LONG_WORD = "a" * 200
TEXTS = {
    "right-to-left override": ("ar", "اتصلي على \u202e0771-524 524\u202c"),
    "left-to-right embedding": ("so", "Wac \u202a0771\u202c"),
    "direction isolate stored": ("ar", "\u2067نص\u2069"),
    "zero-width space": ("so", "Bayaan\u200bka"),
    "byte order mark": ("ti", "\ufeffሰላም"),
    "control character": ("so", "Bayaan\x07ka"),
    "null byte": ("so", "Bayaan\x00ka"),
    "emoji": ("ar", "مرحبا 👋"),
    "character no font covers": ("so", "Qoraal 𓀀"),
    "Chinese in Somali": ("so", "Qoraal 中文"),
    "200-character word": ("so", LONG_WORD),
    "10,000-character paragraph": ("so", "Qoraal dheer. " * 715),
}


def editor_url(message, code):
    return f"/admin/translate/jointmessage/{message.pk}/{code}/"


@pytest.mark.parametrize("case", TEXTS, ids=list(TEXTS))
def test_bad_text_in_the_translation_editor(admin_client, unchanged, case):
    code, text = TEXTS[case]
    message = JointMessage.objects.get(slug="barnbidrag")
    ref = exchange.unit_id(Unit(message, "body"))
    response = admin_client.post(editor_url(message, code), {ref: text})
    assert response.status_code == 400
    page = response.content.decode()
    expected = text_rules.problems(text, code) or ["At most"]
    assert any(escape(problem)[:30] in page for problem in expected)


@pytest.mark.parametrize("case", TEXTS, ids=list(TEXTS))
def test_bad_text_in_an_import(unchanged, case):
    code, text = TEXTS[case]
    message = JointMessage.objects.get(slug="barnbidrag")
    data = exchange.export_xliff(code, everything=True)
    filled = fill_xliff(data, {f"jointmessage/{message.pk}/body": _xml(text)})
    with pytest.raises(exchange.ExchangeError):
        exchange.import_file(filled, "xliff", code)


def _xml(text: str) -> str:
    """XML 1.0 cannot carry some characters at all; those fail to parse, which also refuses."""
    return text.replace("&", "&amp;").replace("<", "&lt;")


SOURCE_TEXTS = {
    "override in the Swedish": "Ring \u202e0771-524 524",
    "emoji in the Swedish": "Välkommen 👋",
    "200-character word in the Swedish": LONG_WORD,
    "overlong Swedish headline": "Lång rubrik " * 30,
}


def _title_refusal(text: str) -> str:
    """What the form must say about the title: its length first, else the text rules."""
    limit = DialogueCard._meta.get_field("title_sv").max_length
    length = len(text.strip())  # form fields strip what they are given
    if length > limit:
        return f"at most {limit} characters (it has {length})"
    return text_rules.problems(text, "sv")[0]


@pytest.mark.parametrize("case", SOURCE_TEXTS, ids=list(SOURCE_TEXTS))
def test_bad_swedish_in_the_admin_edit_form(admin_client, unchanged, case):
    card = DialogueCard.objects.get(slug="personnummer")
    url = f"/admin/snippets/dialogue/dialoguecard/edit/{card.pk}/"
    data = form_data(admin_client.get(url).content.decode())
    data["title_sv"] = [SOURCE_TEXTS[case]]
    revisions = card.revisions.count()
    response = admin_client.post(url, data)
    assert response.status_code == 200  # the form again, with the error; no revision saved
    expected = _title_refusal(SOURCE_TEXTS[case])
    errors = form_errors(response.content.decode())
    assert any(expected in message for message in errors.get("title_sv", [])), errors
    assert card.revisions.count() == revisions


MARKUP = ["<b>fet</b> & <script>alert(1)</script>", "<para>ReportLab</para> &amp; <br/>"]


@pytest.mark.parametrize("text", MARKUP)
def test_markup_is_shown_as_text_on_the_page(client, text):
    message = JointMessage.objects.get(slug="barnbidrag")
    builders.publish_swedish(message, body=text)
    response = client.get("/sv/folkbokforing/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "<script>alert(1)" not in page
    # The whole text is there, escaped (digits may be isolated in <bdi>, which is markup of ours).
    assert escape(text) in re.sub(r"</?bdi[^>]*>", "", page)


# --- files -----------------------------------------------------------------------------------
def _latin1_xliff():
    data = exchange.export_xliff("so", everything=True).decode()
    return data.replace("Qoraal", "Qoraal åäö").encode("latin-1", "replace")


XXE = (
    b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
    b'<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file '
    b'target-language="ar"><body><trans-unit id="x"><source>&e;</source></trans-unit>'
    b"</body></file></xliff>"
)
FILES = {
    "empty XLIFF": (b"", "xliff", "empty"),
    "empty PO": (b"\n\n", "po", "empty"),
    "truncated XLIFF": (None, "xliff", "well-formed"),
    "wrong encoding": ("latin1", "xliff", "well-formed"),
    "entity bomb": (bomb(), "xliff", "entities"),
    "external entity": (XXE, "xliff", "entities"),
    "50 MB PO": (b'msgid ""\nmsgstr ""\n' + b"#" * (50 * 2**20), "po", "MB"),
    "PO without a language": (b'msgid "a"\nmsgstr "b"\n', "po", "language"),
    "not a PO at all": (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "po", "."),
}


@pytest.mark.parametrize("case", FILES, ids=list(FILES))
def test_bad_exchange_files(unchanged, case):
    data, fmt, message = FILES[case]
    if data is None:
        whole = exchange.export_xliff("so", everything=True)
        data = whole[: len(whole) // 3]
    elif data == "latin1":
        data = _latin1_xliff()
    with pytest.raises(exchange.ExchangeError, match=message):
        exchange.import_file(data, fmt, "so")


def _aiff(frames: int = 8000) -> bytes:
    """One second of silence as AIFF, a real audio format we do not take (built by hand)."""
    rate = bytes.fromhex("400BFA00000000000000")  # 8000 Hz as an 80-bit extended float
    comm = b"COMM" + struct.pack(">IhIh", 18, 1, frames, 16) + rate
    sound = b"\x00\x00" * frames
    ssnd = b"SSND" + struct.pack(">III", 8 + len(sound), 0, 0) + sound
    body = b"AIFF" + comm + ssnd
    return b"FORM" + struct.pack(">I", len(body)) + body


NOT_AUDIO = "not an audio file that phones can play"
AUDIO = {  # the upload, and what the form says about it
    "text renamed .mp3": (b"This is not a recording.\n" * 20, NOT_AUDIO),
    "image renamed .mp3": (b"\x89PNG\r\n\x1a\n" + b"\x00" * 2000, NOT_AUDIO),
    "empty .mp3": (b"", "file is empty"),
    "real audio of the wrong format (AIFF)": (_aiff(), NOT_AUDIO),
    "HTML renamed .mp3": (b"<html><script>alert(1)</script></html>", NOT_AUDIO),
}


@pytest.mark.parametrize("case", AUDIO, ids=list(AUDIO))
def test_bad_audio_uploads(admin_client, unchanged, case):
    data, expected = AUDIO[case]
    card = DialogueCard.objects.get(slug="personnummer")
    upload = SimpleUploadedFile("inspelning.mp3", data, content_type="audio/mpeg")
    response = admin_client.post(
        "/admin/snippets/audio/audiorecording/add/",
        {"card": card.pk, "language": "ar", "file": upload, "recorded_by": "x"},
    )
    assert response.status_code == 200  # the form again, with the reason
    errors = form_errors(response.content.decode())
    assert any(expected in message for messages in errors.values() for message in messages), errors


# --- requests --------------------------------------------------------------------------------
REQUESTS = [
    "/q/ZZZZZZ/",
    "/q/ZZZZZZ/ar/",
    "/q/{code}/xx/",
    "/xx/",
    "/ar/no-such-event/",
    "/audio/999999/x.mp3",
    "/audio/1/..%2f..%2fcms%2fsettings%2fbase.py",
    "/material/../../etc/passwd",
    "/material/no-such-audience/pack.zip?lang=ar",
    "/material/servicekontor/pack.zip?lang=../../etc/passwd",
    "/material/servicekontor/pack.zip?lang=ar&finish=../../x",
    "/material/servicekontor/pack.zip?" + "&".join(["lang=ar"] * 500),
    "/material/servicekontor/pack.zip?lang=" + ",".join(["ar", "xx"] * 300),
    "/material/servicekontor/pack.zip?lang=xx",
    "/material/poster.pdf?size=A0",
    "/material/poster.pdf?event=../../etc",
    "/sv/?q=" + "x" * 10_000,
    "/material/?" + "a=" + "%" * 5000,
    "/print/pdf/?lang=../..&event=sfi&layout=cards",
    "/print/pdf/?lang=ar&event=<script>&layout=cards",
]


@pytest.mark.parametrize("path", REQUESTS, ids=[p[:60] for p in REQUESTS])
def test_bad_requests_get_a_4xx_or_a_clean_page(client, django_user_model, unchanged, path):
    from django.contrib.auth.models import Group

    from cms import roles
    from print.models import Office, StaffProfile

    clerk = django_user_model.objects.create_user("clerk", password="pw")
    clerk.groups.add(Group.objects.get(name=roles.SERVICE_OFFICE))
    StaffProfile.objects.create(user=clerk, office=Office.objects.create(name="Kontoret"))
    client.force_login(clerk)
    before = snapshot()  # the clerk above is part of the set-up, not of the request
    card = DialogueCard.objects.get(slug="personnummer")
    response = client.get(path.format(code=card.code))
    body = response.content.decode(errors="replace") if not response.streaming else ""
    assert response.status_code < 500 and "Traceback" not in body
    if response.status_code == 200:
        assert response["Content-Type"].startswith("text/html")  # a page, not a file
    assert snapshot() == before
    # the fixture's own check runs after the set-up rows are rolled back with the test
    StaffProfile.objects.all().delete()
    clerk.delete()
    Office.objects.filter(name="Kontoret").delete()


def test_the_corpus_is_at_least_forty_cases():
    total = 2 * len(TEXTS) + len(SOURCE_TEXTS) + len(MARKUP) + len(FILES) + len(AUDIO)
    assert total + len(REQUESTS) >= 40


def test_every_refusal_says_what_is_wrong():
    # Spot-check that messages are sentences a translator can act on, not codes.
    for case in ("right-to-left override", "zero-width space", "emoji", "200-character word"):
        code, text = TEXTS[case]
        problems = text_rules.problems(text, code)
        assert problems and all(re.search(r"[a-z]{3,} [a-z]{3,}", p) for p in problems)
