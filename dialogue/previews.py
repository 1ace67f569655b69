"""What the Wagtail preview shows for each kind of content, in the previewed language.

Works on unsaved instances from the edit form (modelcluster keeps inlines in memory).
"""

import languages
from dialogue.models import DialogueCard, JointMessage, LifeEvent
from dialogue.projection import MessageText, message_text
from languages import Language


def _or_source(obj, field: str, language: Language) -> str:
    return obj.text(field, language.code) or obj.source_text(field)


def _message(message: JointMessage, language: Language) -> MessageText:
    code = language.code if message.has_translation(language.code) else languages.SOURCE_LANGUAGE
    return message_text(message, lambda obj, field: obj.text(field, code))


def context_for(obj, language: Language) -> dict:
    context = {"language": language, "source_language": languages.source()}
    if isinstance(obj, DialogueCard):
        messages = [item.message for item in obj.card_messages.all() if item.message_id]
        context.update(
            title=_or_source(obj, "title", language),
            messages=[_message(message, language) for message in messages],
            prompts=obj.prompt_list(),
            missing=not obj.has_translation(language.code),
        )
    elif isinstance(obj, JointMessage):
        context.update(
            messages=[_message(obj, language)],
            missing=not obj.has_translation(language.code),
        )
    elif isinstance(obj, LifeEvent):
        context.update(
            title=_or_source(obj, "title", language),
            intro=_or_source(obj, "intro", language),
            missing=not obj.has_translation(language.code),
        )
    return context
