from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from print import service
from print.content import NotPrintable
from print.files import write_atomically


class Command(BaseCommand):
    help = "Render the 'Listen in your language' poster for one life event or the whole tool."

    def add_arguments(self, parser):
        parser.add_argument("--event", help="A life event's slug; the whole tool when left out.")
        parser.add_argument("--size", choices=["A4", "A3"], default="A4")
        parser.add_argument("--finish", choices=["office", "print-shop"], default="office")
        parser.add_argument("--out", required=True, type=Path)

    def handle(self, *args, event, size, finish, out, **options):
        try:
            data = service.poster_pdf(event, size, finish)
        except (NotPrintable, ValueError) as error:
            raise CommandError(str(error)) from error
        write_atomically(out, data)
        self.stdout.write(self.style.SUCCESS(f"Wrote {out} ({len(data):,} bytes)"))
