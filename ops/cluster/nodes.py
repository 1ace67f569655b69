"""Starting and stopping the cluster's processes, each with its log in var/cluster/.

Everything started here is stopped by `Cluster.stop()` (called from a `finally`): the processes
by their own ids, the private Redis and the S3 server with them, and the database dropped."""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOGS = ROOT / "var" / "cluster"
PYTHON = str(ROOT / ".venv" / "bin" / "python")
BIN = ROOT / ".venv" / "bin"
PG_URL = os.environ.get("CLUSTER_PG_URL", "postgres://postgres@127.0.0.1:5432")
BUCKET = "jis-cluster"
ADMIN = ("cluster", "cluster-admin-" + secrets.token_hex(8))  # the administrator of the scenarios
APP_WORKERS = "2"  # gunicorn processes per app server
# `manage.py check` runs on its own in CI; here a catalogue being edited must not stop the run.
SKIP_CHECKS = ("--skip-checks",)
CHECKED = (
    "migrate",
    "load_demo",
    "createsuperuser",
)  # the commands here that run the checks (not shell)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for_port(port: int, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            return
        time.sleep(0.2)
    raise RuntimeError(f"nothing answers on port {port}")


@dataclass
class Cluster:
    ports: dict[str, int] = field(default_factory=dict)
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)
    database: str = f"jobba_cluster_{os.getpid()}"
    env: dict[str, str] = field(default_factory=dict)
    created_database: bool = False

    def url(self, node: str) -> str:
        return f"http://127.0.0.1:{self.ports[node]}"

    # --- the environment every node shares -------------------------------------------------

    def configure(self) -> None:
        for name in ("redis", "s3", "a", "b"):
            self.ports[name] = free_port()
        s3 = f"http://127.0.0.1:{self.ports['s3']}"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(40),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SITE_URL": self.url("a"),
            "CSRF_TRUSTED_ORIGINS": f"{self.url('a')},{self.url('b')}",
            "SECURE_SSL_REDIRECT": "False",
            "DEBUG": "False",
            "DATABASE_URL": f"{PG_URL}/{self.database}",
            "REDIS_URL": f"redis://127.0.0.1:{self.ports['redis']}/0",
            "TASKS_BACKEND": "database",
            "S3_BUCKET": BUCKET,
            "S3_ENDPOINT_URL": s3,
            "S3_ACCESS_KEY_ID": "cluster",
            "S3_SECRET_ACCESS_KEY": "cluster",
            "S3_REGION": "us-east-1",
            "VAR_DIR": str(LOGS / "var"),  # fonts cache, locks: never the dev server's var/
            # Its own process as the one trusted proxy: each scenario sends its own address.
            "TRUSTED_PROXIES": "1",
            "RATE_DOWNLOADS": "30/h",
        }
        self.env.pop("MEDIA_ROOT", None)

    # --- processes ---------------------------------------------------------------------------

    def _start(self, name: str, args: list[str], port: int | None = None) -> None:
        log = (LOGS / f"{name}.log").open("ab")
        self.processes[name] = subprocess.Popen(  # noqa: S603  our own fixed commands
            args,
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own group: stopped with its children, never ours
        )
        if port is not None:
            _wait_for_port(port, self.processes[name])

    def manage(self, *args: str, extra_env: dict | None = None) -> str:
        result = subprocess.run(  # noqa: S603
            [PYTHON, "manage.py", *args, *(SKIP_CHECKS if args[0] in CHECKED else ())],
            cwd=ROOT,
            env={**self.env, **(extra_env or {})},
            capture_output=True,
            text=True,
            check=False,
        )
        with (LOGS / "setup.log").open("a") as log:
            log.write(f"$ manage.py {' '.join(args)}\n{result.stdout}{result.stderr}\n")
        if result.returncode:
            raise RuntimeError(f"manage.py {args[0]} failed:\n{result.stderr[-2000:]}")
        return result.stdout

    def start_redis(self) -> None:
        redis = shutil.which("redis-server") or "/usr/bin/redis-server"
        args = [
            redis,
            "--port",
            str(self.ports["redis"]),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(LOGS),
        ]
        self._start("redis", args, self.ports["redis"])

    def stop_process(self, name: str, sig=signal.SIGTERM) -> None:
        process = self.processes.pop(name, None)
        if process is None or process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(5)

    def start_s3(self) -> None:
        port = self.ports["s3"]
        self._start("s3", [str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(port)], port)
        import boto3

        boto3.client(
            "s3",
            endpoint_url=self.env["S3_ENDPOINT_URL"],
            region_name="us-east-1",
            aws_access_key_id="cluster",
            aws_secret_access_key="cluster",  # noqa: S106  moto's, on loopback
        ).create_bucket(Bucket=BUCKET)

    def start_app(self, node: str) -> None:
        port = self.ports[node]
        args = [
            str(BIN / "gunicorn"),
            "cms.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            APP_WORKERS,
            "--timeout",
            "120",
            "--access-logfile",
            str(LOGS / f"app-{node}.access.log"),
        ]
        self._start(f"app-{node}", args, port)

    def start_worker(self, name: str) -> None:
        args = [
            PYTHON,
            "manage.py",
            "db_worker",
            "--queue-name",
            "default",
            "--interval",
            "1",
            "--worker-id",
            name,
            *SKIP_CHECKS,
        ]
        self._start(name, args)

    def _psql(self, sql: str, check: bool) -> None:
        psql = shutil.which("psql") or "psql"
        subprocess.run([psql, f"{PG_URL}/postgres", "-qc", sql], check=check, capture_output=True)  # noqa: S603  our own statement

    def create_database(self) -> None:
        self._psql(f"CREATE DATABASE {self.database}", check=True)
        self.created_database = True

    def drop_database(self) -> None:
        if self.created_database:
            self._psql(f"DROP DATABASE IF EXISTS {self.database} WITH (FORCE)", check=False)
            self.created_database = False

    # --- the whole -----------------------------------------------------------------------------

    def start(self, say=print) -> None:
        LOGS.mkdir(parents=True, exist_ok=True)
        for old in LOGS.glob("*.log"):
            old.unlink()
        self.configure()
        say(f"database {self.database}, Redis :{self.ports['redis']}, S3 :{self.ports['s3']}")
        self.create_database()
        self.start_redis()
        self.start_s3()
        setup = {"TASKS_BACKEND": "immediate"}  # the demo load builds nothing in the background
        say("migrate, load_demo --skip-audio, Swedish recordings, collectstatic …")
        self.manage("migrate", "--noinput", "-v0")
        self.manage("load_demo", "--skip-audio", extra_env=setup)
        self.manage(
            "shell",
            "-c",
            "from ops.demo import audio; print(audio.make_recordings(['sv']))",
            extra_env=setup,
        )
        self.manage(
            "createsuperuser",
            "--noinput",
            "--username",
            ADMIN[0],
            "--email",
            "cluster@example.se",
            extra_env={"DJANGO_SUPERUSER_PASSWORD": ADMIN[1]},
        )
        self.manage(
            "collectstatic", "--noinput", "-v0", extra_env={"STATIC_ROOT": str(LOGS / "static")}
        )
        self.env["STATIC_ROOT"] = str(LOGS / "static")
        for node in ("a", "b"):
            self.start_app(node)
        for worker in ("worker-1", "worker-2"):
            self.start_worker(worker)
        say(f"node A {self.url('a')}   node B {self.url('b')}   logs {LOGS}")

    def stop(self) -> None:
        for name in list(self.processes):
            self.stop_process(name)
        self.drop_database()
