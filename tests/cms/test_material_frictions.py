"""/material/ ([J] 8): a pack asked for without a language (or that cannot be made) answers with
the material page again, the message beside that audience's choice, what was chosen kept."""

from html.parser import HTMLParser

import pytest
from django.utils import translation
from django.utils.html import escape

from followup.models import Counter
from print.pages import FINISHES

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_media")]


def partner(message: str) -> str:
    with translation.override("sv"):
        return translation.pgettext("partner page", message)


class Forms(HTMLParser):
    """Per audience: its form's inputs and fieldsets (with their error), and the page's title."""

    def __init__(self, html: str):
        super().__init__()
        self.sections: dict[str, dict] = {}
        self.title = ""
        self.texts: dict[str, str] = {}  # text of each element with an id
        self._section = None
        self._fieldset = None
        self._open: list[str] = []  # ids of the elements we are inside
        self._in_title = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = {name: value if value is not None else "" for name, value in attrs}
        if tag == "title":
            self._in_title = True
        if "id" in a and tag == "p":
            self.texts[a["id"]] = ""
            self._open.append(a["id"])
        if tag == "section" and "audience" in a.get("class", "").split():
            slug = a["aria-labelledby"].removeprefix("audience-")
            self._section = self.sections[slug] = {"inputs": [], "fieldsets": []}
        if self._section is None:
            return
        if tag == "form":
            self._section["action"] = a["action"]
        elif tag == "fieldset":
            self._fieldset = {"describedby": a.get("aria-describedby"), "ids": set()}
            self._section["fieldsets"].append(self._fieldset)
        elif tag == "input":
            self._section["inputs"].append(a)
            self._fieldset["ids"].add(a["id"])
        if "id" in a and self._fieldset is not None:
            self._fieldset["ids"].add(a["id"])

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        elif tag == "p" and self._open:
            self._open.pop()
        elif tag == "fieldset":
            self._fieldset = None
        elif tag == "section":
            self._section = None

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        for html_id in self._open:
            self.texts[html_id] += data

    def error_of(self, slug: str) -> tuple[int, str]:
        """(which fieldset, the message it is described by) of an audience's form."""
        [(index, fieldset)] = [
            (i, f) for i, f in enumerate(self.sections[slug]["fieldsets"]) if f["describedby"]
        ]
        assert fieldset["describedby"] in fieldset["ids"]  # the message is inside it
        return index, " ".join(self.texts[fieldset["describedby"]].split())

    def checked(self, slug: str, name: str) -> list[str]:
        inputs = self.sections[slug]["inputs"]
        return [i["value"] for i in inputs if i.get("name") == name and "checked" in i]

    def autofocus(self) -> list[tuple[str, str]]:
        return [
            (slug, i["id"])
            for slug, section in self.sections.items()
            for i in section["inputs"]
            if "autofocus" in i
        ]


def answer(response) -> Forms:
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    return Forms(response.content.decode())


def test_a_pack_without_a_language_answers_with_the_page_and_the_message_beside_it(client):
    page = Forms(client.get("/material/").content.decode())
    section = page.sections["servicekontor"]
    # What a browser sends when a partner picks the print shop and no language.
    response = client.get(section["action"], {"finish": "print-shop"})
    again = answer(response)
    assert set(again.sections) == set(page.sections)  # the material page, every audience
    message = partner("Choose at least one language for the pack.")
    assert message == "Välj minst ett språk till paketet."
    assert again.error_of("servicekontor") == (0, message)  # on the languages' fieldset
    assert again.checked("servicekontor", "finish") == ["print-shop"]  # her choice kept
    first = again.sections["servicekontor"]["inputs"][0]
    assert first["name"] == "lang"
    assert again.autofocus() == [("servicekontor", first["id"])]  # the focus is taken there
    assert again.title.startswith(partner("Error:") + " ")
    for slug in again.sections.keys() - {"servicekontor"}:  # the other forms as they were
        assert all(not f["describedby"] for f in again.sections[slug]["fieldsets"])
        assert again.checked(slug, "finish") == [FINISHES[0]]
    assert escape(message) in response.content.decode()
    assert not Counter.objects.exists()


def test_the_same_without_any_parameter_and_for_a_head(client):
    response = client.get("/material/oppna-forskolan/pack.zip")
    again = answer(response)
    assert again.error_of("oppna-forskolan")[1] == partner(
        "Choose at least one language for the pack."
    )
    assert again.checked("oppna-forskolan", "finish") == [FINISHES[0]]
    head = client.head("/material/oppna-forskolan/pack.zip")
    assert head.status_code == 400 and head.content == b""


def test_a_language_the_pack_cannot_be_made_in_is_said_beside_the_languages(client):
    again = answer(client.get("/material/civilsamhallet/pack.zip", {"lang": ["ar", "ps"]}))
    index, message = again.error_of("civilsamhallet")
    assert index == 0 and "ps:" in message and "Välkommen till Sverige" in message
    assert again.checked("civilsamhallet", "lang") == ["ar"]  # Pashto is not offered to tick
    assert not Counter.objects.exists()


def test_an_unknown_finish_is_said_beside_the_finish_and_the_languages_are_kept(client):
    again = answer(
        client.get("/material/servicekontor/pack.zip", {"lang": ["ar", "ti"], "finish": "glossy"})
    )
    index, message = again.error_of("servicekontor")
    assert index == 1 and "glossy" in message
    assert again.checked("servicekontor", "lang") == ["ar", "ti"]
    assert again.checked("servicekontor", "finish") == [FINISHES[0]]
    assert again.autofocus() == [("servicekontor", f"finish-servicekontor-{FINISHES[0]}")]


def test_the_answer_keeps_the_pages_rules(client):
    response = client.get("/material/servicekontor/pack.zip")
    assert response.status_code == 400
    body = response.content.decode()
    assert '<html lang="sv" dir="ltr">' in body
    assert "<script" not in body and "style=" not in body  # no inline script or style
    assert "Content-Security-Policy" in response.headers
