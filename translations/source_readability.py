"""How easy the Swedish source is to read, shown in its edit form (dialogue.form_panels): LIX
over what the woman reads together (a card with its messages) and each sentence longer than the
target (translations.readability). Advice for the editor, never a reason to refuse a save."""

from __future__ import annotations

from django.template.loader import render_to_string

import languages
from dialogue.models import TRANSLATABLE_MODELS
from translations import quality, readability
from translations import status as translation_status

SV = languages.SOURCE_LANGUAGE


def form_panel(instance, request, form=None):
    if not isinstance(instance, TRANSLATABLE_MODELS):
        return None
    if instance.pk is not None:
        texts = [u.obj.source_text(u.field) for u in translation_status.units_in(instance)]
    else:
        texts = [instance.source_text(field) for field in instance.translated_fields]
    texts = [text for text in texts if text.strip()]
    if not texts:
        return None
    joined = "\n".join(texts)
    score = readability.lix(joined)
    return render_to_string(
        "translations/admin/source_readability.html",
        {
            "lix": round(score) if score is not None else None,
            "target": readability.target(SV),
            "warnings": [*quality.lix(texts, SV), *quality.sentence_length(joined, SV)],
        },
        request=request,
    )
