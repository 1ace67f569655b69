"""`check --deploy`: a site whose mail is printed leaves every agency waiting without a word."""

from django.conf import settings
from django.core import checks

PRINTED = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
}


@checks.register("mail", deploy=True)
def mail_is_sent(app_configs, **kwargs):
    if not settings.EMAIL_URL or settings.EMAIL_BACKEND in PRINTED:
        return [
            checks.Error(
                "Mail is not sent: EMAIL_URL is unset or console:, so approvers, editors and "
                "translators never hear that it is their turn.",
                hint="Set EMAIL_URL, e.g. smtp+tls://user:password@mail.example.se:587.",
                id="notifications.E001",
            )
        ]
    if settings.EMAIL_BACKEND.endswith("filebased.EmailBackend"):
        return [
            checks.Warning(
                "Mail is written to files (EMAIL_URL=file:…), not sent.",
                hint="Use smtp://, smtp+tls:// or smtps:// on a public site.",
                id="notifications.W001",
            )
        ]
    return []
