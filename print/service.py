"""The ways into print: one function per product, cached, refusing what is not printable.

Views, admin and management commands call these; they never draw themselves.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils import timezone
from django.utils.translation import gettext as _

import languages
from dialogue.models import Audience, LifeEvent
from editions.served import Served
from print import cache, content, progress
from print.content import NotPrintable
from print.documents.card import CardRenderer, CardSheetRenderer
from print.documents.leaflet import LeafletRenderer
from print.documents.poster import PosterRenderer
from print.pages import check_finish

CARD_LAYOUTS = ("card", "card-4up")
LAYOUTS = (*CARD_LAYOUTS, "leaflet")


def _check_layout(layout: str) -> str:
    if layout not in LAYOUTS:
        raise NotPrintable(
            _("Unknown layout %(layout)s; choose one of %(choices)s")
            % {"layout": layout, "choices": ", ".join(LAYOUTS)}
        )
    return layout


def cards_pdf(
    cards, lang: str, layout: str = "card", finish: str = "office", served: Served | None = None
) -> bytes:
    """One PDF with the given live cards in a language: single A6 duplex or 4-up A4.

    `served` (the cards' and their life events' editions in the language) may come loaded."""
    return cards_plan(cards, lang, layout, finish, served).get_or_build()


def cards_plan(
    cards,
    lang: str,
    layout: str = "card",
    finish: str = "office",
    served: Served | None = None,
    counted: bool = False,
) -> cache.Planned:
    """The file of `cards_pdf` and how to draw it; `counted`: the drawing reports each card
    done (print.progress), for a print built in the background that someone waits on."""
    _check_layout(layout)
    check_finish(finish)
    if layout == "card-4up" and finish != "office":
        raise NotPrintable(
            _(
                "4-up sheets are for office printers; for a print shop choose the layout "
                "'card' with the finish 'print-shop'."
            )
        )
    served = served or content.served_for_cards(cards, lang)
    contents = [content.card_content(card, lang, served) for card in cards]
    if not contents:
        raise NotPrintable(_("No cards to print."))
    renderer = CardRenderer if layout == "card" else CardSheetRenderer
    parts = [layout, finish, lang, [c.fingerprint for c in contents]]
    pieces = progress.Counted(contents, progress.CARDS) if counted else contents
    # Her language on the front; the back's Swedish is in every key (cache.made_with).
    return cache.Planned(
        "cards", parts, "pdf", lambda: renderer.for_contents(pieces, finish).render(), (lang,)
    )


def leaflet_pdf(events, lang: str, finish: str = "office", loaded=None) -> bytes:
    """The leaflet of life events in a language; `loaded` (content.EventsLoaded) shares one
    load of their messages and translation states between languages."""
    return leaflet_plan(events, lang, finish, loaded).get_or_build()


def leaflet_plan(
    events, lang: str, finish: str = "office", loaded=None, counted: bool = False
) -> cache.Planned:
    """The file of `leaflet_pdf` and how to draw it; `counted` as in `cards_plan`."""
    check_finish(finish)
    loaded = loaded or content.EventsLoaded(events)
    contents = [content.event_content(event, lang, loaded) for event in events]
    if not contents:
        raise NotPrintable(_("No life events to print."))
    parts = ["leaflet", finish, lang, [c.fingerprint for c in contents]]
    pieces = progress.Counted(contents, progress.EVENTS) if counted else contents
    build = lambda: LeafletRenderer.for_contents(pieces, finish).render()  # noqa: E731
    return cache.Planned("leaflet", parts, "pdf", build, (lang,))


def piece_pdf(card_identifier: str, lang: str, layout: str, finish: str = "office") -> bytes:
    """What `render_card` prints: one card as a card, a 4-up sheet, or its life event's leaflet."""
    _check_layout(layout)
    card = content.live_card(card_identifier)
    if layout == "leaflet":
        return leaflet_pdf([card.life_event], lang, finish)
    return cards_pdf([card], lang, layout, finish)


def poster_targets(event: LifeEvent | None, codes: Sequence[str] | None = None):
    """(language, URL) for every language that has something to listen to, Swedish first."""
    return _poster_scope(event, codes)[0]


def _poster_scope(event: LifeEvent | None, codes: Sequence[str] | None):
    """The poster's targets and the date of what it offers: the newest edition in service of
    its cards in its languages (the date changes when what one listens to does, and the same
    content gives the same file: no date of printing, which would change it every day)."""
    chosen = codes or languages.codes()
    cards = content.live_cards()
    if event is not None:
        cards = [card for card in cards if card.life_event_id == event.pk]
    served = Served(cards, None)
    targets, newest = [], []
    for code in chosen:
        editions = [found for card in cards if (found := served.edition(card, code))]
        if not editions:
            continue
        newest.append(max(edition.made_at for edition in editions))
        url = content.event_url(event.slug, code) if event else content.home_url(code)
        targets.append((code, url))
    return targets, (timezone.localdate(max(newest)) if newest else None)


def poster_pdf(
    event_slug: str | None = None,
    size: str = "A4",
    finish: str = "office",
    codes: Sequence[str] | None = None,
) -> bytes:
    return poster_plan(event_slug, size, finish, codes).get_or_build()


def poster_plan(
    event_slug: str | None = None,
    size: str = "A4",
    finish: str = "office",
    codes: Sequence[str] | None = None,
) -> cache.Planned:
    """The poster's file, named by what it offers, and how to draw it (nothing drawn yet)."""
    check_finish(finish)
    event = content.live_event(event_slug) if event_slug else None
    targets, published = _poster_scope(event, codes)
    if not targets:
        raise NotPrintable(_("No language has anything to listen to yet."))
    title = event.title_sv if event else ""
    parts = ["poster", size, finish, targets, title, published]  # the version: of the targets
    return cache.Planned(
        "poster",
        parts,
        "pdf",
        lambda: PosterRenderer(targets, size, title, finish, published=published).render(),
        tuple(poster_languages(code for code, _url in targets)),
    )


def poster_languages(codes) -> list[str]:
    """The languages a poster prints interface strings in: its heading in Swedish and English,
    and "Listen in your language" in each language it lists."""
    return ["en", *codes]


def audience(slug: str) -> Audience:
    found = Audience.objects.filter(slug=slug).first()
    if found is None:
        raise NotPrintable(_("No audience with the slug %(slug)s") % {"slug": slug})
    return found
