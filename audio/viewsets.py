"""The recordings in the admin: each card's recordings per language, whether they wait for
approval, play, or read an older edition; an upload is approved before the public hears it."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext, pgettext_lazy
from wagtail.actions import action_registry
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.snippets.views.snippets import CreateView, EditView, IndexView, SnippetViewSet

from audio import recordings
from audio.models import AudioRecording, LanguageNameRecording, TermRecording
from editions.served import Served


class RecordingStatusColumn(Column):
    def get_value(self, instance):
        edition = getattr(instance, "served_edition", None)
        if not hasattr(instance, "served_edition"):
            edition = recordings.served_edition(instance.card, instance.language)
        return recordings.status_text(instance, edition)


class RecordingIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("card", "uploaded_by")

    def get_table(self, object_list):
        """Each row's edition in service, from one query for the page."""
        rows = list(object_list)
        served = Served({r.card for r in rows}, None)
        for row in rows:
            row.served_edition = served.edition(row.card, row.language)
        return super().get_table(rows)


class RecordingCreateView(CreateView):
    def save_instance(self):
        self.form.instance.uploaded_by = self.request.user
        return super().save_instance()


class RecordingEditView(EditView):
    """A new file for an approved recording is a new recording, waiting for approval, while the
    approved one keeps playing. A new file for one that waits replaces it there."""

    replaced = False

    def save_instance(self):
        instance = self.form.instance
        if "file" not in self.form.changed_data:
            return super().save_instance()
        instance.uploaded_by = self.request.user
        if instance.approved_at is None:
            return super().save_instance()
        instance.pk = None
        instance._state.adding = True
        instance.approved_at = instance.approved_by = None
        create = action_registry.get_action_class(self.model, "create")
        create(instance, user=self.request.user, form=self.form).execute(
            skip_permission_checks=True
        )
        self.replaced = True
        return instance

    def get_success_message(self):
        if self.replaced:
            return pgettext(
                "staff side",
                "The new recording of “%(name)s” waits for approval; the approved one plays "
                "until then.",
            ) % {"name": self.object}
        return super().get_success_message()


class RecordingViewSet(SnippetViewSet):
    """What every kind of recording shares in the admin: the uploader is kept (four eyes), a
    new file for an approved one waits beside it, and its approval is one page for all kinds
    (audio.kinds, the listing's "Listen and approve")."""

    icon = "media"
    add_view_class = RecordingCreateView
    edit_view_class = RecordingEditView
    copy_view_enabled = False  # a copy would carry the approval of the recording it copies
    list_filter = ["synthetic"]


class AudioRecordingViewSet(RecordingViewSet):
    model = AudioRecording
    menu_label = _("Recordings")
    index_view_class = RecordingIndexView
    list_display = [
        "card",
        "language",
        "duration",
        "synthetic",
        DateColumn("created_at", label=pgettext_lazy("staff side", "Uploaded")),
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


class NameStatusColumn(Column):
    def get_value(self, instance):
        return recordings.name_status(instance)


class LanguageNameRecordingViewSet(RecordingViewSet):
    """Each language's own name read aloud, played on the public language chooser."""

    model = LanguageNameRecording
    menu_label = pgettext_lazy("staff side", "Language names")
    list_display = [
        "language",
        "recorded_by",
        "synthetic",
        DateColumn("created_at", label=pgettext_lazy("staff side", "Uploaded")),
        NameStatusColumn("status", label=_("Status")),
    ]
    list_filter = ["language", "synthetic"]
    panels = [
        FieldPanel("language"),
        FieldPanel("file"),
        FieldPanel("recorded_by"),
        FieldPanel("synthetic"),
    ]


class TermRecordingViewSet(RecordingViewSet):
    """Each termbase word said slowly in Swedish, for "Words you will hear"."""

    model = TermRecording
    menu_label = pgettext_lazy("staff side", "Terms read aloud")
    list_display = [
        "term",
        "recorded_by",
        "synthetic",
        DateColumn("created_at", label=pgettext_lazy("staff side", "Uploaded")),
        NameStatusColumn("status", label=_("Status")),
    ]
    panels = [
        FieldPanel("term"),
        FieldPanel("file"),
        FieldPanel("recorded_by"),
        FieldPanel("synthetic"),
    ]
