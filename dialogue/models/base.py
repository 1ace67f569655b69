"""What every edited piece of content shares: Wagtail's editorial mixins and translated text."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)

import languages
from dialogue import preview_modes, previews, text_rules


class TranslatedTextMixin:
    """Read translated fields by language code, without modeltranslation's active-language magic.

    A missing translation reads as "" and never falls back to Swedish silently:
    the caller decides what the visitor is told.
    """

    translated_fields: tuple[str, ...] = ()
    # The fields that must all be filled for the object to count as translated.
    required_translated_fields: tuple[str, ...] = ()

    def text(self, field: str, lang: str) -> str:
        language = languages.get(lang)
        if language is None or field not in self.translated_fields:
            raise ValueError(f"No translated field {field!r} in language {lang!r}")
        return getattr(self, f"{field}_{language.field_suffix}") or ""

    def source_text(self, field: str) -> str:
        return self.text(field, languages.SOURCE_LANGUAGE)

    def own_parts(self) -> list:
        """The object and the small parts edited with it (a message's links)."""
        return [self]

    def translation_parts(self) -> list:
        """Every object whose text belongs to this one: a card carries its key messages."""
        return self.own_parts()

    def owning_agencies(self) -> set:
        """The agencies that must approve a change (none for agencies and audiences)."""
        return set()

    def has_own_translation(self, lang: str) -> bool:
        fields = self.required_translated_fields or self.translated_fields
        return all(self.text(field, lang).strip() for field in fields)

    def has_translation(self, lang: str) -> bool:
        """Translated: every required text of the object and what it carries is there, approved
        or not. Whether the public may use it is asked of translations.approved."""
        return all(part.has_own_translation(lang) for part in self.translation_parts())

    def clean(self):
        super().clean()
        text_rules.check(self)


class ContentQuerySet(models.QuerySet):
    """Content the public may read: `live()` is published; `public()` is live and in use
    (cards add "not retired")."""

    def live(self):
        return self.filter(live=True)

    def public(self):
        return self.live()


class ChangeKind(models.TextChoices):
    """What a Swedish change means for the translations, chosen by the editor with each change
    and applied when it is published (editions): approvers see it before they approve."""

    RETRANSLATE = (
        "retranslate",
        _(
            "New meaning: each language keeps its previous approved version until its new "
            "translation is approved"
        ),
    )
    MINOR = "minor", _("Minor edit: a typo or punctuation; the translations stay current")
    WITHDRAW = (
        "withdraw",
        _(
            "Withdraws older translations: the old text is now wrong (a rule or an amount "
            "changed); they are no longer shown or printed"
        ),
    )


class EditorialModel(
    TranslatedTextMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    ClusterableModel,
):
    """Drafts, revisions, locking, workflows and previews, so joint approval ([W]) needs no rewrite.

    Public pages, QR pages and print read only live objects; the database row holds the
    live version once an object has been published, drafts live in revisions.
    """

    _revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="%(app_label)s_%(class)s",
        for_concrete_model=False,
    )
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="%(app_label)s_%(class)s",
        for_concrete_model=False,
    )
    change_kind = models.CharField(
        _("what the change means for translations"),
        max_length=12,
        choices=ChangeKind.choices,
        default=ChangeKind.RETRANSLATE,
    )

    class Meta:
        abstract = True

    @property
    def revisions(self):
        return self._revisions

    def get_preview_template(self, request, mode_name):
        return "dialogue/preview.html"

    def get_preview_context(self, request, mode_name):
        language = languages.get(mode_name) or languages.source()
        context = super().get_preview_context(request, mode_name)
        context.update(language=language, source_language=languages.source())
        context.update(missing=not self.has_translation(language.code))
        context.update(self.preview_context(language))
        return context

    def preview_context(self, language) -> dict:
        """What this kind of content shows in its preview (dialogue/preview.html)."""
        return {}

    def serve_preview(self, request, mode_name):
        response = self._preview_response(request, mode_name)
        # Wagtail renders previews through the public middleware with a dummy request for "/",
        # so the public policy would forbid the admin to frame them and drop their styles.
        response._csp_replace = previews.ADMIN_FRAMED_POLICY
        return response

    def _preview_response(self, request, mode_name):
        registered = preview_modes.find(self, mode_name)
        if registered is not None:
            mode, code = registered
            return mode.serve(request, self, code)
        # The page's own strings in the previewed language, as the visitor will see them.
        language = languages.get(mode_name) or languages.source()
        with translation.override(language.code):
            response = super().serve_preview(request, mode_name)
            if hasattr(response, "render"):
                response.render()
        return response

    @property
    def preview_modes(self):
        # One preview per language: editors see how the visitor will read it.
        pages = [(language.code, language.own_name) for language in languages.enabled()]
        return pages + preview_modes.modes_for(self)

    @property
    def default_preview_mode(self):
        return languages.SOURCE_LANGUAGE


class Slugged(models.Model):
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        allow_unicode=False,
        help_text="a-z, 0-9 och bindestreck; syns i adressen.",
    )

    class Meta:
        abstract = True
