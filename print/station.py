"""The print station at the service-office desk: her language, the life events, a layout, a PDF.

Staff print in a hurry with the woman in front of them, so the station lists every language and
says how ready each is for print, puts the office's usual languages first, says plainly what is
missing and offers what can be printed instead, and counts each print for follow-up by office,
never by person.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

import languages
from dialogue.models import LifeEvent
from editions.served import Served
from followup import indicators
from followup.models import Event
from print import builds, content, jobs, recall, service, tasks
from print.content import NotPrintable
from print.models import Office

# Arrival, folkbokföring, sfi and registering with Arbetsförmedlingen: what most visits are about.
PRESET_EVENTS = ("ny-i-sverige", "folkbokforing", "sfi", "arbetsformedlingen")
LAYOUTS = {"cards": "card-4up", "leaflet": "leaflet"}
# What is drawn while she waits: a sheet of cards, a leaflet of a few life events. A larger print
# not made before is built in the background when tasks run in a worker, and the station shows
# how far it has come.
AT_ONCE = 4


def channel(office: Office) -> str:
    return office.name


@dataclass(frozen=True)
class LanguageChoice:
    language: languages.Language
    cards: int  # printable cards in this language
    frequent: bool  # among the office's most printed
    total: int = 0  # live cards: what "all" would be
    missing_events: tuple[str, ...] = ()  # slugs of the life events with a card not printable
    awaiting: int = 0  # printable cards whose Swedish was updated since: translation on its way

    @property
    def ready(self) -> bool:
        """Every live card can be printed in this language."""
        return bool(self.total) and self.cards == self.total

    @property
    def partial(self) -> bool:
        return 0 < self.cards < self.total


def _readiness(choice: LanguageChoice) -> int:
    return 0 if choice.ready else 1 if choice.partial else 2


@dataclass
class Order:
    language: languages.Language
    layout: str
    events: list[LifeEvent]
    cards: list = field(default_factory=list)  # printable cards, in event order
    printable_events: list[LifeEvent] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # Swedish titles of what cannot be printed
    # Swedish titles of cards printed in their previous edition: the Swedish was updated since
    # and the new translation is on its way.
    awaiting: list[str] = field(default_factory=list)
    # (Swedish title, reason) of cards whose translation was withdrawn on purpose.
    withdrawn: list[tuple[str, str]] = field(default_factory=list)
    # The cards' editions as this order found them: the PDF prints them and the office's
    # recall notes their versions.
    served: Served | None = field(default=None, repr=False)

    @property
    def complete(self) -> bool:
        """Nothing of the choice is missing or withdrawn: it prints at once."""
        return not (self.missing or self.withdrawn)

    @property
    def empty(self) -> bool:
        return not (self.cards if self.layout == "cards" else self.printable_events)


def life_events() -> list[LifeEvent]:
    return list(LifeEvent.objects.live())


def language_choices(office: Office) -> list[LanguageChoice]:
    """Every enabled language and how ready it is for print: the office's most printed first,
    then those ready to print, those partly ready, and those with nothing to print yet."""
    cards = content.live_cards()
    served = Served(cards, None)
    frequent = indicators.most_printed_languages(channel(office))
    choices = []
    for language in languages.enabled():
        code = language.code
        unprintable = [card for card in cards if served.edition(card, code) is None]
        missing = dict.fromkeys(card.life_event.slug for card in unprintable)
        choices.append(
            LanguageChoice(
                language,
                len(cards) - len(unprintable),
                language.code in frequent,
                total=len(cards),
                missing_events=tuple(missing),
                awaiting=sum(1 for card in cards if served.awaiting(card, code)),
            )
        )
    rank = {code: index for index, code in enumerate(frequent)}
    return sorted(
        choices,
        key=lambda c: (
            rank.get(c.language.code, len(rank)),
            _readiness(c),
            c.language.swedish_name,
        ),
    )


def order(lang: str, slugs: list[str], layout: str, codes: list[str] | None = None) -> Order:
    """What would be printed, and what is missing; refuses input that makes no sense.

    `codes` narrows cards to those cards of the life events (a recall's new version)."""
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
        if codes:
            cards = [card for card in cards if card.code in codes]
        served = result.served = content.served_for_cards(cards, lang)
        for card in cards:
            if served.edition(card) is not None:
                result.cards.append(card)
                if served.awaiting(card) is not None:
                    result.awaiting.append(card.title_sv)
            elif served.withdrawn(card) is not None:
                result.withdrawn.append((card.title_sv, served.withdrawn(card).reason))
            else:
                result.missing.append(card.title_sv)
        return result
    loaded = content.EventsLoaded(events)  # one load for every life event of the leaflet
    for event in events:
        try:
            content.event_content(event, lang, loaded)
        except NotPrintable:
            result.missing.append(event.title_sv)
        else:
            result.printable_events.append(event)
    return result


@dataclass(frozen=True)
class Offer:
    """What can be printed in her language instead of a choice with nothing to print."""

    layout: str
    events: list[LifeEvent]

    @property
    def slugs(self) -> list[str]:
        return [event.slug for event in self.events]


def _printed_events(plan: Order) -> list[LifeEvent]:
    if plan.layout == "leaflet":
        return plan.printable_events
    printed = {card.life_event_id for card in plan.cards}
    return [event for event in plan.events if event.pk in printed]


def offers(plan: Order) -> list[Offer]:
    """When nothing of a choice can be printed in her language: the other layout of the same
    life events, and the same layout of the other life events, where either has something."""
    lang = plan.language.code
    chosen = [event.slug for event in plan.events]
    others = [event.slug for event in life_events() if event.slug not in chosen]
    other_layout = next(layout for layout in LAYOUTS if layout != plan.layout)
    found = []
    for layout, slugs in ((other_layout, chosen), (plan.layout, others)):
        if not slugs:
            continue
        alternative = order(lang, slugs, layout)
        if not alternative.empty:
            found.append(Offer(layout, _printed_events(alternative)))
    return found


def prepared(plan: Order) -> builds.Answer:
    """The PDF of what can be printed, drawn at once; or, for a larger print not stored yet
    while tasks run in a worker, "being prepared" with how far its build has come (print.builds).
    Nothing is counted: `count` when she gets the PDF."""
    _refuse_empty(plan)
    if _pieces(plan) > AT_ONCE and tasks.in_background():
        return builds.ask(job(plan))
    return builds.Answer(_draw(plan))


def job(plan: Order) -> jobs.Job:
    """The background build of the plan's PDF (the same file `_draw` makes)."""
    code = plan.language.code
    if plan.layout == "cards":
        return jobs.station(code, LAYOUTS["cards"], [card.slug for card in plan.cards])
    return jobs.station(code, LAYOUTS["leaflet"], [event.slug for event in plan.printable_events])


def _pieces(plan: Order) -> int:
    return len(plan.cards if plan.layout == "cards" else plan.printable_events)


def _refuse_empty(plan: Order) -> None:
    if plan.empty:
        raise NotPrintable(
            _("Nothing in this choice is translated into %(language)s yet.")
            % {"language": plan.language.swedish_name}
        )


def _draw(plan: Order) -> bytes:
    _refuse_empty(plan)
    code = plan.language.code
    if plan.layout == "cards":
        return service.cards_pdf(plan.cards, code, LAYOUTS["cards"], served=plan.served)
    return service.leaflet_pdf(plan.printable_events, code)


def count(plan: Order, office: Office) -> None:
    """A print given to her, counted for the office (and its recall list noted)."""
    code = plan.language.code
    if plan.layout == "cards":
        recall.note(office, code, {c.code: plan.served.edition(c).version for c in plan.cards})
        for card in plan.cards:
            indicators.count(
                Event.CARD_PRINTED,
                life_event=card.life_event.slug,
                card=card.code,
                language=code,
                channel=channel(office),
            )
        return
    for event in plan.printable_events:
        indicators.count(
            Event.LEAFLET_PRINTED, life_event=event.slug, language=code, channel=channel(office)
        )


def file_name(plan: Order) -> str:
    return f"jobba-i-sverige_{plan.language.code}_{plan.layout}.pdf"
