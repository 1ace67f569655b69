"""What the Wagtail preview shows for each kind of content, in the previewed language.

Works on unsaved instances from the edit form (modelcluster keeps inlines in memory).
"""

import languages
from dialogue.models import DialogueCard, JointMessage, LifeEvent
from languages import Language


def _or_source(obj, field: str, language: Language) -> str:
    return obj.text(field, language.code) or obj.source_text(field)


def _message(message: JointMessage, language: Language) -> dict:
    code = language.code if message.has_translation(language.code) else languages.SOURCE_LANGUAGE
    return {
        "slug": message.slug,
        "headline": message.text("headline", code),
        "body": message.text("body", code),
        "where_to_turn": message.text("where_to_turn", code),
        "links": [
            {"label": link.text("label", code), "url": link.url} for link in message.links.all()
        ],
        "agencies": [agency.short_name for agency in message.agencies.all()],
    }


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
