from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

import languages
from terms import tbx, termbase
from terms.models import Term


class Command(BaseCommand):
    help = "Export the termbase as TBX (approved terms; --all for every term)."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["tbx"], default="tbx")
        parser.add_argument("--out", type=Path, help="The file to write.")
        parser.add_argument(
            "--lang", action="append", default=[], help="Only this target language (repeatable)."
        )
        parser.add_argument("--all", action="store_true", help="Also terms not (yet) approved.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be exported, write nothing."
        )

    def handle(self, *args, format, out, lang, all, dry_run, **options):
        unknown = [code for code in lang if languages.get(code) is None]
        if unknown:
            raise CommandError(f"Unknown language: {', '.join(unknown)}")
        if out is None and not dry_run:
            raise CommandError("Give --out FILE (or --dry-run).")
        terms = (
            list(Term.objects.select_related("agency").prefetch_related("translations"))
            if all
            else termbase.approved()
        )
        if dry_run:
            self.stdout.write(f"Would export {len(terms)} terms.")
            return
        out.write_bytes(tbx.write(terms, lang or None))
        self.stdout.write(self.style.SUCCESS(f"Exported {len(terms)} terms to {out}."))
