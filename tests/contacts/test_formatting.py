"""A contact as she reads it: day names in her language, numbers whole, her line first."""

import pytest

import languages
from contacts import formatting
from dialogue.projection import ContactText, OpeningHours, contact_text
from languages import bidi
from typeset import fonts, layout

FK = contact_text(
    {
        "name": "Försäkringskassan",
        "phones": ["0771-524 524", "+46 771 524 524"],
        "lines": [{"language": "ar", "number": "0771-524 500"}],
        "hours": [
            {"first_day": 0, "last_day": 4, "opens": "08:00", "closes": "16:00"},
            {"first_day": 5, "last_day": 5, "opens": "10:00", "closes": "14:00"},
        ],
        "url": "https://www.forsakringskassan.se/",
    }
)


@pytest.mark.parametrize("lang", languages.codes())
def test_every_language_has_its_own_weekday_names(lang):
    names = formatting.day_names(lang)
    assert len(set(names)) == 7 and all(names)
    row = formatting.hours_row(OpeningHours(0, 4, "8:00", "16:00:00"), lang)
    assert row == f"{names[0]}–{names[4]} 08:00–16:00"
    if lang not in ("sv", "sv-ls"):
        assert names != formatting.day_names("sv"), "Babel lacked the locale: Swedish names"


def test_day_names_read_in_her_language():
    assert formatting.day_names("sv")[:2] == ("måndag", "tisdag")
    assert formatting.day_names("sv-ls")[0] == "måndag"
    assert formatting.day_names("ar")[0] == "الاثنين"
    assert formatting.day_names("ti")[4] == "ዓርቢ"
    assert formatting.day_names("th")[0] == "วันจันทร์"
    assert formatting.day_names("fi")[0] == "maanantai"  # not "maanantaina" ("on Monday")


def test_times_are_two_digits_latin():
    assert formatting.hhmm("8:00") == "08:00"
    assert formatting.hhmm("08:30:00") == "08:30"
    rows = formatting.hours_rows(FK.hours, "fa")
    assert rows[0].endswith("08:00–16:00") and rows[1].endswith("10:00–14:00")
    assert formatting.hours_text(FK.hours, "ar") == "،".join(
        formatting.hours_rows(FK.hours, "ar")
    ).replace("،", "، ")
    assert ", " in formatting.hours_text(FK.hours, "en")


def test_her_service_line_comes_first_then_numbers_hours_and_web():
    lines = formatting.contact_lines(FK, "ar")
    assert [line.kind for line in lines] == [
        "name", "service_line", "phone", "phone", "hours", "hours", "url"
    ]  # fmt: skip
    assert lines[0].value == "Försäkringskassan"  # names stay Swedish
    assert lines[1].value == "0771-524 500" and lines[1].href == "tel:0771524500"
    assert [line.value for line in lines[2:4]] == ["0771-524 524", "+46 771 524 524"]
    assert lines[3].href == "tel:+46771524524"
    assert lines[4].label and not lines[5].label  # "Opening hours" once
    assert lines[-1].value == "forsakringskassan.se"
    assert lines[-1].href == "https://www.forsakringskassan.se/"


def test_without_a_line_in_her_language_the_general_numbers_lead():
    lines = formatting.contact_lines(FK, "so")
    assert [line.kind for line in lines][:3] == ["name", "phone", "phone"]


def test_the_swedish_side_names_her_line_in_swedish():
    lines = formatting.contact_lines(FK, "sv", her_lang="ar")
    assert lines[1].kind == "service_line"
    assert lines[1].text == "På arabiska: 0771-524 500"
    assert lines[4].text.startswith("Öppettider: måndag–fredag")


def test_english_labels():
    texts = [line.text for line in formatting.contact_lines(FK, "en")]
    assert "Phone: 0771-524 524" in texts
    assert "Opening hours: Monday–Friday 08:00–16:00" in texts
    assert "Saturday 10:00–14:00" in texts


def test_no_contact_no_lines():
    assert formatting.contact_lines(None, "ar") == []
    empty = ContactText("Skatteverket", (), (), (), "")
    assert [line.kind for line in formatting.contact_lines(empty, "ar")] == ["name"]


def test_a_time_is_one_number_kept_left_to_right():
    assert bidi.number_spans("الاثنين 08:00–16:00") == [(8, 13), (14, 19)]
    html = bidi.isolated_html("08:00")
    assert html == '<bdi dir="ltr">08:00</bdi>'


@pytest.mark.parametrize("lang", ["ar", "fa", "ti", "th", "en"])
def test_print_never_breaks_a_number_or_a_time_range(lang):
    """In a box too narrow for the line, the breaks fall between the parts, never inside."""
    for line in formatting.contact_lines(FK, lang):
        block = layout.layout(line.printed, lang, 9, 75)
        drawn = ["".join(run.text for _x, run in row.runs) for row in block.lines]
        for whole in ("0771-524 524", "0771-524 500", "+46 771 524 524", "08:00", "16:00"):
            if whole in line.text:
                assert any(whole in text for text in drawn), (lang, whole, drawn)
        if line.kind == "hours":  # both times of a range on one line
            opens, closes = line.value.rsplit(" ", 1)[-1].split("–")
            assert any(opens in text and closes in text for text in drawn), (lang, drawn)


@pytest.mark.parametrize("lang", languages.codes())
def test_the_print_fonts_of_every_language_draw_its_contact_lines(lang):
    for line in formatting.contact_lines(FK, lang):
        assert fonts.uncovered(line.printed, lang) == [], (lang, line)
