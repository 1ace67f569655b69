"""The domain: agencies, life events, joint messages, dialogue cards and audiences."""

from .agencies import Agency
from .approval import AgencyApproval, JointApprovalTask, JointApprovalTaskState
from .audiences import Audience
from .audio import AudioRecording, IssuedCode
from .cards import CardMessage, DialogueCard
from .indicators import Counter, Event
from .life_events import LifeEvent
from .messages import JointMessage, MessageLink
from .offices import Office, StaffProfile
from .translation_state import GroupLanguages, TranslationState

__all__ = [
    "Agency",
    "AgencyApproval",
    "JointApprovalTask",
    "JointApprovalTaskState",
    "Office",
    "StaffProfile",
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
