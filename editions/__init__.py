"""Language editions: what the public reads, hears and prints, frozen per language.

An edition is one object (life event, joint message, dialogue card) in one language: that
language's approved text pinned to the Swedish it was translated from, and for a card the
messages it held, in order. Editions are recorded when Swedish is published and when a
translation is approved; public pages, QR pages, audio, print and packs read the edition in
service, never the working columns, so drafts and unreviewed work never reach them, and a
Swedish change never takes a card away from a language until its new translation is approved
(unless the change withdraws older translations on purpose).
"""
