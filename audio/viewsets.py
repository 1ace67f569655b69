"""The recordings in the admin: each card's recordings per language, whether they wait for
approval, play, or read an older edition; an upload is approved before the public hears it."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext, pgettext_lazy
from wagtail.actions import action_registry
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.snippets.views.snippets import CreateView, EditView, IndexView, SnippetViewSet

from audio import recordings
from audio.models import AudioRecording, LanguageNameRecording
from editions.served import Served


class RecordingStatusColumn(Column):
    def get_value(self, instance):
        edition = getattr(instance, "served_edition", None)
        if not hasattr(instance, "served_edition"):
            edition = recordings.served_edition(instance.card, instance.language)
        return recordings.status_label(recordings.status(instance, edition))


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
                "The new recording of “%(card)s” waits for approval; the approved one plays "
                "until then.",
            ) % {"card": self.object.card}
        return super().get_success_message()


class AudioRecordingViewSet(SnippetViewSet):
    model = AudioRecording
    icon = "media"
    menu_label = _("Recordings")
    index_view_class = RecordingIndexView
    add_view_class = RecordingCreateView
    edit_view_class = RecordingEditView
    copy_view_enabled = False  # a copy would carry the approval of the recording it copies
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
        approved = recordings.Status.APPROVED if instance.approved else recordings.Status.WAITING
        return recordings.status_label(approved)


class NameEditView(RecordingEditView):
    """As for card recordings: a new file for an approved name is a new recording that waits."""

    def get_success_message(self):
        if self.replaced:
            return pgettext(
                "staff side",
                "The new recording of “%(name)s” waits for approval; the approved one plays "
                "until then.",
            ) % {"name": self.object}
        return super(RecordingEditView, self).get_success_message()


class LanguageNameRecordingViewSet(SnippetViewSet):
    """Each language's own name read aloud, played on the public language chooser."""

    model = LanguageNameRecording
    icon = "media"
    menu_label = pgettext_lazy("staff side", "Language names")
    add_view_class = RecordingCreateView
    edit_view_class = NameEditView
    copy_view_enabled = False  # a copy would carry the approval of the recording it copies
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
