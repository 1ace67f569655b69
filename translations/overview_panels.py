"""What apps above translations show on the translation overview.

Translations cannot import followup, yet the overview shows the cards × languages that readers
of the QR pages most often found unclear: where a translation may need another look. Followup
registers its panel here from its `ready()`; the overview asks this registry, never followup.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest
from django.utils.safestring import SafeString

# (request, what the overview is filtered by: {"language": code or "", "life_event": slug or ""})
# -> HTML to show under the overview's table (a rendered template), or None.
Render = Callable[[HttpRequest, dict[str, str]], SafeString | None]

_registered: list[Render] = []


def register(fn: Render) -> Render:
    if fn not in _registered:
        _registered.append(fn)
    return fn


def render(request: HttpRequest, chosen: dict[str, str]) -> list[SafeString]:
    """What each registered app shows for the overview as filtered, in the order they registered."""
    shown = (fn(request, chosen) for fn in _registered)
    return [html for html in shown if html]
