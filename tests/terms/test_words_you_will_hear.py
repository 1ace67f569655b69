"""[G] 2: "Words you will hear". Under a card, on the QR page and the life-event page, the
approved terms in the Swedish her translation was made from, each explained in her language
with a slow Swedish recording of the word (computer voice until a person records it); the
leaflet prints them per life event, and a changed term makes a new leaflet file."""

import re

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone, translation
from django.utils.translation import gettext

from audio import recordings as audio_texts
from audio.models import TermRecording
from dialogue.models import DialogueCard, LifeEvent
from editions.served import Served
from print import content, service
from print.documents import base as renderer_base
from terms.models import Term, TermTranslation
from tests.audio.test_qr_audio import wav_bytes
from tests.pdf_tools import text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english", "empty_media")]

PERSONNUMMER_AR = "رقمك الشخصي في السويد. تحتاجينه لدى الجهات الحكومية والبنوك."


def card_with(word: str, lang: str = "ar") -> DialogueCard:
    """A live card whose Arabic edition in service was made from a Swedish text with `word`."""
    for card in DialogueCard.objects.public():
        edition = Served([card], lang).edition(card)
        if edition is not None and word in audio_texts.edition_text(edition.source).lower():
            return card
    raise AssertionError(f"no demo card with {word!r} in its Swedish")


def approve(term: Term) -> None:
    term = Term.objects.prefetch_related("translations").get(pk=term.pk)
    term.approved_at = timezone.now()
    term.approved_fingerprint = term.fingerprint()
    term.save()


def recording(term: Term) -> TermRecording:
    made = TermRecording(term=term, recorded_by="test", synthetic=True)
    made.file = ContentFile(wav_bytes(seconds=0.4), name="word.wav")
    made.full_clean()
    made.approved_at = timezone.now()
    made.save()
    return made


def words_section(body: str) -> str:
    found = re.search(r'<section class="words".*?</section>', body, re.S)
    assert found, "no 'Words you will hear' on the page"
    return found.group()


def test_the_qr_page_explains_the_cards_approved_terms_in_her_language(client):
    card = card_with("personnummer")
    swedish = audio_texts.edition_text(Served([card], "ar").edition(card).source).lower()
    assert "föräldrapenning" not in swedish  # a term not in the card's Swedish
    # A term in the card's Swedish that is no longer approved: changed since its approval.
    sfi = TermTranslation.objects.get(term__term="sfi", language="ar")
    sfi.explanation = "شرح لم تتم الموافقة عليه"
    sfi.save()
    assert "sfi" in swedish

    body = client.get(f"/q/{card.code}/ar/").content.decode()
    words = words_section(body)
    assert "كلمات ستسمعينها" in words  # "Words you will hear", in Arabic
    assert re.search(r'<span lang="sv" dir="ltr">personnummer</span>', words)
    assert re.search(rf'<dd lang="ar" dir="rtl">{PERSONNUMMER_AR}</dd>', words)
    assert "لم تتم الموافقة" not in body and ">sfi<" not in words
    assert "föräldrapenning" not in words and "مال تحصلين عليه" not in body


def test_a_language_without_explanations_sees_no_list(client):
    card = card_with("personnummer", "so")
    assert '<section class="words"' not in client.get(f"/q/{card.code}/so/").content.decode()


def test_a_swedish_reader_reads_the_plain_swedish_explanation(client):
    term = Term.objects.get(term="personnummer")
    assert term.explanation  # the demo's plain Swedish, for the public
    card = card_with("personnummer", "sv")
    words = words_section(client.get(f"/q/{card.code}/sv/").content.decode())
    assert "Ord du kommer att höra" in words
    assert re.search(r'<span lang="sv" dir="ltr">personnummer</span>', words)
    assert f'<dd lang="sv" dir="ltr">{term.explanation}</dd>' in words


def test_the_word_plays_slowly_from_the_sites_own_address(client):
    term = Term.objects.get(term="personnummer")
    made = recording(term)
    card = card_with("personnummer")

    body = client.get(f"/q/{card.code}/ar/").content.decode()
    assert "cms/speak.js" in body  # one large button per word, one plays at a time
    words = words_section(body)
    (url,) = re.findall(r'<audio controls preload="none" src="([^"]+)"', words)
    assert url == made.url and url.startswith("/audio/term/")
    assert 'class="voice"' in words  # "Computer voice", in Arabic
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"].startswith("audio/")
    assert b"".join(response.streaming_content if response.streaming else [response.content])

    # Waiting for approval: not heard, and its address answers nothing.
    TermRecording.objects.filter(pk=made.pk).update(approved_at=None)
    assert client.get(url).status_code == 404


def test_the_life_event_page_shows_the_words_under_each_card(client):
    card = card_with("personnummer")
    body = client.get(f"/ar/{card.life_event.slug}/").content.decode()
    assert PERSONNUMMER_AR in words_section(body)


def test_the_leaflet_prints_the_words_and_a_changed_term_makes_a_new_file(monkeypatch):
    made = []
    original = renderer_base.Renderer.render
    monkeypatch.setattr(
        renderer_base.Renderer, "render", lambda self: made.append(1) or original(self)
    )
    event = LifeEvent.objects.get(slug="folkbokforing")
    first = service.leaflet_pdf([event], "ar")
    printed = set(re.findall(r"\w+", text(first)))
    assert "personnummer" in printed
    # Word by word: pdftotext may join a wrapped right-to-left line in another order.
    assert set(re.findall(r"\w+", PERSONNUMMER_AR)) <= printed
    key = content.event_content(event, "ar").fingerprint

    changed = TermTranslation.objects.get(term__term="personnummer", language="ar")
    changed.explanation = "رقم جديد للتجربة"
    changed.save()
    approve(changed.term)
    assert content.event_content(event, "ar").fingerprint != key
    second = service.leaflet_pdf([event], "ar")
    assert len(made) == 2 and second != first
    assert "جديد" in re.findall(r"\w+", text(second)) and "جديد" not in printed


@pytest.mark.parametrize("lang", ["ar", "ti"])
def test_the_words_are_never_left_off_a_full_leaflet(lang):
    """Every live life event whose Swedish holds an explained term prints its words box, on a
    page of its own when the messages fill the last one (Tigrinya's folkbokföring does)."""
    for event in LifeEvent.objects.live():
        words = content.event_content(event, lang).words
        if not words:
            continue
        printed = set(re.findall(r"\w+", text(service.leaflet_pdf([event], lang))))
        with translation.override(lang):
            heading = gettext("Words you will hear")
        assert set(re.findall(r"\w+", heading)) <= printed, event.slug
        for swedish, explanation in words:
            assert set(re.findall(r"\w+", swedish + " " + explanation)) <= printed, swedish
