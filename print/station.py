"""The print station at the service-office desk: her language, the life events, a layout, a PDF.

Staff print in a hurry with the woman in front of them, so the station offers only what can be
printed, puts the office's usual languages first, says plainly what is missing, and counts each
print for follow-up by office, never by person.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _

import languages
from dialogue.models import LifeEvent
from followup import indicators
from followup.models import Event
from print import content, service
from print.content import NotPrintable
from print.models import Office
from translations.approved import Approved

# Arrival, folkbokföring, sfi and registering with Arbetsförmedlingen: what most visits are about.
PRESET_EVENTS = ("ny-i-sverige", "folkbokforing", "sfi", "arbetsformedlingen")
LAYOUTS = {"cards": "card-4up", "leaflet": "leaflet"}


def channel(office: Office) -> str:
    return office.name


@dataclass(frozen=True)
class LanguageChoice:
    language: languages.Language
    cards: int  # printable cards in this language
    frequent: bool  # among the office's most printed


@dataclass
class Order:
    language: languages.Language
    layout: str
    events: list[LifeEvent]
    cards: list = field(default_factory=list)  # printable cards, in event order
    printable_events: list[LifeEvent] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # Swedish titles of what cannot be printed

    @property
    def empty(self) -> bool:
        return not (self.cards if self.layout == "cards" else self.printable_events)


def _printable(approved: Approved, card, lang: str) -> bool:
    if not approved.usable(card, lang):
        return False
    return settings.PRINT_ALLOW_OUTDATED or not approved.outdated(card, lang)


def life_events() -> list[LifeEvent]:
    return list(LifeEvent.objects.live())


def language_choices(office: Office) -> list[LanguageChoice]:
    """Every language with something to print, the office's most printed first."""
    cards = content.live_cards()
    approved = Approved(cards)
    counts = {
        language.code: sum(1 for card in cards if _printable(approved, card, language.code))
        for language in languages.enabled()
    }
    frequent = indicators.most_printed_languages(channel(office))
    choices = [
        LanguageChoice(language, counts[language.code], language.code in frequent)
        for language in languages.enabled()
        if counts[language.code]
    ]
    rank = {code: index for index, code in enumerate(frequent)}
    return sorted(
        choices, key=lambda c: (rank.get(c.language.code, len(rank)), c.language.swedish_name)
    )


def order(lang: str, slugs: list[str], layout: str) -> Order:
    """What would be printed, and what is missing; refuses input that makes no sense."""
    language = languages.get(lang)
    if language is None or not language.enabled:
        raise NotPrintable(_("Choose her language."))
    if layout not in LAYOUTS:
        raise NotPrintable(_("Choose cards or leaflet."))
    events = [event for event in life_events() if event.slug in slugs]
    if not events:
        raise NotPrintable(_("Choose at least one life event."))
    result = Order(language, layout, events)
    if layout == "cards":
        cards = [c for c in content.live_cards() if c.life_event_id in {e.pk for e in events}]
        approved = Approved(cards)
        for card in cards:
            if _printable(approved, card, lang):
                result.cards.append(card)
            else:
                result.missing.append(card.title_sv)
        return result
    for event in events:
        try:
            content.event_content(event, lang)
        except NotPrintable:
            result.missing.append(event.title_sv)
        else:
            result.printable_events.append(event)
    return result


def pdf(plan: Order, office: Office) -> bytes:
    """The PDF of what can be printed, counted for the office."""
    if plan.empty:
        raise NotPrintable(
            _("Nothing in this choice is translated into %(language)s yet.")
            % {"language": plan.language.swedish_name}
        )
    code = plan.language.code
    if plan.layout == "cards":
        data = service.cards_pdf(plan.cards, code, LAYOUTS["cards"])
        for card in plan.cards:
            indicators.count(
                Event.CARD_PRINTED,
                life_event=card.life_event.slug,
                card=card.code,
                language=code,
                channel=channel(office),
            )
        return data
    data = service.leaflet_pdf(plan.printable_events, code)
    for event in plan.printable_events:
        indicators.count(
            Event.LEAFLET_PRINTED, life_event=event.slug, language=code, channel=channel(office)
        )
    return data


def file_name(plan: Order) -> str:
    return f"jobba-i-sverige_{plan.language.code}_{plan.layout}.pdf"
