"""The domain: agencies, life events, joint messages, dialogue cards and audiences."""

from .agencies import Agency
from .audiences import Audience
from .audio import AudioRecording, IssuedCode
from .cards import CardMessage, DialogueCard
from .indicators import Counter, Event
from .life_events import LifeEvent
from .messages import JointMessage, MessageLink
from .translation_state import GroupLanguages, TranslationState

__all__ = [
    "Agency",
    "AudioRecording",
    "IssuedCode",
    "Audience",
    "CardMessage",
    "Counter",
    "DialogueCard",
    "Event",
    "GroupLanguages",
    "JointMessage",
    "LifeEvent",
    "MessageLink",
    "TranslationState",
]
