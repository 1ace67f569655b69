"""Print recall ([O] 7): the station tells an office which cards it printed in which language
have since been replaced, from what it counts per office (never per person), with the new
version one click away."""

import re
from html.parser import HTMLParser
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.formats import date_format

from dialogue.models.base import ChangeKind
from editions.models import Edition
from followup.models import Counter, Event
from ops.management.commands.load_demo import DEMO_OFFICE
from print.models import Office, PrintedEdition, StaffProfile
from tests import builders, pdf_tools

pytestmark = pytest.mark.django_db

HEADING = "Cards your office printed have been replaced"
PRINTED = (
    'You printed <span class="recall-version">v%(version)s</span>, last on %(date)s '
    "(prints: %(prints)s)."
)
NEW = 'New version <span class="recall-version">v%(version)s</span> from %(date)s.'


def visible(html: str) -> str:
    """Text as a reader sees it, without the markup."""
    return re.sub(r"<[^>]+>", "", html)


def staff(message: str, **values) -> str:
    """A staff-side string as the station shows it: in Swedish."""
    with translation.override("sv"):
        return translation.pgettext("staff side", message) % values


def swedish_date(moment) -> str:
    with translation.override("sv"):
        return date_format(moment, "j F Y")


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path  # rendered PDFs are cached in storage


@pytest.fixture
def desk(media, settings):
    """The demo's service-office user (made where DEBUG is on), logged in as she logs in."""
    settings.DEBUG = True
    call_command("load_demo", "--skip-audio", stdout=StringIO())
    settings.DEBUG = False
    client = Client()
    response = client.post(
        "/print/login/", {"username": "servicekontor", "password": "jobba-servicekontor-demo"}
    )
    assert response.status_code == 302 and response["Location"] == "/print/"
    return client


@pytest.fixture
def other_desk(media, django_user_model):
    """Someone at another office."""
    from django.contrib.auth.models import Group

    from cms import roles

    user = django_user_model.objects.create_user("annan", password="pw")
    user.groups.add(Group.objects.get(name=roles.SERVICE_OFFICE))
    StaffProfile.objects.create(user=user, office=Office.objects.create(name="Kontoret Kiruna"))
    client = Client()
    client.force_login(user)
    return client


class Recalls(HTMLParser):
    """The station's recall list as a reader takes it in: per card × language its text, its
    links and its forms' fields."""

    def __init__(self, html: str):
        super().__init__()
        self.notice = "recall-notice" in html
        self.items: list[dict] = []
        self._item = None
        self._depth = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = {name: value or "" for name, value in attrs}
        if tag == "li" and "recall" in a.get("class", "").split():
            self._item = {"classes": a["class"].split(), "text": "", "links": [], "forms": []}
            self.items.append(self._item)
            self._depth = 0
        if self._item is None:
            return
        self._depth += tag == "li"
        if tag == "a":
            self._item["links"].append(a)
        elif tag == "form":
            self._item["forms"].append({**a, "fields": []})
        elif tag == "input" and self._item["forms"]:
            self._item["forms"][-1]["fields"].append((a["name"], a["value"]))

    def handle_endtag(self, tag):
        if self._item is not None and tag == "li":
            self._depth -= 1
            if self._depth == 0:
                self._item["text"] = " ".join(self._item["text"].split())
                self._item = None

    def handle_data(self, data):
        if self._item is not None:
            self._item["text"] += data

    def of(self, card, lang: str = "ar") -> dict:
        found = [item for item in self.items if f"{card.title_sv} ·" in item["text"]]
        assert len(found) == 1, [item["text"] for item in self.items]
        return found[0]


def recalls(client) -> Recalls:
    response = client.get("/print/")
    assert response.status_code == 200
    return Recalls(response.content.decode())


def print_cards(client, event, lang: str = "ar"):
    response = client.get("/print/pdf/", {"lang": lang, "event": [event.slug], "layout": "cards"})
    assert response["Content-Type"] == "application/pdf", response.content.decode()[:2000]
    return response


def served(card, lang: str = "ar") -> Edition:
    return Edition.objects.of(card).served().get(language=lang)


def test_a_replaced_translation_is_recalled_with_its_new_version_one_click_away(desk):
    card = builders.card_with_message(["ar"], agencies=[builders.agency()])
    print_cards(desk, card.life_event)
    printed = served(card)
    assert recalls(desk).items == []
    # A Swedish change: Arabic keeps its approved pair until the new translation; no recall yet.
    builders.publish_swedish(card, title="Ett kort med ny svensk titel")
    assert served(card).version == printed.version and recalls(desk).items == []
    # The new Arabic is approved: what the office printed is replaced.
    builders.translate(card, "ar", title="بطاقة بعنوان جديد")
    new = served(card)
    assert new.version != printed.version
    page = recalls(desk)
    assert page.notice
    item = page.of(card)
    text = item["text"]
    assert "Arabiska" in text and card.title_sv in text
    today = swedish_date(timezone.localdate())
    said = staff(PRINTED, version=printed.version, date=today, prints=1)
    assert visible(said) in text
    new_on = swedish_date(timezone.localdate(new.made_at))
    assert visible(staff(NEW, version=new.version, date=new_on)) in text
    assert "withdrawn" not in item["classes"]
    # One click prints the new version, beside the station.
    [link] = item["links"]
    assert link["target"] == "_blank" and "noopener" in link["rel"]
    pdf = desk.get(link["href"])
    assert pdf["Content-Type"] == "application/pdf"
    text = pdf_tools.normalise(pdf_tools.text(pdf.content))
    assert f"v{new.version}" in text and f"v{printed.version}" not in text
    # Counted as every print is, and noted for the office under the version printed.
    assert Counter.objects.filter(event=Event.CARD_PRINTED, card=card.code).get().count == 2
    noted = PrintedEdition.objects.filter(office__name=DEMO_OFFICE, card=card.code)
    assert {row.version: row.prints for row in noted} == {printed.version: 1, new.version: 1}
    # Printing the new one does not say the old copies were put aside: the office says so.
    item = recalls(desk).of(card)
    [seen] = item["forms"]
    assert (
        dict(seen["fields"])["card"] == card.code and ("version", printed.version) in seen["fields"]
    )
    response = desk.post(seen["action"], dict(seen["fields"]))
    assert response.status_code == 302 and response["Location"] == "/print/#recalls"
    assert recalls(desk).items == []


def test_the_heading_is_swedish():
    assert staff(HEADING) == "Kort som ert kontor har skrivit ut har ersatts"


def test_another_office_never_sees_the_recall_nor_marks_it_seen(desk, other_desk):
    card = builders.card_with_message(["ar"])
    print_cards(desk, card.life_event)
    builders.translate(card, "ar", title="عنوان آخر")
    assert recalls(other_desk).items == [] and not recalls(other_desk).notice
    [seen] = recalls(desk).of(card)["forms"]
    assert other_desk.post(seen["action"], dict(seen["fields"])).status_code == 302
    assert recalls(desk).of(card)  # still listed for the office that printed it


def test_a_withdrawn_language_is_listed_as_such_with_nothing_to_print(desk):
    card = builders.card_with_message(["ar"])
    print_cards(desk, card.life_event)
    printed = served(card)
    card.change_kind = ChangeKind.WITHDRAW
    builders.publish_swedish(card, title="Ett kort som ändrades i sak")
    withdrawn = Edition.objects.get(pk=printed.pk)
    assert withdrawn.withdrawn_at is not None
    item = recalls(desk).of(card)
    assert "withdrawn" in item["classes"] and item["links"] == []  # nothing to print instead
    assert (
        staff("The translation has been withdrawn: %(reason)s", reason=withdrawn.reason)
        in (item["text"])
    )
    assert (
        staff("Do not hand out this card in this language until a new version is approved.")
        in (item["text"])
    )
    # Once the new Arabic is approved, the recall offers it, and still says why.
    builders.translate(card, "ar", title="عنوان مصحح")
    item = recalls(desk).of(card)
    assert "taken-out" in item["classes"] and len(item["links"]) == 1
    said = staff("The old text is no longer correct: %(reason)s", reason=withdrawn.reason)
    assert said in item["text"]


def test_the_most_printed_come_first_and_the_page_costs_the_same_however_many(desk):
    def queries() -> int:
        desk.get("/print/")  # warm: content types and the like are cached once per process
        with CaptureQueriesContext(connection) as done:
            assert desk.get("/print/").status_code == 200
        return len(done)

    first = builders.card_with_message(["ar"])
    print_cards(desk, first.life_event)
    builders.translate(first, "ar", title="عنوان جديد")
    one = queries()
    # Three more cards sharing a message, printed twice; a new Arabic message replaces all three.
    event = builders.life_event(translations=builders.samples(["title"], ["ar"]))
    message = builders.joint_message(
        [event], translations=builders.samples(["headline", "body"], ["ar"])
    )
    cards = [
        builders.dialogue_card(event, [message], f"Kort {n}", {"ar": {"title": f"بطاقة {n}"}})
        for n in range(3)
    ]
    print_cards(desk, event)
    print_cards(desk, event)
    before = [served(card).version for card in cards]
    builders.translate(message, "ar", headline="رسالة جديدة")
    assert all(served(card).version != old for card, old in zip(cards, before, strict=True))
    page = recalls(desk)
    assert len(page.items) == 4
    assert queries() == one
    order = [item["text"].split(" ·")[0] for item in page.items]
    assert order[-1] == first.title_sv  # printed once, the others twice
    today = swedish_date(timezone.localdate())
    said = staff(PRINTED, version=before[0], date=today, prints=2)
    assert visible(said) in page.of(cards[0])["text"]


def test_the_counts_hold_no_person():
    fields = {field.name for field in PrintedEdition._meta.get_fields()}
    assert fields == {
        "id", "office", "card", "language", "version", "prints", "last_printed", "recall_seen_at"
    }  # fmt: skip
