"""A central contact on a page: the public pages (cms) and the offline kit's page (print)."""

from django import template
from django.utils import translation

from contacts import formatting
from languages import bidi

register = template.Library()


@register.simple_tag
def contact_lines(contact, her_lang: str = ""):
    """The contact's lines with labels in the active language; `her_lang`'s service line (the
    page's language, also in its Swedish copy). [] without a contact."""
    lang = translation.get_language()
    return formatting.contact_lines(contact, lang, her_lang or lang)


@register.filter
def hours_html(value: str):
    """Opening hours escaped, each time kept left to right and the range's dashes joined, so a
    row is never broken inside "08:00–16:00"."""
    return bidi.isolated_html(formatting.unbreakable(value))
