"""The content: agencies, life events, joint messages, dialogue cards, audiences and codes."""

from .agencies import Agency
from .audiences import Audience
from .cards import CardMessage, DialogueCard
from .codes import IssuedCode
from .life_events import LifeEvent
from .messages import JointMessage, MessageLink

__all__ = [
    "Agency",
    "Audience",
    "CardMessage",
    "DialogueCard",
    "IssuedCode",
    "JointMessage",
    "LifeEvent",
    "MessageLink",
    "TRANSLATABLE_MODELS",
]

# The content that is translated, jointly approved and published, in the order exports list it.
TRANSLATABLE_MODELS = (LifeEvent, DialogueCard, JointMessage)
