"""Central contacts: each agency's "where to turn" as one record that messages refer to.

A contact is written by the communication group and approved by the approvers of its owning
agency (contacts.approval), like a term. What the public, print, packs and editions read is only
`approved`: the contact as it was when last approved (`snapshot()`), so a change waiting for
approval never reaches them and the older approved numbers stay in service meanwhile.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

import languages
from dialogue.stamps import AgencyStamped

NUMBER_MAX = 20
# Digits in groups separated by one space or hyphen, with an optional leading + (international).
# Numbers are printed whole, so nothing else may enter them: no letters, brackets or extensions.
number_validator = RegexValidator(
    r"^\+?[0-9]+([ -][0-9]+)*$",
    pgettext_lazy(
        "staff side",
        "Write the number with digits, spaces and hyphens only, with + first for an "
        "international number, e.g. 0771-524 524.",
    ),
)


def _language_choices():
    return [(language.code, language.own_name) for language in languages.targets()]


def number_field():
    return models.CharField(
        pgettext_lazy("staff side", "number"),
        max_length=NUMBER_MAX,
        validators=[number_validator],
    )


class Contact(AgencyStamped, ClusterableModel):
    name = models.CharField(
        _("name"),
        max_length=120,
        help_text=pgettext_lazy("staff side", "In Swedish, e.g. Försäkringskassan."),
    )
    agency = models.ForeignKey(
        "dialogue.Agency",
        on_delete=models.PROTECT,
        related_name="contacts",
        verbose_name=_("owning agency"),
    )
    url = models.URLField(pgettext_lazy("staff side", "address on the web"), blank=True)
    # The snapshot as approved: all that readers outside the admin ever see of the contact.
    approved = models.JSONField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        permissions = [
            ("approve_contact", pgettext_lazy("staff side", "Can approve contacts of their agency"))
        ]

    def __str__(self):
        return self.name

    def snapshot(self) -> dict:
        """The contact as plain data (the shape editions hold under a message's "contact")."""
        return {
            "name": self.name,
            "phones": [phone.number for phone in self.phones.all()],
            "lines": [
                {"language": line.language, "number": line.number}
                for line in self.service_lines.all()
            ],
            "hours": [hours.as_dict() for hours in self.opening_hours.all()],
            "url": self.url,
        }

    @property
    def is_approved(self) -> bool:
        """Approved as it is now (a change since waits for approval)."""
        return self.approved is not None and self.approved == self.snapshot()

    @property
    def waits_for_approval(self) -> bool:
        return not self.is_approved


class ContactPhone(Orderable):
    """A general number, in the order it is printed."""

    contact = ParentalKey(Contact, on_delete=models.CASCADE, related_name="phones")
    number = number_field()

    class Meta(Orderable.Meta):
        verbose_name = pgettext_lazy("staff side", "phone number")
        verbose_name_plural = pgettext_lazy("staff side", "phone numbers")

    def __str__(self):
        return self.number


class ServiceLine(Orderable):
    """A number that answers in one language (e.g. Försäkringskassan in Arabic)."""

    contact = ParentalKey(Contact, on_delete=models.CASCADE, related_name="service_lines")
    language = models.CharField(_("language"), max_length=10, choices=_language_choices)
    number = number_field()

    class Meta(Orderable.Meta):
        verbose_name = pgettext_lazy("staff side", "service line in a language")
        verbose_name_plural = pgettext_lazy("staff side", "service lines in languages")

    def __str__(self):
        return f"{self.number} ({self.language})"


DAYS = list(WEEKDAYS.items())  # 0 = Monday … 6 = Sunday, Django's own translated names


class OpeningHours(Orderable):
    """Days first_day..last_day (0 = Monday), opens–closes."""

    contact = ParentalKey(Contact, on_delete=models.CASCADE, related_name="opening_hours")
    first_day = models.PositiveSmallIntegerField(
        pgettext_lazy("staff side", "from day"), choices=DAYS
    )
    last_day = models.PositiveSmallIntegerField(pgettext_lazy("staff side", "to day"), choices=DAYS)
    opens = models.TimeField(pgettext_lazy("staff side", "opens"))
    closes = models.TimeField(pgettext_lazy("staff side", "closes"))

    class Meta(Orderable.Meta):
        verbose_name = pgettext_lazy("staff side", "opening hours")
        verbose_name_plural = pgettext_lazy("staff side", "opening hours")

    def __str__(self):
        data = self.as_dict()
        return f"{data['first_day']}–{data['last_day']} {data['opens']}–{data['closes']}"

    def clean(self):
        errors = {}
        days = (self.first_day, self.last_day)
        if None not in days and self.last_day < self.first_day:
            errors["last_day"] = pgettext_lazy(
                "staff side", "The last day comes before the first day."
            )
        if None not in (self.opens, self.closes) and self.closes <= self.opens:
            errors["closes"] = pgettext_lazy(
                "staff side", "The closing time must come after the opening time."
            )
        if errors:
            raise ValidationError(errors)

    def as_dict(self) -> dict:
        return {
            "first_day": self.first_day,
            "last_day": self.last_day,
            "opens": _hhmm(self.opens),
            "closes": _hhmm(self.closes),
        }


def _hhmm(value) -> str:
    """08:00 from a time (or from "08:00:00" as a row built in code may still hold it)."""
    return value.strftime("%H:%M") if hasattr(value, "strftime") else str(value)[:5]
