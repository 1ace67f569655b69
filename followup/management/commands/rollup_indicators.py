from django.core.management.base import BaseCommand
from django.db import transaction

from followup import indicators


class Command(BaseCommand):
    help = "Fold daily follow-up counters older than the retention into monthly rows."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Report, change nothing.")

    def handle(self, *args, dry_run=False, **options):
        with transaction.atomic():
            folded = indicators.roll_up()
            if dry_run:
                transaction.set_rollback(True)
        verb = "Would fold" if dry_run else "Folded"
        self.stdout.write(self.style.SUCCESS(f"{verb} {folded} daily rows into monthly rows."))
