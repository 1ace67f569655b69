"""Load the demo content from ops/demo/data/*.json, idempotently.

sv.json holds the structure and the Swedish source; <code>.json holds one language's
translations. The loader only writes fields the data files name, so a translation added
in the admin survives a second run, and an object that already matches is not touched
(no new revision, no log entry).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

import languages
from dialogue.models import (
    Agency,
    Audience,
    CardMessage,
    DialogueCard,
    JointMessage,
    LifeEvent,
    MessageLink,
)
from languages import bidi
from ops.demo import contacts as demo_contacts

DATA_DIR = Path(__file__).resolve().parent / "data"
# The name the translation trail gives the demo's approvals ("approved by demo"); no account.
DEMO_TRANSLATOR = "demo"


class DemoDataError(Exception):
    pass


@dataclass
class Report:
    counts: Counter = field(default_factory=Counter)

    def add(self, kind: str, outcome: str):
        self.counts[(kind, outcome)] += 1

    def lines(self):
        kinds = sorted({kind for kind, _ in self.counts})
        for kind in kinds:
            created = self.counts[(kind, "created")]
            updated = self.counts[(kind, "updated")]
            unchanged = self.counts[(kind, "unchanged")]
            yield f"{kind}: {created} created, {updated} updated, {unchanged} unchanged"

    @property
    def changed(self) -> int:
        return sum(n for (_, outcome), n in self.counts.items() if outcome != "unchanged")


def read_data(data_dir: Path = DATA_DIR) -> tuple[dict, dict[str, dict]]:
    """The Swedish structure and every translation file, checked against the registry."""
    source = json.loads((data_dir / f"{languages.SOURCE_LANGUAGE}.json").read_text("utf-8"))
    translations = {}
    for path in sorted(data_dir.glob("*.json")):
        code = path.stem
        if code == languages.SOURCE_LANGUAGE:
            continue
        if languages.get(code) is None:
            raise DemoDataError(f"{path.name}: {code!r} is not an enabled language")
        translations[code] = json.loads(path.read_text("utf-8"))
    return source, translations


def _suffix(lang: str) -> str:
    return languages.get(lang).field_suffix


def _translated_values(source_item: dict, key: str, section: str, translations, fields) -> dict:
    """{"title_sv": ..., "title_ar": ...} for the fields the data files provide."""
    values = {f"{name}_{_suffix(languages.SOURCE_LANGUAGE)}": source_item[name] for name in fields}
    for code, data in translations.items():
        item = data.get(section, {}).get(key)
        if not item:
            continue
        for name in fields:
            if item.get(name):
                values[f"{name}_{_suffix(code)}"] = bidi.strip_direction_marks(item[name])
            elif not source_item[name] and name in item:
                # Emptied in Swedish and in the file (e.g. said by the message's central
                # contact now): an older translation must not outlive its Swedish.
                values[f"{name}_{_suffix(code)}"] = ""
    return values


def _differs(obj, values: dict) -> bool:
    return any((getattr(obj, name) or "") != (value or "") for name, value in values.items())


class Loader:
    def __init__(self, source: dict, translations: dict[str, dict]):
        self.source = source
        self.translations = translations
        self.report = Report()

    def run(self) -> Report:
        with transaction.atomic():
            agencies = {item["key"]: self._agency(item) for item in self.source["agencies"]}
            self.contacts = demo_contacts.load(
                self.source.get("contacts", []), agencies, self.report
            )
            events = {
                item["slug"]: self._life_event(index, item)
                for index, item in enumerate(self.source["life_events"], start=1)
            }
            messages = {
                item["key"]: self._message(item, events, agencies)
                for item in self.source["messages"]
            }
            cards = {}
            for index, item in enumerate(self.source["cards"], start=1):
                cards[item["slug"]] = self._card(index, item, events, messages)
            for index, item in enumerate(self.source["audiences"], start=1):
                self._audience(index, item, cards)
        return self.report

    def _publish(self, obj, created: bool):
        """Save as Wagtail's editor does: a revision, then publish it (the row becomes live)."""
        if created:
            obj.live = False
        obj.save()
        obj.save_revision(log_action=True).publish()

    def _record_translations(self, obj):
        """The demo translations were made from the Swedish now in the database, and reviewed.

        Their approvals carry the name DEMO_TRANSLATOR in the translation trail, so the
        translation editor's history says "approved by demo": staff can tell them from a
        reviewer's."""
        from translations import status as translation_status
        from translations.approved import Approved
        from translations.models import TranslationEvent
        from translations.status import Status

        approved = Approved([obj])
        units = [
            (target, name, language.code)
            for target in obj.own_parts()
            for name in target.translated_fields
            for language in languages.targets()
            if approved.status(target, name, language.code) not in (Status.MISSING, Status.APPROVED)
        ]
        if not units:
            return
        last = TranslationEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        for target, name, code in units:
            translation_status.record(target, name, code, Status.APPROVED)
        # record() without a user logs no name; these are the loader's own events of just now.
        TranslationEvent.objects.filter(
            pk__gt=last, user=None, username="", action=TranslationEvent.Action.APPROVED
        ).update(username=DEMO_TRANSLATOR)

    def _agency(self, item) -> Agency:
        values = {"name": item["name"], "website": item["website"]}
        obj = Agency.objects.filter(short_name=item["short_name"]).first()
        if obj is None:
            self.report.add("agencies", "created")
            return Agency.objects.create(short_name=item["short_name"], **values)
        if _differs(obj, values):
            for name, value in values.items():
                setattr(obj, name, value)
            obj.save()
            self.report.add("agencies", "updated")
        else:
            self.report.add("agencies", "unchanged")
        return obj

    def _editorial(self, model, kind, slug, values, relations_differ, apply_relations):
        obj = model.objects.filter(slug=slug).first()
        created = obj is None
        if created:
            obj = model(slug=slug)
        elif not _differs(obj, values) and not relations_differ(obj) and obj.live:
            self.report.add(kind, "unchanged")
            self._record_translations(obj)
            return obj
        for name, value in values.items():
            setattr(obj, name, value)
        apply_relations(obj)
        self._publish(obj, created)
        self._record_translations(obj)
        self.report.add(kind, "created" if created else "updated")
        return obj

    def _life_event(self, index, item) -> LifeEvent:
        values = _translated_values(
            item, item["slug"], "life_events", self.translations, LifeEvent.translated_fields
        )
        values.update(pictogram=item["pictogram"], sort_order=index * 10)
        return self._editorial(
            LifeEvent, "life events", item["slug"], values, lambda obj: False, lambda obj: None
        )

    def _link_rows(self, item) -> list[dict]:
        rows = []
        for position, link in enumerate(item["links"]):
            row = {"url": link["url"], f"label_{_suffix(languages.SOURCE_LANGUAGE)}": link["label"]}
            for code, data in self.translations.items():
                labels = data.get("messages", {}).get(item["key"], {}).get("links") or []
                if position < len(labels) and labels[position]:
                    row[f"label_{_suffix(code)}"] = bidi.strip_direction_marks(labels[position])
            rows.append(row)
        return rows

    def _message(self, item, events, agencies) -> JointMessage:
        values = _translated_values(
            item, item["key"], "messages", self.translations, ("headline", "body", "where_to_turn")
        )
        event_ids = {events[slug].pk for slug in item["life_events"]}
        agency_ids = {agencies[key].pk for key in item["agencies"]}
        link_rows = self._link_rows(item)
        contact = self.contacts[item["contact"]] if item.get("contact") else None
        values["contact_id"] = contact.pk if contact else None

        def relations_differ(obj):
            current_links = list(obj.links.all())
            return (
                {e.pk for e in obj.life_events.all()} != event_ids
                or {a.pk for a in obj.agencies.all()} != agency_ids
                or len(current_links) != len(link_rows)
                or any(
                    _differs(link, row) for link, row in zip(current_links, link_rows, strict=False)
                )
            )

        def apply_relations(obj):
            obj.life_events = [events[slug] for slug in item["life_events"]]
            obj.agencies = [agencies[key] for key in item["agencies"]]
            obj.links = [MessageLink(sort_order=i, **row) for i, row in enumerate(link_rows)]

        return self._editorial(
            JointMessage, "joint messages", item["key"], values, relations_differ, apply_relations
        )

    def _card(self, index, item, events, messages) -> DialogueCard:
        values = _translated_values(
            item, item["slug"], "cards", self.translations, DialogueCard.translated_fields
        )
        values.update(
            pictogram=item["pictogram"],
            prompts=item["prompts"],
            sort_order=index * 10,
            life_event_id=events[item["life_event"]].pk,
        )
        message_ids = [messages[key].pk for key in item["messages"]]

        def relations_differ(obj):
            return [cm.message_id for cm in obj.card_messages.all()] != message_ids

        def apply_relations(obj):
            obj.card_messages = [
                CardMessage(sort_order=i, message_id=pk) for i, pk in enumerate(message_ids)
            ]

        return self._editorial(
            DialogueCard, "dialogue cards", item["slug"], values, relations_differ, apply_relations
        )

    def _audience(self, index, item, cards) -> Audience:
        values = _translated_values(
            item, item["slug"], "audiences", self.translations, Audience.translated_fields
        )
        values["sort_order"] = index * 10
        card_ids = {cards[slug].pk for slug in item["cards"]}
        obj = Audience.objects.filter(slug=item["slug"]).first()
        created = obj is None
        if created:
            obj = Audience(slug=item["slug"])
        elif not _differs(obj, values) and {c.pk for c in obj.cards.all()} == card_ids:
            self.report.add("audiences", "unchanged")
            return obj
        for name, value in values.items():
            setattr(obj, name, value)
        obj.cards = [cards[slug] for slug in item["cards"]]
        obj.save()
        obj.save_revision(log_action=True)
        self.report.add("audiences", "created" if created else "updated")
        return obj


def load(data_dir: Path = DATA_DIR) -> Report:
    source, translations = read_data(data_dir)
    return Loader(source, translations).run()
