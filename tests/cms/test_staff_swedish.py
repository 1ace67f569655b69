"""The staff side speaks Swedish to everyone, whatever the browser asks for ([J] 6).

Every page is fetched as a real user of a real role with a browser that prefers English; what a
person reads or hears there (text, button values, titles and labels for screen readers) is
checked for the English words Wagtail or we used to leave behind. Avatars never come from a
third party.
"""

import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Group

from cms import roles
from dialogue.models import DialogueCard

pytestmark = pytest.mark.django_db

BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.9"}
CARD = "personnummer"
IN_REVIEW = "foraldraledig-och-pa-vag"  # its messages are owned by FK and AF
# Words that are English only: "Status" is Swedish too, content may be in any language.
ENGLISH = [
    "Print:",
    "Compare",
    "Password",
    "Group",
    "Save",
    "Saved",
    "Delete",
    "Edit",
    "Live",
    "Draft",
    "Translate",
    "Export",
    "Import",
    "Language",
    "Recordings",
    "Autosave",
    "Side panels",
    "Side panel width",
    "Show issue",
    "View latest version",
    "To be created by",
    "There are no",
    "Actions",
]
# How Django and Wagtail name permissions ("Can add group", "Delete pages with children").
PERMISSION_WORDS = ["Can", "Delete pages", "Lock/unlock", "Publish any", "Unlock any", "Slug"]
ROLES = {
    "editor": roles.EDITORS,
    "approver": roles.APPROVERS_PREFIX + "AF",
    "translator": "Översättare tigrinska",
    "reviewer": "Språkgranskare tigrinska",
    "follow_up": roles.FOLLOW_UP,
    "administrator": roles.ADMINISTRATORS,
}
CARDS = "/admin/snippets/dialogue/dialoguecard"
# The main pages of the staff side; each role is checked on those it may open.
PAGES = [
    "/admin/",
    "/admin/account/",
    f"{CARDS}/",
    f"{CARDS}/add/",
    f"{CARDS}/edit/{{card}}/",
    f"{CARDS}/history/{{card}}/",
    "/admin/snippets/dialogue/jointmessage/",
    "/admin/snippets/dialogue/lifeevent/",
    "/admin/snippets/audio/audiorecording/",
    "/admin/snippets/audio/languagenamerecording/",
    "/admin/snippets/audio/languagenamerecording/add/",
    "/admin/snippets/print/office/",
    "/admin/snippets/print/staffprofile/",
    "/admin/recordings/to-make/",
    "/admin/translations/",
    "/admin/translations/ti/",
    "/admin/translate/dialoguecard/{card}/ti/",
    "/admin/print/card/{card}/",
    "/admin/follow-up/?start=2000-01-01&end=2100-01-01",
    "/admin/reports/site-history/",
    "/admin/users/",
    "/admin/groups/",
    "/admin/workflows/list/",
]


class _Read(HTMLParser):
    """What a person reads or a screen reader says: text, titles, labels, button values."""

    SILENT = {"script", "style", "svg"}
    SPOKEN = ("title", "aria-label", "placeholder", "alt", "data-w-tooltip-content-value")

    def __init__(self):
        super().__init__()
        self.texts: list[str] = []
        self._silent = 0
        self._zones = 0

    def handle_starttag(self, tag, attrs):
        a = {name: value or "" for name, value in attrs}
        self._silent += tag in self.SILENT
        # The time zone list is place names (America/New_York), not words of the admin.
        self._zones += tag == "select" and "time_zone" in a.get("name", "")
        self.texts += [a[name] for name in self.SPOKEN if a.get(name)]
        if tag == "input" and a.get("type") in ("submit", "button") and a.get("value"):
            self.texts.append(a["value"])

    def handle_endtag(self, tag):
        self._silent -= tag in self.SILENT and self._silent > 0
        self._zones -= tag == "select" and self._zones > 0

    def handle_data(self, data):
        if not self._silent and not self._zones and data.strip():
            self.texts.append(" ".join(data.split()))


def read(body: str) -> list[str]:
    parser = _Read()
    parser.feed(body)
    return parser.texts


def english_in(body: str, words=ENGLISH) -> dict[str, list[str]]:
    """{English word: the texts it stands in} for the words found on the page."""
    found: dict[str, list[str]] = {}
    for text in read(body):
        for word in words:
            if re.search(rf"(?<![\w]){re.escape(word)}(?![\w])", text):
                found.setdefault(word, []).append(text)
    return found


def says(body: str, swedish: str) -> bool:
    return any(swedish in text for text in read(body))


def notices(response) -> list[str]:
    """The messages shown after a form, as read: their text without Wagtail's buttons."""
    return [" ".join(read(str(message))[:1]) for message in response.context["messages"]]


def page(client, url: str) -> str:
    response = client.get(url, **BROWSER)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


@pytest.fixture
def person(client, django_user_model):
    def log_in(role: str):
        if role in ("translator", "reviewer"):
            roles.language_group(ROLES[role], ["ti"], reviewer=role == "reviewer")
        user = django_user_model.objects.create_user(
            f"staff-{role}", password="pw", email=f"{role}@myndighet.example"
        )
        user.groups.add(Group.objects.get(name=ROLES[role]))
        client.force_login(user)
        return user

    return log_in


@pytest.fixture
def card():
    return DialogueCard.objects.get(slug=CARD)


def test_swedish_is_the_only_admin_language(settings):
    assert settings.WAGTAILADMIN_PERMITTED_LANGUAGES == [("sv", "Svenska")]


def test_login_page_is_swedish_for_an_english_browser(client):
    body = page(client, "/admin/login/")
    assert says(body, "Lösenord") and says(body, "Logga in")
    assert english_in(body) == {}


def test_account_page_is_swedish_and_offers_no_other_language(client, person):
    person("editor")
    body = page(client, "/admin/account/")
    assert '<html lang="sv"' in body
    assert says(body, "Lösenord") and says(body, "Profilbild")
    assert "preferred_language" not in body  # nothing to choose: the staff side is Swedish
    assert english_in(body) == {}


def test_history_and_compare_say_jamfor_to_an_approver(client, person, django_user_model):
    card = DialogueCard.objects.get(slug=IN_REVIEW)
    editor = django_user_model.objects.create_user("red", password="pw")
    card.title_sv = "En titel att jämföra"
    card.save_revision(user=editor)
    card.get_workflow().start(card, editor)
    person("approver")  # AF owns one of the card's messages: she reviews it
    history = page(client, f"{CARDS}/history/{card.pk}/")
    assert says(history, "Jämför med nuvarande version")
    assert english_in(history) == {}
    compare = page(client, f"{CARDS}/history/{card.pk}/revisions/compare/live...latest/")
    assert "<title>Jämför" in compare and says(compare, "En titel att jämföra")
    assert english_in(compare) == {}


def test_group_edit_page_says_grupp(client, person):
    person("administrator")
    group = Group.objects.get(name=roles.EDITORS)
    body = page(client, f"/admin/groups/edit/{group.pk}/")
    assert says(body, "Grupp") and says(body, "Objekträttigheter")
    # Permission names are rows written in English; cms.permission_names makes them Swedish.
    assert says(body, "Kan lägga till dialogkort") and says(body, "Kan låsa upp")
    assert "Wagtail kärna | sida | Radera sidor med undersidor" in body  # the page rights' names
    assert english_in(body, [*ENGLISH, *PERMISSION_WORDS]) == {}


@pytest.mark.parametrize(
    ("url", "label"),
    [
        ("/admin/snippets/translations/grouplanguages/add/", "Grupp"),
        (f"{CARDS}/add/", "Adressnamn"),
        ("/admin/snippets/dialogue/audience/add/", "Adressnamn"),
    ],
)
def test_group_and_slug_fields_are_labelled_in_swedish(client, person, url, label):
    person("administrator")
    body = page(client, url)
    assert says(body, label)
    assert english_in(body, [*ENGLISH, "Slug"]) == {}


def test_status_side_panel_on_a_card_is_swedish(client, person, card):
    person("editor")
    body = page(client, f"{CARDS}/edit/{card.pk}/")
    assert says(body, "Publicerad") and says(body, "Visa historik")
    assert says(body, "Sidopaneler") and says(body, "Sidopanelens bredd")
    assert says(body, "Utskrift: العربية")  # the printed card's preview, named in Swedish
    assert english_in(body) == {}
    new = page(client, f"{CARDS}/add/")
    assert says(new, "Skapas av staff-editor")
    assert english_in(new) == {}


def test_notices_after_saving_and_submitting_are_swedish(client, person, card):
    from tests.admin_forms import form_data

    person("editor")
    edit = f"{CARDS}/edit/{card.pk}/"
    data = form_data(page(client, edit))
    data["title_sv"] = ["Personnummer, nytt utkast"]
    saved = client.post(edit, data, follow=True, **BROWSER)
    assert notices(saved) == ["Dialogkort 'Personnummer, nytt utkast' uppdaterad."]
    data = form_data(page(client, edit))
    data["action-submit"] = ["1"]
    submitted = client.post(edit, data, follow=True, **BROWSER)
    assert notices(submitted) == [
        "Dialogkort 'Personnummer, nytt utkast' har lämnats in för moderering."
    ]


@pytest.mark.parametrize("role", ROLES)
def test_every_role_reads_swedish_on_its_pages(client, person, card, role):
    person(role)
    opened, found = [], {}
    for url in PAGES:
        url = url.format(card=card.pk)
        response = client.get(url, **BROWSER)
        if response.status_code != 200:
            assert response.status_code in (302, 403), (url, response.status_code)
            continue
        opened.append(url)
        english = english_in(response.content.decode())
        if english:
            found[url] = english
    assert "/admin/" in opened and len(opened) >= 3, opened
    assert found == {}


def test_no_avatar_comes_from_gravatar(client, person, card):
    person("administrator")
    for url in [
        "/admin/",
        "/admin/account/",
        "/admin/users/",
        f"{CARDS}/history/{card.pk}/",
        "/admin/reports/site-history/",
    ]:
        body = page(client, url)
        assert "gravatar" not in body.lower(), url
    assert "default-user-avatar" in page(client, "/admin/")  # Wagtail's own picture instead
