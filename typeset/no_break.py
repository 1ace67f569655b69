"""Names a line is never broken inside, per language.

Thai is written without spaces between words; ICU breaks it between dictionary words, and so
inside an agency's name: สำนักงาน|จัดหา|งาน|ของ|รัฐ (Arbetsförmedlingen). A line ending in
"สำนักงาน" ("office") leaves her with half a name to look for. The list holds the names as the
content writes them (ops/demo/data/th.json); a name wider than the whole box is still cut
(layout._segments), so nothing overflows.
"""

from __future__ import annotations

import re
from functools import cache

NO_BREAK = {
    "th": (
        "สำนักงานจัดหางานของรัฐ",  # Arbetsförmedlingen
        "สำนักงานประกันสังคมสวีเดน",  # Försäkringskassan
        "สำนักงานการย้ายถิ่นฐาน",  # Migrationsverket
        "กรมสรรพากร",  # Skatteverket
        "สำนักงานบำนาญ",  # Pensionsmyndigheten
        "ศูนย์บริการของรัฐ",  # Statens servicecenter
        "สำนักงานบริการ",  # servicekontor
        "ฝ่ายบริการสังคม",  # socialtjänsten
    ),
}


@cache
def _pattern(lang: str) -> re.Pattern | None:
    names = NO_BREAK.get(lang)
    if not names:
        return None
    return re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))))


def inside(text: str, lang: str) -> set[int]:
    """Positions in text (break before that character) that fall inside a listed name."""
    pattern = _pattern(lang)
    if pattern is None:
        return set()
    return {i for found in pattern.finditer(text) for i in range(found.start() + 1, found.end())}
