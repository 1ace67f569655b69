"""The answer page of a translator's question about the Swedish: the communication group, which
may change the Swedish but not open the translation editor, reads the Swedish, the translation
and the thread of the unit in that language, answers, and marks the question resolved. The mail
to the group (notifications) and Reports → Open questions link here.

Who may answer is translations.comments.may_answer; a translator of the language answers
nobody here (she asks in the editor), and another language's question is not hers to see.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import pgettext, pgettext_lazy

import languages
from translations import comments, labels
from translations.models import UnitComment


class AnswerForm(forms.Form):
    text = forms.CharField(
        label=pgettext_lazy("staff side", "Answer"),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": pgettext_lazy("staff side", "Write the answer first.")},
    )
    resolve = forms.BooleanField(
        label=pgettext_lazy("staff side", "Mark the question as resolved"),
        required=False,
        initial=True,
    )


def editor_path(unit, lang: str) -> str:
    """The side-by-side editor at the unit: where the translator reads the answer (her mail
    links here, as a question's links to the page it was asked on)."""
    target = labels.target_of(unit.obj)
    path = reverse("translation_edit", args=[target._meta.model_name, target.pk, lang])
    return f"{path}#{labels.anchor(unit)}"


def answer(request, pk: int):
    question = get_object_or_404(UnitComment, pk=pk)
    if not comments.may_answer(request.user, question):
        raise PermissionDenied
    unit = comments.unit_of(question)
    if unit is None:
        raise Http404("Its object is gone")
    language = languages.get(question.language)
    form = AnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        comments.answer(
            question, unit, request.user, form.cleaned_data["text"],
            resolved=form.cleaned_data["resolve"], page=editor_path(unit, question.language),
        )  # fmt: skip
        if form.cleaned_data["resolve"]:
            sent = pgettext("staff side", "Answer sent and the question marked as resolved.")
        else:
            sent = pgettext("staff side", "Answer sent.")
        messages.success(request, sent)
        return redirect("open_comments")
    thread = comments.of_units([unit], question.language).get(unit.key, [])
    context = {
        "page_title": pgettext("staff side", "Answer a question about the Swedish"),
        "page_subtitle": labels.unit_label(unit),
        "header_icon": "help",
        "question": question,
        "unit_label": labels.unit_label(unit),
        "language": language,
        "language_name": language.swedish_name if language else question.language,
        "source": unit.obj.source_text(unit.field),
        "translation": unit.obj.text(unit.field, question.language),
        "thread": thread,
        "form": form,
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "translations/admin/answer_question.html", context, status=status)
