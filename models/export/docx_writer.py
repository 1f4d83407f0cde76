"""Report → .docx bytes laid out to GB/T 9704—2012, in the 报送版 or the 公开版."""

from __future__ import annotations

import contextlib
import datetime
import io
import zipfile
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from docx.document import Document as DocxDocument
from lxml import etree

import models.export.layout as L
from models.edition import Edition
from models.export.attachment import LABEL, LEDGER_TITLE, attachment_note, ledger_table
from models.export.blocks import Block, body_blocks, clean, prune
from models.export.document import new_document
from models.export.docx_comments import CommentMarks, add_comments_part, marked_runs
from models.export.docx_parts import (
    add_imprint,
    add_masthead,
    add_note,
    add_signature,
    blank_line,
    body_format,
    signature_lines,
)
from models.export.docx_table import add_attachment_heading, add_attachment_note, table_title, write_table
from models.export.ooxml import (
    ParaFormat,
    RunFormat,
    add_break,
    add_run,
    add_text,
    bookmark_at_start,
    bookmark_end,
    bookmark_start,
    paragraph_properties,
    sub,
    text_runs,
    w,
)
from models.export.titles import split_title
from models.report import Report

if TYPE_CHECKING:
    from models.export.options import ExportOptions

KEEP_WITH_SIGNATURE_CHARS = 3 * L.CHARS_PER_LINE - 2


def build_docx(report: Report, options: ExportOptions) -> bytes:
    """The .docx bytes. The body is written into the zip a few thousand runs at a time, never held
    as one tree: a run in lxml takes ten times its serialized size, so a long report (the importer
    takes up to a million characters, a paragraph may be one run per character) would need gigabytes."""
    faces = L.faces_for(options.fallback_fonts)
    document = new_document(faces)
    _set_properties(document, report)
    marks = CommentMarks(options.comments, add_comments_part(document, options.comments)) if options.comments else None
    body = document.element.body
    body.find(f"{{{body.nsmap['w']}}}sectPr").addprevious(etree.Comment(_BODY_MARK))
    frame = io.BytesIO()
    document.save(frame)
    return _with_body(frame, _body_chunks(report, options, faces, _Chunks(body.nsmap, _CHUNK_RUNS), marks))


def build_body(report: Report, options: ExportOptions, starts: list[int] | None = None) -> etree._Element:
    """The body's paragraphs and tables (``w:p``/``w:tbl``) under one bare element, all held: what
    the .docx holds between its start and its section properties. The typesetter lays out these
    very elements, so the page view and the .docx cannot drift apart. ``starts`` receives the
    element index at which each of the body's blocks begins."""
    chunks = _Chunks(None, limit=None)
    for _ in _body_chunks(report, options, L.faces_for(options.fallback_fonts), chunks, starts=starts):
        pass
    return chunks.wrapper


_BODY_MARK = "nianbao-body"
_CHUNK_RUNS = 2000  # runs (and paragraph properties) held as elements before they are written out


def _with_body(frame: io.BytesIO, chunks: Iterator[bytes]) -> bytes:
    """The saved frame's package with the body's chunks written where its marker is."""
    result = io.BytesIO()
    with zipfile.ZipFile(frame) as source, zipfile.ZipFile(result, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename != "word/document.xml":
                target.writestr(info, data)
                continue
            head, tail = data.split(f"<!--{_BODY_MARK}-->".encode())
            with target.open(info.filename, "w", force_zip64=True) as part:
                part.write(head)
                for chunk in chunks:
                    part.write(chunk)
                part.write(tail)
    return result.getvalue()


class _Chunks:
    """Body paragraphs are built under a wrapper that declares the document's namespaces and
    serialized without it, a chunk at a time. A long paragraph is cut between runs: its start is
    written still open, and its further runs go into a continuation written without its start tag."""

    def __init__(self, nsmap: dict | None, limit: int | None) -> None:
        self.nsmap = nsmap  # None: a bare element, never serialized (build_body)
        self.limit = limit  # None: everything is held, nothing written out
        self.wrapper = self._new()
        self.held = 0  # children of finished paragraphs in the wrapper
        self.continued = ""  # the tag ("p", "tbl") of the wrapper's first element when it continues
        # one already written open, else ""

    def _new(self) -> etree._Element:
        if self.nsmap is None:
            return etree.Element("container")
        return etree.Element(f"{{{self.nsmap['w']}}}body", nsmap=self.nsmap)

    def full(self, children: int) -> bool:
        return self.limit is not None and children >= self.limit

    def finished(self, children: int) -> bytes:
        """Count a finished paragraph's children; the chunk when enough is held."""
        self.held += children
        return self.take() if self.full(self.held) else b""

    def take(self) -> bytes:
        if self.limit is None or not len(self.wrapper):
            return b""
        data = etree.tostring(self.wrapper, encoding="UTF-8")
        data = data[data.index(b">") + 1 : -len(b"</w:body>")]
        if self.continued:
            start, empty = f"<w:{self.continued}>".encode(), f"<w:{self.continued}/>".encode()
            end = f"</w:{self.continued}>".encode()
            data = end + data[len(empty) :] if data.startswith(empty) else data[len(start) :]
        self.wrapper = self._new()
        self.held = 0
        self.continued = ""
        return data

    def take_open(self, tag: str = "p") -> tuple[bytes, etree._Element]:
        """Everything so far, the last element (a paragraph or a table) left open; and the element
        for its further runs or rows."""
        data = self.take()
        end = f"</w:{tag}>".encode()
        assert data.endswith(end)
        self.continued = tag
        return data[: -len(end)], sub(self.wrapper, tag)


@contextlib.contextmanager
def _element(chunks: _Chunks, marks: CommentMarks | None, name: str) -> Iterator[None]:
    """A frame element built inside the block is given the 审校稿's comments on it."""
    start = len(chunks.wrapper)
    yield
    if marks is not None:
        marks.element(name, chunks.wrapper[start:])


def _body_chunks(
    report: Report,
    options: ExportOptions,
    faces: L.Faces,
    chunks: _Chunks,
    marks: CommentMarks | None = None,
    starts: list[int] | None = None,
) -> Iterator[bytes]:
    attached = ledger_table(report) if options.ledger_table else None  # prune keeps no ledger
    report = prune(report)
    meta = report.meta
    submit = options.edition == Edition.SUBMIT
    if submit and options.header:
        with _element(chunks, marks, "masthead"):
            add_masthead(chunks.wrapper, meta, faces)
    # The title, its blank line and 主送 keep with the body's first line: never alone at a page foot.
    with _element(chunks, marks, "title"):
        add_title(chunks.wrapper, clean(meta.title), clean(meta.issuer), faces)
    recipients = clean(meta.recipients).strip()
    if clean(meta.title).strip():
        blank_line(chunks.wrapper, keep_next=True)  # one blank line between the title and 主送 or the body
    if submit and recipients:
        with _element(chunks, marks, "recipients"):
            add_recipients(chunks.wrapper, recipients, faces)
    anchored = options.anchors is not None or marks is not None
    blocks = body_blocks(report, inline_points=options.points == "inline", anchored=anchored)
    signed = any(signature_lines(meta))
    anchors = _numbered(options.anchors)
    tighten = options.tighten
    for index, block in enumerate(blocks):
        if starts is not None:
            starts.append(len(chunks.wrapper))  # build_body holds every element: this is its index
        if block.table is not None:
            keep = signed and index == len(blocks) - 1
            yield from _table_chunks(chunks, block, faces, anchors, keep_next=keep, marks=marks)
            continue
        # A short last paragraph goes with the signature to a new page, so that page is not
        # text-less; a long one would leave a gap (LibreOffice moves it whole), so it stays.
        keep = signed and index == len(blocks) - 1 and len(block.text) <= KEEP_WITH_SIGNATURE_CHARS
        pitch = tighten.pitch if tighten is not None and index >= tighten.first_block else None
        yield from _block_chunks(chunks, block, faces, keep_next=keep, anchors=anchors, marks=marks, pitch=pitch)
    body_end = len(chunks.wrapper)  # nothing is written out between here and the bookmark below
    if attached is not None:
        add_attachment_note(chunks.wrapper, attachment_note(), faces)
    note = clean(meta.note).strip() if submit else ""
    with _element(chunks, marks, "signature"):
        add_signature(chunks.wrapper, meta, faces, sealed=submit and options.sealed, note_follows=bool(note))
    if note:
        with _element(chunks, marks, "note"):
            add_note(chunks.wrapper, note, faces)
    after_body = chunks.wrapper[body_end] if body_end < len(chunks.wrapper) else None
    if (0, "e") in anchors and after_body is not None and after_body.tag == w("p"):
        bookmark_at_start(after_body, *anchors[(0, "e")])  # what follows the body is no part's
    if attached is not None:  # GB/T 9704 7.3.7: bound after the body, before the 版记
        add_attachment_heading(chunks.wrapper, LABEL, LEDGER_TITLE, faces)
        yield from write_table(chunks, attached, faces)
    if submit:  # the 版记 stands on its own: a report without 附注 still has 抄送 and 印发 (GB/T 9704 7.4)
        with _element(chunks, marks, "imprint"):
            add_imprint(chunks.wrapper, meta, faces)
    if marks is not None:
        marks.finish(chunks.wrapper)
    yield chunks.take()


def _block_chunks(
    chunks: _Chunks,
    block: Block,
    faces: L.Faces,
    keep_next: bool,
    anchors: Mapping[tuple[int, str], tuple[int, str]] | None = None,
    marks: CommentMarks | None = None,
    pitch: int | None = None,
) -> Iterator[bytes]:
    """A block's paragraph and runs, written out whenever enough runs are held. In a 审阅稿 each
    piece that belongs to a part sits between that part's bookmark start and end; in a 审校稿 a
    piece's runs are cut where a comment's range starts or ends. ``pitch``: a tightened exact line
    spacing off the grid (:class:`models.export.options.Tighten`)."""
    paragraph = block_paragraph(chunks.wrapper, block, keep_next, pitch)
    children = 1  # counted here: lxml's len() walks the children
    for piece in block.pieces:
        fmt = body_format(L.heading_face(faces, piece.level) if piece.level else faces.fangsong)
        mark = anchors.get(piece.anchor) if anchors and piece.anchor else None
        if mark:
            bookmark_start(paragraph, *mark)
            children += 1
        events = marks.piece_events(piece.source, piece.text) if marks else None
        for item in marked_runs(piece.text, events) if events else text_runs(piece.text):
            if isinstance(item, tuple):
                add_run(paragraph, item[0], fmt, item[1])
            else:
                paragraph.append(item)
            children += 1
            if chunks.full(children):
                data, paragraph = chunks.take_open()
                children = 0
                yield data
        if mark:
            bookmark_end(paragraph, mark[0])
            children += 1
    yield chunks.finished(children)


def add_block(parent: etree._Element, block: Block, faces: L.Faces, keep_next: bool = False) -> None:
    """One block as a whole paragraph under ``parent``, nothing written out."""
    chunks = _Chunks(None, limit=None)
    chunks.wrapper = parent
    for _ in _block_chunks(chunks, block, faces, keep_next):
        pass


def _table_chunks(
    chunks: _Chunks,
    block: Block,
    faces: L.Faces,
    anchors: Mapping[tuple[int, str], tuple[int, str]],
    keep_next: bool = False,
    marks: CommentMarks | None = None,
) -> Iterator[bytes]:
    """A table block: its title centred above (a 审阅稿's bookmark around it), then the table."""
    assert block.table is not None
    title = block.pieces[0] if block.pieces else None
    if title is not None and title.text:
        table_title(chunks.wrapper, title.text, faces)
        if marks is not None and title.anchor:
            marks.element(f"table:{title.anchor[0]}", chunks.wrapper[-1:])
        mark = anchors.get(title.anchor) if title.anchor else None
        if mark:  # around the title's runs, as a heading's
            paragraph = chunks.wrapper[-1]
            bookmark_start(paragraph, *mark)
            paragraph.insert(1, paragraph[-1])
            bookmark_end(paragraph, mark[0])
        yield chunks.finished(len(chunks.wrapper[-1]))
    yield from write_table(chunks, block.table, faces, keep_with_next=keep_next)


def _numbered(anchors: Mapping[tuple[int, str], str] | None) -> dict[tuple[int, str], tuple[int, str]]:
    """A 审阅稿's bookmark names with the ids the file gives them."""
    return {key: (index, name) for index, (key, name) in enumerate((anchors or {}).items())}


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


def block_paragraph(
    parent: etree._Element, block: Block, keep_next: bool = False, pitch: int | None = None
) -> etree._Element:
    """A body paragraph (2-character first-line indent) or a standalone heading, which keeps
    with the next paragraph (a heading is never the last line of a page): its properties, no text yet."""
    paragraph = sub(parent, "p")
    fmt = ParaFormat(first_line=L.INDENT_TWO_CHARS, first_line_chars=200, keep_next=keep_next or bool(block.heading))
    if pitch is not None:
        fmt.line, fmt.snap_to_grid = pitch, False
    if block.heading and block.heading <= 2:
        fmt.outline_level = block.heading - 1
    paragraph_properties(paragraph, fmt)
    return paragraph
