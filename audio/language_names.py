"""Each language's own name read aloud: which recording the chooser plays, and which names are
still to be recorded.

A person's voice is what a woman should hear; a computer voice stands in until one is approved.
Languages without a playable recording show their name without a play button.
"""

from __future__ import annotations

from dataclasses import dataclass

import languages
from audio.models import LanguageNameRecording


def _preferred(recording) -> tuple:
    """A person before a computer voice; then the newest."""
    return (not recording.synthetic, recording.created_at, recording.pk)


def heard(recordings=None) -> dict[str, LanguageNameRecording]:
    """Language code → the approved name recording the public hears, for every enabled language
    that has one (one query when `recordings` is not given)."""
    if recordings is None:
        recordings = LanguageNameRecording.objects.approved()
    enabled = set(languages.codes())
    chosen: dict[str, LanguageNameRecording] = {}
    for recording in recordings:
        if not recording.heard_by_public or recording.language not in enabled:
            continue
        current = chosen.get(recording.language)
        if current is None or _preferred(recording) > _preferred(current):
            chosen[recording.language] = recording
    return chosen


@dataclass(frozen=True)
class NameNeed:
    language: languages.Language
    # None: no recording the public hears; else the computer voice that plays until a person's
    # recording is approved.
    computer_voice: LanguageNameRecording | None
    waiting: tuple[LanguageNameRecording, ...]  # uploads that wait for approval


def needs() -> list[NameNeed]:
    """Every enabled language whose name is not yet heard in a person's voice, in the registry's
    order: not heard at all, or only in a computer voice; with the uploads waiting for approval."""
    every = list(LanguageNameRecording.objects.all())
    playing = heard(every)
    found = []
    for language in languages.enabled():
        plays = playing.get(language.code)
        if plays is not None and not plays.synthetic:
            continue
        waiting = tuple(r for r in every if r.language == language.code and r.approved_at is None)
        found.append(NameNeed(language, plays, waiting))
    return found
