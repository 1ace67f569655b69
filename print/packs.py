"""Audience packs: a ZIP with cards and leaflets per language, the poster, README.txt and
manifest.json (files, languages, content version, SHA-256 of each file)."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.cache import cache as shared_cache
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext as _

import languages
from dialogue import content_version
from editions.served import Served
from print import cache, content, progress, service
from print.content import NotPrintable
from print.documents.base import RENDERER_VERSION
from print.pages import check_finish

MAX_LANGUAGES = 25


def file_name(audience: str, lang: str, layout: str) -> str:
    return f"jobba-i-sverige_{audience}_{lang}_{layout}.pdf"


def parse_languages(value: str | Sequence[str]) -> list[str]:
    codes = value.split(",") if isinstance(value, str) else list(value)
    codes = [code.strip() for code in codes if code.strip()]
    if not codes:
        raise NotPrintable(_("Choose at least one language."))
    if len(codes) > MAX_LANGUAGES:
        raise NotPrintable(_("At most %(count)s languages in one pack.") % {"count": MAX_LANGUAGES})
    unknown = [code for code in codes if languages.get(code) is None]
    if unknown:
        raise NotPrintable(_("Unknown language code(s): %(codes)s") % {"codes": ", ".join(unknown)})
    return list(dict.fromkeys(codes))


def audience_cards(audience, live_cards=None) -> list:
    chosen = {card.pk for card in audience.cards.all()}
    live_cards = content.live_cards() if live_cards is None else live_cards
    return [card for card in live_cards if card.pk in chosen]


def printable_languages(audience) -> list[languages.Language]:
    """Languages in which every published card of the audience can be printed."""
    return languages_by_audience([audience])[audience.pk].printable


def printable_by_audience(audiences) -> dict[int, list[languages.Language]]:
    return {pk: found.printable for pk, found in languages_by_audience(audiences).items()}


@dataclass(frozen=True)
class PackLanguages:
    """What an audience's pack can hold: the printable languages (every card has an edition
    in service, what pack_zip accepts), those among them whose Swedish was updated since (the
    earliest date; translation on its way), and those withdrawn on purpose, with why."""

    printable: list[languages.Language]
    awaiting: dict[str, datetime]
    withdrawn: dict[str, str]
    # Each card's Swedish title and its edition's version per printable language: what the
    # foot of each printed card says, so a partner can match a printout to the page.
    versions: list[tuple[str, list[tuple[str, str]]]]


def languages_by_audience(audiences) -> dict[int, PackLanguages]:
    """Each audience's pack languages, from one load of the live cards and their editions."""
    audiences = list(audiences)
    prefetch_related_objects(audiences, "cards")
    live = content.live_cards()
    served = Served(live, None)
    result = {}
    for audience in audiences:
        cards = audience_cards(audience, live)
        printable, awaiting, withdrawn = [], {}, {}
        for language in languages.enabled():
            code = language.code
            if cards and all(served.edition(card, code) for card in cards):
                printable.append(language)
                since = [served.awaiting(card, code) for card in cards]
                if any(since):
                    awaiting[code] = min(day for day in since if day)
            reasons = [served.withdrawn(card, code) for card in cards]
            if any(reasons):
                withdrawn[code] = " ".join(dict.fromkeys(e.reason for e in reasons if e))
        versions = [
            (card.title_sv, [(lang.code, served.edition(card, lang.code).version)
                             for lang in printable])
            for card in cards
        ]  # fmt: skip
        result[audience.pk] = PackLanguages(printable, awaiting, withdrawn, versions)
    return result


def by_reason(withdrawn: dict[str, str]) -> list[tuple[list[languages.Language], str]]:
    """Withdrawn languages grouped by their reason: one change withdraws many languages at once,
    and a partner reads the reason once."""
    groups: dict[str, list[languages.Language]] = {}
    for code, reason in withdrawn.items():
        groups.setdefault(reason, []).append(languages.get(code))
    return [(found, reason) for reason, found in groups.items()]


def withdrawn_by_language(cards, codes) -> dict[str, str]:
    """Languages whose cards were withdrawn on purpose, with why (Swedish, for partners)."""
    found = {}
    for code in codes:
        served = Served(cards, code)
        reasons = [served.withdrawn(card).reason for card in cards if served.withdrawn(card)]
        if reasons:
            found[code] = " ".join(dict.fromkeys(reasons))
    return found


def pack_zip(audience_slug: str, codes: Sequence[str], finish: str = "office") -> bytes:
    stored = indexed(audience_slug, codes, finish)
    if stored is not None:
        return stored
    plan = pack_plan(audience_slug, codes, finish)
    data = plan.get_or_build()
    remember(audience_slug, codes, finish, plan)
    return data


def indexed(audience_slug: str, codes: Sequence[str], finish: str = "office") -> bytes | None:
    """A repeat request while no content changed: the stored file, found by its name, without
    working out every card's fingerprint again (that is what the file's own key is made of)."""
    check_finish(finish)
    stored = shared_cache.get(_index_key(audience_slug, parse_languages(codes), finish))
    return cache.read(stored) if stored is not None else None


def remember(audience_slug: str, codes: Sequence[str], finish: str, plan: cache.Planned) -> None:
    """Index the pack's stored file for `indexed`, until the content changes."""
    index = _index_key(audience_slug, parse_languages(codes), finish)
    shared_cache.set(index, plan.name, content_version.TTL)


def pack_plan(audience_slug: str, codes: Sequence[str], finish: str = "office") -> cache.Planned:
    """The pack's file, named by its content, and how to build it; refuses (NotPrintable) what
    cannot be made, before anything is drawn."""
    check_finish(finish)
    codes = parse_languages(codes)
    audience = service.audience(audience_slug)
    cards = audience_cards(audience)
    if not cards:
        raise NotPrintable(
            _("The audience %(name)s has no published cards.") % {"name": audience.name_sv}
        )
    events = list({card.life_event_id: card.life_event for card in cards}.values())
    # A language withdrawn on purpose is left out, and the pack says why.
    withdrawn = withdrawn_by_language(cards, codes)
    kept = [code for code in codes if code not in withdrawn]
    served = {code: content.served_for_cards(cards, code) for code in kept}
    problems = []
    for code in kept:
        missing = [card.title_sv for card in cards if served[code].edition(card) is None]
        if missing:
            problems.append(f"{code}: {', '.join(missing)}")
    if problems:
        raise NotPrintable(
            _(
                "These cards are not fully translated and approved, so the pack cannot be made "
                "in: %(list)s"
            )
            % {"list": "; ".join(problems)}
        )
    if not kept:
        raise NotPrintable(
            _("The translations in these languages have been withdrawn: %(list)s")
            % {"list": "; ".join(f"{code}: {why}" for code, why in withdrawn.items())}
        )
    contents = {
        code: [content.card_content(card, code, served[code]) for card in cards] for code in kept
    }
    fingerprints = {code: [c.fingerprint for c in found] for code, found in contents.items()}
    parts = [audience.slug, finish, kept, fingerprints, [e.slug for e in events], withdrawn]
    return cache.Planned(
        "pack",
        parts,
        "zip",
        lambda: _build(audience, kept, cards, events, finish, served, contents, withdrawn),
        tuple(_languages(kept)),
    )


def _index_key(audience_slug: str, codes: list[str], finish: str) -> str:
    """Everything besides the content that decides a pack's bytes, under the content version."""
    flags = (settings.TRANSLATIONS_SHOW_UNREVIEWED,)
    made_with = cache.made_with(_languages(codes))  # catalogues, fonts: nothing in the content
    parts = (RENDERER_VERSION, audience_slug, finish, tuple(codes), flags, settings.SITE_URL)
    return content_version.key("pack", (*parts, made_with))


def _languages(codes) -> list[str]:
    """The languages a pack prints interface strings in: its cards' and leaflets', and the
    poster's (whose languages are among the pack's)."""
    return service.poster_languages(codes)


def _build(audience, codes, cards, events, finish, served, contents, withdrawn) -> bytes:
    files: list[tuple[str, bytes, dict]] = []
    events_loaded = content.EventsLoaded(events)
    progress.report(0, len(codes), progress.LANGUAGES)  # in a background build: how far it is
    for done, code in enumerate(codes, start=1):
        files.append(
            (
                file_name(audience.slug, code, "cards-a6"),
                service.cards_pdf(cards, code, "card", finish, served[code]),
                {"language": code, "layout": "card"},
            )
        )
        if finish == "office":
            files.append(
                (
                    file_name(audience.slug, code, "cards-4up"),
                    service.cards_pdf(cards, code, "card-4up", finish, served[code]),
                    {"language": code, "layout": "card-4up"},
                )
            )
        try:
            leaflet = service.leaflet_pdf(events, code, finish, events_loaded)
        except NotPrintable:
            leaflet = None  # a life event with messages beyond the cards, not yet translated
        if leaflet:
            files.append(
                (
                    file_name(audience.slug, code, "leaflet"),
                    leaflet,
                    {"language": code, "layout": "leaflet"},
                )
            )
        progress.report(done, len(codes), progress.LANGUAGES)
    poster = service.poster_pdf(None, "A4", finish, codes)
    files.append(
        (
            f"jobba-i-sverige_{audience.slug}_poster-a4.pdf",
            poster,
            {"language": "all", "layout": "poster"},
        )
    )

    version = hashlib.sha256("".join(sorted(_sha(data) for _, data, _ in files)).encode())
    built = timezone.localdate()
    manifest = {
        "audience": audience.slug,
        "finish": finish,
        "languages": codes,
        "content_version": version.hexdigest()[:12],
        "created": built.isoformat(),
        "renderer_version": RENDERER_VERSION,
        # Each card's edition per language: the version printed at the foot of the card.
        "editions": {
            code: {
                c.slug: {"version": c.version, "awaiting_translation": c.awaiting} for c in found
            }
            for code, found in contents.items()
        },
        "withdrawn": withdrawn,
        "files": [
            {"name": name, "sha256": _sha(data), "bytes": len(data), **meta}
            for name, data, meta in files
        ],
    }
    readme = _readme(audience, codes, finish, manifest, contents, withdrawn)
    # Entries are dated the day the pack is built (local time), as the manifest's "created",
    # at midnight rather than the minute: a file manager shows a real date, and the same
    # content built twice in a day (two workers, a retry) still gives the same bytes.
    zip_date = (built.year, built.month, built.day, 0, 0, 0)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data, _meta in files:
            # The PDFs' streams are compressed already: deflating them again gains little.
            archive.writestr(zipfile.ZipInfo(name, zip_date), data, zipfile.ZIP_STORED)
        archive.writestr(zipfile.ZipInfo("README.txt", zip_date), readme.encode("utf-8"))
        archive.writestr(
            zipfile.ZipInfo("manifest.json", zip_date),
            json.dumps(manifest, indent=2, ensure_ascii=False).encode("utf-8"),
        )
    return buffer.getvalue()


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _readme(audience, codes, finish, manifest, contents, withdrawn) -> str:
    names = ", ".join(f"{languages.get(c).swedish_name} ({c})" for c in codes)
    lines = [
        f"Jobba i Sverige – material för {audience.name_sv}",
        "",
        f"Språk: {names}",
        f"Innehållsversion: {manifest['content_version']} ({manifest['created']})",
        "",
        "Filerna:",
        "- …_cards-a6.pdf: dialogkorten i A6, framsida på språket och baksida på svenska.",
    ]
    if finish == "office":
        lines += [
            "- …_cards-4up.pdf: fyra kort per A4-ark. Skriv ut dubbelsidigt och vänd längs",
            "  långsidan. Skär längs markeringarna.",
        ]
    else:
        lines += ["- Tryckerifiler med 3 mm utfall och skärmärken."]
    lines += [
        "- …_leaflet.pdf: broschyr i A4 med språket och svenskan sida vid sida.",
        "- …_poster-a4.pdf: affisch med en QR-kod per språk, för att lyssna.",
        "",
        "Varje utskrift har version och datum längst ner. Kasta äldre versioner.",
        "manifest.json listar filerna med kontrollsummor (SHA-256).",
        "",
        "Kortens versioner (som längst ner på korten):",
    ]
    for code, found in contents.items():
        lines.append(f"- {languages.get(code).swedish_name} ({code}):")
        for item in found:
            waits = " – svenskan uppdaterad, översättning på väg" if item.awaiting else ""
            lines.append(f"  {item.sv_title}: v{item.version}{waits}")
    if withdrawn:
        lines += ["", "Ej med i paketet (översättningen indragen):"]
        for found, why in by_reason(withdrawn):
            names = ", ".join(f"{language.swedish_name} ({language.code})" for language in found)
            lines.append(f"- {names}: {why}")
    lines.append("")
    return "\n".join(lines)
