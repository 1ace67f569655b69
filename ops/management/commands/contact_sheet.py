from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

import languages
from ops import contact_sheet
from print import content, service
from print.content import NotPrintable
from print.files import write_atomically


class Command(BaseCommand):
    help = (
        "Render a life event's cards, leaflet and poster in every language (or those named) "
        "and write one PNG per language to look at. Fails if a language cannot print."
    )

    def add_arguments(self, parser):
        parser.add_argument("--out", required=True, type=Path, help="The folder for the PNGs.")
        parser.add_argument(
            "--lang", default="", help="Comma-separated codes; every enabled language if none."
        )
        parser.add_argument("--event", default="folkbokforing", help="A life event's slug.")
        parser.add_argument("--dpi", type=int, default=100, help="Resolution of the pages.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="List what would be rendered and what would be refused; draw nothing.",
        )

    def handle(self, *args, out, lang, event, dpi, dry_run, **options):
        codes = self._codes(lang)
        try:
            life_event = content.live_event(event)
        except NotPrintable as error:
            raise CommandError(str(error)) from error
        cards = contact_sheet.event_cards(life_event)
        loaded = content.EventsLoaded([life_event])
        slugs = ", ".join(card.slug for card in cards) or "none"
        self.stdout.write(
            f"{'Would render' if dry_run else 'Rendering'} {life_event.slug}: card ({slugs}), "
            f"leaflet, poster; {len(codes)} languages into {out}"
        )

        failed = []
        for code in codes:
            name = f"{code:<6} {languages.get(code).english_name}"
            target = out / f"{code}.png"
            try:
                if dry_run:
                    contact_sheet.check(life_event, cards, code, loaded)
                else:
                    pieces = contact_sheet.pieces(life_event, cards, code, loaded)
            except NotPrintable as error:
                failed.append(code)
                self.stdout.write(self.style.ERROR(f"  {name}: cannot print: {error}"))
                continue
            if dry_run:
                self.stdout.write(f"  {name}: would write {target}")
                continue
            heading = f"{life_event.slug} · {code} · {languages.get(code).english_name}"
            png, counts = contact_sheet.sheet(heading, pieces, dpi)
            write_atomically(target, png)
            pages = ", ".join(f"{piece} {n}p" for piece, n in counts.items())
            self.stdout.write(f"  {name}: {pages} → {target}")

        printed = [code for code in codes if code not in failed]
        if len(printed) > 1 and not dry_run:
            self._poster(life_event, printed, out / "poster.png", dpi)
        if failed:
            raise CommandError(
                f"{len(failed)} of {len(codes)} languages cannot print {life_event.slug}: "
                + ", ".join(failed)
            )
        done = "would print" if dry_run else "printed"
        self.stdout.write(
            self.style.SUCCESS(f"All {len(codes)} languages {done} {life_event.slug}.")
        )

    def _poster(self, life_event, codes, target, dpi):
        """The poster as it is put up: every language of the sheets on one page."""
        poster = contact_sheet.Piece("poster", service.poster_pdf(life_event.slug, codes=codes))
        png, _counts = contact_sheet.sheet(f"{life_event.slug} · poster", [poster], dpi)
        write_atomically(target, png)
        self.stdout.write(f"  poster with {len(codes)} languages → {target}")

    def _codes(self, lang: str) -> list[str]:
        if not lang:
            return list(languages.codes())
        codes = [code.strip() for code in lang.split(",") if code.strip()]
        unknown = [code for code in codes if languages.get(code) is None]
        if unknown:
            raise CommandError(
                f"Unknown language codes: {', '.join(unknown)}. "
                f"Use some of: {', '.join(languages.codes())}"
            )
        return codes
