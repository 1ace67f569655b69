"""Run daily (cron): tell translators and reviewers what has come to wait in their languages.

Each person's digest is a background task (notifications.tasks.send_digest): with the immediate
backend it goes at once, with TASKS_BACKEND=database a worker sends it. Run twice on a day, the
second run mails nobody who had that day's digest."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django_tasks import TaskResultStatus

from notifications import digests, recipients, tasks


class Command(BaseCommand):
    help = "Mail each translator and reviewer the work that is new in her languages."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Report who would get what; send nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        if dry_run:
            return self.dry_run()
        day = timezone.localdate().isoformat()
        sent, queued, failed = 0, 0, []
        for reader in recipients.digest_readers():
            email = reader.user.email
            result = tasks.enqueue_digest(reader.user.pk, day)
            if result.status == TaskResultStatus.SUCCESSFUL:  # immediate: done already
                if result.return_value.startswith("sent: "):
                    sent += 1
                    about = result.return_value.removeprefix("sent: ")
                    self.stdout.write(f"Skickat till {email}: {about}")
            elif result.status == TaskResultStatus.FAILED:
                failed.append(f"{email}: {result.errors[-1].traceback.strip().splitlines()[-1]}")
            else:
                queued += 1
        if queued:
            self.stdout.write(self.style.SUCCESS(f"Köade {queued} sammanfattningar."))
        else:
            self.stdout.write(self.style.SUCCESS(f"Skickade {sent} sammanfattningar."))
        if failed:
            raise CommandError("Kunde inte skicka: " + "; ".join(failed))

    def dry_run(self):
        would = 0
        for digest in digests.collect():
            if digest.sections:
                would += 1
                self.stdout.write(
                    f"Skulle skicka till {digest.user.email}: {digests.summary(digest)}"
                )
        self.stdout.write(self.style.SUCCESS(f"Skulle skicka {would} sammanfattningar."))
