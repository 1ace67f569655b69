"""`python -m bench.steps COMMIT [COMMIT …]`: what each optimisation bought, commit by commit.

Each commit is checked out into a temporary git worktree and measured there in its own
process, against its own throw-away database, with the same measurement code (this file):
one sv+ar card with warm and with emptied per-process caches, its size, and a pack of all life
events in 8 languages built afresh and repeated. docs/performance.md quotes the table.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIGURES = (
    ("card_ar_ms", "card sv+ar ms"),
    ("card_ar_cold_ms", "card, caches emptied ms"),
    ("card_ar_bytes", "card bytes"),
    ("pack8_ms", "pack 8 languages ms"),
    ("pack8_cached_ms", "pack again ms"),
)


def _median_ms(fn, runs: int, before=None) -> float:
    times = []
    for _ in range(runs):
        if before:
            before()
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 1)


def measure(root: Path) -> dict:
    """Runs inside the checkout at root (its own print/ and bench/ are imported)."""
    sys.path.insert(0, str(root))
    from bench.__main__ import _environment

    _environment(Path(tempfile.mkdtemp(prefix="jis-bench-step-")))
    import django

    django.setup()
    from bench import data, print_bench
    from print import content, packs
    from print.documents.card import CardRenderer
    from typeset import layout, qr, shaping

    data.create()
    codes = data.add_languages(8)[:8]

    def empty_caches():  # whatever per-process caches this checkout's print/ keeps
        for module in (shaping, layout, qr):
            for value in vars(module).values():
                if hasattr(value, "cache_clear") and value.__module__ == module.__name__:
                    value.cache_clear()

    (card,) = content.live_cards([print_bench.CARD_SLUG])
    card_content = content.card_content(card, "ar")

    def render():
        return CardRenderer.for_contents([card_content], "office").render()

    for _ in range(3):
        render()
    found = {
        "card_ar_ms": _median_ms(render, 30),
        "card_ar_cold_ms": _median_ms(render, 10, empty_caches),
        "card_ar_bytes": len(render()),
    }

    def build():
        return packs.pack_zip(data.PACK_AUDIENCE, codes)

    build()
    found["pack8_ms"] = _median_ms(build, 3, print_bench.cache_off)
    found["pack8_cached_ms"] = _median_ms(build, 10)
    return found


def _checkout(commit: str, into: Path) -> Path:
    target = into / commit
    subprocess.run(  # noqa: S603 (git on our own repository)
        ["git", "worktree", "add", "--detach", "--force", str(target), commit],  # noqa: S607
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    for compiled in (ROOT / "locales").rglob("*.mo"):  # catalogues are compiled, not committed
        copy = target / compiled.relative_to(ROOT)
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(compiled, copy)
    return target


def main(argv: list[str]) -> int:
    if argv[:1] == ["--measure"]:
        print(json.dumps(measure(Path(argv[1]))))
        return 0
    if not argv:
        print(__doc__.split("\n")[0], file=sys.stderr)
        return 2
    into = Path(tempfile.mkdtemp(prefix="jis-bench-steps-"))
    rows = []
    try:
        for commit in argv:
            checkout = _checkout(commit, into)
            out = subprocess.run(  # noqa: S603 (our own interpreter and this file)
                [sys.executable, __file__, "--measure", str(checkout)],
                cwd=checkout,
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            rows.append((commit, json.loads(out.strip().splitlines()[-1])))
            print(commit, rows[-1][1], file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(into, ignore_errors=True)
        subprocess.run(["git", "worktree", "prune"], cwd=ROOT, check=False)  # noqa: S607
    print("| commit | " + " | ".join(label for _key, label in FIGURES) + " |")
    print("|---" * (len(FIGURES) + 1) + "|")
    first = rows[0][1]
    for commit, found in rows:
        cells = []
        for key, _label in FIGURES:
            ratio = first[key] / found[key] if found[key] else 0
            cells.append(f"{found[key]:g}" + ("" if found is first else f" ({ratio:.2f}×)"))
        print(f"| {commit} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
