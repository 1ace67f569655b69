"""modeltranslation registrations: one column per enabled language for every translated field."""

from modeltranslation.translator import TranslationOptions, register

from .models import Audience, DialogueCard, JointMessage, LifeEvent, MessageLink


@register(LifeEvent)
class LifeEventTranslation(TranslationOptions):
    fields = LifeEvent.translated_fields


@register(JointMessage)
class JointMessageTranslation(TranslationOptions):
    fields = JointMessage.translated_fields


@register(MessageLink)
class MessageLinkTranslation(TranslationOptions):
    fields = MessageLink.translated_fields


@register(DialogueCard)
class DialogueCardTranslation(TranslationOptions):
    fields = DialogueCard.translated_fields


@register(Audience)
class AudienceTranslation(TranslationOptions):
    fields = Audience.translated_fields
