"""Approving a recording in a real browser, for every kind of recording on its one approval page
(audio.kinds): the communication group uploads it in the admin, and the person who answers for
it, who did not upload it, opens "Lyssna och godkänn" from the listing's menu, hears it and
approves it. A card and a language's name are judged by a reviewer of the language; a term
([G] 2) by an approver of the word's owning agency."""

import io
import math
import struct
import wave
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser


def tone(seconds=0.8, rate=8000) -> bytes:
    """A short WAV of a quiet tone: what a person's recording is to the upload's checks."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        samples = (
            int(3000 * math.sin(2 * math.pi * 440 * i / rate)) for i in range(int(seconds * rate))
        )
        out.writeframes(b"".join(struct.pack("<h", sample) for sample in samples))
    return buffer.getvalue()


def choose(page, field: str, text: str):
    """Wagtail's chooser: the button beside the field opens a modal; she picks by its title."""
    page.locator(f"#{field}-chooser .unchosen button[data-chooser-action-choose]").click()
    page.locator("a[data-chooser-modal-choice]", has_text=text).first.click()
    page.wait_for_selector(".modal", state="hidden")


@dataclass(frozen=True)
class Kind:
    model: str  # the snippet's model name
    fill: Callable  # what the upload form asks besides the file
    row: tuple[str, ...]  # what the recording's row in the listing shows
    approver: tuple[str, str]  # (username, password)
    named: str  # in the message that says it is approved


REVIEWER_TI = ("granskare-ti", "jobba-granskare-demo")
CARD = "Folkbokföring och personnummer"  # served in Tigrinya in the demo
KINDS = {
    "card": Kind(
        "audiorecording",
        lambda page: (
            choose(page, "id_card", CARD),
            page.select_option("#id_language", "ti"),
        ),
        (CARD, "ትግርኛ"),
        REVIEWER_TI,
        CARD,
    ),
    "language name": Kind(
        "languagenamerecording",
        lambda page: page.select_option("#id_language", "ti"),
        ("ትግርኛ",),
        REVIEWER_TI,
        "Tigrinja",
    ),
    # sfi belongs to Arbetsförmedlingen in the demo termbase: its approvers judge the word.
    "term": Kind(
        "termrecording",
        lambda page: choose(page, "id_term", "sfi"),
        ("sfi",),
        ("godkannare-af", "jobba-godkannare-demo"),
        "sfi",
    ),
}


def row(page, kind, *also):
    found = page.locator("tbody tr")
    for text in (*kind.row, *also):
        found = found.filter(has_text=text)
    return found


def log_in(browser, site, username, password):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="sv-SE")
    page = context.new_page()
    page.goto(f"{site.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{site.url}/admin/")
    return page


@pytest.mark.parametrize("name", list(KINDS))
def test_a_recording_is_uploaded_by_one_and_approved_by_another(browser, site, name):
    kind = KINDS[name]
    listing = f"{site.url}/admin/snippets/audio/{kind.model}/"

    editor = log_in(browser, site, "redaktor", "jobba-redaktor-demo")
    editor.goto(f"{listing}add/")
    kind.fill(editor)
    editor.fill("#id_recorded_by", "Sara Lind")
    editor.set_input_files(
        "#id_file",
        {"name": "inspelning.wav", "mimeType": "audio/wav", "buffer": tone()},
    )
    editor.get_by_role("button", name="Spara").first.click()
    editor.wait_for_url(listing)
    assert row(editor, kind, "Väntar på godkännande").count() == 1
    editor.context.close()

    approver = log_in(browser, site, *kind.approver)
    approver.goto(listing)
    row(approver, kind, "Väntar på godkännande").locator(
        "button[aria-label^='Fler alternativ']"
    ).click()
    approver.get_by_role("link", name="Lyssna och godkänn").click()
    approver.wait_for_url("**/approve/?next=*")
    assert approver.get_by_text("Godkänn inspelningen").first.is_visible()
    audio = approver.locator("audio[controls]")
    assert audio.count() == 1
    # The recording plays in the admin for her before the public hears it.
    assert (
        approver.evaluate("async (src) => (await fetch(src)).status", audio.get_attribute("src"))
        == 200
    )
    screenshot(approver, f"approve-recording-{kind.model}")
    approver.get_by_role("button", name="Godkänn", exact=True).click()
    approver.wait_for_url(listing)
    assert kind.named in approver.locator(".messages .success").inner_text()
    assert row(approver, kind, "Väntar på godkännande").count() == 0
    assert row(approver, kind, "Godkänd").count() >= 1
    approver.context.close()
