"""What apps above the content show, read only, in its edit form.

The content cannot import editions, yet the editor and the approvers read in the form what
publishing the change will do to the translations in service. Editions registers its renderer
here from its `ready()`; the form's panel (dialogue.viewsets.source_form) asks this registry,
never editions.
"""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.http import HttpRequest
from django.utils.safestring import SafeString

# (object as edited, request, the edit form) -> HTML to show (a rendered template), or None.
# The form tells what the editor chose in it (its data, or its initial values).
Render = Callable[[object, HttpRequest, forms.BaseForm | None], SafeString | None]

_registered: list[Render] = []


def register(fn: Render) -> Render:
    if fn not in _registered:
        _registered.append(fn)
    return fn


def render(instance, request, form=None) -> list[SafeString]:
    """What each registered app shows for this object, in the order they registered."""
    shown = (fn(instance, request, form) for fn in _registered)
    return [html for html in shown if html]
