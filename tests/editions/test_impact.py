"""Impact before it happens ([E] 4): the editor, before she submits, and each approver, while
reviewing, read in the edit form what publishing the draft will do to each language in service;
the dashboards list the languages that wait for an updated translation."""

from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.formats import date_format

from dialogue.models import JointMessage
from dialogue.models.base import ChangeKind
from editions import impact
from editions.impact import Outcome
from editions.models import Edition
from tests import builders

from .conftest import ADDED, OLD_SV
from .test_scenario import SNIPPETS, approve, edit

pytestmark = pytest.mark.django_db


class _Shown(HTMLParser):
    """The impact the form shows: the block of the change kind chosen (the others are hidden),
    its outcomes (`data-impact`), the languages listed under each and what is said."""

    def __init__(self):
        super().__init__()
        self.kinds: dict[str, bool] = {}  # each block's kind: shown?
        self.kind = ""
        self.outcomes: dict[str, list[str]] = {}
        self.items: dict[str, list[str]] = {}
        self.text: list[str] = []
        self._depth = 0  # open <div>s inside the shown block
        self._outcome = ""
        self._item: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "div" and "data-impact-kind" in a:
            self.kinds[a["data-impact-kind"]] = "hidden" not in a
            if "hidden" not in a:
                self.kind, self._depth = a["data-impact-kind"], 1
            return
        if not self._depth:
            return
        if tag == "div":
            self._depth += 1
        if "data-impact" in a:
            self._outcome = a["data-impact"]
            self.outcomes.setdefault(self._outcome, [])
        if tag == "li" and "data-lang" in a:
            self.outcomes[self._outcome].append(a["data-lang"])
            self._item = []

    def handle_data(self, data):
        if self._depth:
            self.text.append(data)
            if self._item is not None:
                self._item.append(data)

    def handle_endtag(self, tag):
        if not self._depth:
            return
        if tag == "li" and self._item is not None:
            self.items.setdefault(self._outcome, []).append(" ".join("".join(self._item).split()))
            self._item = None
        if tag == "div":
            self._depth -= 1

    @property
    def said(self) -> str:
        return " ".join("".join(self.text).split())


def shown_impact(client, user, obj) -> _Shown:
    client.force_login(user)
    response = client.get(f"{SNIPPETS}/{obj._meta.model_name}/edit/{obj.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="panel-publishing_impact-section"' in html
    shown = _Shown()
    shown.feed(html)
    assert set(shown.kinds) == set(ChangeKind.values), "one block per change kind"
    assert list(shown.kinds.values()).count(True) == 1, "exactly one block shows"
    return shown


def day(moment) -> str:
    """A date as the staff side writes it."""
    with translation.override("sv"):
        return date_format(timezone.localtime(moment), "j F Y")


def arabic_edition(obj) -> Edition:
    return Edition.objects.of(obj).served().get(language="ar")


def test_the_editor_reads_that_arabic_keeps_its_edition_until_translated(client, people, scene):
    message = scene["interpreter"]
    before = shown_impact(client, people["editor"], message)
    assert before.kind == ChangeKind.RETRANSLATE
    assert list(before.outcomes) == ["unchanged"]  # nothing saved yet: nothing to publish

    edit(client, people["editor"], message, {"body_sv": [OLD_SV + ADDED]}, action=None)
    assert message.has_unpublished_changes

    shown = shown_impact(client, people["editor"], message)
    assert shown.kind == ChangeKind.RETRANSLATE
    assert shown.outcomes == {"kept": ["ar"]}
    assert "Arabiska" in shown.items["kept"][0]
    assert day(arabic_edition(message).made_at) in shown.items["kept"][0]
    # The cards in use that carry the message keep their Arabic too, and are named.
    assert "Möte med tolk" in shown.said and "Tolk i vården" in shown.said


def test_a_change_that_withdraws_lists_every_language_it_withdraws(client, people, scene):
    event, fk = scene["event"], scene["interpreter"].agencies.first()
    texts = {"headline": "Rubrik", "body": "Text"}
    message = builders.joint_message(
        [event],
        [fk],
        headline="Avgift",
        body="Avgiften är 100 kronor.",
        translations={code: texts for code in ("ar", "en", "fa")},
    )
    builders.dialogue_card(event, [message], "Avgifter", {"ar": {"title": "الرسوم"}})
    edit(
        client,
        people["editor"],
        message,
        {"body_sv": ["Avgiften är 200 kronor."]},
        kind="withdraw",
        action=None,
    )

    shown = shown_impact(client, people["editor"], message)
    assert shown.kind == ChangeKind.WITHDRAW
    assert list(shown.outcomes) == ["withdrawn"]
    assert sorted(shown.outcomes["withdrawn"]) == ["ar", "en", "fa"]
    assert any("Engelska" in item for item in shown.items["withdrawn"])
    # The editor may still change her mind: the other kinds' blocks are there, hidden.
    assert shown.kinds == {"retranslate": False, "minor": False, "withdraw": True}


def test_the_approver_sees_the_same_while_she_reviews(client, people, scene):
    message = scene["interpreter"]
    edit(client, people["editor"], message, {"body_sv": [OLD_SV + ADDED]})  # submitted
    assert message.workflow_in_progress

    shown = shown_impact(client, people["fk"], message)
    assert shown.kind == ChangeKind.RETRANSLATE
    assert shown.outcomes == {"kept": ["ar"]}
    assert day(arabic_edition(message).made_at) in shown.items["kept"][0]


def test_a_minor_edit_keeps_the_translations_current(client, people, scene):
    message = scene["interpreter"]
    fixed = OLD_SV.replace("rätt till tolk", "rätt till en tolk")
    edit(client, people["editor"], message, {"body_sv": [fixed]}, kind="minor", action=None)

    shown = shown_impact(client, people["editor"], message)
    assert shown.kind == ChangeKind.MINOR
    assert shown.outcomes == {"current": ["ar"]}


def test_a_card_with_a_message_not_yet_translated_keeps_its_arabic_even_for_a_minor_edit(
    people, scene
):
    card, new = scene["sfi_card"], scene["new"]
    draft = card.get_latest_revision_as_object()
    items = list(draft.card_messages.all())
    draft.card_messages = [*items, type(items[0])(message=new, sort_order=len(items))]

    found = impact.impact(draft, ChangeKind.MINOR)
    assert found.changed
    assert [(item.language.code, item.outcome) for item in found.languages] == [
        ("ar", Outcome.KEPT)
    ]
    assert found.with_kind(ChangeKind.WITHDRAW).withdrawn[0].language.code == "ar"


@pytest.mark.parametrize(
    ("kind", "said"),
    [
        (ChangeKind.RETRANSLATE, Outcome.KEPT),
        (ChangeKind.MINOR, Outcome.CURRENT),
        (ChangeKind.WITHDRAW, Outcome.WITHDRAWN),
    ],
)
def test_what_the_form_says_is_what_publishing_does(client, people, scene, kind, said):
    message, cards = scene["interpreter"], [scene["meeting"], scene["health"]]
    before = {obj: arabic_edition(obj) for obj in (message, *cards)}
    edit(client, people["editor"], message, {"body_sv": [OLD_SV + ADDED]}, kind)
    found = impact.impact(message.get_latest_revision_as_object())
    assert [(item.language.code, item.outcome) for item in found.languages] == [("ar", said)]

    approve(client, people["fk"], message)
    for obj, edition in before.items():
        now = Edition.objects.of(obj).served().filter(language="ar").first()
        if said == Outcome.KEPT:
            assert now == edition
        elif said == Outcome.WITHDRAWN:
            assert now is None
            assert Edition.objects.get(pk=edition.pk).withdrawn_at is not None
        else:
            swedish = Edition.objects.of(obj).served().get(language="sv")
            assert now != edition and now.source_version == swedish.version


def test_publishing_unchanged_swedish_changes_nothing(scene):
    found = impact.impact(scene["interpreter"].get_latest_revision_as_object())
    assert not found.changed
    assert [(item.language.code, item.outcome) for item in found.languages] == [
        ("ar", Outcome.UNCHANGED)
    ]


def test_impact_costs_the_same_few_queries_however_many_cards_carry_the_message(
    scene, django_assert_max_num_queries
):
    message = scene["interpreter"]

    def draft():
        found = JointMessage.objects.get(pk=message.pk).get_latest_revision_as_object()
        found.body_sv = OLD_SV + ADDED
        return found

    impact.impact(draft())  # content types cached, as in any running server
    edited = draft()
    with CaptureQueriesContext(connection) as two_cards:
        found = impact.impact(edited)
    assert found.languages[0].cards == 2

    for number in range(3):
        builders.dialogue_card(
            scene["event"], [message], f"Tolk {number}", {"ar": {"title": "مترجم"}}
        )
    edited = draft()
    with django_assert_max_num_queries(10), CaptureQueriesContext(connection) as five_cards:
        found = impact.impact(edited)
    assert found.languages[0].cards == 5
    assert found.kept[0].language.code == "ar"
    assert len(five_cards) == len(two_cards)


class _Rows(HTMLParser):
    """The rows of a dashboard table: language code (`data-lang`) → its cells (`data-cell`)."""

    def __init__(self):
        super().__init__()
        self.rows: dict[str, dict[str, str]] = {}
        self._lang = ""
        self._cell = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "tr" and "data-lang" in a:
            self._lang = a["data-lang"]
            self.rows[self._lang] = {}
        if tag in ("td", "th") and self._lang and "data-cell" in a:
            self._cell = a["data-cell"]
            self.rows[self._lang][self._cell] = ""

    def handle_data(self, data):
        if self._lang and self._cell:
            self.rows[self._lang][self._cell] += data.strip()

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self._cell = ""
        if tag == "tr":
            self._lang = ""


def waiting_panel(client, user) -> dict[str, dict[str, str]]:
    """The dashboard's languages waiting for an updated translation ({} when not shown)."""
    client.force_login(user)
    html = client.get("/admin/").content.decode()
    start = html.find('id="jobba-awaiting-translation-content"')
    if start < 0:
        return {}
    parser = _Rows()
    parser.feed(html[start : html.find("</table>", start)])
    return parser.rows


def test_the_dashboard_lists_arabic_as_waiting_after_an_approved_change(client, people, scene):
    before = waiting_panel(client, people["editor"]).get("ar", {})
    message = scene["interpreter"]
    edit(client, people["editor"], message, {"body_sv": [OLD_SV + ADDED]})
    approve(client, people["fk"], message)

    after = waiting_panel(client, people["editor"])
    assert "ar" in after
    assert "Arabiska" in after["ar"]["language"]
    assert int(after["ar"]["messages"]) == int(before.get("messages", 0)) + 1
    assert int(after["ar"]["cards"]) == int(before.get("cards", 0)) + 2  # both interpreter cards
    published = Edition.objects.of(message).served().get(language="sv").made_at
    if not before:
        assert after["ar"]["since"] == day(published)
    # The approver and the Arabic translator read it too.
    assert "ar" in waiting_panel(client, people["fk"])
    assert set(waiting_panel(client, people["translator"])) == {"ar"}


def test_a_new_object_has_nothing_to_tell_yet(client, people):
    client.force_login(people["editor"])
    response = client.get(f"{SNIPPETS}/jointmessage/add/")
    assert response.status_code == 200
    assert "panel-publishing_impact-section" not in response.content.decode()
