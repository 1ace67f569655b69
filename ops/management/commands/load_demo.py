from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from cms import roles
from ops.demo import audio as demo_audio
from ops.demo import loader
from ops.demo import terms as demo_terms
from print.models import Office, StaffProfile

# Printed by the command on purpose: demo users exist only where DEBUG is on.
DEMO_OFFICE = "Servicekontoret Hammarkullen"
DEMO_USERS = (
    # username, password, superuser, group
    ("admin", "jobba-admin-demo", True, None),
    ("administrator", "jobba-administrator-demo", False, roles.ADMINISTRATORS),
    ("redaktor", "jobba-redaktor-demo", False, roles.EDITORS),
    ("godkannare-af", "jobba-godkannare-demo", False, roles.APPROVERS_PREFIX + "AF"),
    ("godkannare-fk", "jobba-godkannare-demo", False, roles.APPROVERS_PREFIX + "FK"),
    ("godkannare-mv", "jobba-godkannare-demo", False, roles.APPROVERS_PREFIX + "MV"),
    ("oversattare-ti", "jobba-oversattare-demo", False, "Översättare tigrinska"),
    ("granskare-ti", "jobba-granskare-demo", False, "Språkgranskare tigrinska"),
    ("servicekontor", "jobba-servicekontor-demo", False, roles.SERVICE_OFFICE),
    ("uppfoljning", "jobba-uppfoljning-demo", False, roles.FOLLOW_UP),
)


class Command(BaseCommand):
    help = "Load the demo content (idempotent) and, when DEBUG is on, one demo user per role."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change, write nothing."
        )
        parser.add_argument(
            "--skip-audio", action="store_true", help="Do not make computer-voice recordings."
        )

    def handle(self, *args, dry_run=False, skip_audio=False, **options):
        try:
            with transaction.atomic():
                report = loader.load()
                demo_terms.load(report)
                users = self._users() if settings.DEBUG else []
                recordings = names = words = None
                if not skip_audio and not dry_run and demo_audio.available():
                    recordings = demo_audio.make_recordings()
                    names = demo_audio.make_language_names()
                    words = demo_audio.make_term_words()
                if dry_run:
                    transaction.set_rollback(True)
        except loader.DemoDataError as error:
            raise CommandError(str(error)) from error

        prefix = "Would load" if dry_run else "Loaded"
        self.stdout.write(self.style.SUCCESS(f"{prefix} the demo content:"))
        for line in report.lines():
            self.stdout.write(f"  {line}")
        if recordings is not None:
            self.stdout.write(
                "  recordings (computer voice): {created} created, {updated} updated, "
                "{unchanged} unchanged".format(**recordings)
            )
            self.stdout.write(
                "  language names (computer voice): {created} created, "
                "{unchanged} unchanged".format(**names)
            )
            self.stdout.write(
                "  words you will hear (computer voice, slow): {created} created, "
                "{unchanged} unchanged".format(**words)
            )
        elif not skip_audio and not dry_run:
            self.stdout.write(
                self.style.WARNING("No demo recordings: espeak-ng and lame are not installed.")
            )
        if not settings.DEBUG:
            self.stdout.write(
                self.style.WARNING("Demo users not created: DEBUG is off (never on a real site).")
            )
        for username, password, created in users:
            state = "created" if created else "exists"
            self.stdout.write(f"  user {username!r} / password {password!r} ({state})")

    def _users(self):
        User = get_user_model()
        roles.sync_roles()
        roles.language_group("Översättare tigrinska", ["ti"])
        roles.language_group("Språkgranskare tigrinska", ["ti"], reviewer=True)
        office, _created = Office.objects.get_or_create(name=DEMO_OFFICE)
        result = []
        for username, password, superuser, group_name in DEMO_USERS:
            user = User.objects.filter(username=username).first()
            created = user is None
            if created:
                user = User(username=username, is_staff=superuser, is_superuser=superuser)
                user.set_password(password)
                user.save()
            if not user.email:
                # An example address per role, so `make run` prints its mail to the console.
                user.email = f"{username}@example.se"
                user.save(update_fields=["email"])
            if group_name:
                user.groups.add(Group.objects.get(name=group_name))
            if group_name == roles.SERVICE_OFFICE:
                StaffProfile.objects.get_or_create(user=user, defaults={"office": office})
            result.append((username, password, created))
        return result
