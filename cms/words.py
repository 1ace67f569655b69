""" "Words you will hear" under a card: the termbase words in the Swedish the card was made from,
explained in her language, each with a slow Swedish recording when there is one.

Loaded once per page (`Glossary`), so the number of queries does not grow with the cards."""

from __future__ import annotations

from dataclasses import dataclass

from audio import recordings as audio_texts
from audio import term_words
from terms import termbase, words


@dataclass(frozen=True)
class WordView:
    swedish: str
    explanation: str
    audio_url: str = ""
    synthetic: bool = False


class Glossary:
    def __init__(self, lang: str):
        self.lang = lang
        self.terms = termbase.approved()
        self.recordings = term_words.heard() if self.terms else {}

    def for_edition(self, edition) -> list[WordView]:
        """The words in the Swedish her edition was made from (`edition.source`), so the list
        matches what she reads even while a newer Swedish waits for translation."""
        if edition is None or not self.terms or not edition.source:
            return []
        text = audio_texts.edition_text(edition.source)
        return [self._view(word) for word in words.explained(text, self.lang, self.terms)]

    def _view(self, word: words.Word) -> WordView:
        recording = self.recordings.get(word.term_id)
        if recording is None:
            return WordView(word.swedish, word.explanation)
        return WordView(word.swedish, word.explanation, recording.url, recording.synthetic)
