"""`python -m bench [--quick] [--json FILE] [--profile DIR]`: every figure of issue [B] from one
run, as ours beside its baseline, because the machine is too noisy for absolute numbers.

Everything runs against a temporary database and media folder made here (migrate, the demo
content, generated data): the developer's var/ is never opened.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Settings the bench must not inherit: they would point it at real services or data.
FOREIGN = (
    "REDIS_URL",
    "S3_BUCKET",
    "TASKS_BACKEND",
    "TRANSLATIONS_SHOW_UNREVIEWED",
    "SITE_URL",
)


def _environment(tmp: Path) -> None:
    for name in FOREIGN:
        os.environ.pop(name, None)
    os.environ.update(
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        DEBUG="0",  # as in production: no debug toolbar of queries, no static() URLs
        VAR_DIR=str(tmp),
        DATABASE_URL=f"sqlite:///{tmp / 'bench.sqlite3'}",
        MEDIA_ROOT=str(tmp / "media"),
        STATIC_ROOT=str(tmp / "static"),
        LOG_LEVEL="WARNING",
    )


def machine() -> dict:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    mem_kb = int(Path("/proc/meminfo").read_text().split()[1])
    return {
        "nproc": os.cpu_count(),
        "cpu": model,
        "ram_gb": round(mem_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs: under a minute")
    parser.add_argument("--json", type=Path, help="write the results to this file")
    parser.add_argument("--profile", type=Path, help="also write pyinstrument profiles here")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument(
        "--fresh", action="store_true", help="migrate anew, ignoring a kept template database"
    )
    args = parser.parse_args(argv)

    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    tmp = Path(tempfile.mkdtemp(prefix="jis-bench-"))
    _environment(tmp)
    started = time.perf_counter()
    try:
        results = run(args.quick, tmp, args.profile, reuse=not args.fresh)
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    results["seconds"] = round(time.perf_counter() - started, 1)
    from .report import table

    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
        print(f"\nwrote {args.json}")
    return 0


def run(quick: bool, tmp: Path, profile_dir: Path | None, reuse: bool = True) -> dict:
    import logging

    import django

    django.setup()
    logging.getLogger("weasyprint").setLevel(logging.ERROR)  # it logs every layout step

    from . import data, print_bench, weasy, web_bench
    from .report import targets

    def step(name):
        print(f"[{time.perf_counter() - t0:5.1f}s] {name}", file=sys.stderr, flush=True)

    t0 = time.perf_counter()
    card_runs, pack_runs, wrk_seconds = (5, 1, 2) if quick else (30, 3, 15)
    step("temporary database: migrate, demo content")
    if data.create(reuse):
        step("(copied from the template an earlier run kept; --fresh migrates anew)")
    demo_codes = data.printable_codes()
    step(f"languages for 16: generating approved copies beside {len(demo_codes)} demo ones")
    codes = data.add_languages(16)
    eight = codes[:8]

    step(f"our packs of 1, 4, {len(codes)} and {len(eight)} languages, in a child process")
    child = print_bench.start_child(codes, eight, pack_runs, cold=not quick)
    if not quick:  # the full run measures one thing at a time
        ours = print_bench.finish_child(child)
    else:
        step("(--quick: the child uses the second core while the rest runs here)")
    sizes = weasy.pack_sizes(data.PACK_AUDIENCE, eight)
    step(f"WeasyPrint's pack of {len(eight)} languages")
    weasy_pack = print_bench.weasy_pack(eight, pack_runs, sizes)
    step("card sv+ar, sv+ti: ours and WeasyPrint")
    card_ar = print_bench.card("ar", card_runs)
    card_ti = print_bench.card("ti", card_runs)
    step("translation overview: queries at 30 and 300 generated cards")
    overview = overview_queries()
    if quick:
        ours = print_bench.finish_child(child)
    cached = print_bench.cached(eight, 10 if quick else 50)
    step(f"QR page under wrk, {wrk_seconds}s each")
    web = web_bench.run(wrk_seconds, tmp, floor=not quick)
    if profile_dir:
        from . import profiles

        step(f"profiles into {profile_dir}")
        profiles.write(profile_dir, eight)

    results = {
        "mode": "quick" if quick else "full",
        # --quick overlaps our pack child with the rest: its figures are a smoke test only.
        "overlapped": quick,
        "machine": machine(),
        "languages": {"pack": eight, "scaling": codes[:16], "demo_printable": demo_codes},
        "card_sv_ar_ms": {k: card_ar[k] for k in ("ours", "weasyprint")},
        "card_sv_ti_ms": {k: card_ti[k] for k in ("ours", "weasyprint")},
        "card_cold_shaping_ms": {
            "ar": card_ar["ours_cold_shaping"],
            "ti": card_ti["ours_cold_shaping"],
        },
        "pack_ms": {"ours": ours["pack"], "weasyprint": weasy_pack},
        "pack_cold_shaping_ms": ours["pack_cold_shaping"],
        "pack_cached_ms": cached,
        "pack_scaling": ours["scaling"],
        "card_pdf_bytes": card_ar["bytes"],
        "card_pdf_bytes_ti": card_ti["bytes"],
        # where the bytes go (bench/pdf_parts.py), ours and WeasyPrint's
        "card_pdf_parts": card_ar["parts"],
        "card_pdf_parts_ti": card_ti["parts"],
        "qr_page_rps": {"ours": web["ours"]["rps"], "static": web["static"]["rps"]},
        "qr_page_p99_ms": web["ours"]["p99_ms"],
        "qr_page": web,
        "overview_queries": overview["300"],
        "overview_queries_by_cards": overview,
        "pack_peak_rss_mb": ours["peak_rss_mb"],
        "pack_baseline_rss_mb": ours["baseline_rss_mb"],
    }
    results["targets"] = targets(results)
    step("done")
    return results


def overview_queries() -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from translations import status as translation_status

    from . import data

    found, made = {}, 0
    for total in (30, 300):
        data.add_cards(total - made, f"n{total}")
        made = total
        with CaptureQueriesContext(connection) as queries:
            rows = translation_status.overview()
        assert len(rows) == 20 * 5, len(rows)  # 20 target languages × 5 life events
        found[str(total)] = len(queries)
    return found


if __name__ == "__main__":
    sys.exit(main())
