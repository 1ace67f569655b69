"""The load test ([R]): 200 concurrent clients on loopback for at most 60 s, against gunicorn
with the production settings, on QR pages, life-event pages and pack downloads at once.

    python -m bench.load_test [--seconds 30] [--clients 200] [--json FILE]

It builds its own throw-away site (SQLite unless DATABASE_URL is set, demo content, collected
static files), so it never touches a developer's data. All clients share one address, so the
per-address download limit is lifted for the run. Exit status 1 when any request failed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _environment(folder: Path, port: int) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "DATABASE_URL": os.environ.get("DATABASE_URL", f"sqlite:///{folder / 'load.sqlite3'}"),
        "MEDIA_ROOT": str(folder / "media"),
        "STATIC_ROOT": str(folder / "static"),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": f"http://127.0.0.1:{port}",
        "SECURE_SSL_REDIRECT": "0",  # plain HTTP on loopback
        "RATE_DOWNLOADS": "1000000/m",
        "DEBUG": "0",
    }


def _manage(env, *args) -> str:
    done = subprocess.run(  # noqa: S603 (our interpreter, our manage.py)
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True
    )
    return done.stdout.decode()


def _wait(url: str, seconds: float = 60) -> bytes:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (loopback)
                return response.read()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def _wrk(url: str, clients: int, seconds: int) -> subprocess.Popen:
    return subprocess.Popen(  # noqa: S603
        ["wrk", "-t1", f"-c{clients}", f"-d{seconds}s", "--timeout", "10s", "--latency", url],  # noqa: S607
        stdout=subprocess.PIPE,
        text=True,
    )


def _parse(output: str) -> dict:
    def latency(label):
        value, unit = re.search(rf"{label}\s+([\d.]+)(us|ms|s)", output).groups()
        return round(float(value) * UNITS[unit], 1)

    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "rps": round(float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)), 1),
        "p50_ms": latency("50%"),
        "p99_ms": latency("99%"),
        "errors": (sum(map(int, socket_errors.groups())) if socket_errors else 0)
        + (int(non_2xx.group(1)) if non_2xx else 0),
    }


def run(seconds: int, clients: int) -> dict:
    seconds = min(seconds, 60)
    with tempfile.TemporaryDirectory(prefix="jobba-load-") as tmp:
        folder = Path(tmp)
        port = _free_port()
        env = _environment(folder, port)
        _manage(env, "migrate", "--noinput", "-v0")
        _manage(env, "load_demo", "--skip-audio")
        _manage(env, "collectstatic", "--noinput", "-v0")
        code = _manage(
            env, "shell", "-v0", "-c",
            "from dialogue.models import DialogueCard as C; "
            "print(C.objects.get(slug='personnummer').code)",
        ).split()[-1]  # fmt: skip
        base = f"http://127.0.0.1:{port}"
        targets = {
            "qr_page": f"{base}/q/{code}/ar/",
            "life_event_page": f"{base}/ti/folkbokforing/",
            "pack_download": f"{base}/material/servicekontor/pack.zip?lang=ar&lang=so",
        }
        server = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "gunicorn", "cms.wsgi:application", "--workers", "2",
             "--worker-class", "gthread", "--threads", "8", "--bind", f"127.0.0.1:{port}",
             "--log-level", "warning"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            for url in targets.values():
                _wait(url, 300)  # the first pack request builds and stores the pack
            share = [clients // 3 + (1 if i < clients % 3 else 0) for i in range(3)]
            running = {
                name: _wrk(url, n, seconds)
                for (name, url), n in zip(targets.items(), share, strict=True)
            }
            results = {name: _parse(proc.communicate()[0]) for name, proc in running.items()}
        finally:
            server.terminate()
            server.wait(timeout=30)
    return {"clients": clients, "seconds": seconds, "workers": "gunicorn 2 × 8 threads", **results}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    result = run(args.seconds, args.clients)
    print(f"{args.clients} clients for {result['seconds']} s, {result['workers']}, loopback")
    print(f"{'target':<18}{'requests':>10}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}{'errors':>8}")
    for name in ("qr_page", "life_event_page", "pack_download"):
        row = result[name]
        print(
            f"{name:<18}{row['requests']:>10}{row['rps']:>10}{row['p50_ms']:>10}"
            f"{row['p99_ms']:>10}{row['errors']:>8}"
        )
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))
    failed = sum(result[name]["errors"] for name in ("qr_page", "life_event_page", "pack_download"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
