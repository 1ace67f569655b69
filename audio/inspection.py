"""The slow half of checking a recording, run by a background task (audio.tasks) once the file
is stored: the cheap half (`recordings.inspect`: size, format and length read from the file's
header) answers the upload form at once, with a plain message.

Here the stored file itself is read back, from the storage the public will be served from
(local disk or S3), and listened to from end to end: it must hold what its header promises.
An uncompressed WAV is decoded sample by sample, which gives its true length and its peak
level; a compressed file (MP3, M4A, Ogg) is read through again by mutagen, since no decoder for
those is part of the stack, and its level is not measured.
"""

from __future__ import annotations

import math
import wave
from array import array
from dataclasses import dataclass

import mutagen
from django.utils.translation import pgettext

CHUNK_FRAMES = 65_536  # decoded a piece at a time: a ten-minute WAV is never held whole
# A file whose decoded stream is shorter than its header says by more than this has been cut
# off (an interrupted copy or upload): the public would hear it stop mid-sentence.
SHORT_BY_SECONDS = 0.5
SILENT_DB = -120.0  # the level of digital silence, as a number a database stores
SAMPLE_TYPES = {1: "B", 2: "h", 4: "i"}  # bytes per sample → array type (8-bit is unsigned)


class Unusable(Exception):
    """The stored file cannot be served: its message says why, for staff."""


@dataclass(frozen=True)
class Findings:
    duration: float
    peak_db: float | None  # dBFS, 0 at full scale; None when not measured (compressed formats)


def listen(stored_file, header_duration: float) -> Findings:
    """Read the stored file to its end. Raises Unusable with a message for staff when it does
    not hold the audio its header promised; other errors (storage away) are the caller's to
    retry."""
    with stored_file.open("rb") as handle:
        try:
            parsed = mutagen.File(handle, filename=stored_file.name)
        except Exception as error:  # mutagen raises many kinds for broken files
            raise Unusable(_unreadable()) from error
        if parsed is None or parsed.info is None:
            raise Unusable(_unreadable())
        if type(parsed).__name__ != "WAVE":
            return Findings(float(getattr(parsed.info, "length", 0) or header_duration), None)
        handle.seek(0)
        findings = _decode_wave(handle)
    if findings is None:  # a WAV the stdlib does not decode (float, extensible): as compressed
        return Findings(header_duration, None)
    if findings.duration < header_duration - SHORT_BY_SECONDS:
        raise Unusable(
            pgettext(
                "staff side",
                "The file ends early: it holds %(heard)s of the %(promised)s seconds its header "
                "promises. Upload the whole recording again.",
            )
            % {"heard": round(findings.duration, 1), "promised": round(header_duration, 1)}
        )
    return findings


def _unreadable() -> str:
    return pgettext(
        "staff side", "The stored file cannot be read as audio. Upload the recording again."
    )


def _decode_wave(handle) -> Findings | None:
    """Every sample of a PCM WAV: its true length and its peak level; None if not PCM."""
    try:
        reader = wave.open(handle, "rb")  # noqa: SIM115  closed by the `with` below
    except (wave.Error, EOFError):
        return None
    with reader:
        width, rate = reader.getsampwidth(), reader.getframerate()
        frame_bytes = width * reader.getnchannels()
        kind = SAMPLE_TYPES.get(width)
        frames, peak = 0, 0
        while True:
            chunk = reader.readframes(CHUNK_FRAMES)
            whole = len(chunk) - len(chunk) % frame_bytes
            if whole == 0:
                break
            frames += whole // frame_bytes
            if kind is not None:
                samples = array(kind, chunk[:whole])
                if kind == "B":  # unsigned, silence at 128
                    peak = max(peak, max(samples) - 128, 128 - min(samples))
                else:
                    peak = max(peak, max(samples), -min(samples))
    full_scale = 2 ** (8 * width - 1)
    if kind is None:
        level = None  # 24-bit: length only
    elif peak == 0:
        level = SILENT_DB
    else:
        level = round(20 * math.log10(min(peak, full_scale) / full_scale), 1)
    return Findings(frames / rate if rate else 0.0, level)
