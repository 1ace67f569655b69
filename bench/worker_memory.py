"""`python -m bench.worker_memory [--runs N] [--json FILE]`: the peak memory of a print worker
building the largest pack (issue [X] item 5: under 200 MB).

Each run is a fresh process doing what a `db_worker` does for one pack: `django.setup()` with
the database task backend, then `print.tasks.run` of the pack's job, with a print cache that is
empty (its own new MEDIA_ROOT), so every card, leaflet and poster is drawn. "The largest pack" is
the demo audience with the most cards × printable languages. The peak is the child's VmHWM (the
high-water mark of its own resident memory; ru_maxrss would carry over the parent's when the
child is started by vfork), in MiB.

Like `python -m bench`, it runs against a temporary database with the demo content (kept as a
template between runs) and never opens the developer's var/.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import __main__ as bench_main

ROOT = Path(__file__).resolve().parent.parent


def high_water_mib() -> float:
    """This process's peak resident memory so far, in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    raise RuntimeError("no VmHWM in /proc/self/status")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.worker_memory")
    parser.add_argument("--runs", type=int, default=3, help="fresh processes, one build each")
    parser.add_argument("--json", type=Path, help="write the results to this file")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)

    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    tmp = Path(tempfile.mkdtemp(prefix="jis-worker-memory-"))
    bench_main._environment(tmp)
    try:
        results = run(tmp, args.runs)
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    for number, one in enumerate(results["runs"], start=1):
        print(
            f"run {number}: after django.setup() {one['setup_mib']} MiB, "
            f"peak {one['peak_mib']} MiB, build {one['build_seconds']} s ({one['result']})"
        )
    print(
        f"{results['pack']['audience']} pack, {results['pack']['cards']} cards × "
        f"{len(results['pack']['codes'])} languages: peak {results['peak_mib']['median']} MiB "
        f"(median; max {results['peak_mib']['max']}), target < 200"
    )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    return 0


def run(tmp: Path, runs: int) -> dict:
    import django

    django.setup()
    from . import data

    data.create(reuse=True)
    pack = largest_pack()
    found = [child(tmp / f"media-{number}", pack) for number in range(runs)]
    peaks = [one["peak_mib"] for one in found]
    return {
        "pack": pack,
        "runs": found,
        "peak_mib": {"median": statistics.median(peaks), "max": max(peaks)},
        "machine": bench_main.machine(),
    }


def largest_pack() -> dict:
    """The audience whose pack draws the most: cards × languages it can be printed in."""
    from dialogue.models import Audience
    from print import packs

    sizes = []
    for audience in Audience.objects.order_by("slug"):
        cards = len(packs.audience_cards(audience))
        codes = [language.code for language in packs.printable_languages(audience)]
        sizes.append((cards * len(codes), audience.slug, cards, codes))
    _, slug, cards, codes = max(sizes)
    return {"audience": slug, "cards": cards, "codes": codes}


def child(media: Path, pack: dict) -> dict:
    """One build in a fresh process, as a worker of the database task backend runs it."""
    env = os.environ | {"TASKS_BACKEND": "database", "MEDIA_ROOT": str(media)}
    done = subprocess.run(  # noqa: S603 (our own interpreter and module)
        [sys.executable, "-m", "bench.worker_memory", "--child", json.dumps(pack)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if done.returncode:
        raise RuntimeError(f"the worker child failed:\n{done.stderr}")
    found = json.loads(done.stdout.strip().splitlines()[-1])
    if found["result"] != "built":  # "stored" would be a warm cache: not the figure asked
        raise RuntimeError(f"the worker child did not build the pack: {found['result']}")
    return found


def in_child(pack: dict) -> None:
    import django

    django.setup()
    setup_mib = high_water_mib()
    from print import jobs, tasks

    started = time.perf_counter()
    result = tasks.run(jobs.pack(pack["audience"], pack["codes"], "office"))
    seconds = round(time.perf_counter() - started, 1)
    print(
        json.dumps(
            {
                "setup_mib": setup_mib,
                "peak_mib": high_water_mib(),
                "build_seconds": seconds,
                "result": result,
            }
        )
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        in_child(json.loads(sys.argv[2]))
    else:
        sys.exit(main())
