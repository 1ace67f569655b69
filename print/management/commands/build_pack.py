from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from print import packs
from print.content import NotPrintable
from print.files import write_atomically


class Command(BaseCommand):
    help = "Build an audience pack: a ZIP with cards, leaflets, poster, README.txt, manifest.json."

    def add_arguments(self, parser):
        parser.add_argument("audience", help="The audience's slug.")
        parser.add_argument("--lang", required=True, help="Comma-separated codes, e.g. ar,so,ti")
        parser.add_argument("--finish", choices=["office", "print-shop"], default="office")
        parser.add_argument("--out", required=True, type=Path)

    def handle(self, *args, audience, lang, finish, out, **options):
        try:
            data = packs.pack_zip(audience, packs.parse_languages(lang), finish)
        except (NotPrintable, ValueError) as error:
            raise CommandError(str(error)) from error
        write_atomically(out, data)
        self.stdout.write(self.style.SUCCESS(f"Wrote {out} ({len(data):,} bytes)"))
