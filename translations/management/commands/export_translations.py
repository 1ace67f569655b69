from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from translations import exchange


class Command(BaseCommand):
    help = "Export one language's missing and outdated texts (or all) as XLIFF 1.2 or PO."

    def add_arguments(self, parser):
        parser.add_argument("--lang", required=True)
        parser.add_argument("--format", choices=["xliff", "po"], default="xliff")
        parser.add_argument("--all", action="store_true", help="Every unit, not only the work.")
        parser.add_argument("--out", required=True, type=Path)

    def handle(self, *args, lang, format, all, out, **options):
        try:
            writer = exchange.export_xliff if format == "xliff" else exchange.export_po
            data = writer(lang, everything=all)
        except exchange.ExchangeError as error:
            raise CommandError(str(error)) from error
        out.write_bytes(data)
        self.stdout.write(self.style.SUCCESS(f"Wrote {out} ({len(data):,} bytes)"))
