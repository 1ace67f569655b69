"""The kinds of recording as the admin hears and approves them: a card read aloud, a language's
own name, a termbase word said slowly in Swedish. One listen view, one approval page and one
listing button serve them all (audio.views, audio.wagtail_hooks); each kind says what the page
shows beside the recording and what its approval means for the public."""

from __future__ import annotations

from django.contrib import messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext, pgettext_lazy

import languages
from audio import recordings as audio
from audio import term_words
from audio.models import AudioRecording, LanguageNameRecording, Recording, TermRecording


def _swedish_name(code: str) -> str:
    language = languages.get(code)
    return language.swedish_name if language is not None else code


class Kind:
    model: type[Recording]
    key: str  # in URL names: <key>_listen, <key>_approve
    prefix: str  # the admin URLs: /admin/<prefix>/<pk>/listen/ and …/approve/
    hint: str = ""  # what to listen for, above the button

    @property
    def listen_url(self) -> str:
        return f"{self.key}_listen"

    @property
    def approve_url(self) -> str:
        return f"{self.key}_approve"

    @property
    def listing(self) -> str:
        return f"wagtailsnippets_audio_{self.model._meta.model_name}:list"

    def queryset(self):
        return self.model.objects.select_related("uploaded_by")

    def page(self, recording) -> dict:
        """What the approval page shows beside the recording: `subject` (the heading),
        optionally `subject_label` and `subject_text` (a row in Swedish), `language` (a row),
        `status`, and `text` under `text_heading`, in `text_language` (else `language`)."""
        raise NotImplementedError

    def approved(self, request, recording) -> None:
        """Tell the approver what the public hears now."""
        raise NotImplementedError


class CardKind(Kind):
    model = AudioRecording
    key = "recording"
    prefix = "recordings"
    hint = pgettext_lazy(
        "staff side",
        "Listen to the whole recording with the card's text beside it. Once approved, the "
        "public hears it on the card's QR page.",
    )

    def queryset(self):
        return super().queryset().select_related("card")

    def page(self, recording) -> dict:
        edition = audio.served_edition(recording.card, recording.language)
        return {
            "subject": recording.card,
            "subject_label": _("Dialogue card"),
            "subject_text": recording.card.title_sv,
            "language": languages.get(recording.language),
            "status": audio.status_label(audio.status(recording, edition)),
            "text_heading": pgettext("staff side", "The text the public reads"),
            "text": audio.edition_text(edition.texts) if edition is not None else "",
        }

    def approved(self, request, recording) -> None:
        names = {"card": recording.card, "language": _swedish_name(recording.language)}
        if audio.is_playable(recording):
            messages.success(
                request,
                pgettext(
                    "staff side",
                    "The recording of “%(card)s” in %(language)s is approved: the public hears "
                    "it now.",
                )
                % names,
            )
        else:
            messages.warning(
                request,
                pgettext(
                    "staff side",
                    "The recording of “%(card)s” in %(language)s is approved, but it reads an "
                    "older edition: the public does not hear it.",
                )
                % names,
            )


class LanguageNameKind(Kind):
    model = LanguageNameRecording
    key = "language_name"
    prefix = "language-names"
    hint = pgettext_lazy(
        "staff side",
        "Listen: the recording should say the language's name as its speakers say it. Once "
        "approved, the language chooser plays it.",
    )

    def page(self, recording) -> dict:
        return {
            "subject": _swedish_name(recording.language),
            "language": languages.get(recording.language),
        }

    def approved(self, request, recording) -> None:
        messages.success(
            request,
            pgettext(
                "staff side",
                "The name of %(language)s is approved: the language chooser plays it now.",
            )
            % {"language": _swedish_name(recording.language)},
        )


class TermKind(Kind):
    model = TermRecording
    key = "term_recording"
    prefix = "term-recordings"
    hint = pgettext_lazy(
        "staff side",
        "Listen: the recording should say the word slowly and clearly, as staff say it. Once "
        "approved, “Words you will hear” plays it under every card that uses the word.",
    )

    def queryset(self):
        return super().queryset().select_related("term")

    def page(self, recording) -> dict:
        return {
            "subject": recording.term.term,
            "subject_label": pgettext("staff side", "Term"),
            "subject_text": recording.term.term,
            "text_heading": pgettext("staff side", "The plain explanation"),
            "text": recording.term.explanation,
            "text_language": languages.source(),
        }

    def approved(self, request, recording) -> None:
        names = {"term": recording.term.term}
        if term_words.heard().get(recording.term_id) == recording:
            messages.success(
                request,
                pgettext(
                    "staff side",
                    "The recording of “%(term)s” is approved: “Words you will hear” plays it now.",
                )
                % names,
            )
        else:
            messages.warning(
                request,
                pgettext(
                    "staff side",
                    "The recording of “%(term)s” is approved, but a person's recording of the "
                    "word plays before it.",
                )
                % names,
            )


KINDS: dict[str, Kind] = {kind.key: kind for kind in (CardKind(), LanguageNameKind(), TermKind())}
BY_MODEL: dict[type, Kind] = {kind.model: kind for kind in KINDS.values()}
