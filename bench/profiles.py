"""pyinstrument profiles of our card, pack (cold, warm, cached) and QR page, for
docs/performance.md."""

from __future__ import annotations

from pathlib import Path

from django.test import Client
from pyinstrument import Profiler

from print import content, packs
from print.documents.card import CardRenderer

from . import data, web_bench
from .print_bench import CARD_SLUG, cache_off, forget_shaping


def _write(profiler: Profiler, directory: Path, name: str) -> None:
    (directory / f"{name}.txt").write_text(profiler.output_text(unicode=True, color=False))
    (directory / f"{name}.html").write_text(profiler.output_html())


def write(directory: Path, codes: list[str]) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    (card,) = content.live_cards([CARD_SLUG])
    card_content = content.card_content(card, "ar")
    CardRenderer.for_contents([card_content], "office").render()  # warm-up, as in the bench
    profiler = Profiler(interval=0.0005)
    with profiler:
        for _ in range(50):
            CardRenderer.for_contents([card_content], "office").render()
    _write(profiler, directory, "card_sv_ar_warm")

    for name, prepare in (("pack_cold_shaping", forget_shaping), ("pack_warm", lambda: None)):
        cache_off()
        prepare()
        profiler = Profiler(interval=0.001)
        with profiler:
            packs.pack_zip(data.PACK_AUDIENCE, codes)
        _write(profiler, directory, name)

    profiler = Profiler(interval=0.0005)
    with profiler:  # the cache is warm now: what a repeated pack request costs
        for _ in range(20):
            packs.pack_zip(data.PACK_AUDIENCE, codes)
    _write(profiler, directory, "pack_cached")

    client, path = Client(HTTP_HOST="127.0.0.1"), web_bench.qr_path()
    client.get(path)
    profiler = Profiler(interval=0.0005)
    with profiler:
        for _ in range(200):
            client.get(path)
    _write(profiler, directory, "qr_page")
