"""The print cache key covers what changes a file besides its content ([PP] 2): the compiled
catalogues of the languages a piece prints, and the fonts. Before, a card rendered before
`compilemessages` was served byte for byte after it, with its English fallback."""

import io
import shutil
import zipfile
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from django.utils.translation import to_locale

from print import cache, packs, service
from print.documents import base as renderer_base
from tests.pdf_tools import text
from typeset import fonts

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english", "empty_media")]

CARD = "foraldraledig-och-pa-vag"
SCAN = "Scan the code to listen in your language."
LOCALES = Path(__file__).resolve().parents[2] / "locales"


def compiled(folder: Path, code: str, translations: dict[str, str]) -> Path:
    """A LOCALE_PATHS folder with one compiled catalogue, for `code`."""
    messages = folder / to_locale(code) / "LC_MESSAGES"
    messages.mkdir(parents=True)
    catalog = Catalog()
    for msgid, msgstr in translations.items():
        catalog.add(msgid, msgstr)
    with (messages / "django.mo").open("wb") as out:
        write_mo(out, catalog)
    return folder


@pytest.fixture
def renders(monkeypatch):
    made = []
    original = renderer_base.Renderer.render
    monkeypatch.setattr(
        renderer_base.Renderer, "render", lambda self: made.append(1) or original(self)
    )
    return made


def test_a_compiled_catalogue_renders_the_card_afresh_and_then_serves_it(
    settings, tmp_path, renders
):
    first = service.piece_pdf(CARD, "ar", "card")
    assert service.piece_pdf(CARD, "ar", "card") == first and len(renders) == 1
    settings.LOCALE_PATHS = [
        compiled(tmp_path / "new", "ar", {SCAN: "TESTKOD ar"}),
        *settings.LOCALE_PATHS,
    ]
    second = service.piece_pdf(CARD, "ar", "card")
    assert len(renders) == 2 and second != first
    assert "TESTKOD" in text(second) and "TESTKOD" not in text(first)
    assert service.piece_pdf(CARD, "ar", "card") == second and len(renders) == 2


def test_only_the_catalogues_a_piece_prints_are_in_its_key(settings, tmp_path, renders):
    first = service.piece_pdf(CARD, "ar", "card")
    real = list(settings.LOCALE_PATHS)
    settings.LOCALE_PATHS = [compiled(tmp_path / "th", "th", {SCAN: "TESTKOD th"}), *real]
    assert service.piece_pdf(CARD, "ar", "card") == first and len(renders) == 1
    # Swedish is on every card's back (and what gettext falls back to): its change counts.
    settings.LOCALE_PATHS = [compiled(tmp_path / "sv", "sv", {SCAN: "TESTKOD sv"}), *real]
    service.piece_pdf(CARD, "ar", "card")
    assert len(renders) == 2


def test_a_poster_keys_every_language_it_lists(settings, tmp_path):
    names = {
        code: cache.name("poster", ["parts"], "pdf", service.poster_languages([code]))
        for code in ("ar", "ti")
    }
    settings.LOCALE_PATHS = [
        compiled(tmp_path / "ti", "ti", {SCAN: "TESTKOD ti"}),
        *settings.LOCALE_PATHS,
    ]
    assert cache.name("poster", ["parts"], "pdf", service.poster_languages(["ar"])) == names["ar"]
    assert cache.name("poster", ["parts"], "pdf", service.poster_languages(["ti"])) != names["ti"]


def test_a_pack_after_a_catalogue_change_is_built_anew(
    settings, tmp_path, django_assert_num_queries
):
    first = packs.pack_zip("oppna-forskolan", ["so"])
    settings.LOCALE_PATHS = [
        compiled(tmp_path / "so", "so", {SCAN: "TESTKOD so"}),
        *settings.LOCALE_PATHS,
    ]
    second = packs.pack_zip("oppna-forskolan", ["so"])
    assert second != first
    with zipfile.ZipFile(io.BytesIO(second)) as archive:
        (cards,) = [name for name in archive.namelist() if name.endswith("_so_cards-a6.pdf")]
        assert "TESTKOD" in text(archive.read(cards))
    with django_assert_num_queries(0):  # the pack index holds under the new catalogue
        assert packs.pack_zip("oppna-forskolan", ["so"]) == second


def test_the_fingerprint_follows_the_files_not_where_they_lie(tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(LOCALES / "ar", copy / "ar")
    assert cache.catalogue("ar", (str(copy),)) == cache.catalogue("ar", (str(LOCALES),))
    assert cache.catalogue("ar", (str(tmp_path / "none"),)) != cache.catalogue(
        "ar", (str(LOCALES),)
    )


def test_the_fonts_are_in_the_key(settings, tmp_path):
    names = sorted({name for pair in fonts.FILES.values() for name in pair})
    before = cache.made_with(["ar"])["fonts"]
    for folder in ("same", "changed"):
        (tmp_path / folder).mkdir()
        for name in names:
            shutil.copyfile(fonts.find(name), tmp_path / folder / name)
    with (tmp_path / "changed" / names[0]).open("ab") as font:
        font.write(b"\0")  # a new release of one face
    settings.PRINT_FONT_DIRS = [str(tmp_path / "same")]
    assert cache.made_with(["ar"])["fonts"] == before
    settings.PRINT_FONT_DIRS = [str(tmp_path / "changed")]
    assert cache.made_with(["ar"])["fonts"] != before
