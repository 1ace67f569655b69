"""The small set of pictograms drawn for life events and cards (static SVG files)."""

from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.utils.translation import gettext_lazy as _

PICTOGRAMS = {
    "arrival": _("Arrival"),
    "id-card": _("ID card"),
    "pram": _("Pram"),
    "speech": _("Speech bubbles"),
    "briefcase": _("Briefcase"),
    "support": _("Support"),
    "family": _("Family"),
    "home": _("Home"),
}

CHOICES = list(PICTOGRAMS.items())


def static_path(name: str) -> str:
    return f"dialogue/pictograms/{name}.svg"


def url(name: str) -> str:
    return static(static_path(name))


def file_path(name: str) -> str | None:
    """Absolute path of the SVG file, for print."""
    return finders.find(static_path(name))
