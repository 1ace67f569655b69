"""Print: one bilingual card and an audience pack, ours against WeasyPrint, in one process.

"Cache off" empties the print cache's folder in the bench's own MEDIA_ROOT before each run,
so a run pays for rendering and for storing, as a cache miss in production does.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings

from print import cache, content, packs
from print.documents.card import CardRenderer
from typeset import layout, qr, shaping

from . import data, pdf_parts, weasy, worker_memory

CARD_SLUG = "valkommen-till-sverige"  # the demo's first card: three messages, both sides full


def timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return (time.perf_counter() - start) * 1000, result


def median_ms(fn, runs: int, warmup: int = 1, before=None) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        if before:
            before()
        times.append(timed(fn)[0])
    return round(statistics.median(times), 2)


def cache_off() -> None:
    shutil.rmtree(Path(settings.MEDIA_ROOT) / cache.PREFIX, ignore_errors=True)


def _all_cold() -> None:
    cache_off()
    forget_shaping()


def forget_shaping() -> None:
    """Our per-process text and QR caches emptied; the fonts stay loaded (a warm worker)."""
    shaping.shape.cache_clear()
    shaping.shape_units.cache_clear()
    layout._units.cache_clear()
    layout.layout.cache_clear()
    qr.matrix.cache_clear()


def card(lang: str, runs: int) -> dict:
    (found,) = content.live_cards([CARD_SLUG])
    card_content = content.card_content(found, lang)
    sizes = {(card_content.code, lang): weasy.fitted_sizes(card_content)}

    def ours():
        return CardRenderer.for_contents([card_content], "office").render()

    def theirs():
        return weasy.render(weasy.cards_html([card_content], sizes))

    for _ in range(2):  # warm-up: fonts, images, shaping caches on both sides
        ours(), theirs()
    times = {"ours": [], "weasyprint": []}
    for _ in range(runs):  # interleaved, so both sides see the same load on a noisy machine
        times["ours"].append(timed(ours)[0])
        times["weasyprint"].append(timed(theirs)[0])
    result = {side: round(statistics.median(t), 2) for side, t in times.items()}
    result["ours_cold_shaping"] = median_ms(ours, runs, before=forget_shaping)
    files = {"ours": ours(), "weasyprint": theirs()}
    result["bytes"] = {side: len(pdf) for side, pdf in files.items()}
    result["parts"] = {side: pdf_parts.parts(pdf) for side, pdf in files.items()}
    return result


def cached(codes: list[str], runs: int) -> float:
    """The pack again, from the cache (the child left it there)."""
    return median_ms(lambda: packs.pack_zip(data.PACK_AUDIENCE, codes), runs)


def weasy_pack(codes: list[str], runs: int, sizes: dict) -> float:
    return median_ms(lambda: weasy.pack_zip(data.PACK_AUDIENCE, codes, sizes), runs, warmup=0)


def start_child(scaling: list[str], pack: list[str], runs: int, cold: bool):
    """Our packs, built in a fresh process so that its peak RSS is the packs', not the bench's
    (WeasyPrint and the test client live in this one). The pack of `pack` stays cached."""
    job = {"scaling": scaling, "pack": pack, "runs": runs, "cold": cold}
    return subprocess.Popen(  # noqa: S603 (our own interpreter and module)
        [sys.executable, "-m", "bench.rss_child", json.dumps(job)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )


def finish_child(process) -> dict:
    out, err = process.communicate()
    if process.returncode:
        raise RuntimeError(f"the pack child failed:\n{err}")
    return json.loads(out.strip().splitlines()[-1])


def child(job: dict) -> None:
    def build(codes):
        return lambda: packs.pack_zip(data.PACK_AUDIENCE, codes)

    codes, runs = job["scaling"], job["runs"]
    (found,) = content.live_cards([CARD_SLUG])
    CardRenderer.for_contents([content.card_content(found, "ar")], "office").render()  # fonts
    result = {"baseline_rss_mb": _rss_mb(), "scaling": {}}
    # Scaling is judged on the whole work: the per-process text caches are emptied too, as
    # after a content change. Warm repeats of the same pack never happen in production (the
    # pack cache answers them) and would measure how much of a pack fits the bounded caches.
    for n in (1, 4, len(codes)):  # the largest last: the peak so far is its own
        result["scaling"][str(n)] = median_ms(build(codes[:n]), runs, 0, before=_all_cold)
    result["peak_rss_mb"] = _rss_mb()
    result["pack"] = median_ms(build(job["pack"]), runs, 0, before=cache_off)
    result["pack_cold_shaping"] = None
    if job["cold"]:
        result["pack_cold_shaping"] = median_ms(build(job["pack"]), 1, 0, before=_all_cold)
        cache_off()
        build(job["pack"])()
    print(json.dumps(result))


def _rss_mb() -> float:
    """The child's own peak (VmHWM), in MiB. Not ru_maxrss: Linux carries the parent's peak
    over into a child started by vfork, as subprocess does (a child of a 300 MiB parent
    reported 311 MiB at 11 MiB of its own)."""
    return worker_memory.high_water_mib()
