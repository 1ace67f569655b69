"""The print-shop finish as a print shop's preflight reads it: PDF/X-1a:2003, CMYK only with a
FOGRA39 output intent, black in 100 % K, XMP, the content's dates, front/back page labels.
The office finish stays RGB."""

import io
import re
import zipfile
from io import StringIO
from xml.etree import ElementTree

import pytest
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import pgettext
from reportlab.pdfgen.canvas import Canvas

from dialogue.models import DialogueCard
from print import content, service
from print.documents.base import PRINT_COLOURS
from print.documents.card import CardRenderer
from tests.pdf_tools import (
    colour_operators,
    device_rgb,
    fonts,
    info,
    page_contents,
    page_labels,
    qr_codes,
    qr_codes_each,
    xmp,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english", "empty_media")]
CARD = "foraldraledig-och-pa-vag"
XMP_NAMES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdfxid": "http://www.npes.org/pdfx/ns/id/",
}
# What the print-shop files may set colours with: CMYK, grey, and the separation "All".
PRINT_OPERATORS = {"k", "K", "g", "G", "cs", "CS", "sc", "SC", "scn", "SCN"}


def render(tmp_path, command, *args, finish="print-shop") -> bytes:
    out = tmp_path / f"{command}-{finish}.pdf"
    call_command(command, *args, "--finish", finish, "--out", str(out), stdout=StringIO())
    return out.read_bytes()


def assert_print_ready(pdf: bytes, day):
    """What a preflight for PDF/X-1a:2003 on FOGRA39 looks at."""
    details = info(pdf)
    assert details["PDF subtype"] == "PDF/X-1a:2003"
    assert details["PDF version"] in ("1.3", "1.4")
    assert device_rgb(pdf) == []
    colours = colour_operators(pdf)
    assert colours and {op for op, _values in colours} <= PRINT_OPERATORS
    for op, values in colours:
        if op in ("k", "K") and values[3] == 1:
            assert values == (0, 0, 0, 1), f"rich black {values} {op}"  # black on K alone
    assert b"/S /GTS_PDFX" in pdf
    assert b"/OutputConditionIdentifier (FOGRA39)" in pdf
    assert b"/RegistryName (http://www.color.org)" in pdf
    assert b"/Trapped /False" in pdf and b"/ID" in pdf
    assert b"/ca " not in pdf and b"/SMask" not in pdf  # no transparency
    assert details["TrimBox"] != details["MediaBox"] and details["BleedBox"] != details["TrimBox"]
    assert all(row["emb"] == "yes" for row in fonts(pdf))
    # The content's own date, in Info and in XMP alike; never ReportLab's 2000-01-01.
    assert f"/CreationDate (D:{day:%Y%m%d}".encode() in pdf
    assert f"/ModDate (D:{day:%Y%m%d}".encode() in pdf
    assert b"D:2000" not in pdf
    packet = xmp(pdf).split("?>", 1)[1].rsplit("<?xpacket", 1)[0]
    metadata = ElementTree.fromstring(packet)  # noqa: S314 (our own file)
    found = {
        name: metadata.find(f".//{name}", XMP_NAMES).text
        for name in ("pdfxid:GTS_PDFXVersion", "xmp:CreateDate", "xmp:ModifyDate")
    }
    assert found["pdfxid:GTS_PDFXVersion"] == "PDF/X-1a:2003"
    assert found["xmp:CreateDate"].startswith(day.isoformat())
    assert found["xmp:ModifyDate"] == found["xmp:CreateDate"]
    title = metadata.find(".//dc:title/rdf:Alt/rdf:li", XMP_NAMES).text
    assert title == details["Title"]


def qr_in_black_only(pdf: bytes) -> bool:
    """The QR modules follow a 0/0/0/100 fill: one plate, no registration trouble."""
    return re.search(rb"0 0 0 1 k\n(?:[\d.]+ [\d.]+ [\d.]+ [\d.]+ re\n)+f", page_contents(pdf))


def swedish(context, text):
    with translation.override("sv"):
        return pgettext(context, text)


@pytest.mark.parametrize("code", ["ar", "ti"])
def test_render_card_for_a_print_shop_gives_pdfx_in_cmyk(tmp_path, code):
    pdf = render(tmp_path, "render_card", CARD, "--lang", code)
    card = content.card_content(DialogueCard.objects.get(slug=CARD), code)
    assert_print_ready(pdf, card.published)
    assert qr_in_black_only(pdf)
    assert qr_codes(pdf, dpi=200) == [card.audio_url]
    # Page labels name the sides for the print shop, in Swedish; numbered when the card
    # takes more than one (Tigrinya may spill onto a second).
    front, back = swedish("staff side", "Front side"), swedish("staff side", "Back side")
    cards = int(info(pdf)["Pages"]) // 2
    expected = {}
    for number in range(1, cards + 1):
        suffix = f" {number}" if cards > 1 else ""
        expected[2 * number - 2] = front + suffix
        expected[2 * number - 1] = back + suffix
    assert page_labels(pdf) == expected


@pytest.mark.parametrize("code", ["ar", "ti"])
def test_leaflet_for_a_print_shop_is_pdfx_in_cmyk(tmp_path, code):
    pdf = render(tmp_path, "render_card", CARD, "--lang", code, "--layout", "leaflet")
    event = DialogueCard.objects.get(slug=CARD).life_event
    assert_print_ready(pdf, content.event_content(event, code).published)
    assert qr_in_black_only(pdf)
    assert qr_codes(pdf, dpi=200) == [content.event_url(event.slug, code)]


def test_poster_for_a_print_shop_is_pdfx_in_cmyk(tmp_path):
    pdf = render(tmp_path, "render_poster", "--size", "A3")
    targets, published = service._poster_scope(None, None)
    assert_print_ready(pdf, published)
    assert qr_codes_each(pdf) == [[url] for _code, url in targets]


def test_office_finish_stays_rgb_without_output_intent(tmp_path):
    pdf = render(tmp_path, "render_card", CARD, "--lang", "ar", finish="office")
    assert "PDF subtype" not in info(pdf)
    assert b"GTS_PDFX" not in pdf and b"OutputIntent" not in pdf
    operators = {op for op, _values in colour_operators(pdf)}
    assert "rg" in operators and not operators & {"k", "K"}
    card = content.card_content(DialogueCard.objects.get(slug=CARD), "ar")
    assert f"/CreationDate (D:{card.published:%Y%m%d}".encode() in pdf  # real dates here too
    assert qr_codes(pdf) == [card.audio_url]


def test_the_same_content_gives_the_same_print_shop_bytes():
    card = content.card_content(DialogueCard.objects.get(slug=CARD), "so")
    first = CardRenderer.for_contents([card], "print-shop").render()
    assert CardRenderer.for_contents([card], "print-shop").render() == first


def test_a_colour_without_a_print_ink_cannot_reach_a_print_file():
    canvas = Canvas(io.BytesIO(), enforceColorSpace=PRINT_COLOURS)
    with pytest.raises(ValueError, match="No print ink"):
        canvas.setFillColorRGB(0.5, 0.2, 0.1)
    canvas.setFillColorRGB(0, 0, 0)  # grey is fine: on the black plate alone
    assert canvas._code[-1] == "0 0 0 1 k"


def test_admin_print_page_offers_the_print_shop_file(admin_client):
    card = DialogueCard.objects.get(slug=CARD)
    page = admin_client.get(f"/admin/print/card/{card.pk}/").content.decode()
    link = f"/admin/print/card/{card.pk}/ar/card/print-shop.pdf"
    assert f'href="{link}"' in page
    response = admin_client.get(link)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert_print_ready(response.content, content.card_content(card, "ar").published)


def test_print_shop_pack_holds_only_pdfx_files(tmp_path):
    out = tmp_path / "pack.zip"
    call_command(
        "build_pack", "servicekontor", "--lang", "ar,ti", "--finish", "print-shop",
        "--out", str(out), stdout=StringIO(),
    )  # fmt: skip
    archive = zipfile.ZipFile(out)
    pdfs = [name for name in archive.namelist() if name.endswith(".pdf")]
    assert any("leaflet" in name for name in pdfs) and any("poster" in name for name in pdfs)
    for name in pdfs:
        pdf = archive.read(name)
        assert info(pdf)["PDF subtype"] == "PDF/X-1a:2003", name
        assert device_rgb(pdf) == [], name


def test_material_page_pack_for_a_print_shop_is_pdfx(client):
    response = client.get("/material/servicekontor/pack.zip?lang=ar&finish=print-shop")
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    pdfs = [name for name in archive.namelist() if name.endswith(".pdf")]
    assert pdfs
    for name in pdfs:
        assert info(archive.read(name))["PDF subtype"] == "PDF/X-1a:2003", name
