"""Audience packs: a ZIP with cards and leaflets per language, the poster, README.txt and
manifest.json (files, languages, content version, SHA-256 of each file)."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Sequence

from django.conf import settings
from django.core.cache import cache as shared_cache
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext as _

import languages
from dialogue import content_version
from print import cache, content, service
from print.content import NotPrintable
from print.documents.base import RENDERER_VERSION
from print.pages import check_finish
from translations.approved import Approved

MAX_LANGUAGES = 25
ZIP_DATE = (2000, 1, 1, 0, 0, 0)  # fixed: the same content gives the same bytes


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
    return printable_by_audience([audience])[audience.pk]


def printable_by_audience(audiences) -> dict[int, list[languages.Language]]:
    """The printable languages of each audience, from one load of the live cards.

    Printable is what pack_zip accepts: approved, and not outdated unless PRINT_ALLOW_OUTDATED.
    """
    audiences = list(audiences)
    prefetch_related_objects(audiences, "cards")
    live = content.live_cards()
    approved = Approved(live)

    def printable(card, lang):
        if not approved.usable(card, lang):
            return False
        return settings.PRINT_ALLOW_OUTDATED or not approved.outdated(card, lang)

    result = {}
    for audience in audiences:
        cards = audience_cards(audience, live)
        result[audience.pk] = [
            language
            for language in languages.enabled()
            if cards and all(printable(card, language.code) for card in cards)
        ]
    return result


def pack_zip(audience_slug: str, codes: Sequence[str], finish: str = "office") -> bytes:
    check_finish(finish)
    codes = parse_languages(codes)
    # A repeat request while no content changed: the stored file's name, without working out
    # every card's fingerprint again (that is what the file's own key is made of).
    index = _index_key(audience_slug, codes, finish)
    stored = shared_cache.get(index)
    if stored is not None:
        data = cache.read(stored)
        if data is not None:
            return data
    audience = service.audience(audience_slug)
    cards = audience_cards(audience)
    if not cards:
        raise NotPrintable(
            _("The audience %(name)s has no published cards.") % {"name": audience.name_sv}
        )
    events = list({card.life_event_id: card.life_event for card in cards}.values())
    problems = []
    approved = Approved(cards)
    for code in codes:
        missing = [card.title_sv for card in cards if not approved.usable(card, code)]
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
    fingerprints = {
        code: [content.card_content(card, code, approved).fingerprint for card in cards]
        for code in codes
    }
    parts = [audience.slug, finish, codes, fingerprints, [e.slug for e in events]]
    data = cache.get_or_build(
        "pack", parts, "zip", lambda: _build(audience, codes, cards, events, finish, approved)
    )
    shared_cache.set(index, cache.name("pack", parts, "zip"), content_version.TTL)
    return data


def _index_key(audience_slug: str, codes: list[str], finish: str) -> str:
    """Everything besides the content that decides a pack's bytes, under the content version."""
    flags = (settings.PRINT_ALLOW_OUTDATED, settings.TRANSLATIONS_SHOW_UNREVIEWED)
    parts = (RENDERER_VERSION, audience_slug, finish, tuple(codes), flags, settings.SITE_URL)
    return content_version.key("pack", parts)


def _build(audience, codes, cards, events, finish, approved) -> bytes:
    files: list[tuple[str, bytes, dict]] = []
    events_loaded = content.EventsLoaded(events)
    for code in codes:
        files.append(
            (
                file_name(audience.slug, code, "cards-a6"),
                service.cards_pdf(cards, code, "card", finish, approved),
                {"language": code, "layout": "card"},
            )
        )
        if finish == "office":
            files.append(
                (
                    file_name(audience.slug, code, "cards-4up"),
                    service.cards_pdf(cards, code, "card-4up", finish, approved),
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
    poster = service.poster_pdf(None, "A4", finish, codes)
    files.append(
        (
            f"jobba-i-sverige_{audience.slug}_poster-a4.pdf",
            poster,
            {"language": "all", "layout": "poster"},
        )
    )

    version = hashlib.sha256("".join(sorted(_sha(data) for _, data, _ in files)).encode())
    manifest = {
        "audience": audience.slug,
        "finish": finish,
        "languages": codes,
        "content_version": version.hexdigest()[:12],
        "created": timezone.localdate().isoformat(),
        "renderer_version": RENDERER_VERSION,
        "files": [
            {"name": name, "sha256": _sha(data), "bytes": len(data), **meta}
            for name, data, meta in files
        ],
    }
    readme = _readme(audience, codes, finish, manifest)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data, _meta in files:
            # The PDFs' streams are compressed already: deflating them again gains little.
            archive.writestr(zipfile.ZipInfo(name, ZIP_DATE), data, zipfile.ZIP_STORED)
        archive.writestr(zipfile.ZipInfo("README.txt", ZIP_DATE), readme.encode("utf-8"))
        archive.writestr(
            zipfile.ZipInfo("manifest.json", ZIP_DATE),
            json.dumps(manifest, indent=2, ensure_ascii=False).encode("utf-8"),
        )
    return buffer.getvalue()


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _readme(audience, codes, finish, manifest) -> str:
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
    ]
    return "\n".join(lines)
