"""The termbase as TBX (ISO 30042, the martif form translate-toolkit and CAT tools read).

One termEntry per term: the owning agency as `admin type="customerSubset"` (TBX-Basic's "whom
the term belongs to"), the staff definition on the Swedish langSet, the plain explanation on
each langSet as `descrip type="explanation"`, the approved rendering as the langSet's first tig
(administrativeStatus preferredTerm-admn-sts) and each forbidden variant as a further tig
(deprecatedTerm-admn-sts). A term kept in Swedish says so in a `note` (KEEP) and each language
then carries the Swedish term as its preferred term, which is what a CAT tool should insert.

Reading refuses the whole file on the first problems found (TbxError lists them): bad XML, no
Swedish term, an unknown agency or language, a Swedish term twice.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET  # noqa: S405  only for writing; reading goes through defusedxml
from dataclasses import dataclass, field

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET
from django.utils.translation import gettext as _

import languages
from dialogue.models import Agency

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
KEEP = "keep-in-swedish"
PREFERRED = "preferredTerm-admn-sts"
DEPRECATED = "deprecatedTerm-admn-sts"
MAX_BYTES = 5 * 2**20


class TbxError(Exception):
    """The file cannot be imported; the message says why, and nothing was written."""


@dataclass
class Language:
    rendering: str = ""
    explanation: str = ""
    forbidden: list[str] = field(default_factory=list)


@dataclass
class Entry:
    term: str
    agency: str  # short name
    definition: str = ""
    explanation: str = ""
    keep_in_swedish: bool = False
    languages: dict[str, Language] = field(default_factory=dict)


# --- writing -------------------------------------------------------------------------------


def _tig(lang_set, text: str, status: str) -> None:
    tig = ET.SubElement(lang_set, "tig")
    ET.SubElement(tig, "term").text = text
    ET.SubElement(tig, "termNote", {"type": "administrativeStatus"}).text = status


def _descrip(parent, kind: str, text: str) -> None:
    if text:
        ET.SubElement(parent, "descrip", {"type": kind}).text = text


def write(terms, codes: list[str] | None = None) -> bytes:
    """TBX of these terms, in the given target languages (all the terms have) or every one."""
    root = ET.Element("martif", {"type": "TBX", XML_LANG: languages.SOURCE_LANGUAGE})
    header = ET.SubElement(ET.SubElement(root, "martifHeader"), "fileDesc")
    ET.SubElement(ET.SubElement(header, "sourceDesc"), "p").text = "Jobba i Sverige: termbank"
    body = ET.SubElement(ET.SubElement(root, "text"), "body")
    for term in terms:
        node = ET.SubElement(body, "termEntry", {"id": f"term-{term.pk}"})
        ET.SubElement(node, "admin", {"type": "customerSubset"}).text = term.agency.short_name
        if term.keep_in_swedish:
            ET.SubElement(node, "note").text = KEEP
        swedish = ET.SubElement(node, "langSet", {XML_LANG: languages.SOURCE_LANGUAGE})
        _descrip(swedish, "definition", term.definition)
        _descrip(swedish, "explanation", term.explanation)
        _tig(swedish, term.term, PREFERRED)
        for translation in term.translations.all():
            if codes and translation.language not in codes:
                continue
            rendering = term.rendering(translation.language)
            if not (rendering or translation.explanation or translation.forbidden_variants()):
                continue
            lang_set = ET.SubElement(node, "langSet", {XML_LANG: translation.language})
            _descrip(lang_set, "explanation", translation.explanation)
            if rendering:
                _tig(lang_set, rendering, PREFERRED)
            for variant in translation.forbidden_variants():
                _tig(lang_set, variant, DEPRECATED)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


# --- reading -------------------------------------------------------------------------------


def _text(node, path: str) -> str:
    found = node.find(path)
    return (found.text or "").strip() if found is not None else ""


def _tigs(lang_set) -> list[tuple[str, str]]:
    tigs = []
    for tig in lang_set.iter("tig"):
        status = ""
        for note in tig.findall("termNote"):
            if note.get("type") == "administrativeStatus":
                status = (note.text or "").strip()
        tigs.append((_text(tig, "term"), status))
    return tigs


def _entry(node, number: int, problems: list[str]) -> Entry | None:
    where = _("Term entry %(number)s") % {"number": number}
    agency = ""
    for admin in node.findall("admin"):
        if admin.get("type") == "customerSubset":
            agency = (admin.text or "").strip()
    keep = any((n.text or "").strip() == KEEP for n in node.findall("note"))
    entry = Entry(term="", agency=agency, keep_in_swedish=keep)
    for lang_set in node.findall("langSet"):
        code = lang_set.get(XML_LANG, "")
        tigs = _tigs(lang_set)
        preferred = [text for text, status in tigs if status != DEPRECATED and text]
        descrips = {d.get("type"): (d.text or "").strip() for d in lang_set.findall("descrip")}
        if code == languages.SOURCE_LANGUAGE:
            entry.term = preferred[0] if preferred else ""
            entry.definition = descrips.get("definition", "")
            entry.explanation = descrips.get("explanation", "")
            continue
        language = languages.get(code)
        if language is None or language.is_source:
            problems.append(_("%(where)s: unknown language %(code)s.") % {"where": where,
                            "code": code or "–"})  # fmt: skip
            continue
        entry.languages[code] = Language(
            rendering="" if keep else (preferred[0] if preferred else ""),
            explanation=descrips.get("explanation", ""),
            forbidden=[text for text, status in tigs if status == DEPRECATED and text],
        )
    if not entry.term:
        problems.append(_("%(where)s: no Swedish term.") % {"where": where})
        return None
    if not Agency.objects.filter(short_name=agency).exists():
        problems.append(
            _("%(where)s (%(term)s): unknown owning agency %(agency)s.")
            % {"where": where, "term": entry.term, "agency": agency or "–"}
        )
    return entry


def read(data: bytes) -> list[Entry]:
    """Every entry of a TBX file, or TbxError naming what is wrong with it."""
    if len(data) > MAX_BYTES:
        raise TbxError(_("The file is larger than 5 MB."))
    try:
        root = SafeET.fromstring(data)
    except (SafeET.ParseError, DefusedXmlException) as error:
        raise TbxError(_("Not a readable TBX file: %(error)s") % {"error": error}) from error
    if root.tag != "martif":
        raise TbxError(_("Not a TBX file: the root element is %(tag)s.") % {"tag": root.tag})
    problems: list[str] = []
    entries, seen = [], set()
    for number, node in enumerate(root.iter("termEntry"), start=1):
        entry = _entry(node, number, problems)
        if entry is None:
            continue
        if entry.term.casefold() in seen:
            problems.append(
                _("The Swedish term %(term)s is in the file twice.") % {"term": entry.term}
            )
        seen.add(entry.term.casefold())
        entries.append(entry)
    if not entries and not problems:
        problems.append(_("The file has no term entries."))
    if problems:
        raise TbxError("\n".join(problems))
    return entries
