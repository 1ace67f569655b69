"""Translator languages in the admin: which languages each translator group may change."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.views.snippets import SnippetViewSet

from translations.models import GroupLanguages


class GroupLanguagesViewSet(SnippetViewSet):
    """Which languages a translator or language-reviewer group may change."""

    model = GroupLanguages
    icon = "globe"
    menu_label = _("Translator languages")
    list_display = ["group", "languages"]
    panels = [FieldPanel("group"), FieldPanel("languages")]
