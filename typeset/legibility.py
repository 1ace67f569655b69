"""The smallest type a reader is given, by script.

Nothing is printed below MIN_SIZE. Running text in scripts whose letters carry their
distinctions in small marks and dots (Ethiopic vowel orders, Arabic dots and joins, Thai tone
marks stacked above vowels) is kept at 9 pt or more: at 8–8.5 pt those marks fill in on an
office printer. Documents shrink text to fit only down to these floors; what still does not fit
moves on to another page or card, and they say so.
"""

from __future__ import annotations

import languages

MIN_SIZE = 8.0  # pt: nothing smaller, in any script, on any piece
MIN_BODY = {"Arab": 9.0, "Ethi": 9.0, "Thai": 9.0}  # pt: running text in these scripts


def min_body(lang: str) -> float:
    """The smallest size for running text in the language's script."""
    language = languages.get(lang)
    return MIN_BODY.get(language.script, MIN_SIZE) if language else MIN_SIZE


def down_to(sizes, floor: float) -> list[float]:
    """The candidate sizes (largest first) that a floor allows; at least the floor itself."""
    allowed = [size for size in sizes if size >= floor]
    return allowed or [floor]
