from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ops import backup


class Command(BaseCommand):
    help = (
        "Write the database and every media file into one archive (.tar.gz) that `restore` "
        "loads into an empty instance, on SQLite or PostgreSQL. Left out: the print cache "
        "(print-cache/, rebuilt on demand), sessions, content types and permissions (made by "
        "migrate) and the search and reference indexes (rebuilt by the restore)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--out", type=Path, required=True, help="The archive to write; never overwritten."
        )

    def handle(self, *args, out, **options):
        try:
            summary = backup.write(out)
        except backup.BackupError as error:
            raise CommandError(f"No backup was written. {error}") from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up {summary.total_rows} rows and {summary.files} media files "
                f"({summary.bytes} bytes) to {out}."
            )
        )
        if options["verbosity"] > 1:
            for line in backup.row_lines(summary):
                self.stdout.write(line)
