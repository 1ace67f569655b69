from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from terms import exchange, tbx


class Command(BaseCommand):
    help = (
        "Import a TBX file into the termbase, all or nothing. Changed terms wait for their "
        "owning agency's approval again."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and report, write nothing."
        )

    def handle(self, *args, file, dry_run, **options):
        try:
            entries = tbx.read(file.read_bytes())
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error}") from error
        except tbx.TbxError as error:
            raise CommandError(f"{file} was not imported; nothing was written.\n{error}") from error
        with transaction.atomic():
            counts = exchange.apply(entries)
            if dry_run:
                transaction.set_rollback(True)
        verb = "Would import" if dry_run else "Imported"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} {len(entries)} terms: {counts['created']} new, {counts['updated']} "
                f"changed, {counts['unchanged']} unchanged."
            )
        )
