import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from translations import exchange


class Command(BaseCommand):
    help = (
        "Import an XLIFF or PO file from a translation agency: all of it, or nothing. "
        "Quality warnings (numbers, phone numbers, addresses …) are listed per unit."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--lang", default="", help="Refuse a file for another language.")
        parser.add_argument("--dry-run", action="store_true", help="Report, write nothing.")
        parser.add_argument(
            "--as",
            dest="username",
            default="",
            help="Import as this translator (checks languages).",
        )
        parser.add_argument(
            "--format",
            dest="output",
            choices=("text", "json"),
            default="text",
            help="json: the report with each unit's warnings, each with a stable `kind`.",
        )

    def handle(self, *args, file, lang, dry_run, username, output, **options):
        user = None
        if username:
            user = get_user_model().objects.filter(username=username).first()
            if user is None:
                raise CommandError(f"No user {username!r}")
        fmt = "po" if file.suffix.lower() == ".po" else "xliff"
        try:
            report = exchange.import_file(file.read_bytes(), fmt, lang, dry_run=dry_run, user=user)
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error}") from error
        except exchange.ExchangeError as error:
            raise CommandError(f"Nothing was imported.\n{error}") from error
        if output == "json":
            self.stdout.write(json.dumps(report.as_dict(dry_run), ensure_ascii=False, indent=2))
            return
        prefix = "Would import" if dry_run else "Imported"
        self.stdout.write(self.style.SUCCESS(f"{prefix} {file}:"))
        for line in report.lines():
            self.stdout.write(line)
