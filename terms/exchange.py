"""Applying a TBX file to the termbase: all of it in one transaction, or nothing.

A term is found by its Swedish term. What the file gives replaces what the termbase has for
that term (its fields, and the languages the file names); a changed term is then no longer
approved (its fingerprint differs), so the owning agency approves it again.
"""

from __future__ import annotations

from collections import Counter

from django.db import transaction

from dialogue.models import Agency
from terms import tbx
from terms.models import Term, TermTranslation


def apply(entries: list[tbx.Entry]) -> Counter:
    """Counts of "created", "updated" and "unchanged" terms."""
    counts: Counter = Counter()
    agencies = {agency.short_name: agency for agency in Agency.objects.all()}
    with transaction.atomic():
        for entry in entries:
            term = Term.objects.filter(term__iexact=entry.term).first()
            before = term.fingerprint() if term else None
            if term is None:
                term = Term(term=entry.term)
            term.agency = agencies[entry.agency]
            term.definition, term.explanation = entry.definition, entry.explanation
            term.keep_in_swedish = entry.keep_in_swedish
            term.save()
            for code, language in entry.languages.items():
                TermTranslation.objects.update_or_create(
                    term=term,
                    language=code,
                    defaults={
                        "rendering": language.rendering,
                        "explanation": language.explanation,
                        "forbidden": "\n".join(language.forbidden),
                    },
                )
            term = Term.objects.prefetch_related("translations").get(pk=term.pk)
            if before is None:
                counts["created"] += 1
            else:
                counts["updated" if term.fingerprint() != before else "unchanged"] += 1
    return counts
