"""Every pack and poster made ready right after new editions are recorded (a publication, an
approved translation), so that partners never wait for a build: one task per audience ×
printable language × finish, and one per poster (every life event and all, A4 and A3).

Only when tasks run in a worker: with the immediate backend (`make run`, tests) they would run
inside the publication's request, so files are built when first asked for instead."""

from __future__ import annotations

from django.db import transaction

import languages
from dialogue.models import Audience, LifeEvent
from print import jobs, packs, tasks
from print.pages import FINISHES

POSTER_SIZES = ("A4", "A3")


def on_editions_made(sender, editions, **kwargs) -> None:
    if not tasks.in_background():
        return
    codes = {edition.language for edition in editions}
    transaction.on_commit(lambda: prebuild(codes))


def prebuild(codes) -> int:
    """Enqueue the builds that new editions in these languages change; returns how many. A
    Swedish edition changes every language's files (the back of each card is Swedish)."""
    every = languages.SOURCE_LANGUAGE in codes
    enqueued = 0
    audiences = list(Audience.objects.all())
    printable = packs.printable_by_audience(audiences)
    for audience in audiences:
        for language in printable[audience.pk]:
            if every or language.code in codes:
                for finish in FINISHES:
                    job = jobs.pack(audience.slug, [language.code], finish)
                    enqueued += tasks.enqueue(job, tasks.PREBUILD_PRIORITY)
    events = [None, *LifeEvent.objects.live().values_list("slug", flat=True)]
    for event in events:
        for size in POSTER_SIZES:
            enqueued += tasks.enqueue(jobs.poster(event, size), tasks.PREBUILD_PRIORITY)
    return enqueued
