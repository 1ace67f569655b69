"""Demo recordings made with espeak-ng (and lame for small MP3s), flagged as computer voice:
of the cards, and of each language's own name for the choosers.

Only languages espeak-ng speaks get one; the QR page says so for the others, and the chooser
shows their names without a play button ("Recordings to make" lists them).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from django.core.files import File
from django.utils import timezone

import languages
from audio import recordings as audio
from audio.models import AudioRecording, LanguageNameRecording, TermRecording
from dialogue.models import DialogueCard
from editions.served import Served
from terms.models import Term

# Registry code → espeak-ng voice. Somali, Tigrinya, Pashto, Sorani and Dari have none.
VOICES = {
    "sv": "sv", "sv-ls": "sv", "en": "en-gb", "ar": "ar", "fa": "fa", "am": "am", "uk": "uk",
    "ru": "ru", "tr": "tr", "th": "th", "pl": "pl", "es": "es", "fr": "fr-fr", "bs": "bs",
    "fi": "fi", "ku": "ku",
}  # fmt: skip
TOOLS = ("espeak-ng", "lame")
SLOW = 110  # words per minute for a single word she learns to hear (espeak-ng's default: 175)
DEMO_VOICE = "espeak-ng (demo)"


def available() -> bool:
    return all(shutil.which(tool) for tool in TOOLS)


def synthesise(text: str, voice: str, target: Path, speed: int = 150):
    with tempfile.TemporaryDirectory() as tmp:
        wav = Path(tmp) / "speech.wav"
        subprocess.run(  # noqa: S603  fixed tool names, text passed as one argument
            ["espeak-ng", "-v", voice, "-s", str(speed), "-w", str(wav), text],  # noqa: S607
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
    for card in cards:
        recorded = sorted(card.recordings.all(), key=lambda r: (r.created_at, r.pk))
        for code, voice in VOICES.items():
            if codes is not None and code not in codes:
                continue
            edition = Served([card], code).edition(card)
            if edition is None:
                continue
            in_language = [r for r in recorded if r.language == code]
            if audio.playable(in_language, edition) is not None:
                counts["unchanged"] += 1
                continue
            # The demo's own recording is made again; a person's upload is never touched.
            ours = [r for r in in_language if r.synthetic and r.recorded_by == DEMO_VOICE]
            recording = ours[-1] if ours else AudioRecording(card=card, language=code)
            with tempfile.TemporaryDirectory() as tmp:
                mp3 = Path(tmp) / f"{card.code}-{code}.mp3"
                synthesise(audio.edition_text(edition.texts), voice, mp3)
                with mp3.open("rb") as handle:
                    recording.file = File(handle, name=mp3.name)
                    recording.recorded_by = DEMO_VOICE
                    recording.synthetic = True
                    # The demo's own recordings: approved as made, heard at once.
                    recording.approved_at = recording.approved_at or timezone.now()
                    recording.full_clean()
                    recording.save()
            counts["updated" if ours else "created"] += 1
    return counts


def make_language_names(codes=None) -> dict[str, int]:
    """Each spoken language's own name, read by its computer voice, approved as made. A name
    already heard is left alone, and so is every recording a person made."""
    counts = {"created": 0, "unchanged": 0}
    heard = {r.language for r in LanguageNameRecording.objects.approved()}
    for code, voice in VOICES.items():
        language = languages.get(code)
        if language is None or (codes is not None and code not in codes):
            continue
        if code in heard:
            counts["unchanged"] += 1
            continue
        with tempfile.TemporaryDirectory() as tmp:
            mp3 = Path(tmp) / f"{code}.mp3"
            synthesise(language.own_name, voice, mp3)
            with mp3.open("rb") as handle:
                recording = LanguageNameRecording(
                    language=code, recorded_by=DEMO_VOICE, synthetic=True
                )
                recording.file = File(handle, name=mp3.name)
                recording.full_clean()
                recording.approved_at = timezone.now()
                recording.save()
        counts["created"] += 1
    return counts


def make_term_words() -> dict[str, int]:
    """Each term said slowly in Swedish by the computer voice, approved as made, for "Words
    you will hear". A term already heard is left alone, and so is every recording a person made."""
    counts = {"created": 0, "unchanged": 0}
    heard = set(TermRecording.objects.approved().values_list("term_id", flat=True))
    for term in Term.objects.all():
        if term.pk in heard:
            counts["unchanged"] += 1
            continue
        with tempfile.TemporaryDirectory() as tmp:
            mp3 = Path(tmp) / f"term-{term.pk}.mp3"
            synthesise(term.term, VOICES["sv"], mp3, speed=SLOW)
            with mp3.open("rb") as handle:
                recording = TermRecording(term=term, recorded_by=DEMO_VOICE, synthetic=True)
                recording.file = File(handle, name=mp3.name)
                recording.full_clean()
                recording.approved_at = timezone.now()
                recording.save()
        counts["created"] += 1
    return counts
