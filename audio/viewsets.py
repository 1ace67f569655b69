"""The recordings in the admin: each card's recordings per language and whether they are current."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import SnippetViewSet

from audio.models import AudioRecording


class RecordingStatusColumn(Column):
    def get_value(self, instance):
        return _("Outdated: record again") if instance.is_outdated else _("Current")


class AudioRecordingViewSet(SnippetViewSet):
    model = AudioRecording
    icon = "media"
    menu_label = _("Recordings")
    list_display = [
        "card",
        "language",
        "duration",
        "synthetic",
        RecordingStatusColumn("status", label=_("Status")),
    ]
    list_filter = ["language", "synthetic"]
    panels = [
        FieldPanel("card"),
        FieldPanel("language"),
        FieldPanel("file"),
        FieldPanel("recorded_by"),
        FieldPanel("synthetic"),
    ]
