"""Hardening: who may log in at the station, what the admin shows the follow-up role, the headers
every answer carries, downloads a HEAD does not build, error answers nobody keeps, password
reset without mail, the service worker and logout, and the client address behind proxies."""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db.models import Sum
from django.utils import translation
from django.utils.html import escape

from cms import roles
from dialogue.models import DialogueCard
from followup.models import Counter
from print.models import Office, StaffProfile
from tests.audio.test_qr_audio import record, wav_bytes

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db


def member(django_user_model, name, group):
    user = django_user_model.objects.create_user(name, password="pw")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def clerk(django_user_model):
    user = member(django_user_model, "clerk", roles.SERVICE_OFFICE)
    StaffProfile.objects.create(user=user, office=Office.objects.create(name="Kontoret Väst"))
    return user


def staff_text(message: str) -> str:
    with translation.override("sv"):
        return escape(translation.pgettext("staff side", message))


# The print station's login

NOT_STAFF = (
    "The print station is for service-office staff. "
    "Ask your administrator for the service-office role."
)
NO_OFFICE = (
    "Your account is not linked to an office. "
    "Ask your administrator to add your office to your account."
)


@pytest.mark.parametrize(
    "group,refusal",
    [
        (roles.EDITORS, NOT_STAFF),
        (roles.FOLLOW_UP, NOT_STAFF),
        (roles.ADMINISTRATORS, NO_OFFICE),  # may print, but for no office: no session here
    ],
)
def test_only_office_staff_may_log_in_at_the_station(client, django_user_model, group, refusal):
    member(django_user_model, "someone", group)
    response = client.post("/print/login/", {"username": "someone", "password": "pw"})
    assert response.status_code == 200
    page = response.content.decode()
    assert staff_text(refusal) in page and 'role="alert"' in page
    assert staff_text("Wrong username or password. Try again.") not in page
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302  # to the admin's login: no session


def test_a_station_login_lasts_until_the_browser_closes(client, clerk):
    response = client.post("/print/login/", {"username": "clerk", "password": "pw"})
    assert response.status_code == 302 and response["Location"] == "/print/"
    cookie = response.cookies[django_settings.SESSION_COOKIE_NAME]
    assert cookie.value and cookie["expires"] == "" and cookie["max-age"] == ""
    assert client.get("/print/").status_code == 200


def test_a_wrong_password_at_the_station_still_says_so(client, clerk):
    response = client.post("/print/login/", {"username": "clerk", "password": "wrong"})
    assert staff_text("Wrong username or password. Try again.") in response.content.decode()
    assert staff_text(NOT_STAFF) not in response.content.decode()


# The follow-up role: the report and nothing else (the matrix in test_permission_matrix.py)


@pytest.fixture
def follow_up(client, django_user_model):
    client.force_login(member(django_user_model, "uppfoljare", roles.FOLLOW_UP))
    return client


def test_the_follow_up_menu_leads_to_the_report_only(follow_up):
    dashboard = follow_up.get("/admin/")
    assert dashboard.status_code == 200
    page = dashboard.content.decode()
    assert "/admin/follow-up/" in page
    for elsewhere in ("/admin/translations/", "/admin/reports/site-history/"):
        assert elsewhere not in page
    assert follow_up.get("/admin/follow-up/").status_code == 200


def test_a_chooser_opened_by_script_tells_the_follow_up_role_no(follow_up):
    title = DialogueCard.objects.get(slug="personnummer").title_sv
    response = follow_up.get(
        f"/admin/snippets/choose/dialogue/dialoguecard/results/?q={title[:6]}",
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert response.status_code == 403
    assert title not in response.content.decode()


# Permissions-Policy on every answer

POLICY = ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()")


@pytest.mark.parametrize(
    "path", ["/sv/", "/ar/folkbokforing/", "/finns-inte/", "/admin/login/", "/print/login/"]
)
def test_every_answer_forbids_camera_microphone_location_payment_and_usb(client, path):
    response = client.get(path)
    assert response.status_code in (200, 404)
    assert all(feature in response["Permissions-Policy"] for feature in POLICY)


def test_the_station_itself_carries_the_permissions_policy(client, clerk):
    client.force_login(clerk)
    response = client.get("/print/")
    assert response.status_code == 200
    assert all(feature in response["Permissions-Policy"] for feature in POLICY)


# HEAD on downloads


def stored_files(settings):
    root = Path(settings.MEDIA_ROOT)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def counted() -> int:
    return Counter.objects.aggregate(total=Sum("count"))["total"] or 0


@pytest.mark.parametrize(
    "url,content_type",
    [
        ("/material/poster.pdf?size=A4", "application/pdf"),
        ("/material/servicekontor/pack.zip?lang=so", "application/zip"),
    ],
)
def test_a_head_request_builds_and_counts_nothing(client, settings, empty_media, url, content_type):
    before = counted()
    response = client.head(url)
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"].startswith("attachment;")
    assert stored_files(settings) == []
    assert counted() == before
    # The download itself still builds and counts.
    assert client.get(url).status_code == 200
    assert stored_files(settings) != [] and counted() > before


def test_a_head_request_with_a_bad_choice_is_refused_as_the_download_is(client, empty_media):
    assert client.head("/material/poster.pdf?size=A0").status_code == 400
    assert client.head("/material/servicekontor/pack.zip?lang=xx").status_code == 400


# Error answers are never kept


@pytest.fixture
def recording(empty_media):
    card = DialogueCard.objects.get(slug="foraldraledig-och-pa-vag")
    return record(card, "fa", wav_bytes(seconds=1))


def never_kept(response) -> bool:
    control = response.get("Cache-Control", "")
    return "no-store" in control and "max-age" not in control and "public" not in control


def test_a_range_beyond_the_recording_is_416_and_never_kept(client, recording):
    refused = client.get(recording.url, HTTP_RANGE="bytes=99999999-")
    assert refused.status_code == 416
    assert never_kept(refused)
    # The recording itself keeps its year: its name changes with its bytes.
    whole = client.get(recording.url)
    assert whole.status_code == 200 and "max-age=31536000" in whole["Cache-Control"]


def test_a_missing_recording_is_never_kept(client, recording):
    missing = client.get(recording.url.replace(".wav", "x.wav"))
    assert missing.status_code == 404 and never_kept(missing)


def test_qr_answers_for_unknown_and_withdrawn_cards_are_never_kept(client):
    unknown = client.get("/q/ZZZZZZ/ar/")
    assert unknown.status_code == 404 and never_kept(unknown)
    card = DialogueCard.objects.get(slug="foraldraledig-och-pa-vag")
    code = card.code
    card.delete()
    withdrawn = client.get(f"/q/{code}/so/")
    assert withdrawn.status_code == 410 and never_kept(withdrawn)


# Password reset needs mail


def test_without_a_mail_server_there_is_no_password_reset(client):
    assert client.get("/admin/password_reset/").status_code == 404
    login = client.get("/admin/login/")
    assert login.status_code == 200 and "/admin/password_reset/" not in login.content.decode()


def test_the_setting_is_what_opens_password_reset(client, settings):
    settings.WAGTAIL_PASSWORD_RESET_ENABLED = True
    assert client.get("/admin/password_reset/").status_code == 200
    assert "/admin/password_reset/" in client.get("/admin/login/").content.decode()


READ_SETTINGS = """
import json, django
django.setup()
from django.conf import settings
print(json.dumps([settings.WAGTAIL_PASSWORD_RESET_ENABLED, settings.TRUSTED_PROXIES,
                  settings.TRUSTED_PROXY_HEADER]))
"""
OURS = ("EMAIL_URL", "RATELIMIT_IP_META_KEY", "TRUSTED_PROXIES")


@pytest.mark.parametrize(
    "environment,expected",
    [
        ({}, [False, 0, "HTTP_X_FORWARDED_FOR"]),
        ({"EMAIL_URL": "console:"}, [False, 0, "HTTP_X_FORWARDED_FOR"]),
        ({"EMAIL_URL": "smtp+tls://jis:pw@mail.example.se:587"}, [True, 0, "HTTP_X_FORWARDED_FOR"]),
        # A site that named its proxy's header before TRUSTED_PROXIES existed: one proxy.
        ({"RATELIMIT_IP_META_KEY": "HTTP_X_REAL_IP"}, [False, 1, "HTTP_X_REAL_IP"]),
        ({"TRUSTED_PROXIES": "2"}, [False, 2, "HTTP_X_FORWARDED_FOR"]),
    ],
)
def test_settings_read_from_the_environment(environment, expected):
    env = {k: v for k, v in os.environ.items() if k not in OURS}
    env.update(environment, DJANGO_SETTINGS_MODULE="cms.settings.test")
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", READ_SETTINGS],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    assert json.loads(result.stdout.strip().splitlines()[-1]) == expected


# The service worker and logging out


def test_the_served_service_worker_never_stores_staff_pages(client):
    source = client.get("/sw.js").content.decode()
    listed = re.search(r"const NEVER_STORED = \[(.*?)\];", source)
    assert listed is not None
    assert {"/admin/", "/print/"} <= set(re.findall(r'"([^"]+)"', listed.group(1)))
    fetch_handler = source[source.index('addEventListener("fetch"') :]
    assert "if (neverStored(url)) return;" in fetch_handler


# Runs the served worker with stand-ins for the browser: which requests it answers itself
# (and so may store), and which stored pages it forgets when it takes over.
RUN_WORKER = r"""
const source = require("fs").readFileSync(0, "utf8");
const origin = "https://jobba.example.se";
const listeners = {};
const stored = new Map([["/print/", 1], ["/admin/pages/", 1], ["/sv/", 1]]);
const cache = {
  keys: async () => [...stored.keys()].map((path) => ({ url: origin + path })),
  delete: async (request) => stored.delete(new URL(request.url).pathname),
  match: async () => undefined,
  put: async () => {},
};
const self = {
  addEventListener: (type, listener) => { listeners[type] = listener; },
  location: { origin },
  skipWaiting: () => {},
  clients: { claim: async () => {} },
};
const caches = { open: async () => cache };
const fetch = async () => { throw new Error("offline"); };
new Function("self", "caches", "fetch", source)(self, caches, fetch);
(async () => {
  let taking_over;
  listeners.activate({ waitUntil: (promise) => { taking_over = promise; } });
  await taking_over;
  const answered = {};
  for (const path of ["/print/", "/print/login/", "/admin/", "/sv/", "/q/ABC123/ar/"]) {
    answered[path] = false;
    listeners.fetch({
      request: {
        method: "GET", url: origin + path, mode: "navigate", headers: { get: () => null },
      },
      respondWith: (answer) => { answered[path] = true; answer.catch(() => {}); },
    });
  }
  console.log(JSON.stringify({ answered, kept: [...stored.keys()] }));
})();
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="runs the worker in Node.js")
def test_the_service_worker_leaves_staff_pages_alone_and_forgets_stored_ones(client):
    source = client.get("/sw.js").content.decode()
    result = subprocess.run(  # noqa: S603
        [shutil.which("node"), "-e", RUN_WORKER],
        input=source, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout)
    assert outcome["answered"] == {
        "/print/": False,
        "/print/login/": False,
        "/admin/": False,
        "/sv/": True,
        "/q/ABC123/ar/": True,
    }
    assert outcome["kept"] == ["/sv/"]


CLEARED = '"cache", "storage"'


def test_logging_out_of_the_station_clears_what_the_browser_kept(client, clerk):
    client.force_login(clerk)
    response = client.post("/print/logout/")
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == CLEARED
    assert "_auth_user_id" not in client.session


def test_logging_out_of_the_admin_clears_what_the_browser_kept(admin_client):
    response = admin_client.post("/admin/logout/")
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == CLEARED
    assert admin_client.get("/admin/").status_code == 302  # logged out


def test_pages_do_not_clear_site_data(client):
    assert "Clear-Site-Data" not in client.get("/sv/")


# The client address behind proxies

PROXY = "10.0.0.1"
ENDPOINTS = ["/material/poster.pdf", "/print/login/", "/admin/login/"]


@pytest.fixture
def behind_proxies(settings, empty_media):
    cache.clear()  # rate-limit counts live in the cache
    # Per day: a counting window that ended in the middle of a test would start the count anew.
    settings.RATE_DOWNLOADS = settings.RATE_LOGINS = "2/d"
    settings.TRUSTED_PROXIES = 1
    settings.TRUSTED_PROXY_HEADER = "HTTP_X_FORWARDED_FOR"
    yield settings
    cache.clear()


def ask(client, url, forwarded=None, remote=PROXY) -> int:
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    if url.endswith("/login/"):
        wrong = {"username": "nobody", "password": "guess"}
        return client.post(url, wrong, **meta).status_code
    return client.get(url, **meta).status_code


@pytest.mark.parametrize("url", ENDPOINTS)
def test_two_clients_behind_one_proxy_are_limited_apart(client, behind_proxies, url):
    assert [ask(client, url, "198.51.100.7") for _ in range(3)] == [200, 200, 429]
    assert ask(client, url, "198.51.100.8") == 200
    assert ask(client, url, "2001:db8::1") == 200


@pytest.mark.parametrize("url", ENDPOINTS)
def test_only_the_entry_our_proxy_wrote_is_believed(client, behind_proxies, url):
    assert ask(client, url, "203.0.113.1, 198.51.100.7") == 200
    assert ask(client, url, "203.0.113.2,198.51.100.7") == 200
    # What the client wrote itself changes nothing: the same client, limited.
    assert ask(client, url, "203.0.113.3, 198.51.100.7") == 429
    assert ask(client, url, "198.51.100.7, 198.51.100.9") == 200  # another client


@pytest.mark.parametrize("url", ENDPOINTS)
def test_without_the_header_the_connection_is_counted(client, behind_proxies, url):
    assert [ask(client, url) for _ in range(3)] == [200, 200, 429]
    assert ask(client, url, remote="10.0.0.2") == 200
    assert ask(client, url, "198.51.100.7") == 200


@pytest.mark.parametrize("url", ENDPOINTS)
def test_a_header_that_is_no_address_counts_as_the_connection_never_a_500(
    client, behind_proxies, url
):
    assert ask(client, url, "not-an-address") == 200
    assert ask(client, url, "") == 200
    for garbage in ("198.51.100.7, ", "999.1.1.1", "unknown", " , ,", "[no-v6]:443", "a" * 5000):
        assert ask(client, url, garbage) == 429  # counted under the proxy's own address
    assert ask(client, url, "198.51.100.7:51234") == 200  # an address with its port is one
    assert ask(client, url, "[2001:db8::2]:443") == 200


@pytest.mark.parametrize("url", ["/material/poster.pdf", "/print/login/"])
def test_with_two_proxies_the_second_entry_from_the_right_is_the_client(
    client, behind_proxies, url
):
    behind_proxies.TRUSTED_PROXIES = 2
    assert ask(client, url, "203.0.113.1, 198.51.100.7, 10.0.0.3") == 200
    assert ask(client, url, "198.51.100.7, 10.0.0.4") == 200
    assert ask(client, url, "203.0.113.2, 198.51.100.7, 10.0.0.3") == 429
    assert ask(client, url, "198.51.100.8, 10.0.0.3") == 200
    # Fewer entries than proxies: not through both, so the connection counts.
    assert ask(client, url, "198.51.100.9") == 200
    assert ask(client, url, "198.51.100.10") == 200
    assert ask(client, url, "198.51.100.11") == 429


@pytest.mark.parametrize("url", ["/material/poster.pdf", "/print/login/"])
def test_without_trusted_proxies_the_header_is_not_believed(client, behind_proxies, url):
    behind_proxies.TRUSTED_PROXIES = 0
    assert ask(client, url, "198.51.100.7") == 200
    assert ask(client, url, "198.51.100.8") == 200
    assert ask(client, url, "198.51.100.9, not an address") == 429  # all from one connection
