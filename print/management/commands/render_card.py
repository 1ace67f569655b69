from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from print import content, preflight, service
from print.content import NotPrintable
from print.files import write_atomically


class Command(BaseCommand):
    help = "Render one dialogue card (by slug or code) as a PDF."

    def add_arguments(self, parser):
        parser.add_argument("card", help="The card's slug or code.")
        parser.add_argument("--lang", required=True)
        parser.add_argument("--layout", choices=service.LAYOUTS, default="card")
        parser.add_argument("--finish", choices=["office", "print-shop"], default="office")
        parser.add_argument("--out", required=True, type=Path)

    def handle(self, *args, card, lang, layout, finish, out, **options):
        try:
            data = service.piece_pdf(card, lang, layout, finish)
        except (NotPrintable, ValueError) as error:
            raise CommandError(str(error)) from error
        write_atomically(out, data)
        self.stdout.write(self.style.SUCCESS(f"Wrote {out} ({len(data):,} bytes)"))
        if layout in service.CARD_LAYOUTS:
            # What fitting did to the card (a second card, what moved to it), as preflight says.
            piece = content.card_content(content.live_card(card), lang)
            for note in preflight.fit_notes(piece):
                self.stdout.write(self.style.WARNING(note))
