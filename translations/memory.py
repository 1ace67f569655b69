"""Translation memory: earlier approved translations of the same or a similar Swedish text.

The memory of a language is built once per request from its approved segments (the Swedish a
translation was approved for, stored in TranslationState.source_text, with the text now in the
object): one query for the states and one per content type, however many units are asked.
A match is exact when the Swedish is the same, close when difflib's ratio is at least
CLOSE_RATIO (0.75: a changed word or two in a sentence, not a different sentence)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType

import languages
from translations.models import TranslationState
from translations.status import Status, Unit

CLOSE_RATIO = 0.75
LIMIT = 3  # matches shown per unit: more is reading, not help
MAX_SOURCE_LENGTH = 2000  # longer texts are not segments worth comparing


@dataclass(frozen=True)
class Segment:
    key: tuple[int, int, str]  # Unit.key of the unit it was approved for
    source: str
    target: str


@dataclass(frozen=True)
class Match:
    segment: Segment
    ratio: float

    @property
    def exact(self) -> bool:
        return self.ratio == 1.0

    @property
    def percent(self) -> int:
        return int(self.ratio * 100)


def _norm(text: str) -> str:
    return " ".join(text.split())


class Memory:
    """The approved segments of one language, searched by Swedish text."""

    def __init__(self, lang: str):
        self.lang = lang
        self.segments = _segments(lang)
        self._exact: dict[str, list[Segment]] = {}
        for segment in self.segments:
            self._exact.setdefault(_norm(segment.source), []).append(segment)

    def matches(self, unit: Unit, source: str) -> list[Match]:
        """Exact matches first, then the closest; never the unit itself."""
        wanted = _norm(source)
        if not wanted or len(wanted) > MAX_SOURCE_LENGTH:
            return []
        found, seen = [], set()
        for segment in self._exact.get(wanted, []):
            if segment.key != unit.key and segment.target not in seen:
                seen.add(segment.target)
                found.append(Match(segment, 1.0))
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(wanted)  # difflib caches details of the second sequence
        close = []
        for segment in self.segments:
            if segment.key == unit.key or segment.target in seen:
                continue
            matcher.set_seq1(_norm(segment.source))
            if matcher.real_quick_ratio() < CLOSE_RATIO or matcher.quick_ratio() < CLOSE_RATIO:
                continue
            ratio = matcher.ratio()
            if CLOSE_RATIO <= ratio < 1.0:
                close.append(Match(segment, ratio))
        close.sort(key=lambda match: -match.ratio)
        for match in close:
            if match.segment.target not in seen:
                seen.add(match.segment.target)
                found.append(match)
        return found[:LIMIT]


def _segments(lang: str) -> list[Segment]:
    language = languages.get(lang)
    states = TranslationState.objects.filter(language=lang, status=Status.APPROVED).exclude(
        source_text=""
    )
    by_type: dict[int, list[TranslationState]] = {}
    for state in states.only("content_type_id", "object_id", "field", "source_text"):
        by_type.setdefault(state.content_type_id, []).append(state)
    segments = []
    for type_id, type_states in by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None:
            continue
        columns = {f"{state.field}_{language.field_suffix}" for state in type_states}
        texts = {row["pk"]: row for row in model.objects.filter(
            pk__in={state.object_id for state in type_states}).values("pk", *columns)}  # fmt: skip
        for state in type_states:
            target = (texts.get(state.object_id) or {}).get(
                f"{state.field}_{language.field_suffix}"
            )
            if target and target.strip():
                segments.append(
                    Segment((type_id, state.object_id, state.field), state.source_text, target)
                )
    return segments
