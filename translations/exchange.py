"""Exchange files with translation agencies: XLIFF 1.2 (Trados, memoQ, Phrase) and gettext PO.

Export: per language, the missing and outdated units (or all). Each unit has a stable id
(`<model>/<pk>/<field>`), its Swedish source, a note with context and length limit, and the
fingerprint of the source it was exported from. Import: the whole file is checked first
(well-formed, safe XML, configured language, known and unique ids, unchanged sources,
printable characters, lengths); then it is applied in one transaction, or not at all. The
quality checks (translations.quality: numbers, phone numbers, addresses, punctuation, and what
apps above register, such as whether a card still fits) warn per unit, and never refuse a file.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET  # noqa: S405  only for writing; reading goes through defusedxml
from dataclasses import dataclass, field

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po
from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

import languages
from dialogue import text_rules
from dialogue.models import TRANSLATABLE_MODELS, DialogueCard, JointMessage, MessageLink
from terms import termbase
from translations import labels, quality
from translations import status as translation_status
from translations.models import TranslationEvent
from translations.status import Status, Unit

XLIFF_NS = "urn:oasis:names:tc:xliff:document:1.2"
FINGERPRINT = re.compile(r"source-fingerprint:\s*([0-9a-f]{64})")
JIS_NS = "urn:jobba-i-sverige"
MODELS = {m._meta.model_name: m for m in (*TRANSLATABLE_MODELS, MessageLink)}
Action = TranslationEvent.Action


MAX_IMPORT_BYTES = 10 * 2**20  # every text of one language is well under 1 MB


class ExchangeError(Exception):
    """The file cannot be imported; the message says why, and nothing was written."""


def unit_id(unit: Unit) -> str:
    return f"{unit.obj._meta.model_name}/{unit.obj.pk}/{unit.field}"


def max_length(unit: Unit) -> int | None:
    model_field = unit.obj._meta.get_field(f"{unit.field}_{languages.source().field_suffix}")
    limit = model_field.max_length
    for validator in model_field.validators:
        limit = getattr(validator, "limit_value", limit)
    return limit


def _context(unit: Unit) -> str:
    obj = unit.obj
    where = getattr(obj, "message", obj)
    events = (
        ", ".join(e.title_sv for e in where.life_events.all())
        if isinstance(where, JointMessage)
        else (obj.life_event.title_sv if isinstance(obj, DialogueCard) else str(obj))
    )
    limit = max_length(unit)
    kind, field_name = type(where)._meta.verbose_name, pgettext("staff side", "field")
    note = f"{kind}: {where} · {field_name}: {labels.in_target(unit)} · {events}"
    return note + (f" · max {limit}" if limit else "")


def _all_units() -> list[Unit]:
    units: list[Unit] = []
    for model in TRANSLATABLE_MODELS:
        for obj in model.objects.order_by("pk"):
            units += translation_status.units_of(obj)
    return units


def units_to_export(lang: str, everything: bool = False) -> list[tuple[Unit, Status]]:
    units = _all_units()
    states = translation_status.states_for(units)
    chosen = []
    for unit in units:
        status = translation_status.status_of(unit, lang, states)
        if everything or status in (Status.MISSING, Status.OUTDATED):
            chosen.append((unit, status))
    return chosen


def _language(lang: str) -> languages.Language:
    language = languages.get(lang)
    if language is None or language.is_source:
        raise ExchangeError(_("%(code)s is not a configured target language.") % {"code": lang})
    return language


# --- export ------------------------------------------------------------------------------


def export_xliff(lang: str, everything: bool = False) -> bytes:
    language = _language(lang)
    ET.register_namespace("", XLIFF_NS)
    ET.register_namespace("jis", JIS_NS)
    root = ET.Element(f"{{{XLIFF_NS}}}xliff", {"version": "1.2"})
    file = ET.SubElement(
        root,
        f"{{{XLIFF_NS}}}file",
        {
            "original": "jobba-i-sverige",
            "source-language": "sv",
            "target-language": language.code,
            "datatype": "plaintext",
            "date": timezone.now().isoformat(timespec="seconds"),
        },
    )
    body = ET.SubElement(file, f"{{{XLIFF_NS}}}body")
    approved_terms = termbase.approved()
    for unit, status in units_to_export(lang, everything):
        attrs = {"id": unit_id(unit), f"{{{JIS_NS}}}source-fingerprint": _source_fp(unit)}
        limit = max_length(unit)
        if limit:
            attrs.update({"maxwidth": str(limit), "size-unit": "char"})
        node = ET.SubElement(body, f"{{{XLIFF_NS}}}trans-unit", attrs)
        ET.SubElement(node, f"{{{XLIFF_NS}}}source").text = unit.obj.source_text(unit.field)
        target = ET.SubElement(
            node,
            f"{{{XLIFF_NS}}}target",
            {
                "state": "needs-translation"
                if status == Status.MISSING
                else "needs-review-translation"
            },
        )
        target.text = unit.obj.text(unit.field, lang)
        ET.SubElement(node, f"{{{XLIFF_NS}}}note").text = _context(unit)
        # The approved terms of the unit, as the agency's CAT tool shows notes (terms.termbase).
        for line in termbase.notes(unit.obj.source_text(unit.field), lang, approved_terms):
            ET.SubElement(node, f"{{{XLIFF_NS}}}note", {"from": "termbase"}).text = line
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def export_po(lang: str, everything: bool = False) -> bytes:
    language = _language(lang)
    catalog = Catalog(
        locale=language.babel,
        project="Jobba i Sverige",
        version="1",
        charset="utf-8",
        fuzzy=False,
        copyright_holder="Jobba i Sverige",
        msgid_bugs_address="",
        last_translator="Jobba i Sverige",
        revision_date=timezone.now(),
    )
    for unit, _status in units_to_export(lang, everything):
        catalog.add(
            unit.obj.source_text(unit.field),
            string=unit.obj.text(unit.field, lang),
            context=unit_id(unit),
            auto_comments=[_context(unit), f"source-fingerprint: {_source_fp(unit)}"],
        )
    catalog.language_team = language.code  # read back on import: the file's language
    out = io.BytesIO()
    write_po(out, catalog, width=0, omit_header=False)
    return out.getvalue()


def _source_fp(unit: Unit) -> str:
    return translation_status.fingerprint(unit.obj.source_text(unit.field))


# --- import ------------------------------------------------------------------------------


@dataclass
class Entry:
    unit_id: str
    source_fingerprint: str
    target: str


@dataclass(frozen=True)
class _AboutUnit:
    """What the import's report says of any row about a unit: its object and its label."""

    unit: Unit

    @property
    def object(self):
        return labels.target_of(self.unit.obj)

    @property
    def label(self) -> str:
        return labels.in_target(self.unit)


@dataclass(frozen=True)
class Change(_AboutUnit):
    """One text the import sets (or would set): which object and field, the translation until
    now ("" if there was none) and the one from the file."""

    old: str
    new: str


@dataclass(frozen=True)
class Warned(_AboutUnit):
    """A unit of the file and what the quality checks say about it (translations.quality)."""

    warnings: tuple[quality.QualityWarning, ...]


@dataclass
class Report:
    language: str
    applied: list[str] = field(default_factory=list)  # unit ids
    unchanged: list[str] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)  # the applied ones, with their texts
    warned: list[Warned] = field(default_factory=list)  # units of the file with warnings

    def lines(self):
        yield f"{self.language}: {len(self.applied)} applied, {len(self.unchanged)} unchanged"
        none = pgettext("staff side", "(no translation)")
        for change in self.changes:
            yield f"  {change.object} · {change.label}"
            yield "    - " + _indented(change.old or none)
            yield "    + " + _indented(change.new)
        if self.warned:
            yield pgettext("staff side", "Quality warnings (the file is not refused for them):")
        for warned in self.warned:
            yield f"  {warned.object} · {warned.label} ({unit_id(warned.unit)})"
            for warning in warned.warnings:
                yield f"    ! [{warning.kind}] {_indented(warning.message)}"

    def as_dict(self, dry_run: bool) -> dict:
        """The report for tools (`import_translations --format json`): every unit of the file
        with what happened to it and its warnings, each with a stable `kind`."""
        warnings = {unit_id(w.unit): [x.as_dict() for x in w.warnings] for w in self.warned}
        units = [(ref, "applied") for ref in self.applied]
        units += [(ref, "unchanged") for ref in self.unchanged]
        return {
            "language": self.language,
            "dry_run": dry_run,
            "applied": len(self.applied),
            "unchanged": len(self.unchanged),
            "units": [
                {"id": ref, "result": result, "warnings": warnings.get(ref, [])}
                for ref, result in units
            ],
        }


def _indented(text: str) -> str:
    return "\n      ".join(text.splitlines() or [""])


def parse_xliff(data: bytes) -> tuple[str, list[Entry]]:
    try:
        root = SafeET.fromstring(data, forbid_dtd=True, forbid_entities=True)
    except DefusedXmlException as error:
        raise ExchangeError(
            _("The file uses XML entities or a DTD, which are not allowed.")
        ) from error
    except ET.ParseError as error:
        raise ExchangeError(
            _("The file is not well-formed XML: %(error)s") % {"error": error}
        ) from error
    files = root.findall(f"{{{XLIFF_NS}}}file")
    if root.tag != f"{{{XLIFF_NS}}}xliff" or len(files) != 1:
        raise ExchangeError(_("This is not an XLIFF 1.2 file with one <file> element."))
    lang = files[0].get("target-language", "")
    entries = []
    for node in files[0].iter(f"{{{XLIFF_NS}}}trans-unit"):
        target = node.find(f"{{{XLIFF_NS}}}target")
        entries.append(
            Entry(
                unit_id=node.get("id", ""),
                source_fingerprint=node.get(f"{{{JIS_NS}}}source-fingerprint", ""),
                target="".join(target.itertext()) if target is not None else "",
            )
        )
    return lang, entries


def parse_po(data: bytes) -> tuple[str, list[Entry]]:
    try:
        catalog = read_po(io.BytesIO(data), abort_invalid=True)
    except Exception as error:  # Babel raises several kinds for broken files
        raise ExchangeError(
            _("The file is not a valid PO file: %(error)s") % {"error": error}
        ) from error
    entries = []
    for message in catalog:
        if not message.id:
            continue
        # Tools may re-wrap comments, so the fingerprint is found in the joined comment text.
        found = FINGERPRINT.search(" ".join(message.auto_comments))
        entries.append(
            Entry(message.context or "", found.group(1) if found else "", message.string or "")
        )
    team = catalog.language_team or ""
    if not languages.get(team):
        raise ExchangeError(
            _("The PO file does not say which language it is for (Language-Team: %(team)s).")
            % {"team": team}
        )
    return team, entries


def _resolve(unit_ref: str) -> Unit | None:
    try:
        model_name, pk, field_name = unit_ref.split("/")
        model = MODELS[model_name]
        obj = model.objects.get(pk=int(pk))
    except (ValueError, KeyError, ObjectDoesNotExist):
        return None
    if field_name not in obj.translated_fields:
        return None
    return Unit(obj, field_name)


def import_file(
    data: bytes, fmt: str, expected_language: str = "", dry_run: bool = False, user=None
) -> Report:
    if len(data) > MAX_IMPORT_BYTES:
        raise ExchangeError(
            _("The file is %(size)s MB; an exchange file is at most %(limit)s MB.")
            % {"size": round(len(data) / 2**20), "limit": MAX_IMPORT_BYTES // 2**20}
        )
    if not data.strip():
        raise ExchangeError(_("The file is empty."))
    lang, entries = parse_xliff(data) if fmt == "xliff" else parse_po(data)
    language = _language(lang)
    if user is not None and not translation_status.can_translate(user, lang):
        raise ExchangeError(
            _("%(user)s may not translate into %(language)s.")
            % {"user": user.get_username(), "language": language.swedish_name}
        )
    if expected_language and expected_language != lang:
        raise ExchangeError(
            _("The file is for %(found)s, not %(expected)s.")
            % {"found": lang, "expected": expected_language}
        )
    problems: list[str] = []
    seen: set[str] = set()
    resolved: list[tuple[Unit, str]] = []
    for entry in entries:
        if entry.unit_id in seen:
            problems.append(_("Unit %(id)s appears twice.") % {"id": entry.unit_id})
            continue
        seen.add(entry.unit_id)
        unit = _resolve(entry.unit_id)
        if unit is None:
            problems.append(_("Unknown unit %(id)s.") % {"id": entry.unit_id})
            continue
        if entry.source_fingerprint != translation_status.fingerprint(
            unit.obj.source_text(unit.field)
        ):
            problems.append(
                _("The Swedish source of %(id)s has changed since the export: export it again.")
                % {"id": entry.unit_id}
            )
            continue
        target = entry.target.strip()
        if not target:
            continue
        for problem in text_rules.problems(target, language.code):
            problems.append(f"{entry.unit_id}: {problem}")
        limit = max_length(unit)
        if limit and len(target) > limit:
            problems.append(
                _("%(id)s is %(length)s characters long; at most %(limit)s.")
                % {"id": entry.unit_id, "length": len(target), "limit": limit}
            )
        resolved.append((unit, target))
    if problems:
        raise ExchangeError("\n".join(problems))
    report = Report(language.code)
    approved_terms = termbase.approved()
    warnings = {
        unit_id(unit): quality.check(
            unit.obj.source_text(unit.field), target, language.code, approved_terms
        )
        for unit, target in resolved
    }
    with transaction.atomic():
        for unit, target in resolved:
            ref = unit_id(unit)
            old = unit.obj.text(unit.field, language.code)
            if old == target:
                report.unchanged.append(ref)
                continue
            write_translation(unit, language, target)
            translation_status.record(
                unit.obj, unit.field, language.code, user=user, action=Action.IMPORTED
            )
            report.applied.append(ref)
            report.changes.append(Change(unit, old, target))
        # Checks of whole objects (a card's fit) read the texts as written, before a rollback.
        _object_warnings(report, warnings, language.code)
        if dry_run:
            transaction.set_rollback(True)
    report.warned = [
        Warned(unit, tuple(warnings[unit_id(unit)]))
        for unit, _target in resolved
        if warnings[unit_id(unit)]
    ]
    return report


def _object_warnings(report: Report, warnings: dict[str, list], lang: str) -> None:
    """What the registered object checks say about each object the import changes, named at
    the first changed unit of that object."""
    first: dict[tuple, str] = {}
    for change in report.changes:
        target = labels.target_of(change.unit.obj)
        first.setdefault((type(target), target.pk), unit_id(change.unit))
    objects = [model.objects.get(pk=pk) for model, pk in first]
    for obj, found in quality.check_objects(objects, lang).items():
        warnings[first[(type(obj), obj.pk)]] += found


def write_translation(unit: Unit, language: languages.Language, target: str):
    """Set the translation on the live row and on the latest revision, so that publishing a
    draft made before the import does not bring the old translation back."""
    column = f"{unit.field}_{language.field_suffix}"
    obj = type(unit.obj).objects.get(pk=unit.obj.pk)
    setattr(obj, column, target)
    obj.save(update_fields=[column])
    owner = getattr(obj, "message", obj)
    revision = getattr(owner, "latest_revision", None)
    if revision is None:
        return
    content = revision.content
    if owner is obj:
        content[column] = target
    else:  # a link label lives in the message revision's child list
        for child in content.get("links", []):
            if child.get("pk") == obj.pk:
                child[column] = target
    revision.content = content
    revision.save(update_fields=["content"])
