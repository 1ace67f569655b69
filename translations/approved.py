"""Which translations the public site, the QR pages, print and audio may use.

Three words, three meanings, everywhere in the code:
- translated: the text is there (`obj.has_translation`, the admin's "Translated" column);
- approved, or usable: a reviewer approved it (or, while a language is rolled out with
  TRANSLATIONS_SHOW_UNREVIEWED, it was made): `Approved.usable`, what the public may read;
- current: made from the Swedish text as it is now (not `Approved.outdated`). An approved
  translation that is not current is still shown on screen, with a notice; print refuses it.
Everything asks this module, which asks translations.status, so there is one answer."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType

import languages
from translations.models import TranslationState
from translations.status import Status, status_from


class Approved:
    """Answers for many objects and languages from one query per content type.

    Objects not named up front are loaded when first asked about, so a missing preload costs
    queries, never a wrong answer.
    """

    def __init__(self, objects=()):
        self._states: dict[tuple, TranslationState] = {}
        self._loaded: set[tuple[int, int]] = set()
        self.preload(objects)

    def preload(self, objects) -> Approved:
        wanted: dict[int, set[int]] = {}
        for obj in objects:
            for part in obj.translation_parts():
                key = self._key(part)
                if key not in self._loaded:
                    wanted.setdefault(key[0], set()).add(key[1])
        for type_id, ids in wanted.items():
            states = TranslationState.objects.filter(content_type_id=type_id, object_id__in=ids)
            for state in states:
                self._states[(type_id, state.object_id, state.field, state.language)] = state
            self._loaded.update((type_id, pk) for pk in ids)
        return self

    @staticmethod
    def _key(obj) -> tuple[int, int]:
        return ContentType.objects.get_for_model(obj).pk, obj.pk

    def _state(self, obj, field: str, lang: str) -> TranslationState | None:
        key = self._key(obj)
        if key not in self._loaded:
            self.preload([obj])
        return self._states.get((*key, field, lang))

    def status(self, obj, field: str, lang: str) -> Status:
        return status_from(obj, field, lang, self._state(obj, field, lang))

    def _text_usable(self, obj, field: str, lang: str) -> bool:
        if lang == languages.SOURCE_LANGUAGE:
            return True
        if not obj.text(field, lang).strip():
            return False
        if settings.TRANSLATIONS_SHOW_UNREVIEWED:
            return True
        state = self._state(obj, field, lang)
        return state is not None and state.status == TranslationState.Stored.APPROVED

    def text(self, obj, field: str, lang: str) -> str:
        """The text to show or print, or "" when this language may not use it yet."""
        return obj.text(field, lang) if self._text_usable(obj, field, lang) else ""

    def made_from(self, obj, field: str, lang: str) -> str:
        """The Swedish the usable translation was made from: the text as it is now, or, for an
        outdated one, the older text its state keeps."""
        state = self._state(obj, field, lang)
        if self.status(obj, field, lang) == Status.OUTDATED and state.source_text.strip():
            return state.source_text
        return obj.source_text(field)

    def usable(self, obj, lang: str) -> bool:
        """Every required text of the object and what it carries may be used in the language."""
        for part in obj.translation_parts():
            fields = part.required_translated_fields or part.translated_fields
            for field in fields:
                if part.source_text(field).strip() and not self._text_usable(part, field, lang):
                    return False
        return True

    def outdated(self, obj, lang: str) -> bool:
        """Some text of the object in use was made from an older Swedish text."""
        if lang == languages.SOURCE_LANGUAGE:
            return False
        return any(
            self._text_usable(part, field, lang)
            and self.status(part, field, lang) == Status.OUTDATED
            for part in obj.translation_parts()
            for field in part.translated_fields
        )

    def languages_of(self, obj) -> list[languages.Language]:
        """The enabled languages the object can be read in."""
        return [lang for lang in languages.enabled() if self.usable(obj, lang.code)]


class Drafts(Approved):
    """Every translation as written, approved or not: what a reviewer previews before approving."""

    def _text_usable(self, obj, field: str, lang: str) -> bool:
        return lang == languages.SOURCE_LANGUAGE or bool(obj.text(field, lang).strip())
