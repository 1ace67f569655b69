"""`python -m bench.levers`: what the next levers of docs/performance.md would buy, measured.

Each print lever is applied on top of the previous ones as a patch inside a fresh process (the
code in print/ is never changed here), so the table reads as before/after steps. The page and
cached-pack figures are in-process estimates of the share a cache would remove.
"""

from __future__ import annotations

import functools
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LEVERS = (
    "qr_matrix_cached",
    "layout_memoised",
    "pictogram_no_deepcopy",
    "no_ascii85",
    "unhinted_subsets",
)


def apply(name: str) -> None:
    if name == "qr_matrix_cached":
        from print import qr

        qr.matrix = functools.lru_cache(maxsize=4096)(qr.matrix)
    elif name == "layout_memoised":
        import print.documents.base as base
        import print.frames as frames
        from print import layout

        cached = functools.lru_cache(maxsize=20_000)(layout.layout)
        frames.layout = base.layout = cached
    elif name == "pictogram_no_deepcopy":
        from reportlab import rl_config
        from reportlab.graphics import renderPDF

        from print import fonts, pictograms

        def draw(canvas, name, x, y, size):  # scale the canvas, not a copy of the drawing
            rl_config.defaultGraphicsFontName = fonts.base().name
            drawing = pictograms._drawing(name)
            scale = size / max(drawing.width, drawing.height)
            canvas.saveState()
            canvas.translate(x, y)
            canvas.scale(scale, scale)
            renderPDF.draw(drawing, canvas, 0, 0)
            canvas.restoreState()

        pictograms.draw = draw
    elif name == "no_ascii85":
        from reportlab import rl_config

        rl_config.useA85 = 0
    elif name == "unhinted_subsets":
        from reportlab.pdfbase import ttfonts

        make_subset = ttfonts.TTFontFile.makeSubset
        done: dict[bytes, bytes] = {}  # the same glyphs give the same subset: strip it once

        def unhinted(self, subset):
            hinted = make_subset(self, subset)
            if hinted not in done:
                done[hinted] = _strip_hinting(hinted)
            return done[hinted]

        ttfonts.TTFontFile.makeSubset = unhinted


def _strip_hinting(data: bytes) -> bytes:
    """The subset without TrueType hinting (fpgm, prep, cvt, glyph programs): it only steers
    rasterising at small pixel sizes on screens; WeasyPrint leaves it out too."""
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.tables import ttProgram

    font = TTFont(io.BytesIO(data))
    for tag in ("fpgm", "prep", "cvt "):
        if tag in font:
            del font[tag]
    glyf = font["glyf"]
    for glyph_name in glyf:
        glyph = glyf[glyph_name]
        if hasattr(glyph, "program"):
            glyph.program = ttProgram.Program()
            glyph.program.fromBytecode(b"")
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def measure(codes: list[str]) -> dict:
    from print import content, packs
    from print.documents.card import CardRenderer

    from . import data
    from .print_bench import CARD_SLUG, cache_off, median_ms, timed

    (card,) = content.live_cards([CARD_SLUG])
    found = {}
    for lang in ("ar", "ti"):
        card_content = content.card_content(card, lang)

        def render(c=card_content):
            return CardRenderer.for_contents([c], "office").render()

        found[f"card_{lang}_ms"] = median_ms(render, 30, warmup=3)
        found[f"card_{lang}_bytes"] = len(render())
    build = functools.partial(packs.pack_zip, data.PACK_AUDIENCE, codes)
    build()  # warm-up, as the bench's pack figure
    times = []
    for _ in range(3):  # the best of three: the least disturbed by the machine's other work
        cache_off()
        times.append(timed(build)[0])
    found["pack_ms"] = round(min(times))
    return found


def web_estimates() -> dict:
    """In-process: the QR page as is and with its reading memoised; a cached pack against the
    bare read of its file."""
    from django.conf import settings
    from django.test import Client

    from dialogue import reading
    from print import cache, packs

    from . import data, web_bench
    from .print_bench import median_ms

    client, path = Client(HTTP_HOST="127.0.0.1"), web_bench.qr_path()
    found = {"qr_page_ms": median_ms(lambda: client.get(path), 300, warmup=20)}
    reading.qr_card = functools.lru_cache(maxsize=1024)(reading.qr_card)
    found["qr_page_reading_cached_ms"] = median_ms(lambda: client.get(path), 300, warmup=20)

    codes = data.printable_codes()[:8]
    packs.pack_zip(data.PACK_AUDIENCE, codes)
    found["pack_cached_ms"] = median_ms(lambda: packs.pack_zip(data.PACK_AUDIENCE, codes), 30)
    stored = max(
        (Path(settings.MEDIA_ROOT) / cache.PREFIX).rglob("*.zip"), key=lambda p: p.stat().st_mtime
    )
    found["pack_file_read_ms"] = median_ms(stored.read_bytes, 30)
    return found


def _child(levers: list[str], codes: list[str]) -> None:
    import django

    django.setup()
    for name in levers:
        apply(name)
    print(json.dumps(measure(codes)))


def main() -> int:
    if sys.argv[1:2] == ["--child"]:
        _child([n for n in sys.argv[2].split(",") if n], sys.argv[3].split(","))
        return 0
    from .__main__ import ROOT, _environment

    os.chdir(ROOT)
    tmp = Path(tempfile.mkdtemp(prefix="jis-bench-levers-"))
    _environment(tmp)
    try:
        import django

        django.setup()
        from . import data

        data.create()
        codes = data.add_languages(8)[:8]
        from django.db import connection

        connection.close()
        rows = []
        for step in range(len(LEVERS) + 1):
            levers = LEVERS[:step]
            out = subprocess.run(  # noqa: S603 (our own interpreter and module)
                [
                    sys.executable,
                    "-m",
                    "bench.levers",
                    "--child",
                    ",".join(levers),
                    ",".join(codes),
                ],
                check=True,
                capture_output=True,
                text=True,
                env=os.environ.copy(),
            ).stdout
            rows.append(
                ("+ " + levers[-1] if levers else "as is", json.loads(out.splitlines()[-1]))
            )
            print(rows[-1], file=sys.stderr, flush=True)
        web = web_estimates()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("| step | card sv+ar ms | card sv+ti ms | pack 8 languages ms | card sv+ar bytes |")
    print("|---|---|---|---|---|")
    for name, r in rows:
        print(
            f"| {name} | {r['card_ar_ms']} | {r['card_ti_ms']} | {r['pack_ms']:.0f} | "
            f"{r['card_ar_bytes']} |"
        )
    print()
    for key, value in web.items():
        print(f"- {key}: {value}")
    print(
        f"\n_rl_accel (ReportLab's C helpers) importable: {_has_accel()}; "
        f"{time.strftime('%Y-%m-%d %H:%M')}"
    )
    return 0


def _has_accel() -> bool:
    import importlib.util

    return importlib.util.find_spec("_rl_accel") is not None


if __name__ == "__main__":
    sys.exit(main())
