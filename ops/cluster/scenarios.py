"""What several nodes must share, checked against a running cluster: one function per scenario,
each returning (name, ok, detail). Requests go to the app servers over HTTP; this process reads
the shared database, cache and bucket (Django set up with the cluster's environment) to check.

Every request names its own client address (X-Forwarded-For, the cluster trusting one proxy),
so that only the rate-limit scenario ever reaches a limit."""

from __future__ import annotations

import itertools
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import requests

_addresses = (f"198.18.{n // 250}.{n % 250 + 1}" for n in itertools.count())
_address_lock = threading.Lock()
PACK_SECONDS = 240  # the longest the pack scenarios wait for a first build


def _address() -> str:
    with _address_lock:
        return next(_addresses)


def get(cluster, node, path, address=None, **kwargs):
    headers = {"X-Forwarded-For": address or _address(), **kwargs.pop("headers", {})}
    return requests.get(cluster.url(node) + path, headers=headers, timeout=60, **kwargs)


def _count(event, card, language) -> int:
    from django.db.models import Sum

    from followup.models import Counter

    found = Counter.objects.filter(event=event, card=card, language=language, granularity="day")
    return found.aggregate(total=Sum("count"))["total"] or 0


def _recorded_card():
    from audio.models import AudioRecording

    recording = AudioRecording.objects.approved().filter(language="sv").select_related("card")
    return recording.order_by("pk").first()


def _packs():
    """Two packs of two languages each: never prebuilt, so built when first asked for."""
    from dialogue.models import Audience
    from print import packs

    audiences = list(Audience.objects.order_by("pk"))
    printable = packs.printable_by_audience(audiences)
    found = []
    for audience in audiences:
        codes = [language.code for language in printable[audience.pk] if language.code != "sv"]
        found += [(audience.slug, ["sv", code]) for code in codes[:2]]
    return found[:2]


def _pack_path(slug, codes):
    return f"/material/{slug}/pack.zip?" + "&".join(f"lang={c}" for c in codes) + "&finish=office"


def _results(slug, codes):
    from django_tasks_db.models import DBTaskResult

    tasks = DBTaskResult.objects.filter(task_path__endswith="build_pack")
    return [
        t
        for t in tasks
        if t.args_kwargs["kwargs"].get("audience_slug") == slug
        and t.args_kwargs["kwargs"].get("codes") == codes
    ]


def _stored(slug, codes) -> bool:
    from print import cache, jobs

    return cache.exists(jobs.pack(slug, codes, "office").plan().name)


def _wait_for_pack(cluster, path, seconds, nodes=("a", "b")):
    """Ask as the "being prepared" page does (it reloads itself), until the file comes."""
    deadline = time.monotonic() + seconds
    for node in itertools.cycle(nodes):
        response = get(cluster, node, path)
        if response.status_code == 200:
            return response
        if time.monotonic() > deadline:
            return response
        time.sleep(1)


# --- the scenarios ---------------------------------------------------------------------------


def recording_in_s3(cluster):
    name = "a recording stored in S3 plays on the QR page under its policy and is counted"
    recording = _recorded_card()
    if recording is None:
        return name, False, "no approved Swedish recording in the demo"
    code = recording.card.code
    page = get(cluster, "b", f"/q/{code}/sv/")
    found = re.search(r'<audio[^>]*src="([^"]+)"', page.text)
    policy = page.headers.get("Content-Security-Policy", "")
    if not found or not found.group(1).startswith("/audio/"):
        return name, False, f"audio src {found and found.group(1)!r} is not on the site's origin"
    if "media-src 'self'" not in policy:
        return name, False, f"policy {policy!r}"
    before = _count("audio_started", code, "sv")
    heard = get(cluster, "a", found.group(1))
    ranged = get(cluster, "b", found.group(1), headers={"Range": "bytes=100-"})
    with recording.file.storage.open(recording.file.name, "rb") as stored:
        original = stored.read()
    after = _count("audio_started", code, "sv")
    ok = (
        heard.status_code == 200
        and heard.content == original
        and ranged.status_code == 206
        and ranged.content == original[100:]
        and after == before + 1
    )
    detail = (
        f"{found.group(1)} via A {heard.status_code} ({len(heard.content)} B = S3 object),"
        f" range via B {ranged.status_code}; counted {after - before} start(s)"
    )
    return name, ok, detail


def rate_limits_shared(cluster):
    """QR feedback POSTs from one address, alternating nodes: exactly RATE_DOWNLOADS pass."""
    from django.conf import settings

    name = "rate limits count across both nodes"
    limit = int(settings.RATE_DOWNLOADS.split("/")[0])
    recording = _recorded_card()
    code, address = recording.card.code, _address()
    statuses = []
    for node in itertools.islice(itertools.cycle("ab"), limit + 10):
        response = requests.post(
            f"{cluster.url(node)}/q/{code}/sv/feedback/",
            data={"answer": "understood"},
            headers={"X-Forwarded-For": address},
            timeout=30,
        )
        statuses.append(response.status_code)
    passed = statuses.count(200)
    ok = passed == limit and statuses[limit:] == [429] * 10
    return (
        name,
        ok,
        f"{passed} of {len(statuses)} passed (limit {limit}/h), then {set(statuses[limit:])}",
    )


def pack_built_once(cluster, slug, codes):
    name = "the same pack asked on both nodes at once is built once, stored in S3"
    path = _pack_path(slug, codes)
    started = time.monotonic()
    with ThreadPoolExecutor(2) as pool:
        first = list(pool.map(lambda node: get(cluster, node, path).status_code, "ab"))
    response = _wait_for_pack(cluster, path, PACK_SECONDS)
    took = time.monotonic() - started
    other = get(cluster, "b" if response.url.startswith(cluster.url("a")) else "a", path)
    results = _results(slug, codes)
    built = [t for t in results if t.return_value == "built"]
    ok = (
        response.status_code == 200
        and other.content == response.content
        and len(built) == 1
        and _stored(slug, codes)
    )
    detail = (
        f"{'+'.join(codes)}: first answers {first}, file after {took:.0f} s "
        f"({len(response.content) // 1024} KiB, same on both); tasks "
        f"{[t.return_value for t in results]}; in S3: {_stored(slug, codes)}"
    )
    return name, ok, detail


def worker_killed(cluster, slug, codes):
    from print import jobs, locks

    name = "kill -9 of the building worker: the other finishes within 30 s, pages answered"
    path = _pack_path(slug, codes)
    code = _recorded_card().card.code
    get(cluster, "a", path)
    deadline, victim = time.monotonic() + PACK_SECONDS, None
    lease = jobs.pack(slug, codes, "office").plan().name
    while victim is None and time.monotonic() < deadline:
        # Building: its task claimed and the file's lease taken (print.locks).
        running = [t for t in _results(slug, codes) if t.status == "RUNNING"]
        if running and running[0].worker_ids and locks.held(lease):
            victim = running[0].worker_ids[-1]
        else:
            time.sleep(0.1)
    if victim is None:
        return name, False, "no worker took the build"
    cluster.stop_process(victim, sig=9)
    killed_at = time.monotonic()
    pages, stop = [], threading.Event()

    def ask_pages():
        for node in itertools.cycle("ab"):
            if stop.is_set():
                return
            pages.append(get(cluster, node, f"/q/{code}/sv/").status_code)
            time.sleep(0.2)

    watcher = threading.Thread(target=ask_pages)
    watcher.start()
    try:
        response = _wait_for_pack(cluster, path, 30)
        took = time.monotonic() - killed_at
    finally:
        stop.set()
        watcher.join()
        cluster.start_worker(victim)  # the cluster has two workers again
    answered = pages.count(200)
    ok = response.status_code == 200 and took <= 30 and answered == len(pages) and pages
    detail = (
        f"killed {victim}; the file came {took:.0f} s later ({response.status_code}); "
        f"QR page meanwhile {answered}/{len(pages)} answered 200"
    )
    return name, ok, detail


def redis_restarted(cluster):
    name = "Redis restarted: pages still served, counts still exact"
    code = _recorded_card().card.code
    before = _count("qr_opened", code, "sv")
    statuses = [get(cluster, node, f"/q/{code}/sv/").status_code for node in "abab"]
    cluster.stop_process("redis")
    down = [get(cluster, node, f"/q/{code}/sv/").status_code for node in "abab"]
    cluster.start_redis()
    statuses += [get(cluster, node, f"/q/{code}/sv/").status_code for node in "abababab"]
    after = _count("qr_opened", code, "sv")
    served = statuses.count(200)
    counted = after - before
    ok = served == len(statuses) and counted == served + down.count(200)
    detail = (
        f"before/after restart {served}/{len(statuses)} served; while down {down}; "
        f"counted {counted} for {served + down.count(200)} pages"
    )
    return name, ok, detail


def published_shows_on_other_node(cluster):
    """The administrator changes a card's title and publishes it in node A's admin (chromium,
    the real edit form); node B's QR page, cached before, shows the new title."""
    from ops.cluster import admin_browser
    from ops.cluster.nodes import ADMIN

    name = "content published through node A's admin shows on node B's QR page (shared cache)"
    card = _recorded_card().card
    path = f"/q/{card.code}/sv/"
    get(cluster, "b", path)  # cached on B under the current version
    title = f"Klustertest {int(time.time())}"
    with admin_browser.signed_in(cluster.url("a"), *ADMIN) as page:
        said = admin_browser.publish_card_title(page, cluster.url("a"), card.pk, title)
    published = time.monotonic()
    while time.monotonic() - published < 10:
        if title in get(cluster, "b", path).text:
            seconds = time.monotonic() - published
            return name, True, f"A's admin said {said!r}; B showed the title {seconds:.1f} s after"
        time.sleep(0.5)
    return name, False, f"A's admin said {said!r}; B still without {title!r} after 10 s"


def run_all(cluster):
    results = []
    packs = _packs()
    plan = [
        recording_in_s3,
        rate_limits_shared,
        lambda c: pack_built_once(c, *packs[0]),
        lambda c: worker_killed(c, *packs[1]),
        redis_restarted,
        published_shows_on_other_node,
    ]
    for scenario in plan:
        started = time.monotonic()
        try:
            result = scenario(cluster)
        except Exception as error:  # one broken scenario still lets the others report
            result = (getattr(scenario, "__name__", "scenario"), False, f"raised {error!r}")
        name, ok, detail = result
        results.append((name, bool(ok), f"{detail} [{time.monotonic() - started:.0f} s]"))
        print(("PASS " if ok else "FAIL ") + name, flush=True)
    return results


def summary(results) -> str:
    lines = ["", "Cluster scenarios", "=" * 17]
    for name, ok, detail in results:
        lines.append(f"{'PASS' if ok else 'FAIL'}  {name}\n      {detail}")
    held = sum(ok for _, ok, _ in results)
    lines.append(f"\n{held} of {len(results)} hold")
    return "\n".join(lines)
