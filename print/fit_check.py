"""Whether the cards still fit once a translation is changed: print's preflight, told to the
translator in the editor and to the import dry run through translations.quality (registered
from this app's `ready()`). A warning, never a refusal: a long text prints on more cards."""

from __future__ import annotations

from django.utils.translation import pgettext

from dialogue.models import DialogueCard, JointMessage
from print import preflight
from translations.approved import Drafts
from translations.quality import QualityWarning


def _cards(obj) -> list[DialogueCard]:
    """The cards an object's text is printed on: the card itself, or the cards carrying a
    message."""
    if isinstance(obj, DialogueCard):
        return [obj]
    if isinstance(obj, JointMessage):
        return list(DialogueCard.objects.public().filter(card_messages__message=obj).distinct())
    return []


def fit(obj, lang: str) -> list[QualityWarning]:
    """Print's fit warnings for the text as written (approved or not). A card not yet fully
    translated has no fit to tell."""
    warnings = []
    for card in _cards(obj):
        for problem in preflight.card(card, lang, drafts=Drafts()):
            if problem.level == "warning":
                message = pgettext("staff side", "Card “%(card)s”: %(problem)s") % {
                    "card": card,
                    "problem": problem.message,
                }
                warnings.append(QualityWarning("fit", message, (str(card),)))
    return warnings
