"""Which recording of a termbase word the public hears: a person's approved recording before a
computer voice's, then the newest."""

from __future__ import annotations

from audio.models import TermRecording


def _preferred(recording) -> tuple:
    return (not recording.synthetic, recording.created_at, recording.pk)


def heard() -> dict[int, TermRecording]:
    """Term id → the approved recording the public hears (one query; the table is small)."""
    chosen: dict[int, TermRecording] = {}
    for recording in TermRecording.objects.approved():
        current = chosen.get(recording.term_id)
        if current is None or _preferred(recording) > _preferred(current):
            chosen[recording.term_id] = recording
    return chosen
