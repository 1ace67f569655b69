import json

from django.core.management.base import BaseCommand, CommandError

import languages
from translations import status as translation_status
from translations.status import Status

# Words of the Swedish source still to translate: what an agency quotes on.
WORD_COLUMNS = {"missing_words": Status.MISSING, "outdated_words": Status.OUTDATED}


def _record(row) -> dict:
    return {
        "language": row.language.code,
        "life_event": row.life_event.slug if row.life_event else None,
        "coverage": row.coverage,
        **{status.value: row.counts[status] for status in Status},
        **{column: row.words[status] for column, status in WORD_COLUMNS.items()},
    }


class Command(BaseCommand):
    help = (
        "Per language and life event: texts missing, translated, approved and outdated, and the "
        "Swedish words of the missing and outdated ones; then one total row per language (each "
        "text counted once) for ordering from an agency."
    )

    def add_arguments(self, parser):
        parser.add_argument("--lang", default="", help="One language code; every one by default.")
        parser.add_argument("--format", choices=["table", "json"], default="table")

    def handle(self, *args, lang, format, **options):
        if lang and (languages.get(lang) is None or lang == languages.SOURCE_LANGUAGE):
            known = ", ".join(language.code for language in languages.targets())
            raise CommandError(f"Unknown target language {lang!r}; choose one of: {known}")
        codes = [lang] if lang else None
        events = translation_status.overview(codes)
        records = []
        for total in translation_status.totals(codes):  # each language's events, then its total
            records += [_record(r) for r in events if r.language.code == total.language.code]
            records.append(_record(total))
        if format == "json":
            self.stdout.write(json.dumps(records, indent=2))
            return
        for record in records:
            record["life_event"] = record["life_event"] or "(all)"
        columns = ["language", "life_event", "coverage", *Status.values, *WORD_COLUMNS]
        widths = {c: max(len(c), *(len(str(r[c])) for r in records)) for c in columns}
        self.stdout.write("  ".join(c.ljust(widths[c]) for c in columns).rstrip())
        for record in records:
            line = "  ".join(str(record[c]).ljust(widths[c]) for c in columns)
            self.stdout.write(line.rstrip())
