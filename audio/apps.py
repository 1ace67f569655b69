from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AudioConfig(AppConfig):
    name = "audio"
    verbose_name = _("Recordings")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from audio import tasks
        from audio.models import AudioRecording, LanguageNameRecording, TermRecording
        from dialogue import content_version

        # The QR and life-event pages play recordings; the choosers play languages' names.
        content_version.watch(AudioRecording, LanguageNameRecording, TermRecording)
        # A new file is inspected by a background task before anyone may approve it.
        tasks.connect(AudioRecording, LanguageNameRecording, TermRecording)
