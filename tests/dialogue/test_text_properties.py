"""Property tests (hypothesis): any text the rules accept prints in every layout; any text they
refuse is refused with a message, by the editor's rules and by an import alike."""

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from dialogue import text_rules
from dialogue.models import LifeEvent
from dialogue.models.messages import BODY_MAX
from print import content
from print.documents.card import CardRenderer, CardSheetRenderer
from print.documents.leaflet import LeafletRenderer
from tests import builders
from tests.translations.test_exchange import fill_xliff
from translations import exchange

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

LANGUAGES = ("sv", "ar", "ti", "th", "so", "uk")
# What translators type and tools paste: each language's letters, digits, punctuation,
# markup-looking characters and whitespace ...
COMMON = list(" 0123456789.,;:!?()-–/&<>\"'%\n")
LETTERS = {
    "sv": "abcåäöéABCÅÄÖ", "so": "abcdefghijklmnopqrstuvwxyz'", "ar": "مرحباسلامعليكم٠١٢",
    "ti": "ሰላምትግርኛኣብ", "th": "สวัสดีครับภาษาไทย", "uk": "ПривітЇїЄєҐґ",
}  # fmt: skip
# ... and what breaks things: direction and invisible characters, control codes, no glyph.
BAD = ["\u202e", "\u202a", "\u2067", "\u200b", "\ufeff", "\x07", "👋", "𓀀", "中"]


def clean_text(code):
    alphabet = st.sampled_from(list(LETTERS[code]) + COMMON)
    return st.text(alphabet=alphabet, min_size=1, max_size=BODY_MAX)


def dirty_text(code):
    return st.tuples(clean_text(code), st.lists(st.sampled_from(BAD), min_size=1, max_size=3)).map(
        lambda parts: parts[0][: BODY_MAX // 2] + "".join(parts[1]) + parts[0][BODY_MAX // 2 :]
    )


EXAMPLES = settings(
    max_examples=25,
    deadline=None,  # rendering a PDF takes a while, and the machine is shared
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def card():
    """A card with one key message in a life event of its own, translated into every language
    here (the Swedish is the source) and approved."""
    return builders.card_with_message([code for code in LANGUAGES if code != "sv"])


@pytest.fixture
def pieces(card):
    event = LifeEvent.objects.get(pk=card.life_event_id)
    return {code: (content.card_content(card, code), content.event_content(event, code))
            for code in LANGUAGES}  # fmt: skip


def with_body(piece, text):
    """The same card or leaflet with the first message's body replaced."""
    if isinstance(piece, content.CardContent):
        first = replace(piece.messages[0], body=text)
        return replace(piece, messages=(first, *piece.messages[1:]))
    target, swedish = piece.messages[0]
    return replace(piece, messages=((replace(target, body=text), swedish), *piece.messages[1:]))


@EXAMPLES
@given(data=st.data(), code=st.sampled_from(LANGUAGES))
def test_accepted_text_prints_in_every_layout(pieces, data, code):
    text = data.draw(clean_text(code))
    assume(text.strip() and not text_rules.problems(text, code))
    card, leaflet = pieces[code]
    for renderer, piece in (
        (CardRenderer, with_body(card, text)),
        (CardSheetRenderer, with_body(card, text)),
        (LeafletRenderer, with_body(leaflet, text)),
    ):
        for finish in ("office", "print-shop"):
            if renderer is CardSheetRenderer and finish == "print-shop":
                continue  # 4-up sheets are for office printers only
            pdf = renderer.for_contents([piece], finish).render()
            assert pdf.startswith(b"%PDF") and pdf.rstrip().endswith(b"%%EOF")


@EXAMPLES
@given(data=st.data(), code=st.sampled_from([c for c in LANGUAGES if c != "sv"]))
def test_refused_text_is_refused_with_a_message_by_an_import(card, data, code):
    text = data.draw(dirty_text(code))
    problems = text_rules.problems(text, code)
    assert problems and all(len(problem) > 20 for problem in problems)
    message = card.key_messages()[0]
    unit = f"jointmessage/{message.pk}/body"
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    data = fill_xliff(exchange.export_xliff(code, everything=True), {unit: escaped})
    with pytest.raises(exchange.ExchangeError):
        exchange.import_file(data, "xliff", code)
