"""`python -m ops.cluster` starts the cluster and stays until Ctrl-C; `--test` runs the
scenarios, prints a summary and exits 0 only when all hold. Stopped on every way out."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time

from ops.cluster.nodes import Cluster


def _setup_django(cluster: Cluster) -> None:
    """This process reads the cluster's database, cache and bucket to check the scenarios."""
    os.environ.update(cluster.env)
    import django

    django.setup()


def _interrupt(*_):
    raise KeyboardInterrupt


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ops.cluster")
    parser.add_argument("--test", action="store_true", help="run the scenarios, then stop")
    args = parser.parse_args(argv)
    cluster = Cluster()
    # SIGTERM (CI's timeout, `kill`) stops the cluster as Ctrl-C does.
    signal.signal(signal.SIGTERM, _interrupt)
    started = time.monotonic()
    try:
        cluster.start()
        print(f"started in {time.monotonic() - started:.0f} s", flush=True)
        if not args.test:
            print("Ctrl-C stops everything.", flush=True)
            while True:
                time.sleep(3600)
        _setup_django(cluster)
        from ops.cluster import scenarios

        results = scenarios.run_all(cluster)
        print(scenarios.summary(results), flush=True)
        return 0 if all(ok for _, ok, _ in results) else 1
    except KeyboardInterrupt:
        return 0 if not args.test else 130
    finally:
        for name in (signal.SIGINT, signal.SIGTERM):  # a second Ctrl-C must not cut this short
            signal.signal(name, signal.SIG_IGN)
        cluster.stop()
        print(f"stopped; logs in var/cluster/ ({time.monotonic() - started:.0f} s)", flush=True)


if __name__ == "__main__":
    sys.exit(main())
