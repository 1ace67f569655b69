"""An import's report as kept on its run (translations.models.ImportRun.report) and as shown.

The report of exchange.import_file holds the objects it is about; a run keeps what the page
shows of them (each object's and field's name, the texts before and from the file, the
warnings), as JSON, so that a report made by a worker is shown by any request later, the same
as one made in the request itself. Names are kept as they were at the import: the report says
what was checked or written then.
"""

from __future__ import annotations

from dataclasses import dataclass

from translations import exchange, quality


def stored(report: exchange.Report, dry_run: bool) -> dict:
    """The report as JSON: `as_dict` (every unit with its result and warnings, for tools) and
    what the page lists."""
    data = report.as_dict(dry_run)
    data["changes"] = [
        {"object": str(c.object), "label": str(c.label), "old": c.old, "new": c.new}
        for c in report.changes
    ]
    data["warned"] = [
        {
            "id": exchange.unit_id(w.unit),
            "object": str(w.object),
            "label": str(w.label),
            "warnings": [x.as_dict() for x in w.warnings],
        }
        for w in report.warned
    ]
    return data


@dataclass(frozen=True)
class Change:
    object: str
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class Warned:
    object: str
    label: str
    warnings: tuple[quality.QualityWarning, ...]


@dataclass(frozen=True)
class Shown:
    """A kept report, read back for the template: counts as lists (the page counts them with
    `|length`, as it did the live report), changes and warnings."""

    language: str
    dry_run: bool
    applied: list[str]
    unchanged: list[str]
    changes: list[Change]
    warned: list[Warned]


def shown(data: dict) -> Shown:
    units = data.get("units", [])
    return Shown(
        language=data["language"],
        dry_run=data["dry_run"],
        applied=[u["id"] for u in units if u["result"] == "applied"],
        unchanged=[u["id"] for u in units if u["result"] == "unchanged"],
        changes=[Change(**change) for change in data.get("changes", [])],
        warned=[
            Warned(
                w["object"],
                w["label"],
                tuple(
                    quality.QualityWarning(x["kind"], x["message"], tuple(x["fragments"]))
                    for x in w["warnings"]
                ),
            )
            for w in data.get("warned", [])
        ],
    )
