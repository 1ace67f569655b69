"""How easy a Swedish text is to read: LIX and sentence length, against a target per kind of
Swedish. Pure: used for the Swedish source (its edit form) and for easy-read Swedish (sv-ls,
the translation editor and imports), through translations.quality.

LIX (Björnsson) = words per sentence + 100 × long words (more than six letters) / words. On
his scale under 30 is very easy (easy-read books), 30–40 easy, 40–50 medium (daily news),
over 50 hard (official texts). The Swedish source is plain language for women new to Swedish
and is read beside their own language, so it aims for "easy": at most 40 (Swedish compounds
such as Försäkringskassan count as long words and cannot be avoided). Easy-read Swedish is
the text she reads alone, so it aims for "very easy": at most 30, as easy-read books do.
Sentences: plain-language advice (Klarspråk) keeps them at about 15 words and rarely over 20;
easy-read texts (MTM) keep one thought per sentence, about 10–12 words.

LIX swings wildly on a few words (one eight-word headline with three compounds scores 45), so it
is measured over an object's texts together and only from MIN_WORDS words; sentence length is
checked in every text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    lix: int  # at most
    sentence_words: int  # at most, in any one sentence


TARGETS = {
    "sv": Target(lix=40, sentence_words=20),
    "sv-ls": Target(lix=30, sentence_words=12),
}
MIN_WORDS = 25

SENTENCE_END = re.compile(r"(?<=[.!?…:])\s+|\n+")
WORD = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?")


def target(lang: str) -> Target | None:
    return TARGETS.get(lang)


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(text) if WORD.search(s)]


def words(text: str) -> list[str]:
    return WORD.findall(text)


def lix(text: str) -> float | None:
    """LIX of a text, or None when it is too short to say anything."""
    found = words(text)
    if len(found) < MIN_WORDS:
        return None
    long_words = sum(1 for word in found if sum(ch.isalpha() for ch in word) > 6)
    return len(found) / max(len(sentences(text)), 1) + 100 * long_words / len(found)


def long_sentences(text: str, lang: str) -> list[tuple[str, int]]:
    """Sentences longer than the language's target, with their word counts."""
    aim = target(lang)
    if aim is None:
        return []
    counted = ((sentence, len(words(sentence))) for sentence in sentences(text))
    return [(sentence, count) for sentence, count in counted if count > aim.sentence_words]
