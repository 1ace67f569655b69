"""The termbase: the Swedish words the agencies agree on, and how each language renders them.

A term is written by the communication group and approved by the approvers of its owning
agency (terms.approval). The approval holds for the text it was given to: its fingerprint is
kept, and a term changed since (its Swedish, its explanation, a language's rendering) is not
approved until approved again. Only approved terms reach the translation editor, the XLIFF
notes and the checks (terms.termbase).
"""

from __future__ import annotations

import hashlib
import json

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

import languages
from dialogue.stamps import AgencyStamped


def _language_choices():
    return [(language.code, language.own_name) for language in languages.targets()]


class Term(AgencyStamped, ClusterableModel):
    term = models.CharField(_("Swedish term"), max_length=120, unique=True)
    definition = models.TextField(
        _("definition for staff"), blank=True, help_text=_("What the term means, for staff.")
    )
    explanation = models.TextField(
        _("plain explanation"),
        blank=True,
        help_text=_("For the public, in plain Swedish; each language has its own below."),
    )
    keep_in_swedish = models.BooleanField(
        _("keep in Swedish"),
        default=False,
        help_text=_("Shown in Swedish in every language, with an explanation (sfi, personnummer)."),
    )
    agency = models.ForeignKey(
        "dialogue.Agency",
        on_delete=models.PROTECT,
        related_name="terms",
        verbose_name=_("owning agency"),
    )
    # The fingerprint of the content approved: a later change leaves the term unapproved.
    approved_fingerprint = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        ordering = ["term"]
        verbose_name = _("term")
        verbose_name_plural = _("terms")
        permissions = [("approve_term", _("Can approve terms of their agency"))]

    def __str__(self):
        return self.term

    def fingerprint(self) -> str:
        """Of everything an approval vouches for (not who edited or approved it)."""
        content = {
            "term": self.term,
            "definition": self.definition,
            "explanation": self.explanation,
            "keep": self.keep_in_swedish,
            "agency": self.agency_id,
            "languages": sorted(t.content() for t in self.translations.all()),
        }
        return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()

    @property
    def is_approved(self) -> bool:
        return bool(self.approved_at) and self.approved_fingerprint == self.fingerprint()

    def in_language(self, lang: str) -> TermTranslation | None:
        return next((t for t in self.translations.all() if t.language == lang), None)

    def rendering(self, lang: str) -> str:
        """The approved term in a language: the Swedish term itself when kept in Swedish, "" when
        the language has none yet."""
        if self.keep_in_swedish:
            return self.term
        translation = self.in_language(lang)
        return translation.rendering.strip() if translation else ""

    def forbidden(self, lang: str) -> list[str]:
        translation = self.in_language(lang)
        return translation.forbidden_variants() if translation else []


class TermTranslation(models.Model):
    """A term in one language: its approved rendering, the plain explanation the public reads
    in that language, and the variants translators must not use."""

    term = ParentalKey(Term, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=10, choices=_language_choices)
    rendering = models.CharField(
        _("approved term"),
        max_length=200,
        blank=True,
        help_text=_("Leave empty when the term is kept in Swedish."),
    )
    explanation = models.TextField(_("plain explanation"), blank=True)
    forbidden = models.TextField(_("forbidden variants"), blank=True, help_text=_("One per line."))

    class Meta:
        ordering = ["language"]
        verbose_name = _("term in a language")
        verbose_name_plural = _("terms in languages")
        constraints = [
            models.UniqueConstraint(fields=["term", "language"], name="one_rendering_per_language")
        ]

    def __str__(self):
        return f"{self.term} ({self.language})"

    def forbidden_variants(self) -> list[str]:
        return [line.strip() for line in self.forbidden.splitlines() if line.strip()]

    def content(self) -> str:
        return json.dumps(
            [self.language, self.rendering.strip(), self.explanation, self.forbidden_variants()]
        )
