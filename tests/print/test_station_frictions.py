"""The print station's frictions ([J] 8): every language listed with how ready it is, a refusal
that offers what exists, the PDF opening beside the station, the filter's hint."""

from html.parser import HTMLParser
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group
from django.utils import translation
from django.utils.html import escape

import languages
from cms import roles
from dialogue.models import DialogueCard, LifeEvent
from editions import record
from followup.models import Counter, Event
from print import station
from print.models import Office, StaffProfile
from tests import builders
from translations import status as translation_status

pytestmark = pytest.mark.django_db

PRESET = {"event": list(station.PRESET_EVENTS), "layout": "cards"}


@pytest.fixture
def office():
    return Office.objects.create(name="Servicekontoret Husby")


@pytest.fixture
def desk(client, django_user_model, office, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path  # rendered PDFs are cached in storage
    user = django_user_model.objects.create_user("desk", password="pw")
    user.groups.add(Group.objects.get(name=roles.SERVICE_OFFICE))
    StaffProfile.objects.create(user=user, office=office)
    client.force_login(user)
    return client


def staff(message: str, **values) -> str:
    """A staff-side string as the station shows it: in Swedish."""
    with translation.override("sv"):
        return translation.pgettext("staff side", message) % values


class StationPage(HTMLParser):
    """The station as a test reads it: its language choices and its forms."""

    def __init__(self, html: str):
        super().__init__()
        self.choices: list[dict] = []  # per language choice: code, classes, text, data-missing
        self.forms: list[dict] = []
        self.ids: dict[str, dict] = {}
        self._choice = None
        self._button = None
        self._hidden_depth = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = {name: value if value is not None else "" for name, value in attrs}
        classes = a.get("class", "").split()
        if "id" in a:
            self.ids[a["id"]] = a
        if self._hidden_depth or (tag == "span" and "hidden" in a):
            self._hidden_depth += tag == "span"
        if tag == "label" and "language-choice" in classes:
            self._choice = {"classes": classes, "text": "", "code": None}
            self.choices.append(self._choice)
        elif tag == "input" and self._choice is not None and a.get("name") == "lang":
            self._choice["code"] = a["value"]
            self._choice["missing"] = a.get("data-missing", "").split()
            self._choice["checked"] = "checked" in a
        if tag == "form":
            self.forms.append({**a, "classes": classes, "fields": [], "button": ""})
        elif tag == "input" and self.forms and a.get("type") == "hidden":
            self.forms[-1]["fields"].append((a["name"], a["value"]))
        elif tag == "button" and self.forms:
            self._button = self.forms[-1]
            self._button["described_by"] = a.get("aria-describedby")

    def handle_endtag(self, tag):
        if tag == "label":
            self._choice = None
        elif tag == "button":
            self._button = None
        elif tag == "span" and self._hidden_depth:
            self._hidden_depth -= 1

    def handle_data(self, data):
        if self._choice is not None:
            self._choice["text"] += data
        if self._button is not None and not self._hidden_depth:
            self._button["button"] += data

    def choice(self, code: str) -> dict:
        return next(choice for choice in self.choices if choice["code"] == code)

    def text_of(self, code: str) -> str:
        return " ".join(self.choice(code)["text"].split())

    @property
    def station_form(self) -> dict:
        return next(form for form in self.forms if "station-form" in form["classes"])

    @property
    def offers(self) -> list[dict]:
        return [form for form in self.forms if "prints" in form["classes"]]


def page_of(response) -> StationPage:
    assert response["Content-Type"].startswith("text/html")
    return StationPage(response.content.decode())


def submit(client, form: dict):
    """What a browser sends for a form of hidden fields: its action with those fields."""
    return client.get(f"{form['action']}?{urlencode(form['fields'])}")


def unreviewed(lang: str, messages) -> None:
    """Translations of these messages withdrawn and written anew, not yet approved: the cards
    carrying them have no edition in that language, so they do not print in it."""
    for message in messages:
        translation_status.record(message, "body", lang)
        record.refresh_with_carriers(message, [lang], withdraw="Testet drog tillbaka texten.")


def test_every_enabled_language_is_listed_and_the_unready_are_marked(desk):
    builders.never_approved("ps")
    card = DialogueCard.objects.get(slug="personnummer")
    unreviewed("so", card.key_messages()[:1])  # one card of the six no longer prints in Somali
    total = len(station.content.live_cards())
    page = page_of(desk.get("/print/"))
    assert sorted(choice["code"] for choice in page.choices) == sorted(languages.codes())
    not_ready = staff("not ready to print")
    partly = staff("partly: %(cards)s of %(total)s cards", cards=total - 1, total=total)
    assert not_ready == "inte klart för utskrift"
    assert partly == f"delvis: {total - 1} av {total} kort"
    # Pashto: nothing to print yet, but listed, in its own script, and marked.
    assert not_ready in page.text_of("ps") and "پښتو" in page.text_of("ps")
    assert "not-ready" in page.choice("ps")["classes"]
    assert partly in page.text_of("so") and not_ready not in page.text_of("so")
    assert page.choice("so")["missing"] == ["folkbokforing"]
    # Tigrinya prints whole: no mark.
    assert not_ready not in page.text_of("ti") and "delvis" not in page.text_of("ti")
    assert "not-ready" not in page.choice("ti")["classes"] and page.choice("ti")["missing"] == []
    # Ready first, then partly ready, then the languages with nothing yet.
    order = [choice["code"] for choice in page.choices]
    assert order.index("ti") < order.index("so") < order.index("ps")
    assert order.index("sv") < order.index("so")


def test_the_office_s_most_printed_come_first_even_when_partly_ready(desk):
    assert desk.get("/print/pdf/", {"lang": "so", **PRESET})["Content-Type"] == "application/pdf"
    unreviewed("so", DialogueCard.objects.get(slug="personnummer").key_messages()[:1])
    page = page_of(desk.get("/print/"))
    assert page.choices[0]["code"] == "so"
    assert "delvis" in page.text_of("so") and "ofta" in page.text_of("so")


def test_choosing_a_partly_ready_language_offers_what_is_translated(desk):
    card = DialogueCard.objects.get(slug="personnummer")
    unreviewed("so", card.key_messages()[:1])
    station_form = page_of(desk.get("/print/")).station_form
    response = desk.get(station_form["action"], {"lang": "so", **PRESET})
    assert response.status_code == 200
    page = page_of(response)
    body = response.content.decode()
    # Withdrawn on purpose: said as such, with the reason, not as "not translated".
    said = staff("The translation into %(name)s has been withdrawn:", name="Somaliska")
    assert escape(said) in body and "Testet drog tillbaka texten." in body
    assert escape(staff("Not yet translated into %(name)s:", name="Somaliska")) not in body
    assert card.title_sv in body
    [rest] = page.offers
    assert ("partial", "1") in rest["fields"] and ("lang", "so") in rest["fields"]
    assert staff("Print what is translated") in rest["button"]
    assert not Counter.objects.exists()  # nothing printed until she chooses the rest
    pdf = submit(desk, rest)
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    printed = {row.card for row in Counter.objects.filter(event=Event.CARD_PRINTED)}
    expected = {c.code for c in station.order("so", PRESET["event"], "cards").cards}
    assert printed == expected and card.code not in printed


def test_a_language_with_nothing_to_print_says_so_and_offers_no_empty_print(desk):
    builders.never_approved("ps")
    response = desk.get("/print/pdf/", {"lang": "ps", **PRESET})
    assert response.status_code == 200
    page = page_of(response)
    body = response.content.decode()
    assert escape(staff("Not yet translated into %(name)s:", name="Pashto")) in body
    said = staff(
        "Nothing is translated into %(name)s and ready to print yet. "
        "Choose another language she reads.",
        name="Pashto",
    )
    assert said.startswith("Inget är översatt till Pashto") and escape(said) in body
    assert page.offers == []  # no button that would print an empty PDF
    assert page.choice("ps")["checked"]  # the form stays, to choose another language
    assert not Counter.objects.exists()


def test_nothing_in_the_chosen_life_events_offers_the_other_life_events(desk):
    """Thai prints only the parental-leave card: the preset offers that card instead."""
    kept = DialogueCard.objects.get(slug="foraldraledig-och-pa-vag")
    keep = set(kept.key_messages())
    preset_cards = [c for c in station.content.live_cards() if c.life_event.slug in PRESET["event"]]
    unreviewed("th", {m for c in preset_cards for m in c.key_messages()} - keep)
    response = desk.get("/print/pdf/", {"lang": "th", **PRESET})
    assert response.status_code == 200
    page = page_of(response)
    body = response.content.decode()
    assert escape(staff("In %(name)s there are A6 cards for:", name="Thailändska")) in body
    [offer] = page.offers
    assert offer["fields"] == [
        ("lang", "th"),
        ("event", kept.life_event.slug),
        ("layout", "cards"),
        ("partial", "1"),
    ]
    assert staff("Print that instead") in offer["button"]
    assert offer["described_by"] in page.ids  # the button says what it prints
    pdf = submit(desk, offer)
    assert pdf["Content-Type"] == "application/pdf"
    printed = Counter.objects.filter(event=Event.CARD_PRINTED, language="th")
    assert [row.card for row in printed] == [kept.code]


def test_a_leaflet_with_nothing_offers_the_cards_and_the_other_leaflets(desk):
    """A message of parental leave that is on none of its cards stops its leaflet in Thai; its
    card still prints, and so do the leaflets of the life events without that message."""
    event = LifeEvent.objects.get(slug="foraldraledighet")
    on_cards = {m for c in DialogueCard.objects.filter(life_event=event) for m in c.key_messages()}
    stopper = next(m for m in event.messages.filter(live=True) if m not in on_cards)
    unreviewed("th", [stopper])
    query = {"lang": "th", "event": [event.slug], "layout": "leaflet"}
    page = page_of(desk.get("/print/pdf/", query))
    cards, leaflets = page.offers
    assert cards["fields"] == [
        ("lang", "th"),
        ("event", event.slug),
        ("layout", "cards"),
        ("partial", "1"),
    ]
    others = [
        e.slug
        for e in station.life_events()
        if e != event and not e.messages.filter(pk=stopper.pk).exists()
    ]
    assert others and [v for k, v in leaflets["fields"] if k == "event"] == others
    assert ("layout", "leaflet") in leaflets["fields"]
    for offer in (cards, leaflets):
        assert submit(desk, offer)["Content-Type"] == "application/pdf"
    assert Counter.objects.filter(event=Event.CARD_PRINTED, life_event=event.slug).exists()
    leaflets_printed = Counter.objects.filter(event=Event.LEAFLET_PRINTED, language="th")
    assert sorted(row.life_event for row in leaflets_printed) == sorted(others)


def test_the_station_opens_the_pdf_in_a_new_tab_and_says_so(desk):
    page = page_of(desk.get("/print/"))
    form = page.station_form
    assert form["target"] == "_blank" and "noopener" in form["rel"].split()
    new_tab = staff("(opens in a new tab)")
    assert new_tab == "(öppnas i en ny flik)" and new_tab in form["button"]
    response = desk.get(form["action"], {"lang": "ti", **PRESET})
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline;")  # shown, not downloaded


def test_a_refusal_already_in_its_own_tab_prints_there(desk):
    """Without JavaScript a refusal opened in the new tab: its forms print in that tab."""
    unreviewed("so", DialogueCard.objects.get(slug="personnummer").key_messages()[:1])
    page = page_of(desk.get("/print/pdf/", {"lang": "so", **PRESET}))
    new_tab = staff("(opens in a new tab)")
    for form in (page.station_form, *page.offers):
        assert "target" not in form
        assert new_tab not in form["button"]  # hidden until station.js opens it beside
    page = page_of(desk.get("/print/pdf/", {"lang": "ti", "layout": "cards"}))  # no life event
    assert "target" not in page.station_form


def test_the_filter_says_that_enter_chooses_the_last_language_left(desk):
    page = page_of(desk.get("/print/"))
    box = page.ids["language-filter"]
    hint = staff("Type a few letters. When only one language is left, Enter chooses it.")
    assert box["aria-describedby"] == "language-filter-hint"
    assert hint.startswith("Skriv några bokstäver")
    assert escape(hint) in desk.get("/print/").content.decode()


def test_the_station_with_every_language_still_costs_a_bounded_number_of_queries(
    desk, django_assert_max_num_queries
):
    builders.never_approved("ps")
    with django_assert_max_num_queries(20):
        assert desk.get("/print/").status_code == 200
    # The refusal works out the offers too: both layouts, the chosen and the other life events.
    with django_assert_max_num_queries(45):
        assert desk.get("/print/pdf/", {"lang": "ps", **PRESET}).status_code == 200
