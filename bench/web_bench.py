"""The QR audio page under load: gunicorn (2 workers) on loopback, driven by wrk for a fixed
time, against the same stack serving a static file of the same size (WhiteNoise: the ceiling).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from django.conf import settings
from django.test import Client

from print import content

from .print_bench import CARD_SLUG

STATIC_NAME = "bench/same-size-as-qr-page.html"
CONNECTIONS = 16  # as issue [X] measured it (`wrk -t1 -c16`): two workers never idle


def qr_path(lang: str = "ar") -> str:
    (card,) = content.live_cards([CARD_SLUG])
    return content.audio_url(card.code, lang).removeprefix(settings.SITE_URL)


def write_static_twin(path: str) -> int:
    """A static file as large as the page's body, where WhiteNoise finds it at start-up."""
    response = Client(HTTP_HOST="127.0.0.1").get(path)
    assert response.status_code == 200, f"{path} answered {response.status_code}"
    target = Path(settings.STATIC_ROOT) / STATIC_NAME
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(b"x" * len(response.content))
    return len(response.content)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (loopback)
                response.read()
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url: str, seconds: int) -> dict:
    command = ["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", url]
    out = subprocess.run(  # noqa: S603 (wrk from PATH on a loopback URL of ours)
        command,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    value, unit = re.search(r"99%\s+([\d.]+)(us|ms|s)", out).groups()
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": round(rps, 1),
        "p99_ms": round(float(value) * _UNITS[unit], 2),
        "non_2xx": int(errors.group(1)) if errors else 0,
    }


def run(seconds: int, log_dir: Path, floor: bool = False) -> dict:
    """wrk on the QR page and on its static twin; with `floor`, also on a Django view that
    reads no database (/sw.js): what the middleware stack alone costs per request."""
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: apt-get install wrk (or `make bench` as root)")
    page = qr_path()
    size = write_static_twin(page)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = (log_dir / "gunicorn.log").open("w")
    server = subprocess.Popen(  # noqa: S603 (our own interpreter and gunicorn)
        [
            sys.executable,
            "-m",
            "gunicorn",
            "cms.wsgi:application",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=os.environ.copy(),
    )
    try:
        static = f"{base}{settings.STATIC_URL}{STATIC_NAME}"
        _wait(base + page)
        _wait(static)
        results = {}
        targets = [("ours", base + page), ("static", static)]
        if floor:
            targets.append(("django_floor", f"{base}/sw.js"))
        for name, url in targets:
            wrk(url, 1)  # warm-up: both workers have imported and connected
            results[name] = wrk(url, seconds)
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    return {"path": page, "bytes": size, **results}
