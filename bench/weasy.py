"""The baseline: the same content as our card, 4-up, leaflet, poster and pack, drawn by
WeasyPrint from HTML/CSS with the same Noto files in the same fallback order.

Font sizes are the ones our fitting chose (CSS cannot shrink text to fit a box), worked out
before timing starts, so both sides lay out the same text at the same size.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from html import escape
from pathlib import Path

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

import languages
from dialogue import pictograms as pictogram_files
from print import content, packs, service
from print.content import NotPrintable
from print.documents import card as card_doc
from print.documents import contact
from typeset import fonts, frames, qr

SV = languages.SOURCE_LANGUAGE
_FONT_CONFIG = None
_IMAGE_CACHE: dict = {}  # WeasyPrint's own image cache: pictograms are parsed once per process


def _font_config():
    # One per process, as our side registers its fonts once. Imported here: the pack child
    # uses this module's sizes only, and its peak memory must not include WeasyPrint.
    from weasyprint.text.fonts import FontConfiguration

    global _FONT_CONFIG
    if _FONT_CONFIG is None:
        _FONT_CONFIG = FontConfiguration()
    return _FONT_CONFIG


def font_css() -> str:
    rules = []
    for script, files in fonts.FILES.items():
        for weight, filename in zip((400, 700), files, strict=True):
            url = fonts.find(filename).as_uri()
            rules.append(
                f"@font-face{{font-family:JiS-{script};src:url({url});font-weight:{weight}}}"
            )
    for language in languages.enabled():
        order = [face.script for face in fonts.for_language(language.code)]
        family = ",".join(f"JiS-{script}" for script in dict.fromkeys(order))
        tall = language.script in ("Thai", "Ethi")  # our layout gives these 1.5 leading too
        rules.append(
            f'[lang="{language.code}"]{{font-family:{family};line-height:{1.5 if tall else 1.3}}}'
        )
    return "\n".join(rules)


CARD_CSS = """
.side{width:105mm;height:148mm;box-sizing:border-box;padding:7mm;position:relative;
  overflow:hidden;color:#1d3557;background:#fff}
.pages .side{break-after:page}
header{display:flex;gap:4mm;align-items:flex-start;margin-bottom:4mm}
.picto{width:16mm;height:16mm;flex:none}
h1{font-size:14pt;margin:0}
h2{font-size:1.1em;margin:.9em 0 0}
h2:first-child{margin-top:0}
p{margin:.2em 0 0}
.turn{font-size:.9em}
.listen{position:absolute;left:7mm;right:7mm;bottom:9mm;display:flex;gap:3mm;color:#b5451c;
  font-size:9pt}
.qr{width:24mm;height:24mm;flex:none}
.own{font-weight:700;font-size:1.3em}
.version{position:absolute;left:7mm;right:7mm;bottom:4mm;font-size:5.5pt;color:#595f6b}
.staff{color:#b5451c;font-size:7pt}
.back h1{font-size:12pt;margin:1mm 0 4mm}
.back h3{font-size:1.05em;margin:1em 0 0}
.sheet{width:210mm;height:297mm;position:relative;break-after:page}
.slot{position:absolute;width:105mm;height:148.5mm}
.cut{position:absolute;background:#595f6b}
"""


def _page(size: str, margin: str, body: str, css: str, lang: str = SV) -> str:
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><style>'
        f"@page{{size:{size};margin:{margin}}}body{{margin:0}}{font_css()}{css}"
        f"</style></head><body>{body}</body></html>"
    )


def render(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html, base_url="/").write_pdf(font_config=_font_config(), cache=_IMAGE_CACHE)


def qr_svg(data: str, size_mm: float) -> str:
    rows = qr.matrix(data)
    n = len(rows) + 2 * qr.QUIET_ZONE_MODULES
    bars = []
    for r, row in enumerate(rows):
        c = 0
        while c < len(row):
            if not row[c]:
                c += 1
                continue
            start = c
            while c < len(row) and row[c]:
                c += 1
            q = qr.QUIET_ZONE_MODULES
            bars.append(f"M{start + q} {r + q}h{c - start}v1h{start - c}z")
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {n} {n}" '
        f'style="width:{size_mm}mm;height:{size_mm}mm;display:block">'
        f'<rect width="{n}" height="{n}" fill="#fff"/><path d="{"".join(bars)}"/></svg>'
    )


def _picto(name: str, size_mm: float) -> str:
    url = Path(pictogram_files.file_path(name)).as_uri()
    return f'<img class="picto" src="{url}" style="width:{size_mm}mm;height:{size_mm}mm">'


def _dir(code: str) -> str:
    return languages.get(code).direction


def fitted_sizes(card_content) -> tuple[float, float]:
    """(front, back) base sizes our renderer chose for the card; worked out before timing."""
    design = card_doc.CardDesign(card_content)
    fitted = design.front_fit()
    front = fitted[0] if fitted else card_doc.FRONT_SIZES[-1]
    width = card_doc.WIDTH - 2 * card_doc.MARGIN
    room = card_doc.HEIGHT - 2 * card_doc.MARGIN - 26 * card_doc.mm
    back = frames.fit(design._back_items(), width, room, card_doc.BACK_SIZES)
    return front, back[0] if back else card_doc.BACK_SIZES[-1]


def _version(c) -> str:
    return f"Jobba i Sverige · {c.published:%Y-%m-%d} · v{c.fingerprint[:7]} · {c.code}"


def card_sides(c, sizes: tuple[float, float]) -> tuple[str, str]:
    lang, language = c.lang, languages.get(c.lang)
    body = []
    for m in c.messages:
        body.append(f"<h2>{escape(m.headline)}</h2><p>{escape(m.body)}</p>")
        if m.where_to_turn:
            body.append(f'<p class="turn">{escape(m.where_to_turn)}</p>')
        if m.contact:
            body.append(f'<p class="turn">{escape(contact.front_text(m.contact, lang))}</p>')
    with translation.override(lang):
        scan = _("Scan the code to listen in your language.")
    front = (
        f'<div class="side front" lang="{lang}" dir="{_dir(lang)}" style="font-size:{sizes[0]}pt">'
        f"<header>{_picto(c.pictogram, 16)}<h1>{escape(c.title)}</h1></header>{''.join(body)}"
        f'<div class="listen"><div class="qr">{qr_svg(c.audio_url, 24)}</div><div>'
        f'<div class="own">{escape(language.own_name)}</div>{escape(scan)}</div></div>'
        f'<div class="version" lang="sv">{escape(_version(c))}</div></div>'
    )
    with translation.override(SV):
        staff = pgettext("staff side", "For staff · front in %(language)s") % {
            "language": language.own_name
        }
        prompts_head = pgettext("staff side", "Conversation prompts")
        turn_head = pgettext("staff side", "Where she can turn")
    back = [f"<h2>{escape(m.headline)}</h2><p>{escape(m.body)}</p>" for m in c.sv_messages]
    if c.prompts:
        back.append(f"<h3>{escape(prompts_head)}</h3>")
        back += [f"<p>• {escape(p)}</p>" for p in c.prompts]
    turns = [m.where_to_turn for m in c.sv_messages if m.where_to_turn]
    turns += [f"{label}: {_short(url)}" for m in c.sv_messages for label, url in m.links]
    contacts = dict.fromkeys(m.contact for m in c.sv_messages if m.contact)
    if turns or contacts:
        back.append(f"<h3>{escape(turn_head)}</h3>")
        back += [f"<p>{escape(line)}</p>" for line in dict.fromkeys(turns)]
        back += [_contact_html(found, SV, lang) for found in contacts]
    back_html = (
        f'<div class="side back" lang="sv" dir="ltr" style="font-size:{sizes[1]}pt">'
        f'<div class="staff">{escape(staff)}</div><h1>{escape(c.sv_title)}</h1>{"".join(back)}'
        f'<div class="version">{escape(_version(c))}</div></div>'
    )
    return front, back_html


def _contact_html(found, lang: str, her_lang: str) -> str:
    name, rest = contact.whole_text(found, lang, her_lang)
    lines = "".join(f"<p>{escape(line)}</p>" for line in rest.splitlines())
    return f"<p><b>{escape(name)}</b></p>{lines}"


def _short(url: str) -> str:
    return url.split("://", 1)[-1].removeprefix("www.").rstrip("/")


def cards_html(contents, sizes: dict, layout: str = "card") -> str:
    sides = [card_sides(c, sizes[(c.code, c.lang)]) for c in contents]
    if layout == "card":
        body = "".join(front + back for front, back in sides)
        return _page("105mm 148mm", "0", f'<div class="pages">{body}</div>', CARD_CSS)
    cuts = (
        '<div class="cut" style="left:105mm;top:5mm;width:.1mm;height:5mm"></div>'
        '<div class="cut" style="left:105mm;bottom:5mm;width:.1mm;height:5mm"></div>'
        '<div class="cut" style="top:148.5mm;left:5mm;width:5mm;height:.1mm"></div>'
        '<div class="cut" style="top:148.5mm;right:5mm;width:5mm;height:.1mm"></div>'
    )
    sheets = []
    for start in range(0, len(sides), 4):
        group = sides[start : start + 4]
        for face, mirror in ((0, False), (1, True)):
            slots = []
            for i, pair in enumerate(group):
                column, row = i % 2, i // 2
                if mirror:
                    column = 1 - column  # long-edge duplex turns left into right
                slots.append(
                    f'<div class="slot" style="left:{column * 105}mm;top:{row * 148.5}mm">'
                    f"{pair[face]}</div>"
                )
            sheets.append(f'<div class="sheet">{"".join(slots)}{cuts}</div>')
    return _page("A4", "0", "".join(sheets), CARD_CSS)


LEAFLET_CSS = """
.event{break-after:page;color:#1d3557;font-size:10.5pt}
header{display:flex;gap:5mm;margin-bottom:5mm}
.picto{flex:none}
h1{font-size:20pt;margin:0}
.svt{font-size:14pt}
.row{display:flex;gap:8mm}
.col{flex:1 1 0}
h2{font-size:1.1em;margin:1.2em 0 0}
p{margin:.25em 0 0}
.small{font-size:.92em}
.names{color:#b5451c;font-weight:700;font-size:9pt;border-bottom:.8pt solid #b5451c;
  margin-top:2mm}
footer{display:flex;gap:5mm;margin-top:8mm;color:#b5451c;break-inside:avoid}
.version{color:#595f6b;font-size:6pt;margin-top:2mm}
"""


def _message_col(m, lang: str, her_lang: str) -> str:
    links = "".join(
        f'<p class="small">{escape(label)}: {escape(_short(url))}</p>' for label, url in m.links
    )
    return (
        f'<div class="col" lang="{lang}" dir="{_dir(lang)}"><h2>{escape(m.headline)}</h2>'
        f'<p>{escape(m.body)}</p><p class="small">{escape(m.where_to_turn)}</p>{links}'
        f"{_contact_html(m.contact, lang, her_lang) if m.contact else ''}</div>"
    )


def leaflet_html(events) -> str:
    parts = []
    for e in events:
        lang, d = e.lang, _dir(e.lang)
        with translation.override(lang):
            scan = _("Scan the code to listen in your language.")
        rows = "".join(
            f'<div class="row" dir="{d}">'
            f"{_message_col(t, lang, lang)}{_message_col(s, SV, lang)}</div>"
            for t, s in e.messages
        )
        version = f"Jobba i Sverige · {e.published:%Y-%m-%d} · v{e.fingerprint[:7]}"
        parts.append(
            f'<section class="event" dir="{d}"><header>{_picto(e.pictogram, 20)}<div>'
            f'<h1 lang="{lang}">{escape(e.title)}</h1>'
            f'<div class="svt" lang="sv">{escape(e.sv_title)}</div></div></header>'
            f'<div class="row"><div class="col" lang="{lang}">{escape(e.intro)}</div>'
            f'<div class="col" lang="sv" dir="ltr">{escape(e.sv_intro)}</div></div>'
            f'<div class="row names"><div class="col" lang="{lang}">'
            f"{escape(languages.get(lang).own_name)}</div>"
            f'<div class="col" lang="sv" dir="ltr">Svenska</div></div>{rows}'
            f'<footer>{qr_svg(e.page_url, 26)}<div><b lang="{lang}">{escape(scan)}</b>'
            f'<div lang="sv">{escape(" · ".join(e.agencies))}</div>'
            f'<div class="version" lang="sv">{escape(version)}</div></div></footer></section>'
        )
    return _page("A4", "15mm", "".join(parts), LEAFLET_CSS)


POSTER_CSS = """
body{color:#1d3557;text-align:center}
h1{font-size:24pt;margin:0}
.en{font-size:13pt}
.grid{display:flex;flex-wrap:wrap;margin-top:8mm}
.cell{width:25%;margin-bottom:6mm;color:#b5451c;font-size:9.5pt}
.cell svg{margin:0 auto}
.own{font-weight:700}
"""


def poster_html(targets) -> str:
    with translation.override(SV):
        heading = _("Listen in your language")
    with translation.override("en"):
        heading_en = _("Listen in your language")
    cells = []
    for code, url in targets:
        with translation.override(code):
            listen = _("Listen in your language")
        cells.append(
            f'<div class="cell" lang="{code}" dir="{_dir(code)}">{qr_svg(url, 26)}'
            f'<div class="own">{escape(languages.get(code).own_name)}</div>{escape(listen)}</div>'
        )
    body = (
        f'<h1>{escape(heading)}</h1><div class="en" lang="en">{escape(heading_en)}</div>'
        f'<div class="grid">{"".join(cells)}</div>'
    )
    return _page("A4", "14mm", body, POSTER_CSS)


def pack_sizes(audience_slug: str, codes) -> dict:
    """Our fitted sizes for every card of the pack in every language (before timing)."""
    cards = packs.audience_cards(service.audience(audience_slug))
    sizes = {}
    for code in codes:
        served = content.served_for_cards(cards, code)
        for card in cards:
            c = content.card_content(card, code, served)
            sizes[(c.code, code)] = fitted_sizes(c)
    return sizes


def pack_zip(audience_slug: str, codes, sizes: dict) -> bytes:
    """What print.packs.pack_zip puts in the ZIP, drawn by WeasyPrint, from the same content."""
    audience = service.audience(audience_slug)
    cards = packs.audience_cards(audience)
    events = list({card.life_event_id: card.life_event for card in cards}.values())
    files = []
    for code in codes:
        served = content.served_for_cards(cards, code)
        contents = [content.card_content(card, code, served) for card in cards]
        files.append((f"{code}_cards-a6.pdf", render(cards_html(contents, sizes, "card"))))
        files.append((f"{code}_cards-4up.pdf", render(cards_html(contents, sizes, "4up"))))
        try:
            leaflet = leaflet_html([content.event_content(e, code) for e in events])
        except NotPrintable:
            continue
        files.append((f"{code}_leaflet.pdf", render(leaflet)))
    files.append(("poster-a4.pdf", render(poster_html(service.poster_targets(None, codes)))))
    manifest = [{"name": n, "sha256": hashlib.sha256(d).hexdigest()} for n, d in files]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files:
            archive.writestr(name, data)
        archive.writestr("manifest.json", json.dumps(manifest))
    return buffer.getvalue()
