"""Offline kits: one life event in one language as a ZIP a fieldworker carries to where there is
no network. It holds the recordings, an `index.html` that opens from a phone's files app (no
script, relative links, her language with lang and dir), a printable QR index sheet and a
manifest.json (files, versions, SHA-256).

Only editions in service go in: a card without one in the language is left out and counted,
and a kit with no card at all is refused with the reason, in her language. The ZIP is built
whole and kept in the print cache under its content (print.cache stores only whole files), so
a download is never a half-written file.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

import languages
from audio import recordings as audio_texts
from audio.models import AudioRecording
from dialogue.models import DialogueCard, LifeEvent
from editions.served import Served
from languages import bidi
from print import cache, content
from print.content import CardContent, NotPrintable
from print.documents.base import language_name
from print.documents.qr_index import IndexEntry, QrIndexRenderer

# Bump when what a kit holds or how index.html looks changes: part of every kit's cache key.
KIT_VERSION = "2"  # 2: central contacts after "where to turn"
INDEX_SHEET = "qr-index.pdf"


@dataclass(frozen=True)
class KitCard:
    content: CardContent
    recording: AudioRecording | None

    @property
    def audio_name(self) -> str:
        """The recording's name in the kit: in card order, readable in a file list."""
        if self.recording is None:
            return ""
        extension = PurePosixPath(self.recording.file.name).suffix or f".{self.recording.format}"
        return f"audio/{self.content.slug}-{self.content.lang}{extension}"


@dataclass(frozen=True)
class Kit:
    event: LifeEvent
    lang: str
    title: str  # the event's title in her language (Swedish when it has no edition there)
    title_lang: str
    intro: str
    cards: list[KitCard]
    left_out: int  # cards in use without an edition in service in the language

    @property
    def file_name(self) -> str:
        return file_name(self.event.slug, self.lang)


def file_name(event_slug: str, lang: str) -> str:
    return f"jobba-i-sverige_{event_slug}_{lang}_offline.zip"


def event_exists(event_slug: str) -> bool:
    return LifeEvent.objects.live().filter(slug=event_slug).exists()


def kit(event_slug: str, lang: str) -> Kit:
    """What the kit of a life event in a language holds; NotPrintable, with the reason in the
    active language, when there is no such event or nothing of it is approved in the language."""
    language = languages.get(lang)
    if language is None:
        raise NotPrintable(_("Unknown language: %(code)s") % {"code": lang})
    event = LifeEvent.objects.live().filter(slug=event_slug).first()
    if event is None:
        raise NotPrintable(_("This topic does not exist."))
    recordings = AudioRecording.objects.approved().filter(language=lang)
    cards = list(
        DialogueCard.objects.public()
        .filter(life_event=event)
        .select_related("life_event")
        .for_reading()
        .prefetch_related(Prefetch("recordings", queryset=recordings))
    )
    served = Served([event, *cards], lang)
    found = []
    for card in cards:
        edition = served.edition(card)
        if edition is None:
            continue
        recording = audio_texts.playable(card.recordings.all(), edition)
        found.append(KitCard(content.card_content(card, lang, served), recording))
    if not found:
        # Her language by its own name to her; by its Swedish one to a fieldworker in Swedish.
        swedish = translation.get_language() == languages.SOURCE_LANGUAGE
        name = language_name(lang) if swedish else language.own_name
        raise NotPrintable(
            _("Nothing in this topic has been translated into %(language)s and approved yet.")
            % {"language": name}
        )
    own = served.edition(event)
    texts = own.texts if own is not None else {"title": event.title_sv, "intro": event.intro_sv}
    return Kit(
        event=event,
        lang=lang,
        title=texts.get("title", ""),
        title_lang=lang if own is not None else languages.SOURCE_LANGUAGE,
        intro=texts.get("intro", "") if own is not None else "",
        cards=found,
        left_out=len(cards) - len(found),
    )


def kit_zip(event_slug: str, lang: str) -> tuple[str, bytes]:
    """The kit's file name and bytes: built once per content (print.cache), then served as
    stored."""
    found = kit(event_slug, lang)
    parts = [
        KIT_VERSION,
        found.event.slug,
        lang,
        found.title,
        found.intro,
        [c.content.fingerprint for c in found.cards],
        [_recorded(c.recording) for c in found.cards],
        found.left_out,
    ]
    data = cache.get_or_build("kit", parts, "zip", lambda: _build(found), langs=[lang])
    return found.file_name, data


def _recorded(recording) -> list:
    """What of a recording shows in the kit: its bytes (its name is their digest) and whether
    index.html calls it a computer voice."""
    return [recording.file.name, recording.synthetic] if recording else []


def _build(found: Kit) -> bytes:
    files: list[tuple[str, bytes]] = []
    for card in found.cards:
        if card.recording is not None:
            with card.recording.file.open("rb") as handle:
                files.append((card.audio_name, handle.read()))
    files.append((INDEX_SHEET, _index_sheet(found)))
    files.append(("index.html", _index_html(found).encode("utf-8")))
    built = timezone.localdate()
    manifest = {
        "life_event": found.event.slug,
        "language": found.lang,
        "created": built.isoformat(),
        "kit_version": KIT_VERSION,
        "cards": [
            {
                "slug": c.content.slug,
                "code": c.content.code,
                "version": c.content.version,
                "recording": c.audio_name or None,
            }
            for c in found.cards
        ],
        "cards_not_translated": found.left_out,
        "files": [
            {"name": name, "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
            for name, data in files
        ],
    }
    files.append(("manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False).encode()))
    # Dated the day it is built, at midnight: the same content built twice in a day gives the
    # same bytes (as packs do).
    zip_date = (built.year, built.month, built.day, 0, 0, 0)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files:
            # Recordings and PDFs are compressed already; text is deflated.
            text = name.endswith((".html", ".json"))
            method = zipfile.ZIP_DEFLATED if text else zipfile.ZIP_STORED
            archive.writestr(zipfile.ZipInfo(name, zip_date), data, method)
    return buffer.getvalue()


def _index_sheet(found: Kit) -> bytes:
    entries = [
        IndexEntry(c.content.title, c.content.sv_title, c.content.audio_url) for c in found.cards
    ]
    published = max(c.content.published for c in found.cards)
    version = hashlib.sha256("".join(c.content.version for c in found.cards).encode()).hexdigest()
    return QrIndexRenderer(
        found.lang, found.title, found.event.title_sv, entries, published, version
    ).render()


def _index_html(found: Kit) -> str:
    """The kit's start page, in her language: rendered without a request, nothing to run."""
    language = languages.get(found.lang)
    cards = [
        {
            "slug": c.content.slug,
            "title": c.content.title,
            "audio": c.audio_name,
            "synthetic": bool(c.recording and c.recording.synthetic),
            "messages": [_message(m) for m in c.content.messages],
        }
        for c in found.cards
    ]
    context = {
        "language": language,
        "title": found.title,
        "title_language": languages.get(found.title_lang),
        "intro": found.intro,
        "cards": cards,
        "left_out": found.left_out,
        "index_sheet": INDEX_SHEET,
    }
    with translation.override(found.lang):
        return render_to_string("print/kit_index.html", context)


def _message(message) -> dict:
    return {
        "headline": isolated(message.headline),
        "body": isolated(message.body),
        "where_to_turn": isolated(message.where_to_turn),
        "links": message.links,
        "agencies": message.agencies,
        "contact": message.contact,  # its lines in her language: contacts/public/lines.html
    }


def isolated(text: str) -> SafeString:
    """Escaped, each number run kept whole in right-to-left text (as the public pages do)."""
    return bidi.isolated_html(text)


def offered() -> list[tuple[LifeEvent, list[languages.Language]]]:
    """Each live life event with the languages its kit can be made in (those with none left
    out), for the partner page."""
    found = languages_by_event()
    return [
        (event, found[event.slug]) for event in LifeEvent.objects.live() if found.get(event.slug)
    ]


def languages_by_event() -> dict[str, list[languages.Language]]:
    """Per live life event's slug, the languages its kit can be made in (at least one card in
    use with an edition in service there), in the registry's order: one query for all."""
    from editions.models import Edition

    cards = DialogueCard.objects.public().values_list("pk", "life_event__slug")
    event_of = dict(cards)
    rows = (
        Edition.objects.served()
        .filter(
            content_type=ContentType.objects.get_for_model(DialogueCard),
            object_id__in=list(event_of),
        )
        .values_list("object_id", "language")
    )
    codes = defaultdict(set)
    for card_id, code in rows:
        codes[event_of[card_id]].add(code)
    return {
        slug: [language for language in languages.enabled() if language.code in found]
        for slug, found in codes.items()
    }
