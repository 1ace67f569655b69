"""Acceptance ([PP] 4): type sizes by script, read from the printed files, and nothing left off a
front: what does not fit moves to a second card, and staff are told exactly what moved."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

import languages
from dialogue.models import DialogueCard
from print import content, preflight, service
from print.documents import card as card_layout
from tests.pdf_tools import _run, normalise
from typeset import fonts, legibility

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english", "empty_media")]

CARD = "personnummer"  # folkbokföring's card, approved in every enabled language
PUNCTUATION = ".,،؛:!?()«»–-"
ZOOM = 3  # pdftohtml's largest: sizes come in thirds of a point


def text_sizes(pdf: bytes) -> dict[int, list[tuple[str, float]]]:
    """(font family, size in points) of every piece of text, by page (from 1), from pdftohtml."""
    xml = _run("pdftohtml", "-xml", "-i", "-stdout", "-zoom", str(ZOOM), "{pdf}", data=pdf)
    specs = {
        found.group(1): (found.group(3), int(found.group(2)) / ZOOM)
        for found in re.finditer(r'<fontspec id="(\d+)" size="(\d+)" family="([^"]*)"', xml)
    }
    pages: dict[int, list[tuple[str, float]]] = {}
    for number, body in re.findall(r'<page number="(\d+)"(.*?)</page>', xml, re.S):
        pages[int(number)] = [specs[font] for font in re.findall(r'<text [^>]*font="(\d+)"', body)]
    return pages


def page_text(pdf: bytes, page: int) -> str:
    """pdftotext of one page as it comes (with its embedding marks)."""
    pages = ("-f", str(page), "-l", str(page))
    return _run("pdftotext", "-enc", "UTF-8", *pages, "{pdf}", "-", data=pdf)


def squeezed(text: str) -> str:
    """Text without spaces, joiners or bidi marks: a line break or an isolate cannot hide it."""
    return "".join(ch for ch in normalise(text) if not ch.isspace() and ch not in fonts.IGNORABLE)


def card_pdf(lang: str) -> bytes:
    return service.piece_pdf(CARD, lang, "card")


def test_nothing_on_a_card_is_under_8_pt_in_any_language():
    smallest = {}
    for code in languages.codes():
        pages = text_sizes(card_pdf(code))
        sizes = [size for page in pages.values() for _family, size in page]
        assert sizes, code
        smallest[code] = min(sizes)
    assert {code: size for code, size in smallest.items() if size < legibility.MIN_SIZE} == {}


@pytest.mark.parametrize(
    "code",
    [lang.code for lang in languages.enabled() if lang.script in legibility.MIN_BODY],
)
def test_fronts_in_ethiopic_arabic_and_thai_script_are_at_least_9_pt(code):
    script = languages.get(code).script
    family = Path(fonts.FILES[script][0]).stem.split("-")[0]  # NotoSansEthiopic …
    pages = text_sizes(card_pdf(code))
    fronts = [pages[number] for number in sorted(pages) if number % 2 == 1]
    in_script = [size for front in fronts for name, size in front if family in name]
    assert in_script, f"no {family} text on the fronts"
    assert min(in_script) >= legibility.MIN_BODY[script]


def words(text: str) -> set[str]:
    """Words without punctuation; pdftotext's embedding marks count as spaces, since it puts
    them where a Latin name meets right-to-left text ("لدى ‪Statens servicecenter‬مكاتب")."""
    spaced = "".join(" " if ch in fonts.IGNORABLE - {"\u200c"} else ch for ch in text)
    return {word.strip(PUNCTUATION) for word in normalise(spaced).split()} - {""}


def test_where_to_turn_is_on_a_front_in_every_language():
    card = DialogueCard.objects.get(slug=CARD)
    missing = {}
    for code in languages.codes():
        piece = content.card_content(card, code)
        plan, _backs = card_layout.CardDesign(piece).sides()
        placed = {p.tag for front in plan.cards for p in front}
        lines = {i: m.where_to_turn for i, m in enumerate(piece.messages) if m.where_to_turn}
        assert lines, code
        assert {f"{i}/where_to_turn" for i in lines} <= placed, code
        pdf = card_pdf(code)
        pages = len(text_sizes(pdf))
        fronts = " ".join(page_text(pdf, number) for number in range(1, pages + 1, 2))
        if languages.get(code).is_rtl:
            # poppler orders a Latin name inside a right-to-left line its own way: word by word
            lost = [line for line in lines.values() if not words(line) <= words(fronts)]
        else:
            lost = [line for line in lines.values() if squeezed(line) not in squeezed(fronts)]
        if lost:
            missing[code] = lost
    assert missing == {}


def spilled_language() -> str:
    """A language whose front of the demo card takes two cards (several do at 8–9 pt)."""
    card = DialogueCard.objects.get(slug=CARD)
    for code in languages.codes():
        plan, _backs = card_layout.CardDesign(content.card_content(card, code)).sides()
        if len(plan.cards) > 1:
            return code
    pytest.fail("no language of the demo card needs a second card")


def test_a_front_that_does_not_fit_spills_to_a_second_card_printed_front_and_back():
    code = spilled_language()
    card = DialogueCard.objects.get(slug=CARD)
    piece = content.card_content(card, code)
    pdf = card_pdf(code)
    assert len(text_sizes(pdf)) == 4  # front 1, back 1, front 2, back 2: duplex pairs
    # Each back holds the Swedish of the messages on its own front.
    plan, _backs = card_layout.CardDesign(piece).sides()
    for number, indexes in enumerate(plan.messages_per_card()):
        back = squeezed(page_text(pdf, 2 * number + 2))
        for index in indexes:
            assert squeezed(piece.sv_messages[index].headline) in back


def test_preflight_and_render_card_say_what_moved(tmp_path):
    code = spilled_language()
    card = DialogueCard.objects.get(slug=CARD)
    piece = content.card_content(card, code)
    plan, _backs = card_layout.CardDesign(piece).sides()
    moved = plan.moves()
    assert moved
    expected = []
    for index, what, number in moved:
        headline = piece.sv_messages[index].headline
        assert what in ("message", "text", "where_to_turn")
        expected.append(f"“{headline}”")
        assert number == 2
    warnings = [p.message for p in preflight.card(card, code) if p.level == "warning"]
    assert "The text does not fit on one card: it prints as 2 cards." in warnings
    for phrase in expected:
        assert any(phrase in w and "card 2" in w for w in warnings), (phrase, warnings)

    out = StringIO()
    call_command("render_card", CARD, "--lang", code, "--out", str(tmp_path / "c.pdf"), stdout=out)
    said = out.getvalue()
    assert "it prints as 2 cards" in said
    assert all(phrase in said for phrase in expected)


def test_where_to_turn_alone_is_reported_as_such():
    """A message taller than what is left of the first card: its where to turn goes on, and
    preflight names it, not the whole message."""
    plan = card_layout.FrontPlan(14, 9, ((), ()))
    assert plan.moves() == []
    placed = card_layout.frames.place(
        [
            card_layout.Item("Ring oss", "sv", tag="0/where_to_turn"),
            card_layout.Item("Rubrik", "sv", tag="1/headline"),
            card_layout.Item("Text", "sv", tag="1/body"),
        ],
        200,
        9,
    )
    plan = card_layout.FrontPlan(14, 9, ((), tuple(placed)))
    assert plan.moves() == [(0, "where_to_turn", 2), (1, "message", 2)]
    assert plan.messages_per_card() == [set(), {1}]


def test_the_title_shrinks_before_the_front_spills():
    """Remedies in order: the text down to the script's floor, then the title, then a second
    card (with the title at its full size again)."""
    card = DialogueCard.objects.get(slug=CARD)
    base = content.card_content(card, "en")
    # Three lines at 14 pt beside the pictogram, two at 12 pt.
    long_title = "Registration, your personal identity number and what it opens for you"
    found = {}
    for words in range(0, 400, 4):
        extra = " ".join(["word"] * words)
        first = base.messages[0]
        messages = (first.__class__(**{**first.__dict__, "body": f"{first.body} {extra}"}),)
        piece = base.__class__(**{**base.__dict__, "title": long_title, "messages": messages})
        plan, _backs = card_layout.CardDesign(piece).sides()
        if plan.title_shrunk:
            found.setdefault("shrunk", (plan, piece))
        if len(plan.cards) > 1:
            found.setdefault("spilled", (plan, piece))
            break
    shrunk_plan, shrunk_piece = found["shrunk"]
    assert len(shrunk_plan.cards) == 1
    assert shrunk_plan.size == legibility.min_body("en")  # the text gave way first
    assert shrunk_plan.title_size < card_layout.TITLE_SIZES[0]
    notes = preflight.fit_notes(shrunk_piece)
    size = f"{shrunk_plan.title_size:g}"
    assert f"The title is shrunk to {size} pt so that the front fits on one card." in notes
    spilled_plan, _piece = found["spilled"]
    assert spilled_plan.title_size == card_layout.TITLE_SIZES[0]


def test_render_card_writes_nothing_extra_for_a_card_that_fits(tmp_path):
    code = "sv"
    piece = content.card_content(DialogueCard.objects.get(slug=CARD), code)
    assert len(card_layout.CardDesign(piece).sides()[0].cards) == 1
    out = StringIO()
    call_command("render_card", CARD, "--lang", code, "--out", str(tmp_path / "c.pdf"), stdout=out)
    assert "moved" not in out.getvalue()
    assert "cards" not in out.getvalue()
    assert len(text_sizes((tmp_path / "c.pdf").read_bytes())) == 2


@pytest.mark.parametrize("code", ["sv", "ar", "ti", "th"])
def test_nothing_on_the_leaflet_is_under_8_pt(code):
    pages = text_sizes(service.piece_pdf(CARD, code, "leaflet"))
    assert min(size for page in pages.values() for _family, size in page) >= legibility.MIN_SIZE


def test_a_back_too_long_for_one_card_is_reported():
    base = content.card_content(DialogueCard.objects.get(slug=CARD), "sv")
    prompts = tuple(f"Fråga nummer {n}: vad behöver du veta om personnummer?" for n in range(40))
    piece = base.__class__(**{**base.__dict__, "prompts": prompts})
    plan, backs = card_layout.CardDesign(piece).sides()
    assert len(plan.cards) == 1 and len(backs) > 1
    notes = preflight.fit_notes(piece)
    assert f"it prints as {len(backs)} cards" in notes[0]
    assert "The Swedish on the back continues on the back of card 2." in notes
