"""The editor's admin frictions of [J] item 8 in a real browser: the slug fills itself from the
Swedish title as she types, and the message chooser inside a card narrows as she searches."""

import pytest

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser

CARD_ADD = "/admin/snippets/dialogue/dialoguecard/add/"


def _log_in_as_editor(page, site):
    page.goto(f"{site.url}/admin/login/")
    page.fill("#id_username", "redaktor")
    page.fill("#id_password", "jobba-redaktor-demo")
    page.click("button[type=submit]")
    page.wait_for_url(f"{site.url}/admin/")


def _open_card_create_form(page, site):
    _log_in_as_editor(page, site)
    page.goto(f"{site.url}{CARD_ADD}")
    page.wait_for_load_state("networkidle")


def test_typing_a_swedish_title_fills_the_slug_until_it_is_edited_by_hand(page, site):
    _open_card_create_form(page, site)
    title, slug = page.locator("#id_title_sv"), page.locator("#id_slug")
    assert slug.input_value() == ""

    title.click()
    title.press_sequentially("Förskola på sfi – både för mamma och barn", delay=20)
    page.wait_for_function("document.querySelector('#id_slug').value.endsWith('barn')")
    assert slug.input_value() == "forskola-pa-sfi-bade-for-mamma-och-barn"

    # Typing on keeps it in step.
    title.press_sequentially(" i Älmhult", delay=20)
    page.wait_for_function("document.querySelector('#id_slug').value.endsWith('almhult')")
    assert slug.input_value() == "forskola-pa-sfi-bade-for-mamma-och-barn-i-almhult"
    screenshot(page, "admin-card-slug-from-title")

    # Once she writes the slug herself, the title no longer overwrites it. (She moves to the
    # slug slower than w-sync's 100 ms debounce, which still applies the title as it blurs.)
    slug.click()
    page.wait_for_timeout(300)
    slug.fill("forskola-och-sfi")
    title.click()
    title.press("End")
    title.press_sequentially(" och Växjö", delay=20)
    title.blur()
    page.wait_for_timeout(500)  # longer than the debounce: an update would have come
    assert title.input_value().endswith("och Växjö")
    assert slug.input_value() == "forskola-och-sfi"


def test_the_key_message_chooser_narrows_as_she_types(page, site):
    _open_card_create_form(page, site)
    inline = page.locator("#id_card_messages-FORMS")
    inline.locator("button.action-choose, button[data-chooser-action-choose]").first.click()
    modal = page.locator(".modal-content")
    choices = modal.locator("#search-results a[data-chooser-modal-choice]")
    choices.first.wait_for()
    everything = choices.count()
    assert everything > 1
    assert "Du har rätt att läsa svenska gratis på sfi." in choices.all_inner_texts()

    modal.locator("input[name=q]").press_sequentially("föräldrapenning", delay=20)
    listed = (
        "document.querySelectorAll('.modal-content #search-results a[data-chooser-modal-choice]')"
    )
    page.wait_for_function(f"{listed}.length > 0 && {listed}.length < {everything}")
    found = [text.strip() for text in choices.all_inner_texts()]
    assert "Båda föräldrarna kan få föräldrapenning." in found
    assert "Du har rätt att läsa svenska gratis på sfi." not in found
    screenshot(page, "admin-message-chooser-search")

    # Choosing it puts it in the card's key message.
    choices.filter(has_text="Båda föräldrarna").first.click()
    modal.wait_for(state="detached")
    chosen = inline.locator("[data-chooser-title]").first
    assert chosen.inner_text().strip() == "Båda föräldrarna kan få föräldrapenning."
