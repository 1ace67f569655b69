import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from followup import export as indicator_export
from followup import indicators


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"Not a date (YYYY-MM-DD): {value!r}") from error


class Command(BaseCommand):
    help = "Print the follow-up counts for a period, as CSV or JSON."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="start", required=True, help="YYYY-MM-DD")
        parser.add_argument("--to", dest="end", required=True, help="YYYY-MM-DD (inclusive)")
        parser.add_argument("--format", choices=["csv", "json"], default="csv")

    def handle(self, *args, start, end, format, **options):
        filters = indicators.Filters(start=_date(start), end=_date(end))
        if filters.start > filters.end:
            raise CommandError("--from must not be after --to")
        if format == "csv":
            self.stdout.write(indicator_export.as_csv(filters), ending="")
            return
        payload = {
            "from": filters.start.isoformat(),
            "to": filters.end.isoformat(),
            "rows": indicators.table(filters),
            "total": indicators.total(filters),
            "per_year": indicators.per_year(filters),
        }
        self.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False))
