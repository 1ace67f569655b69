"""Small builders for unit-level tests: the least content a behaviour needs, so that a test
asserts on its own texts and not on the demo's copy.

Content is made as the editor makes it: saved, a revision, published (live). Each translation
given is recorded as approved, as after a reviewer's approval (`status=` records another
status; `status=None` records none, which counts as not reviewed). Slugs and names are unique,
so built content sits beside the demo content of the test database.

    fk = agency()
    event = life_event("Flytta", {"ar": {"title": "الانتقال"}})
    message = joint_message([event], [fk], headline="Ring oss.", body="Vi hjälper dig.",
                            translations={"ar": {"headline": "اتصلي بنا.", "body": "نساعدك."}})
    card = dialogue_card(event, [message], "Att flytta", {"ar": {"title": "الانتقال"}})
    pack = audience([card])
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from django.utils import translation

import languages
from dialogue.models import Agency, Audience, CardMessage, DialogueCard, JointMessage, LifeEvent
from translations import status as translation_status
from translations.status import Status

Translations = dict[str, dict[str, str]]  # language code: {field: text}

# A short text in each language's own script, for tests that need some text in many languages.
SAMPLE = {
    "sv": "Text på svenska",
    "en": "Text in English",
    "ar": "نص باللغة العربية",
    "fa": "متن به زبان فارسی",
    "so": "Qoraal af Soomaali ah",
    "ti": "ጽሑፍ ብትግርኛ",
    "uk": "Текст українською мовою",
    "th": "ข้อความภาษาไทย",
}

_numbers = itertools.count(1)


def unique(prefix: str) -> str:
    """A slug (or name) no other row has: `prefix-test-<n>`."""
    return f"{prefix}-test-{next(_numbers)}"


def samples(fields: Iterable[str], codes: Iterable[str]) -> Translations:
    """A sample text for each field in each language (see SAMPLE), named by its field. No
    digits: the public pages wrap those in <bdi>, and tests look for the texts as they are."""
    return {code: {field: f"{SAMPLE[code]} ({field})" for field in fields} for code in codes}


def _set_texts(obj, translations: Translations | None) -> None:
    for code, texts in (translations or {}).items():
        suffix = languages.get(code).field_suffix
        for field, text in texts.items():
            setattr(obj, f"{field}_{suffix}", text)


def _record(obj, translations: Translations | None, status: str | None) -> None:
    if status is None:
        return
    for code, texts in (translations or {}).items():
        for field in texts:
            translation_status.record(obj, field, code, status)


def _publish(obj, translations: Translations | None, status: str | None):
    """As the editor publishes: save, a revision, publish it; then record the translations.
    In Swedish, as the admin works: modeltranslation's plain fields follow the active language,
    and Wagtail checks them."""
    _set_texts(obj, translations)
    obj.live = False
    with translation.override(languages.SOURCE_LANGUAGE):
        obj.save()
        obj.save_revision().publish()
    _record(obj, translations, status)
    return type(obj).objects.get(pk=obj.pk)


def agency(short_name: str = "", name: str = "") -> Agency:
    """An agency that owns messages. Its approvers' group is left out: use the demo's AF, FK
    or MV (Agency.objects.get(short_name="FK")) where a test approves."""
    number = next(_numbers)
    return Agency.objects.create(
        short_name=short_name or f"T{number}", name=name or f"Testmyndigheten {number}"
    )


def life_event(
    title: str = "Ett nytt skede",
    translations: Translations | None = None,
    *,
    status: str | None = Status.APPROVED,
    **fields,
) -> LifeEvent:
    event = LifeEvent(
        slug=fields.pop("slug", None) or unique("skede"),
        title_sv=title,
        pictogram=fields.pop("pictogram", "home"),
        **fields,
    )
    return _publish(event, translations, status)


def joint_message(
    events: Iterable[LifeEvent] = (),
    agencies: Iterable[Agency] | None = None,
    *,
    headline: str = "Du kan få stöd.",
    body: str = "Fråga oss om du undrar något.",
    translations: Translations | None = None,
    status: str | None = Status.APPROVED,
    **fields,
) -> JointMessage:
    """A joint message in those life events, owned by those agencies (a new one by default)."""
    message = JointMessage(
        slug=fields.pop("slug", None) or unique("budskap"),
        headline_sv=headline,
        body_sv=body,
        **fields,
    )
    message.life_events = list(events)
    message.agencies = list(agencies) if agencies is not None else [agency()]
    return _publish(message, translations, status)


def dialogue_card(
    event: LifeEvent,
    messages: Iterable[JointMessage],
    title: str = "Ett kort",
    translations: Translations | None = None,
    *,
    status: str | None = Status.APPROVED,
    **fields,
) -> DialogueCard:
    """A card in the life event with its key messages, in the order given."""
    card = DialogueCard(
        slug=fields.pop("slug", None) or unique("kort"),
        title_sv=title,
        life_event=event,
        pictogram=fields.pop("pictogram", "home"),
        **fields,
    )
    card.card_messages = [
        CardMessage(sort_order=position, message=message)
        for position, message in enumerate(messages)
    ]
    return _publish(card, translations, status)


def audience(
    cards: Iterable[DialogueCard],
    name: str = "Testpartner",
    translations: Translations | None = None,
    **fields,
) -> Audience:
    """An audience whose pack holds those cards (audiences are saved, not published)."""
    group = Audience(slug=fields.pop("slug", None) or unique("partner"), name_sv=name, **fields)
    _set_texts(group, translations)
    group.cards = list(cards)
    with translation.override(languages.SOURCE_LANGUAGE):
        group.save()
        group.save_revision()
    return group


def card_with_message(
    codes: Iterable[str] = (),
    *,
    status: str | None = Status.APPROVED,
    agencies: Iterable[Agency] | None = None,
) -> DialogueCard:
    """A live card with one key message in a life event of its own, all translated into the
    given languages with SAMPLE texts."""
    codes = list(codes)
    event = life_event(translations=samples(["title"], codes), status=status)
    message = joint_message(
        [event], agencies, translations=samples(["headline", "body"], codes), status=status
    )
    return dialogue_card(event, [message], translations=samples(["title"], codes), status=status)


def translate(obj, lang: str, *, status: str | None = Status.APPROVED, **texts) -> None:
    """A translation written into the live row and recorded (approved by default), as the
    translation editor does: the public, print and audio read it only once it is approved."""
    suffix = languages.get(lang).field_suffix
    for field, text in texts.items():
        setattr(obj, f"{field}_{suffix}", text)
    obj.save(update_fields=[f"{field}_{suffix}" for field in texts])
    if status is not None:
        for field in texts:
            translation_status.record(obj, field, lang, status)


def publish_swedish(obj, **texts) -> None:
    """A Swedish change published as the editor publishes it: a revision, then publish."""
    for field, text in texts.items():
        setattr(obj, f"{field}_{languages.SOURCE_LANGUAGE}", text)
    with translation.override(languages.SOURCE_LANGUAGE):
        obj.save_revision().publish()


def never_approved(lang: str) -> None:
    """Nothing in the language was ever approved (the demo approves folkbokföring in every
    language): its approvals and editions are gone, as before a reviewer's first approval."""
    from editions.models import Edition
    from translations.models import TranslationState

    Edition.objects.filter(language=lang).delete()
    TranslationState.objects.filter(language=lang).delete()
