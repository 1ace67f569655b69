"""What translators and reviewers read for a unit: the field's name as the editor's form names
it (its verbose name, "Rubrik"), never the column name ("headline"), and the object it is in.

A link's label is translated with its message, so inside the message it is named with its
link: "Länk https://… · Text".
"""

from __future__ import annotations

from django.core.exceptions import FieldDoesNotExist
from django.utils.text import capfirst

from translations.status import Unit


def target_of(obj):
    """The object a translator opens for this one: a link is translated with its message."""
    return getattr(obj, "message", obj)


def field_label(obj, field: str) -> str:
    """The field's verbose name in the active language, capitalised: "Rubrik"."""
    try:
        name = type(obj)._meta.get_field(field).verbose_name
    except FieldDoesNotExist:
        return field
    return capfirst(str(name))


def in_target(unit: Unit) -> str:
    """The unit's name inside the object it is translated in: "Rubrik", or for a link
    "Länk https://www.fk.se · Text"."""
    label = field_label(unit.obj, unit.field)
    if target_of(unit.obj) is unit.obj:
        return label
    return f"{capfirst(str(type(unit.obj)._meta.verbose_name))} {unit.obj} · {label}"


def unit_label(unit: Unit) -> str:
    """The unit on its own, with the object it belongs to: "Du kan få barnbidrag. · Rubrik"."""
    return f"{target_of(unit.obj)} · {in_target(unit)}"


def anchor(unit: Unit) -> str:
    """The id of the unit's row in the side-by-side editor, for links to it (open questions)."""
    obj = unit.obj
    return f"unit-{obj._meta.model_name}-{obj.pk}-{unit.field}"
