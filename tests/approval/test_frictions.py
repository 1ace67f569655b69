"""The admin frictions of [J] item 8, through the real admin: the slug fills itself from the
title, the message chooser inside a card searches, approvers are told what their approval did,
and an approver with nothing to review is told so instead of an empty dashboard."""

import html
import json
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from dialogue.models import DialogueCard
from tests.admin_forms import form_data

pytestmark = pytest.mark.django_db

CARD = "foraldraledig-och-pa-vag"  # its messages are owned by FK and AF
DASHBOARD = "/admin/"
IDLE_PANEL = 'id="jobba-nothing-to-review-section"'
NOTHING_WAITS = "Inget väntar på ditt godkännande just nu."


def page_of(response) -> str:
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def edit_url(card):
    return f"/admin/snippets/dialogue/dialoguecard/edit/{card.pk}/"


def submit(client, editor, card, title):
    client.force_login(editor)
    data = form_data(client.get(edit_url(card)).content.decode())
    data["title_sv"] = [title]
    data["action-submit"] = ["1"]
    assert client.post(edit_url(card), data).status_code == 302
    card.refresh_from_db()
    assert card.workflow_in_progress


def act_from_dashboard(client, card, name, comment=""):
    """A workflow button of the dashboard's "Awaiting your review": it posts to the action URL
    with the dashboard as `next`; the redirect is followed to the page the approver sees."""
    state = card.current_workflow_task_state
    url = f"/admin/snippets/dialogue/dialoguecard/workflow/action/{card.pk}/{name}/{state.pk}/"
    data = {"next": DASHBOARD, **({"comment": comment} if comment else {})}
    response = client.post(url, data, follow=True)
    assert response.redirect_chain[-1][0] == DASHBOARD
    return page_of(response)


def field_tag(response, name: str) -> str:
    """The field's tag as served (its attributes unescaped)."""
    assert response.status_code == 200
    served = response.content.decode()
    found = re.search(rf'<(?:input|textarea)[^>]*\bname="{name}"[^>]*>', served)
    assert found, f"no field {name}"
    return html.unescape(found.group(0))


# 1. The slug fills itself from the title -------------------------------------------------


@pytest.mark.parametrize(
    ("model", "title"),
    [("lifeevent", "title_sv"), ("jointmessage", "headline_sv"), ("dialoguecard", "title_sv")],
)
def test_the_create_form_wires_the_swedish_title_to_the_slug(client, people, model, title):
    client.force_login(people["editor"])
    response = client.get(f"/admin/snippets/dialogue/{model}/add/")
    typed = field_tag(response, title)
    assert 'data-controller="w-sync"' in typed
    assert 'data-w-sync-target-value="#id_slug"' in typed
    assert "keyup->w-sync#apply" in typed
    slug = field_tag(response, "slug")
    assert 'data-controller="w-slug"' in slug
    assert "w-sync:apply->w-slug#urlify" in slug
    # Without Unicode: Wagtail's urlify writes å, ä as a and ö as o (a-z, 0-9 and hyphens).
    assert "data-w-slug-allow-unicode-value" not in slug


def test_a_live_cards_title_no_longer_moves_its_slug(client, people):
    """Printed QR codes and public addresses use the slug: once live, it stays put."""
    client.force_login(people["editor"])
    card = DialogueCard.objects.get(slug=CARD)
    assert card.live
    typed = field_tag(client.get(edit_url(card)), "title_sv")
    assert 'data-w-sync-target-value="#id_slug"' in typed
    assert "w-sync#apply" not in typed


# 2. The message chooser searches ----------------------------------------------------------

CHOOSER = "/admin/snippets/choose/dialogue/jointmessage/"


def chooser_titles(client, url) -> tuple[str, list[str]]:
    """The modal answers in JSON; its results view, asked as she types, in HTML."""
    response = client.get(url)
    assert response.status_code == 200
    if response["Content-Type"].startswith("application/json"):
        body = json.loads(response.content)["html"]
    else:
        body = response.content.decode()
    titles = re.findall(r"<a[^>]*data-chooser-modal-choice[^>]*>\s*(.*?)\s*</a>", body, re.S)
    return html.unescape(body), [html.unescape(re.sub(r"<[^>]+>", "", t)).strip() for t in titles]


def test_the_message_chooser_in_a_card_narrows_to_what_is_typed(client, people):
    client.force_login(people["editor"])
    card = DialogueCard.objects.get(slug=CARD)
    # The card's editor offers the chooser of joint messages for its key messages.
    assert CHOOSER in page_of(client.get(edit_url(card)))

    body, everything = chooser_titles(client, CHOOSER)
    assert 'name="q"' in body  # the search box is there
    assert "Båda föräldrarna kan få föräldrapenning." in everything
    assert "Du har rätt att läsa svenska gratis på sfi." in everything

    body, found = chooser_titles(client, f"{CHOOSER}?q=föräldrapenning")
    assert "Båda föräldrarna kan få föräldrapenning." in found
    assert "Du har rätt att läsa svenska gratis på sfi." not in found
    assert 0 < len(found) < len(everything)

    # The results view, which the search box asks as she types, narrows the same way.
    _body, typed = chooser_titles(client, f"{CHOOSER}results/?q=gratis på sfi")
    assert typed == ["Du har rätt att läsa svenska gratis på sfi."]

    body, nothing = chooser_titles(client, f"{CHOOSER}results/?q=zzzz-inget")
    assert nothing == [] and "zzzz-inget" in body


# 3. Approvers are told what their approval did ---------------------------------------------


def test_each_approver_is_told_who_still_waits_and_the_last_that_it_is_published(client, people):
    card = DialogueCard.objects.get(slug=CARD)
    new = "Föräldraledig och på väg till jobb"
    submit(client, people["editor"], card, new)

    client.force_login(people["af"])
    page = act_from_dashboard(client, card, "approve", comment="Ok för AF")
    assert f"Du godkände '{new}'. Väntar fortfarande på: Försäkringskassan." in page
    card.refresh_from_db()
    assert card.workflow_in_progress and card.title_sv != new

    client.force_login(people["fk"])
    page = act_from_dashboard(client, card, "approve")
    assert (
        f"Du godkände '{new}'. Alla ägande myndigheter har godkänt: innehållet är nu publicerat."
        in page
    )
    assert "Väntar fortfarande på" not in page
    card.refresh_from_db()
    assert card.title_sv == new and card.live and not card.workflow_in_progress


def test_the_last_approver_of_a_scheduled_change_is_told_when_it_goes_live(client, people):
    card = DialogueCard.objects.get(slug=CARD)
    old, new = card.title_sv, "Publiceras om en vecka"
    # The edit form offers no schedule; a revision can carry one ("go live at").
    card.title_sv = new
    card.go_live_at = datetime(2099, 3, 1, 9, 30, tzinfo=ZoneInfo("Europe/Stockholm"))
    card.save_revision(user=people["editor"])
    card.get_workflow().start(card, people["editor"])
    card = DialogueCard.objects.get(pk=card.pk)
    client.force_login(people["af"])
    act_from_dashboard(client, card, "approve")
    client.force_login(people["fk"])
    page = act_from_dashboard(client, card, "approve")
    assert (
        f"Du godkände '{new}'. Alla ägande myndigheter har godkänt: innehållet publiceras" in page
    )
    assert "1 mars 2099 09:30" in page
    assert "är nu publicerat" not in page
    card.refresh_from_db()
    assert card.title_sv == old and not card.workflow_in_progress  # not before its time


def test_the_approver_who_asks_for_changes_is_told_so(client, people):
    card = DialogueCard.objects.get(slug=CARD)
    submit(client, people["editor"], card, "Ett förslag att skriva om")
    client.force_login(people["fk"])
    page = act_from_dashboard(client, card, "reject", comment="Kortare, tack")
    assert "Du begärde ändringar i 'Ett förslag att skriva om'." in page
    assert "Du godkände" not in page
    card.refresh_from_db()
    assert card.current_workflow_state.status == "needs_changes"


def test_the_approval_from_the_locked_editor_confirms_the_same_way(client, people):
    card = DialogueCard.objects.get(slug=CARD)
    new = "Godkänd i redigeraren"
    submit(client, people["editor"], card, new)
    client.force_login(people["fk"])
    data = form_data(client.get(edit_url(card)).content.decode())
    data["action-workflow-action"] = ["true"]
    data["workflow-action-name"] = ["approve"]
    page = page_of(client.post(edit_url(card), data, follow=True))
    assert f"Du godkände '{new}'. Väntar fortfarande på: Arbetsförmedlingen." in page


# The "nothing waits for you" dashboard ---------------------------------------------------


def test_an_approver_with_nothing_to_review_is_told_so(client, people):
    client.force_login(people["mv"])
    page = page_of(client.get(DASHBOARD))
    assert IDLE_PANEL in page and NOTHING_WAITS in page
    assert "innehåll som Migrationsverket äger får du ett mejl" in page

    client.force_login(people["editor"])  # not an approver: her own panels, not this one
    assert IDLE_PANEL not in page_of(client.get(DASHBOARD))


def test_an_approver_with_work_sees_it_instead_until_she_has_approved(client, people):
    card = DialogueCard.objects.get(slug=CARD)
    new = "Väntar på AF och FK"
    submit(client, people["editor"], card, new)

    client.force_login(people["af"])
    page = page_of(client.get(DASHBOARD))
    assert IDLE_PANEL not in page and NOTHING_WAITS not in page
    assert 'id="awaiting-review-section"' in page and new in page

    client.force_login(people["mv"])  # MV owns none of its messages
    page = page_of(client.get(DASHBOARD))
    assert IDLE_PANEL in page and new not in page

    client.force_login(people["af"])
    page = act_from_dashboard(client, card, "approve")  # back on her dashboard
    assert IDLE_PANEL in page and NOTHING_WAITS in page
    assert 'id="awaiting-review-section"' not in page
