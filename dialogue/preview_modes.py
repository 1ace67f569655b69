"""Preview modes that apps above the content add to its edit form.

The content cannot import print, yet the card editor offers the printed card as a preview. Print
registers its mode here from its `ready()`; the models ask this registry, never print.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class PreviewMode:
    prefix: str  # modes are named "<prefix>:<language code>"
    models: tuple[type, ...]
    # (object) -> [(mode name, label)]: the modes this object offers now
    modes: Callable[[object], list[tuple[str, str]]]
    # (request, object, language code) -> HttpResponse
    serve: Callable


_registered: list[PreviewMode] = []


def register(mode: PreviewMode) -> None:
    if all(existing.prefix != mode.prefix for existing in _registered):
        _registered.append(mode)


def modes_for(obj) -> list[tuple[str, str]]:
    return [
        name for mode in _registered if isinstance(obj, mode.models) for name in mode.modes(obj)
    ]


def find(obj, mode_name: str) -> tuple[PreviewMode, str] | None:
    """The registered mode that serves `mode_name` for this object, and its language code."""
    prefix, sep, code = mode_name.partition(":")
    for mode in _registered:
        if sep and mode.prefix == prefix and isinstance(obj, mode.models):
            return mode, code
    return None
