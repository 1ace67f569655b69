"""What a public page says of itself to chat apps and search engines: Open Graph tags in the
visitor's language (`Share`), and the same page in the other languages it can be read in
(hreflang alternates, also in /sitemap.xml).

Texts come from the reading model (the editions in service), never from a draft. A page is
available in a language when something in it can be read there (as the choosers decide:
`cms.reading`); languages switched off in the registry and withdrawn translations are never
named. Addresses are absolute, on SITE_URL, the address printed into QR codes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from babel import Locale
from babel.core import get_global
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _

import languages
from cms import reading, share_images
from dialogue import content_version
from dialogue.models import DialogueCard, LifeEvent
from languages import Language

SITE_PICTOGRAM = "speech"  # pages about no one life event: the dialogue itself
DESCRIPTION_CHARS = 200  # chat apps show about two lines
# The accessibility statement is a document in Swedish, with English beside it (cms.views).
STATEMENT_LANGUAGES = ("sv", "en")


@dataclass(frozen=True)
class Alternate:
    hreflang: str  # a BCP 47 tag (languages.hreflang), or "x-default"
    href: str  # absolute


@dataclass(frozen=True)
class Share:
    title: str
    description: str
    locale: str  # og:locale: language_TERRITORY
    url: str
    image: str  # "" when the picture could not be made: the page still answers
    alternates: tuple[Alternate, ...]


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def og_locale(language: Language) -> str:
    """language_TERRITORY as Open Graph wants it: the locale's own territory, or the one its
    speakers most likely live in (CLDR's likely subtags: ar → ar_EG)."""
    locale = Locale.parse(language.babel)
    territory = locale.territory
    if not territory:
        likely = get_global("likely_subtags").get(locale.language)
        territory = Locale.parse(likely).territory if likely else None
    return f"{locale.language}_{territory}" if territory else locale.language


def alternates(
    codes: Iterable[str], path_for: Callable[[str], str], x_default: str
) -> tuple[Alternate, ...]:
    """The page in each of these languages that has a tag of its own, and `x-default` for
    everyone else; nothing when it is in none."""
    found = [
        Alternate(tag, absolute(path_for(code)))
        for code in codes
        if (tag := languages.hreflang(code)) is not None
    ]
    if found:
        found.append(Alternate("x-default", absolute(x_default)))
    return tuple(found)


def image(pictogram: str) -> str:
    """The shared picture's absolute address ("" for an unknown pictogram); the picture itself
    is made when it is first asked for (cms.share_images)."""
    name = share_images.storage_name(pictogram)
    return absolute(reverse("share_image", args=[name])) if name else ""


def _short(text: str) -> str:
    return Truncator(" ".join(text.split())).chars(DESCRIPTION_CHARS)


def _about() -> str:
    return _(
        "Jobba i Sverige is a joint dialogue tool of Arbetsförmedlingen, Försäkringskassan and "
        "Migrationsverket."
    )


# --- where each page can be read ------------------------------------------------------------


def home_languages() -> list[str]:
    """The start page is in Swedish, and in each language with at least one card to read."""
    counts = reading.card_count_by_language()
    return [
        language.code
        for language in languages.enabled()
        if language.is_source or counts.get(language.code, 0) > 0
    ]


def event_languages(slug: str) -> list[str]:
    return event_language_map().get(slug, [])


def event_language_map() -> dict[str, list[str]]:
    """Live life event's slug → the languages its page can be read in, in the registry's
    order: Swedish, and each language in which one of its cards in use has an edition in
    service (an event without cards: its own edition). Cached under the content version."""
    return content_version.cached("event_languages", (), _event_language_map)


def _event_language_map() -> dict[str, list[str]]:
    from editions.models import Edition

    events = dict(LifeEvent.objects.live().values_list("pk", "slug"))
    cards = dict(
        DialogueCard.objects.public()
        .filter(life_event_id__in=list(events))
        .values_list("pk", "life_event_id")
    )
    types = ContentType.objects.get_for_models(LifeEvent, DialogueCard)
    event_type, card_type = types[LifeEvent].pk, types[DialogueCard].pk
    served = Edition.objects.served().filter(language__in=languages.codes())
    own: dict[int, set[str]] = {}
    by_cards: dict[int, set[str]] = {}
    rows = served.filter(
        content_type_id__in=(event_type, card_type),
    ).values_list("content_type_id", "object_id", "language")
    for type_id, object_id, code in rows:
        if type_id == event_type and object_id in events:
            own.setdefault(object_id, set()).add(code)
        elif type_id == card_type and object_id in cards:
            by_cards.setdefault(cards[object_id], set()).add(code)
    with_cards = set(cards.values())
    found = {}
    for pk, slug in events.items():
        codes = by_cards.get(pk, set()) if pk in with_cards else own.get(pk, set())
        found[slug] = [
            language.code
            for language in languages.enabled()
            if language.is_source or language.code in codes
        ]
    return found


def _event_pictograms() -> dict[str, str]:
    return content_version.cached(
        "event_pictograms",
        (),
        lambda: dict(LifeEvent.objects.live().values_list("slug", "pictogram")),
    )


# --- one Share per kind of page --------------------------------------------------------------


def _home_path(code: str) -> str:
    return reverse("life_event_list", args=[code])


def for_chooser() -> Share:
    """`/`: the x-default of every start page; in Swedish and English, as it is written."""
    language = languages.source()
    with translation.override(language.code):
        return Share(
            title="Jobba i Sverige",
            description=_short(f"Välj språk · Choose your language. {_about()}"),
            locale=og_locale(language),
            url=absolute(reverse("choose_language")),
            image=image(SITE_PICTOGRAM),
            alternates=alternates(home_languages(), _home_path, reverse("choose_language")),
        )


def for_home(language: Language) -> Share:
    with translation.override(language.code):
        return Share(
            title=f"{_('Life events')} · Jobba i Sverige",
            description=_short(
                _("Choose a topic. You will find short messages from the Swedish agencies.")
            ),
            locale=og_locale(language),
            url=absolute(_home_path(language.code)),
            image=image(SITE_PICTOGRAM),
            alternates=alternates(home_languages(), _home_path, reverse("choose_language")),
        )


def for_event(language: Language, event: reading.LifeEventView) -> Share:
    """A life event's page: its title and introduction as the page shows them."""

    def path(code: str) -> str:
        return reverse("life_event_detail", args=[code, event.slug])

    with translation.override(language.code):
        return Share(
            title=f"{event.title.text} · Jobba i Sverige",
            description=_short(event.intro.text or _about()),
            locale=og_locale(language),
            url=absolute(path(language.code)),
            image=image(_event_pictograms().get(event.slug, SITE_PICTOGRAM)),
            alternates=alternates(
                event_languages(event.slug), path, path(languages.SOURCE_LANGUAGE)
            ),
        )


def for_statement(language: Language) -> Share:
    def path(code: str) -> str:
        return reverse("accessibility_statement", args=[code])

    with translation.override(language.code):
        return Share(
            title=f"{_('Accessibility statement')} · Jobba i Sverige",
            description=_short(_about()),
            locale=og_locale(language),
            url=absolute(path(language.code)),
            image=image(SITE_PICTOGRAM),
            # Who reads neither Swedish nor English is better served by the English one.
            alternates=alternates(STATEMENT_LANGUAGES, path, path("en")),
        )


def for_qr_card(language: Language, card: reading.QrCardView, chooser: bool = False) -> Share:
    """A card's QR page (or, `chooser`, the list of its languages at `/q/<code>/`, which is
    its x-default): the card's title and first message as the page shows them."""

    def path(code: str) -> str:
        return reverse("qr_card", args=[card.code, code])

    own = reverse("qr_card_any", args=[card.code])
    first = card.messages[0].headline if card.translated and card.messages else ""
    with translation.override(language.code):
        return Share(
            title=f"{card.title} · Jobba i Sverige",
            description=_short(first or _about()),
            locale=og_locale(language),
            url=absolute(own if chooser else path(language.code)),
            image=image(_event_pictograms().get(card.event_slug, SITE_PICTOGRAM)),
            alternates=alternates([lang.code for lang in card.available], path, own),
        )
