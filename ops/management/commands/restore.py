import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ops import backup


class Command(BaseCommand):
    help = (
        "Restore an archive made by `backup` into an empty instance (a freshly migrated "
        "database, empty media), running the same code version. Every checksum is verified "
        "before anything is written; all rows load in one transaction, then the media files "
        "are written. A damaged archive or an instance in use is refused and left as it was."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="An archive written by `backup`.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Verify the archive and load it in a transaction that is rolled back; "
            "write no rows and no files.",
        )

    def handle(self, *args, archive, dry_run=False, **options):
        if not archive.is_file():
            raise CommandError(f"There is no archive {archive}.")
        try:
            with tempfile.TemporaryDirectory() as work:
                summary = backup.restore(backup.read(archive, Path(work)), dry_run=dry_run)
        except backup.BackupError as error:
            raise CommandError(f"Nothing was restored. {error}") from error
        verb = "Would restore" if dry_run else "Restored"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} {summary.total_rows} rows and {summary.files} media files "
                f"({summary.bytes} bytes) from {archive}:"
            )
        )
        for line in backup.row_lines(summary):
            self.stdout.write(line)
        for model, count in sorted(summary.dropped_permissions.items()):
            self.stdout.write(
                self.style.WARNING(
                    f"Left out {count} grants of permissions on {model}: "
                    "this database has no such model."
                )
            )
