"""Report → .docx bytes laid out to GB/T 9704—2012, in the 报送版 or the 公开版."""

from __future__ import annotations

import datetime
import io
from typing import TYPE_CHECKING

from docx.document import Document as DocxDocument
from lxml import etree

import models.export.layout as L
from models.edition import Edition
from models.export.blocks import Block, body_blocks, clean, prune
from models.export.document import new_document
from models.export.docx_parts import (
    add_imprint,
    add_masthead,
    add_note,
    add_signature,
    blank_line,
    body_format,
    signature_lines,
)
from models.export.ooxml import ParaFormat, RunFormat, add_break, add_text, paragraph_properties, sub
from models.export.titles import split_title
from models.report import Report

if TYPE_CHECKING:
    from models.export.options import ExportOptions

KEEP_WITH_SIGNATURE_CHARS = 3 * L.CHARS_PER_LINE - 2


def build_docx(report: Report, options: ExportOptions) -> bytes:
    faces = L.faces_for(options.fallback_fonts)
    document = new_document(faces)
    body = document.element.body
    sect_pr = body.find(f"{{{body.nsmap['w']}}}sectPr")
    container = build_body(report, options)  # built apart, then moved before sectPr
    for element in list(container):
        sect_pr.addprevious(element)
    _set_properties(document, prune(report))
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def build_body(report: Report, options: ExportOptions) -> etree._Element:
    """The body's paragraphs and tables (``w:p``/``w:tbl``) under a bare ``container`` element:
    what the .docx holds between its start and its section properties. The typesetter lays out
    these very elements, so the page view and the .docx cannot drift apart."""
    faces = L.faces_for(options.fallback_fonts)
    container = etree.Element("container")
    report = prune(report)
    meta = report.meta
    submit = options.edition == Edition.SUBMIT
    if submit and options.header:
        add_masthead(container, meta, faces)
    # The title, its blank line and 主送 keep with the body's first line: never alone at a page foot.
    add_title(container, clean(meta.title), clean(meta.issuer), faces)
    recipients = clean(meta.recipients).strip()
    if clean(meta.title).strip():
        blank_line(container, keep_next=True)  # one blank line between the title and 主送 or the body
    if submit and recipients:
        add_recipients(container, recipients, faces)
    blocks = body_blocks(report, inline_points=options.points == "inline")
    signed = any(signature_lines(meta))
    for index, block in enumerate(blocks):
        # A short last paragraph goes with the signature to a new page, so that page is not
        # text-less; a long one would leave a gap (LibreOffice moves it whole), so it stays.
        keep = signed and index == len(blocks) - 1 and len(block.text) <= KEEP_WITH_SIGNATURE_CHARS
        add_block(container, block, faces, keep_next=keep)
    note = clean(meta.note).strip() if submit else ""
    add_signature(container, meta, faces, sealed=submit and options.sealed, note_follows=bool(note))
    if note:
        add_note(container, note, faces)
    if submit:  # the 版记 stands on its own: a report without 附注 still has 抄送 and 印发 (GB/T 9704 7.4)
        add_imprint(container, meta, faces)
    return container


def _set_properties(document: DocxDocument, report: Report) -> None:
    """File properties a clerk sees in Word: ours, not python-docx's template's."""
    now = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    properties = document.core_properties
    properties.title = clean(report.meta.title).replace("\n", "")
    properties.author = properties.last_modified_by = clean(report.meta.issuer)
    properties.comments = ""
    properties.created = properties.modified = now


def add_title(parent: etree._Element, title: str, issuer: str, faces: L.Faces) -> None:
    """The title, centred, in lines split by our rule; off the grid so a line takes one row."""
    lines = split_title(title.replace("\n", ""), issuer)
    if not lines:
        return
    paragraph = sub(parent, "p")
    paragraph_properties(paragraph, ParaFormat(jc="center", snap_to_grid=False, keep_next=True))
    fmt = RunFormat(face=faces.title, size=L.SIZE_TITLE)
    for index, line in enumerate(lines):
        if index:
            add_break(paragraph, fmt)
        add_text(paragraph, line, fmt)


def add_recipients(parent: etree._Element, recipients: str, faces: L.Faces) -> None:
    """主送机关: flush left, ending with a full-width colon."""
    text = recipients.replace("\n", "、").rstrip(":：") + "："
    paragraph = sub(parent, "p")
    paragraph_properties(paragraph, ParaFormat(keep_next=True))
    add_text(paragraph, text, body_format(faces.fangsong))


def add_block(parent: etree._Element, block: Block, faces: L.Faces, keep_next: bool = False) -> None:
    """A body paragraph (2-character first-line indent) or a standalone heading, which keeps
    with the next paragraph: a heading is never the last line of a page."""
    paragraph = sub(parent, "p")
    fmt = ParaFormat(first_line=L.INDENT_TWO_CHARS, first_line_chars=200, keep_next=keep_next or bool(block.heading))
    if block.heading and block.heading <= 2:
        fmt.outline_level = block.heading - 1
    paragraph_properties(paragraph, fmt)
    for piece in block.pieces:
        face = L.heading_face(faces, piece.level) if piece.level else faces.fangsong
        add_text(paragraph, piece.text, body_format(face))
