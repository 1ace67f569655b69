"""Which recording of a termbase word the public hears: a person's approved recording before a
computer voice's, then the newest; and which words are still to be read by a person."""

from __future__ import annotations

from dataclasses import dataclass

from audio.models import TermRecording
from terms.models import Term


def _preferred(recording) -> tuple:
    return (not recording.synthetic, recording.created_at, recording.pk)


def heard(recordings=None) -> dict[int, TermRecording]:
    """Term id → the approved recording the public hears (one query when `recordings` is not
    given; the table is small)."""
    if recordings is None:
        recordings = TermRecording.objects.approved()
    chosen: dict[int, TermRecording] = {}
    for recording in recordings:
        if not recording.heard_by_public:  # approved, and its file found usable
            continue
        current = chosen.get(recording.term_id)
        if current is None or _preferred(recording) > _preferred(current):
            chosen[recording.term_id] = recording
    return chosen


@dataclass(frozen=True)
class TermNeed:
    term: Term
    # None: nothing plays; else the computer voice that plays until a person's is approved.
    computer_voice: TermRecording | None
    waiting: tuple[TermRecording, ...]  # uploads that wait for approval


def needs() -> list[TermNeed]:
    """Every term of the termbase not yet heard in a person's voice, in its order, with the
    uploads waiting for approval (two queries)."""
    every = list(TermRecording.objects.select_related("uploaded_by"))
    playing = heard(every)
    found = []
    for term in Term.objects.all():
        plays = playing.get(term.pk)
        if plays is not None and not plays.synthetic:
            continue
        waiting = tuple(r for r in every if r.term_id == term.pk and r.approved_at is None)
        found.append(TermNeed(term, plays, waiting))
    return found
