"""Demo recordings made with espeak-ng (and lame for small MP3s), flagged as computer voice.

Only languages espeak-ng speaks get one; the QR page says so for the others.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from django.core.files import File

from audio import recordings as audio
from audio.models import AudioRecording
from dialogue.models import DialogueCard
from translations.approved import Approved

# Registry code → espeak-ng voice. Somali, Tigrinya, Pashto, Sorani and Dari have none.
VOICES = {
    "sv": "sv", "sv-ls": "sv", "en": "en-gb", "ar": "ar", "fa": "fa", "am": "am", "uk": "uk",
    "ru": "ru", "tr": "tr", "th": "th", "pl": "pl", "es": "es", "fr": "fr-fr", "bs": "bs",
    "fi": "fi", "ku": "ku",
}  # fmt: skip
TOOLS = ("espeak-ng", "lame")


def available() -> bool:
    return all(shutil.which(tool) for tool in TOOLS)


def synthesise(text: str, voice: str, target: Path):
    with tempfile.TemporaryDirectory() as tmp:
        wav = Path(tmp) / "speech.wav"
        subprocess.run(  # noqa: S603  fixed tool names, text passed as one argument
            ["espeak-ng", "-v", voice, "-s", "150", "-w", str(wav), text],  # noqa: S607
            check=True,
            capture_output=True,
            timeout=120,
        )
        subprocess.run(  # noqa: S603
            ["lame", "--quiet", "-m", "m", "-b", "32", str(wav), str(target)],  # noqa: S607
            check=True,
            capture_output=True,
            timeout=120,
        )


def make_recordings(codes=None) -> dict[str, int]:
    """Record every live card in every spoken language that lacks a current recording."""
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    cards = list(
        DialogueCard.objects.public().prefetch_related(
            "recordings", "card_messages__message__links"
        )
    )
    approved = Approved(cards)
    for card in cards:
        existing = {r.language: r for r in card.recordings.all()}
        for code, voice in VOICES.items():
            if codes is not None and code not in codes:
                continue
            if not approved.usable(card, code):
                continue
            recording = existing.get(code)
            if recording and not recording.is_outdated:
                counts["unchanged"] += 1
                continue
            with tempfile.TemporaryDirectory() as tmp:
                mp3 = Path(tmp) / f"{card.code}-{code}.mp3"
                synthesise(audio.card_text(card, code), voice, mp3)
                with mp3.open("rb") as handle:
                    recording = recording or AudioRecording(card=card, language=code)
                    recording.file = File(handle, name=mp3.name)
                    recording.recorded_by = "espeak-ng (demo)"
                    recording.synthetic = True
                    recording.full_clean()
                    recording.save()
            counts["updated" if code in existing else "created"] += 1
    return counts
