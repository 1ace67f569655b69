"""The side-by-side translation editor: Swedish source beside the target, what changed in the
Swedish since the translation shown as a diff, all-or-nothing saving with the glyph check, and
who translated and approved each unit. A reviewer's approval of a text she wrote herself is
refused (four eyes, translations.trail): her text is saved as translated, for another reviewer.

A reviewer approves one unit at a time, or with "Approve all" every unit of the object (a card
with its messages) that waits for review, except her own texts and any text changed since she
opened the page. "Save and next" goes on to the next object of the language's work list.

The quality checks (translations.quality: numbers, phone numbers, addresses, punctuation,
spaces, easy-read sentence length, and what apps above register such as print's fit) warn and
never refuse: the warning stands under the unit each time the page opens, beside the box a
reviewer ticks, and a save that brings a new warning stays on the page instead of going on."""

from __future__ import annotations

import difflib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import formats, timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import npgettext, pgettext

import languages
from dialogue import text_rules
from dialogue.models import TRANSLATABLE_MODELS
from terms import highlight, termbase
from translations import comments, exchange, labels, memory, quality, reference, trail, worklist
from translations import status as translation_status
from translations.status import Status, Unit

EDITABLE = {model._meta.model_name: model for model in TRANSLATABLE_MODELS}


def _object(model_name: str, pk: int):
    model = EDITABLE.get(model_name)
    if model is None:
        raise Http404("Nothing to translate here")
    obj = model.objects.filter(pk=pk).first()
    if obj is None:
        raise Http404("No such object")
    return obj


def _units(obj) -> list[Unit]:
    """A card is translated with its messages: the woman reads them together."""
    return translation_status.units_in(obj)


def diff_html(old: str, new: str) -> str:
    """Word diff of the Swedish: removed words struck, added words marked."""
    old_words, new_words = old.split(), new.split()
    parts = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(escape(" ".join(old_words[a1:a2])))
        if op in ("delete", "replace"):
            parts.append(f"<del>{escape(' '.join(old_words[a1:a2]))}</del>")
        if op in ("insert", "replace"):
            parts.append(f"<ins>{escape(' '.join(new_words[b1:b2]))}</ins>")
    return mark_safe(" ".join(parts))  # noqa: S308  every word is escaped above


@login_required
def choose_language(request, model_name, pk):
    obj = _object(model_name, pk)
    units = _units(obj)
    states = translation_status.states_for(units)
    rows = []
    for language in languages.targets():
        if not translation_status.can_translate(request.user, language.code):
            continue
        statuses = [translation_status.status_of(u, language.code, states) for u in units]
        rows.append(
            {
                "language": language,
                "todo": sum(s in (Status.MISSING, Status.OUTDATED) for s in statuses),
            }
        )
    if not rows:
        raise PermissionDenied
    return render(request, "translations/admin/translate_choose.html", {"object": obj, "rows": rows,
                  "model_name": model_name})  # fmt: skip


@login_required
def edit(request, model_name, pk, lang):
    obj = _object(model_name, pk)
    language = languages.get(lang)
    if language is None or language.is_source:
        raise Http404("Unknown language")
    if not translation_status.can_translate(request.user, language.code):
        raise PermissionDenied
    may_approve = translation_status.can_approve(request.user, language.code)
    units = _units(obj)
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        if request.POST.get("action") == "approve_all":
            if not may_approve:
                raise PermissionDenied
            _approve_all(request, units, language)
            return redirect(request.get_full_path())  # keeps ?ref=
        if request.POST.get("action") in ("comment", "resolve"):
            _comment(request, units, language, may_approve)
            return redirect(request.get_full_path())
        before = {exchange.unit_id(u): u.obj.text(u.field, language.code) for u in units}
        warned_before = _warnings(obj, units, language, before)
        errors, saved, refused = _save(request, units, language, may_approve)
        if not errors:
            warned = _warn_after_save(request, obj, units, language, before, warned_before)
            if (saved or not refused) and not warned:
                messages.success(request, _("Saved."))
            if refused:
                messages.warning(request, _refused_message(refused))
            if request.POST.get("next") == "1" and not warned:
                return _go_next(request, obj, language)
            return redirect(request.get_full_path())
    states = translation_status.states_for(units)
    trails = trail.trails(units, language.code)
    approved_terms = termbase.approved()
    ref_language = reference.chosen(language.code, request.GET.get("ref"))
    recalled = memory.Memory(language.code)  # built once for all units (translations.memory)
    remarks = comments.of_units(units, language.code)
    rows = []
    for unit in units:
        ref = exchange.unit_id(unit)
        target = (
            request.POST.get(ref, unit.obj.text(unit.field, language.code))
            if request.method == "POST"
            else unit.obj.text(unit.field, language.code)
        )
        state = states.get((*unit.key, language.code))
        status = translation_status.status_of(unit, language.code, states)
        source = unit.obj.source_text(unit.field)
        history = trails.get(unit.key, trail.Trail(None, None))
        marked, unit_terms = highlight.marked(source, language.code, approved_terms)
        rows.append(
            {
                "id": ref,
                "unit": unit,
                "label": labels.unit_label(unit),
                "anchor": labels.anchor(unit),  # Reports → Open questions links here
                "source": source,
                "source_marked": marked,  # the terms marked (terms.highlight)
                "reference": _reference_text(unit, ref_language, states),
                "memory": recalled.matches(unit, source),
                "comments": remarks.get(unit.key, []),
                "terms": unit_terms,
                "diff": diff_html(state.source_text, source)
                if status == Status.OUTDATED and state and state.source_text
                else "",
                "target": target,
                "warnings": quality.check(source, target, language.code, approved_terms),
                "status": status,
                "trail": _trail_text(history),
                # Her own text waits for another reviewer's approval.
                "own_text": history.written is not None
                and trail.is_by(history.written, request.user),
                "errors": errors.get(ref, []),
                "multiline": unit.field in ("body", "intro", "where_to_turn"),
                # What the reviewer read, so "Approve all" approves nothing changed since.
                "shown": translation_status.fingerprint(unit.obj.text(unit.field, language.code)),
            }
        )
    unreviewed = [row for row in rows if row["status"] == Status.TRANSLATED]
    return render(
        request,
        "translations/admin/translate.html",
        {
            "object": obj,
            "language": language,
            "rows": rows,
            "may_approve": may_approve,
            "unreviewed": unreviewed,
            "approvable": sum(not row["own_text"] for row in unreviewed),
            "next": worklist.next_object(request.user, language.code, obj),
            "object_warnings": quality.lix([row["target"] for row in rows], language.code),
            "ref_language": ref_language,
            "ref_choices": reference.choices(language.code),
        },
        status=400 if errors else 200,
    )


def _comment(request, units, language, may_approve):
    """A comment posted on a unit, or one marked resolved. A question about the Swedish is
    anyone's; a remark on the translation is a reviewer's."""
    by_id = {exchange.unit_id(unit): unit for unit in units}
    if request.POST["action"] == "resolve":
        keys = {unit.key for unit in units}
        found = comments.UnitComment.objects.filter(
            pk=request.POST.get("comment") or 0, language=language.code
        ).first()
        if found is None or (found.content_type_id, found.object_id, found.field) not in keys:
            raise Http404("No such comment")
        comments.resolve(found, request.user)
        messages.success(request, pgettext("staff side", "Marked as resolved."))
        return
    unit, text = by_id.get(request.POST.get("unit", "")), request.POST.get("text", "").strip()
    kind = request.POST.get("kind", comments.UnitComment.Kind.QUESTION)
    if unit is None or kind not in comments.UnitComment.Kind.values:
        raise Http404("No such unit")
    if kind == comments.UnitComment.Kind.ANSWER:  # the communication group's, on its own page
        raise PermissionDenied
    if kind == comments.UnitComment.Kind.REMARK and not may_approve:
        raise PermissionDenied
    if not text:
        messages.warning(request, pgettext("staff side", "Write the comment first."))
        return
    comments.post(unit, language.code, request.user, text, kind, page=request.path)
    messages.success(request, pgettext("staff side", "Comment sent."))


def _reference_text(unit, ref_language, states) -> str:
    """The approved text of the reference language, or "" (none approved, or no reference)."""
    if ref_language is None:
        return ""
    if translation_status.status_of(unit, ref_language.code, states) != Status.APPROVED:
        return ""
    return unit.obj.text(unit.field, ref_language.code)


def _warnings(obj, units, language, texts: dict[str, str]) -> set[tuple[str, str]]:
    """The quality warnings of these texts and of the object as saved now (what apps above
    check, such as print's fit), as (unit id or "" for the object, message)."""
    approved_terms = termbase.approved()
    found = {
        (ref, warning.message)
        for unit in units
        for ref in [exchange.unit_id(unit)]
        for warning in quality.check(
            unit.obj.source_text(unit.field), texts[ref], language.code, approved_terms
        )
    }
    saved = type(obj).objects.get(pk=obj.pk)
    checked = quality.check_objects([saved], language.code).get(saved, [])
    return found | {("", warning.message) for warning in checked}


def _warn_after_save(request, obj, units, language, before: dict[str, str], warned) -> bool:
    """Whether the save brought a quality warning the texts did not have before: then she is
    told so, with what the object's checks found (shown nowhere else), and stays to read it.
    A warning she has seen and left stands under its unit and does not stop her again."""
    after = {ref: request.POST.get(ref, text).strip() for ref, text in before.items()}
    if after == before:
        return False
    new = _warnings(obj, units, language, after) - warned
    if not new:
        return False
    messages.warning(
        request,
        pgettext(
            "staff side",
            "Saved, with quality warnings: read them before you go on. They do not stop the "
            "text; you decide whether it is right.",
        ),
    )
    for ref, message in sorted(new):
        if not ref:
            messages.warning(request, message)
    return True


def _go_next(request, obj, language):
    """After "Save and next": the next object with work, or the work list when none is left."""
    following = worklist.next_object(request.user, language.code, obj)
    if following.obj is None:
        if following.remaining:
            messages.info(
                request,
                pgettext(
                    "staff side",
                    "That was the last object on the work list. What is left is listed here.",
                ),
            )
        else:
            messages.success(request, pgettext("staff side", "All done."))
    return redirect(following.url)


def _approve_all(request, units, language):
    """Approve every unit of the object that waits for review, as the reviewer read it; her own
    texts (four eyes) and texts changed since she opened the page are named, not approved."""
    states = translation_status.states_for(units)
    histories = trail.trails(units, language.code)
    approved, own, changed = [], [], []
    with transaction.atomic():
        for unit in units:
            shown = request.POST.get(f"shown:{exchange.unit_id(unit)}")
            status = translation_status.status_of(unit, language.code, states)
            if status != Status.TRANSLATED:
                if shown is not None and status != Status.APPROVED:
                    changed.append(unit)  # emptied, or the Swedish changed: outdated
                continue
            text = unit.obj.text(unit.field, language.code)
            if shown != translation_status.fingerprint(text):
                changed.append(unit)
                continue
            written = histories.get(unit.key, trail.Trail(None, None)).written
            if written is not None and trail.is_by(written, request.user):
                own.append(unit)
                continue
            translation_status.record(
                unit.obj, unit.field, language.code, Status.APPROVED, user=request.user
            )
            approved.append(unit)
    if approved:
        messages.success(
            request,
            npgettext(
                "staff side",
                "Approved %(count)s translation.",
                "Approved %(count)s translations.",
                len(approved),
            )
            % {"count": len(approved)},
        )
    if own:
        messages.warning(request, _own_message(own))
    if changed:
        messages.warning(
            request,
            pgettext(
                "staff side",
                "Not approved: %(units)s. The text changed after you opened the page; read it "
                "again.",
            )
            % {"units": _names(changed)},
        )
    if not (approved or own or changed):
        messages.info(request, pgettext("staff side", "Nothing here waits for review."))


def _by(event) -> dict[str, str]:
    when = formats.date_format(timezone.localtime(event.at), "SHORT_DATETIME_FORMAT")
    return {"user": event.username or pgettext("staff side", "the system"), "date": when}


def _trail_text(history: trail.Trail) -> str:
    """Who wrote the text shown and who approved that text, as "Translated by X <date>,
    approved by Y <date>"."""
    parts = []
    if history.written is not None:
        if history.written.action == trail.Action.IMPORTED:
            written = pgettext("staff side", "Imported by %(user)s %(date)s")
        else:
            written = pgettext("staff side", "Translated by %(user)s %(date)s")
        parts.append(written % _by(history.written))
    if history.approved is not None:
        parts.append(
            pgettext("staff side", "approved by %(user)s %(date)s") % _by(history.approved)
        )
    return capfirst(", ".join(parts))


def _names(units: list[Unit]) -> str:
    return "; ".join(labels.unit_label(unit) for unit in units)


def _refused_message(refused: list[Unit]) -> str:
    return pgettext(
        "staff side",
        "Not approved: %(units)s. You wrote this translation yourself, so another language "
        "reviewer must approve it. Your text is saved as translated.",
    ) % {"units": _names(refused)}


def _own_message(own: list[Unit]) -> str:
    return pgettext(
        "staff side",
        "Not approved: %(units)s. You wrote these translations yourself, so another language "
        "reviewer must approve them.",
    ) % {"units": _names(own)}


def _save(request, units, language, may_approve) -> tuple[dict[str, list[str]], int, list[Unit]]:
    """Errors per unit; or none, how many texts and approvals were saved, and the units whose
    approval was refused (her own text)."""
    errors: dict[str, list[str]] = {}
    changes = []
    states = translation_status.states_for(units)
    for unit in units:
        ref = exchange.unit_id(unit)
        if ref not in request.POST:
            continue
        text = request.POST[ref].strip()
        current = unit.obj.text(unit.field, language.code)
        approve = may_approve and request.POST.get(f"approve:{ref}") == "on"
        if text == current and approve:
            # A ticked box on an approved unit is the page showing its state, not a new approval.
            approve = translation_status.status_of(unit, language.code, states) != Status.APPROVED
        if text == current and not approve:
            continue
        for problem in text_rules.problems(text, language.code):
            errors.setdefault(ref, []).append(problem)
        limit = exchange.max_length(unit)
        if limit and len(text) > limit:
            errors.setdefault(ref, []).append(
                _("At most %(limit)s characters (now %(length)s).")
                % {"limit": limit, "length": len(text)}
            )
        changes.append((unit, text, current, approve))
    if errors:
        return errors, 0, []
    saved, refused = 0, []
    with transaction.atomic():
        for unit, text, current, approve in changes:
            if text != current:
                exchange.write_translation(unit, language, text)
                saved += 1
            if not text:
                continue
            unit.obj.refresh_from_db()
            if text != current:
                translation_status.record(unit.obj, unit.field, language.code, user=request.user)
            if not approve:
                continue
            # Written in this request or before: by her, so another reviewer approves it.
            if trail.wrote(request.user, unit.obj, unit.field, language.code):
                refused.append(unit)
                continue
            translation_status.record(
                unit.obj, unit.field, language.code, Status.APPROVED, user=request.user
            )
            saved += 1
    return {}, saved, refused
