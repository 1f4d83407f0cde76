"""A blank python-docx document set up for GB/T 9704: page, grid, defaults, footers.

python-docx's default template carries theme font attributes that override explicit
names, a 11 pt default and Letter paper; all of it is replaced here.
"""

from __future__ import annotations

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import Twips
from lxml import etree

import models.export.layout as L
from models.export.ooxml import ParaFormat, RunFormat, add_page_field, add_text, paragraph_properties, sub, w

_THEME_ATTRIBUTES = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")
DASH = "—"  # U+2014 on both sides of the page number


def new_document(faces: L.Faces) -> DocxDocument:
    document = Document()
    _set_defaults(document, faces)
    _set_page(document)
    _set_settings(document)
    _add_footers(document, faces)
    body = document.element.body
    for paragraph in body.findall(w("p")):
        body.remove(paragraph)
    return document


def _set_defaults(document: DocxDocument, faces: L.Faces) -> None:
    styles = document.styles.element
    for fonts in styles.iter(w("rFonts")):
        for name in _THEME_ATTRIBUTES:
            fonts.attrib.pop(qn(f"w:{name}"), None)
    rpr = styles.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
    for child in list(rpr):
        rpr.remove(child)
    sub(rpr, "rFonts", ascii=L.LATIN_FONT, hAnsi=L.LATIN_FONT, eastAsia=faces.fangsong, cs=L.LATIN_FONT)
    sub(rpr, "sz", val=L.SIZE_BODY)
    sub(rpr, "szCs", val=L.SIZE_BODY)
    sub(rpr, "lang", val="en-US", eastAsia="zh-CN", bidi="ar-SA")
    ppr = styles.find(f"{w('docDefaults')}/{w('pPrDefault')}/{w('pPr')}")
    for child in list(ppr):
        ppr.remove(child)
    sub(ppr, "widowControl", val=0)
    sub(ppr, "spacing", after=0, line=L.LINE_PITCH, lineRule="exact")
    sub(ppr, "jc", val="both")


def _set_page(document: DocxDocument) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Twips(L.PAGE_WIDTH), Twips(L.PAGE_HEIGHT)
    section.top_margin, section.bottom_margin = Twips(L.MARGIN_TOP), Twips(L.MARGIN_BOTTOM)
    section.left_margin, section.right_margin = Twips(L.MARGIN_LEFT), Twips(L.MARGIN_RIGHT)
    section.footer_distance, section.header_distance = Twips(L.FOOTER_DISTANCE), Twips(L.HEADER_DISTANCE)
    grid = section._sectPr.find(w("docGrid"))
    grid.attrib.clear()
    grid.set(w("type"), "lines")
    grid.set(w("linePitch"), str(L.LINE_PITCH))


def _set_settings(document: DocxDocument) -> None:
    document.settings.odd_and_even_pages_header_footer = True
    settings = document.settings.element
    lang = settings.find(w("themeFontLang"))
    if lang is not None:
        lang.set(w("eastAsia"), "zh-CN")


def _add_footers(document: DocxDocument, faces: L.Faces) -> None:
    """Odd pages: number right, one character in; even pages: left, one character in."""
    section = document.sections[0]
    _page_number(section.footer._element, faces, "right")
    _page_number(section.even_page_footer._element, faces, "left")


def _page_number(footer: etree._Element, faces: L.Faces, side: str) -> None:
    for child in list(footer):
        footer.remove(child)
    paragraph = sub(footer, "p")
    indent = {"left": L.CHAR_SMALL if side == "left" else 0, "right": L.CHAR_SMALL if side == "right" else 0}
    paragraph_properties(paragraph, ParaFormat(jc=side, line=None, snap_to_grid=False, **indent))
    # 4号 半角宋体: the digits take the 宋体 face too.
    fmt = RunFormat(face=faces.songti, size=L.SIZE_SMALL, latin=faces.songti)
    add_text(paragraph, DASH + " ", fmt)
    add_page_field(paragraph, fmt)
    add_text(paragraph, " " + DASH, fmt)
