"""Read an admin edit form as the browser would submit it, so tests post what a user posts."""

import re
from html.parser import HTMLParser


class _Form(HTMLParser):
    def __init__(self, form_id: str):
        super().__init__()
        self.form_id = form_id
        self.inside = False
        self.data: dict[str, list[str]] = {}
        self._textarea: str | None = None
        self._select: str | None = None
        self._option: tuple[str, bool] | None = None
        self._first_option: dict[str, str] = {}

    def _add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("id") == self.form_id:
            self.inside = True
        if not self.inside or "name" not in a and tag not in ("option",):
            return
        if tag == "input":
            kind = a.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            self._add(a["name"], a.get("value", "on" if kind == "checkbox" else ""))
        elif tag == "textarea":
            self._textarea = a["name"]
            self._add(a["name"], "")
        elif tag == "select":
            self._select = a["name"]
        elif tag == "option" and self._select and "selected" in a:
            self._add(self._select, a.get("value", ""))

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][-1] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            value = self.data[self._textarea][-1]
            # Browsers drop the newline that directly follows <textarea>.
            self.data[self._textarea][-1] = value.removeprefix("\n")
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form" and self.inside:
            self.inside = False


def form_data(html: str, form_id: str = "w-editor-form") -> dict[str, list[str]]:
    parser = _Form(form_id)
    parser.feed(html)
    if not parser.data:
        raise AssertionError(f"No form #{form_id} with fields on the page")
    return parser.data


class _Errors(HTMLParser):
    """Wagtail's error lists: `<div data-field-errors id="panel-child-<field>-errors">` with a
    `<p class="error-message">` per error, and Django's `<ul class="errorlist">` for the form."""

    FIELD = re.compile(r"panel-child-(.+)-errors")

    def __init__(self):
        super().__init__()
        self.errors: dict[str, list[str]] = {}
        self._field: str | None = None
        self._depth = 0  # open <div>s inside the field's error list
        self._message: list[str] | None = None
        self._in_errorlist = False

    def handle_starttag(self, tag, attrs):
        a = {name: value or "" for name, value in attrs}
        classes = a.get("class", "").split()
        if self._field is not None and tag == "div":
            self._depth += 1
        elif tag == "div" and "data-field-errors" in a and self.FIELD.fullmatch(a.get("id", "")):
            self._field, self._depth = self.FIELD.fullmatch(a["id"]).group(1), 0
        elif tag == "ul" and "errorlist" in classes:
            self._in_errorlist = True
        if (self._field is not None and tag == "p" and "error-message" in classes) or (
            self._in_errorlist and tag == "li"
        ):
            self._message = []

    def handle_data(self, data):
        if self._message is not None:
            self._message.append(data)

    def handle_endtag(self, tag):
        if self._message is not None and tag in ("p", "li"):
            key = self._field if self._field is not None else "__all__"
            self.errors.setdefault(key, []).append(" ".join("".join(self._message).split()))
            self._message = None
        elif tag == "ul" and self._in_errorlist:
            self._in_errorlist = False
        elif tag == "div" and self._field is not None:
            if self._depth:
                self._depth -= 1
            else:
                self._field = None


def form_errors(html: str) -> dict[str, list[str]]:
    """The error messages an admin form shows, per field ("__all__": for the whole form)."""
    parser = _Errors()
    parser.feed(html)
    return parser.errors
