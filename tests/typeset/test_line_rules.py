"""Line-breaking rules for print ([PP] 4): no lone word on a paragraph's last line where the line
before can give one, Thai agency names kept whole, a card's "1/2" read as written."""

from typeset import layout, no_break

SWEDISH = (
    "Gå till ett servicekontor och ta med ditt pass och ditt uppehållstillstånd. "
    "Skatteverket ger dig ett personnummer när du är folkbokförd."
)


def line_texts(block) -> list[str]:
    return ["".join(run.text for _x, run in line.runs) for line in block.lines]


def laid_out(width: float):
    return layout.layout(SWEDISH, "sv", 10, width)


def test_a_paragraph_does_not_end_in_one_word_when_the_line_before_can_give_one(monkeypatch):
    widths = range(120, 400, 3)
    layout.layout.cache_clear()
    with monkeypatch.context() as plain:  # greedy filling alone, to compare with
        plain.setattr(layout, "_no_lone_last_word", lambda groups, width, measure: groups)
        greedy = {width: line_texts(laid_out(width)) for width in widths}
    layout.layout.cache_clear()
    lone = [w for w, lines in greedy.items() if len(lines) > 1 and len(lines[-1].split()) == 1]
    assert lone, "no width leaves a lone last word: the test would show nothing"
    for width in widths:
        block = laid_out(width)
        lines = line_texts(block)
        assert all(line.width <= width for line in block.lines), width
        assert len(lines) == len(greedy[width]), width  # never a line more
        assert " ".join(lines).split() == SWEDISH.split()  # nothing lost or reordered
        if width in lone and len(greedy[width][-2].split()) >= 3:  # it could give a word
            assert len(lines[-1].split()) == 2, (width, lines)


THAI = (
    "คุณต้องมีเลขประจำตัวบุคคลเพื่อเรียน sfi และลงทะเบียนกับ Arbetsförmedlingen "
    "(สำนักงานจัดหางานของรัฐ) เก็บหนังสือแจ้งจาก Skatteverket (กรมสรรพากร) ไว้ให้ดี"
)


def test_thai_agency_names_are_never_broken_across_lines():
    names = [name for name in no_break.NO_BREAK["th"] if name in THAI]
    assert len(names) == 2
    widest = max(layout.layout(f"({name}) ", "th", 10, 10_000).lines[0].width for name in names)
    broken_somewhere = False
    for width in range(int(widest) + 1, 320, 4):  # narrower, a name is cut to fit
        lines = line_texts(layout.layout(THAI, "th", 10, width))
        assert "".join(lines).replace(" ", "") == THAI.replace(" ", "")
        for name in names:
            assert any(name in line for line in lines), (width, name, lines)
        broken_somewhere |= any(line.endswith("สำนักงาน") for line in lines)
    assert not broken_somewhere


def test_without_the_list_icu_would_break_inside_them(monkeypatch):
    monkeypatch.setattr(no_break, "NO_BREAK", {})
    no_break._pattern.cache_clear()
    layout.layout.cache_clear()
    try:
        split = any(
            not all(
                any(name in line for line in line_texts(layout.layout(THAI, "th", 10, width)))
                for name in ("สำนักงานจัดหางานของรัฐ", "กรมสรรพากร")
            )
            for width in range(90, 320, 4)
        )
    finally:
        no_break._pattern.cache_clear()
        layout.layout.cache_clear()
    assert split


def test_a_card_number_reads_one_of_two_in_right_to_left_text():
    block = layout.layout("ثبت احوال (1/2)", "fa", 12, 400)
    (line,) = block.lines
    left_to_right = [run.text for _x, run in sorted(line.runs, key=lambda placed: placed[0])]
    assert "".join(text for text in left_to_right if text in ("1", "/", "2", "1/2")) == "1/2"
