"""The bench's own throw-away database: migrated, demo content, generated extra data.

Never the developer's database: __main__ points DATABASE_URL at a temporary file first.
"""

from __future__ import annotations

import hashlib
import inspect
import io
import shutil
import sys
import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.loader import MigrationLoader

import languages
from dialogue import codes
from dialogue.models import (
    Audience,
    CardMessage,
    DialogueCard,
    JointMessage,
    LifeEvent,
    MessageLink,
)
from print import packs
from translations.models import TranslationState
from translations.status import Status, fingerprint, record

PACK_AUDIENCE = "civilsamhallet"  # the demo audience whose cards cover every life event
TRANSLATED_MODELS = (LifeEvent, JointMessage, MessageLink, DialogueCard, Audience)
# Languages the demo data lacks, filled by copying a donor of the same script: the text is
# not a translation, but it lays out, shapes and embeds fonts as the real one would.
DONORS = {
    "am": "ti",
    "ckb": "fa",
    "ru": "uk",
    "es": "en",
    "fr": "en",
    "pl": "en",
    "fi": "en",
    "tr": "en",
    "ku": "en",
    "bs": "en",
    "sv-ls": "sv",
    "fa-af": "fa",
    "ps": "fa",
}


def create(reuse: bool = True) -> bool:
    """Migrate and load the demo content; True when a template from an earlier run was copied.

    Migrating takes ~8 s of a quick run's minute, so the result is kept in the system's temp
    folder under a hash of every migration and the demo data, and copied on the next run.
    """
    target = Path(settings.DATABASES["default"]["NAME"])
    template = Path(tempfile.gettempdir()) / "jis-bench-templates" / f"{_template_key()}.sqlite3"
    if reuse and template.is_file():
        shutil.copyfile(template, target)
        return True
    quiet = io.StringIO()
    call_command("migrate", interactive=False, verbosity=0, stdout=quiet)
    call_command("load_demo", skip_audio=True, stdout=quiet)
    connection.close()  # a complete file to copy
    template.parent.mkdir(parents=True, exist_ok=True)
    partial = template.with_suffix(".partial")
    shutil.copyfile(target, partial)
    partial.replace(template)  # atomic: a run beside this one never copies half a file
    return False


def _template_key() -> str:
    """A hash of every migration and the demo data, by content (the checkout's path is not)."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    sources = {
        m.__module__: inspect.getfile(sys.modules[m.__module__])
        for m in loader.disk_migrations.values()
    }
    demo = Path(__file__).resolve().parent.parent / "dialogue" / "demo"
    sources |= {
        str(p.relative_to(demo)): p for p in demo.rglob("*") if p.suffix in (".py", ".json")
    }
    digest = hashlib.sha256()
    for name in sorted(sources):
        digest.update(name.encode() + Path(sources[name]).read_bytes())
    return digest.hexdigest()[:16]


def printable_codes() -> list[str]:
    return [language.code for language in packs.printable_languages(_audience())]


def _audience() -> Audience:
    return Audience.objects.get(slug=PACK_AUDIENCE)


def _field(name: str, code: str) -> str:
    return f"{name}_{languages.get(code).field_suffix}"


@transaction.atomic
def add_languages(count: int) -> list[str]:
    """Make the pack printable in at least `count` languages; returns them, demo ones first."""
    chosen = printable_codes()
    for code, donor in DONORS.items():
        if len(chosen) >= count:
            break
        if code in chosen:
            continue
        for model in TRANSLATED_MODELS:
            for obj in model.objects.all():
                names = [n for n in obj.translated_fields if obj.source_text(n).strip()]
                for name in names:
                    setattr(obj, _field(name, code), obj.text(name, donor) or obj.source_text(name))
                obj.save(update_fields=[_field(n, code) for n in names])
                for name in names:
                    record(obj, name, code, Status.APPROVED)
        chosen.append(code)
    printable = printable_codes()
    return [code for code in chosen if code in printable]


@transaction.atomic
def add_cards(count: int, tag: str) -> None:
    """`count` unpublished cards of two new messages each, translated and approved in every
    language: data for the translation overview that print and the public pages never read."""
    event = LifeEvent.objects.first()
    targets = [language.code for language in languages.targets()]

    def texts(name: str, value: str) -> dict:
        return {_field(name, code): f"{value} {code}" for code in ["sv", *targets]}

    messages = JointMessage.objects.bulk_create(
        JointMessage(
            slug=f"bench-{tag}-{i}",
            live=False,
            **texts("headline", f"Rubrik {i}"),
            **texts("body", f"Brödtext {i}."),
            **texts("where_to_turn", f"Kontakt {i}."),
        )
        for i in range(2 * count)
    )
    links = MessageLink.objects.bulk_create(
        MessageLink(message=m, url="https://example.org/", sort_order=0, **texts("label", "Länk"))
        for m in messages
    )
    cards = DialogueCard.objects.bulk_create(
        DialogueCard(
            slug=f"bench-{tag}-{i}",
            code=codes.new_code(8),
            live=False,
            life_event=event,
            pictogram="arrival",
            **texts("title", f"Kort {i}"),
        )
        for i in range(count)
    )
    CardMessage.objects.bulk_create(
        CardMessage(card=card, message=messages[2 * i + k], sort_order=k)
        for i, card in enumerate(cards)
        for k in (0, 1)
    )
    states = []
    for obj in [*messages, *links, *cards]:
        content_type = ContentType.objects.get_for_model(obj)
        for name in obj.translated_fields:
            source = obj.source_text(name)
            states += [
                TranslationState(
                    content_type=content_type,
                    object_id=obj.pk,
                    field=name,
                    language=code,
                    status=TranslationState.Stored.APPROVED,
                    source_fingerprint=fingerprint(source),
                    source_text=source,
                )
                for code in targets
            ]
    TranslationState.objects.bulk_create(states, batch_size=2000)
