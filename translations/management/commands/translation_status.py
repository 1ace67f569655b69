import json

from django.core.management.base import BaseCommand, CommandError

import languages
from translations import status as translation_status
from translations.status import Status


class Command(BaseCommand):
    help = "Per language and life event: texts missing, translated, approved and outdated."

    def add_arguments(self, parser):
        parser.add_argument("--lang", default="", help="One language code; every one by default.")
        parser.add_argument("--format", choices=["table", "json"], default="table")

    def handle(self, *args, lang, format, **options):
        if lang and (languages.get(lang) is None or lang == languages.SOURCE_LANGUAGE):
            known = ", ".join(language.code for language in languages.targets())
            raise CommandError(f"Unknown target language {lang!r}; choose one of: {known}")
        rows = translation_status.overview([lang] if lang else None)
        records = [
            {
                "language": row.language.code,
                "life_event": row.life_event.slug,
                "coverage": row.coverage,
                **{status.value: row.counts[status] for status in Status},
            }
            for row in rows
        ]
        if format == "json":
            self.stdout.write(json.dumps(records, indent=2))
            return
        columns = ["language", "life_event", "coverage", *Status.values]
        widths = {c: max(len(c), *(len(str(r[c])) for r in records)) for c in columns}
        self.stdout.write("  ".join(c.ljust(widths[c]) for c in columns).rstrip())
        for record in records:
            line = "  ".join(str(record[c]).ljust(widths[c]) for c in columns)
            self.stdout.write(line.rstrip())
