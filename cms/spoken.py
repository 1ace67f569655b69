"""Languages' own names read aloud, for the choosers: a woman who cannot read finds her language
by ear. Which recording plays is the audio app's choice (`language_names.heard`)."""

from __future__ import annotations

from dataclasses import dataclass

from audio import language_names
from dialogue import content_version


@dataclass(frozen=True)
class SpokenName:
    url: str
    mime_type: str
    synthetic: bool


def spoken_names() -> dict[str, SpokenName]:
    """Language code → its name's recording, for every language that has one the public hears;
    cached under the content version (a recording approved or deleted bumps it)."""
    return content_version.cached("spoken_names", (), _spoken_names) or {}


def _spoken_names() -> dict[str, SpokenName]:
    return {
        code: SpokenName(recording.url, recording.mime_type, recording.synthetic)
        for code, recording in language_names.heard().items()
    }
