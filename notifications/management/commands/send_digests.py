"""Run daily (cron): tell translators and reviewers what has come to wait in their languages."""

from smtplib import SMTPException

from django.core.management.base import BaseCommand, CommandError

from notifications import digests


class Command(BaseCommand):
    help = "Mail each translator and reviewer the work that is new in her languages."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Report who would get what; send nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        sent, failed = 0, []
        for digest in digests.collect():
            if not digest.sections:
                if not dry_run:
                    digests.remember(digest, sent=False)  # work done drops out of the markers
                continue
            about = ", ".join(
                f"{s.language.code} {'att granska' if s.review else 'att översätta'}: "
                f"{len(s.new)} nya"
                for s in digest.sections
            )
            if dry_run:
                sent += 1
                self.stdout.write(f"Skulle skicka till {digest.user.email}: {about}")
                continue
            # One transaction per person, not one for the run: a mail that fails must not
            # undo the markers of those who already got theirs (they would get it twice).
            try:
                digests.deliver(digest)
            except (SMTPException, OSError) as error:
                failed.append(f"{digest.user.email}: {error}")
                continue
            sent += 1
            self.stdout.write(f"Skickat till {digest.user.email}: {about}")
        verb = "Skulle skicka" if dry_run else "Skickade"
        self.stdout.write(self.style.SUCCESS(f"{verb} {sent} sammanfattningar."))
        if failed:
            raise CommandError("Kunde inte skicka: " + "; ".join(failed))
