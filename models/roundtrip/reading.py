"""A returned .docx → the text of each anchored area, its tracked changes, and its comments.

python-docx 1.2 sees neither tracked insertions (``w:ins``) nor text inside content controls,
so the body is walked with lxml in document order. Areas are delimited by our bookmarks
(:mod:`.anchors`): a heading or guidance area runs from its bookmark's start to its end; a text
area from its bookmark (or from the end of its part's heading or guidance) to the next anchor,
so paragraphs a colleague adds after the last line of a part still belong to that part. Text
before the first anchor, or after the ``END`` anchor, is outside every area.

Each area is read twice: as if every tracked change were accepted, and as it was before them
(``w:del`` text in, ``w:ins`` text out; a deleted paragraph mark joins two paragraphs).
"""

from __future__ import annotations

import io
import logging
import posixpath
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from models.fileio import os_error_reason
from models.importing.docx_source import DOCUMENT_PART, check_docx
from models.importing.sources import ImportFileError
from models.roundtrip.anchors import Anchor, parse, shown_text
from models.roundtrip.records import END, GUIDANCE, HEADING, INSTRUCTIONS, TABLE_CELLS, TEXT

log = logging.getLogger(__name__)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_INSERTED = {f"{{{W}}}ins", f"{{{W}}}moveTo"}
_DELETED = {f"{{{W}}}del", f"{{{W}}}moveFrom"}
_TABLE = f"{{{W}}}tbl"
_SKIPPED = {f"{{{W}}}instrText", f"{{{W}}}delInstrText", MC_FALLBACK}  # field codes; a drawing's second copy
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_blank_text=False)


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


# Tags compared for every element of the body, built once.
_T, _DEL_TEXT, _BR, _CR, _TAB, _P = w("t"), w("delText"), w("br"), w("cr"), w("tab"), w("p")
_BOOKMARK_START, _BOOKMARK_END, _RPR = w("bookmarkStart"), w("bookmarkEnd"), w("rPr")
_COMMENT_START, _COMMENT_END, _COMMENT_REFERENCE = w("commentRangeStart"), w("commentRangeEnd"), w("commentReference")
_ID, _NAME = w("id"), w("name")
_MARK_PATH = f"{w('pPr')}/{w('rPr')}"


@dataclass
class TrackedChange:
    kind: str  # "ins" or "del"
    text: str
    author: str = ""
    date: str = ""


@dataclass
class AreaText:
    """What one area (or the text outside all of them) reads in the returned file."""

    accepted: str = ""  # as if every tracked change were accepted (normalised by shown_text)
    original: str = ""  # as before the tracked changes
    changes: list[TrackedChange] = field(default_factory=list)


@dataclass
class Comment:
    id: str
    text: str
    author: str = ""
    date: str = ""
    quote: str = ""
    area: tuple[int, str] | None = None  # where the comment's range starts; None: outside
    done: bool = False  # marked resolved in Word (commentsExtended)


@dataclass
class ReturnedFile:
    anchors: dict[tuple[int, str], Anchor] = field(default_factory=dict)  # in document order
    areas: dict[tuple[int, str], AreaText] = field(default_factory=dict)
    outside: AreaText = field(default_factory=AreaText)
    comments: list[Comment] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)  # the body's paragraphs, changes accepted
    other_bookmarks: int = 0
    # table's place in the file → the node whose area it follows (the table itself when it has a title)
    table_owners: dict[int, int | None] = field(default_factory=dict)

    @property
    def has_tracked_changes(self) -> bool:
        return any(a.changes for a in (*self.areas.values(), self.outside))


class _Area:
    """Accumulates one area's text while walking."""

    def __init__(self) -> None:
        self.accepted: list[str] = []
        self.original: list[str] = []
        self.changes: list[TrackedChange] = []

    def result(self) -> AreaText:
        return AreaText(shown_text("".join(self.accepted)), shown_text("".join(self.original)), self.changes)


class _Walker:
    def __init__(self) -> None:
        self.found = ReturnedFile()
        self.owner: tuple[int, str] | None = None
        self.open_ranges: dict[str, Anchor] = {}  # bookmark id → our anchor with a range (heading, guidance…)
        self.buffers: dict[tuple[int, str] | None, _Area] = {}
        self.inserted = self.deleted = 0
        self.change: TrackedChange | None = None
        self.table_depth = 0
        self.before_table: tuple[int, str] | None = None
        self.quotes: dict[str, list[str]] = {}  # comment id → quoted text so far (open ranges)
        self.quoted: dict[str, str] = {}
        self.comment_areas: dict[str, tuple[int, str] | None] = {}
        self.paragraph: list[str] = []

    def buffer(self) -> _Area:
        return self.buffers.setdefault(self.owner, _Area())

    def text(self, value: str) -> None:
        area = self.buffer()
        if not self.deleted:
            area.accepted.append(value)
            self.paragraph.append(value)
            for quote in self.quotes.values():
                quote.append(value)
        if not self.inserted:
            area.original.append(value)
        if self.change is not None:
            self.change.text += value

    def start(self, element: etree._Element) -> None:
        tag = element.tag
        if tag == _TABLE:
            self.table_start()
        elif tag == _BOOKMARK_START:
            self.bookmark_start(element)
        elif tag == _BOOKMARK_END:
            anchor = self.open_ranges.pop(element.get(_ID, ""), None)
            if anchor is not None and self.owner == anchor.key:
                self.owner = None if anchor.role == INSTRUCTIONS else (anchor.node_id, TEXT)
        elif tag in _INSERTED or tag in _DELETED:
            self.tracked_start(element, "ins" if tag in _INSERTED else "del")
        elif tag in (_T, _DEL_TEXT):
            self.text(element.text or "")
        elif tag in (_BR, _CR):
            self.text("\n")
        elif tag == _TAB:
            self.text(" ")
        elif tag == _COMMENT_START:
            comment_id = element.get(_ID, "")
            self.quotes[comment_id] = []
            self.comment_areas[comment_id] = self.owner
        elif tag == _COMMENT_END:
            self.found_quote(element.get(_ID, ""))
        elif tag == _COMMENT_REFERENCE:
            self.comment_areas.setdefault(element.get(_ID, ""), self.owner)

    def found_quote(self, comment_id: str) -> None:
        quote = self.quotes.pop(comment_id, None)
        if quote is not None:
            self.quoted[comment_id] = "".join(quote)

    def bookmark_start(self, element: etree._Element) -> None:
        anchor = parse(element.get(_NAME, ""))
        if anchor is None:
            self.found.other_bookmarks += 1
            return
        self.found.anchors.setdefault(anchor.key, anchor)
        if anchor.role == END:
            self.owner = None
            return
        self.owner = anchor.key
        if anchor.role in (HEADING, GUIDANCE, INSTRUCTIONS):
            self.open_ranges[element.get(_ID, "")] = anchor

    def tracked_start(self, element: etree._Element, kind: str) -> None:
        if kind == "ins":
            self.inserted += 1
        else:
            self.deleted += 1
        parent = element.getparent()
        if self.change is None and parent is not None and parent.tag != _RPR:  # not a paragraph mark
            self.change = TrackedChange(kind, "", element.get(w("author"), ""), element.get(w("date"), ""))
            self.buffer().changes.append(self.change)

    def table_start(self) -> None:
        """A table's cells are an area of their own, never a part's text (a merge cannot write cells)."""
        self.table_depth += 1
        if self.table_depth > 1:  # a table inside a cell belongs to the outer table
            return
        index = len(self.found.table_owners)
        self.found.table_owners[index] = self.owner[0] if self.owner and self.owner[1] != TABLE_CELLS else None
        self.before_table, self.owner = self.owner, (index, TABLE_CELLS)

    def end(self, element: etree._Element) -> None:
        tag = element.tag
        if tag == _TABLE:
            self.table_depth -= 1
            if not self.table_depth:
                self.owner = self.before_table
        elif tag in _INSERTED:
            self.inserted -= 1
            self.close_change()
        elif tag in _DELETED:
            self.deleted -= 1
            self.close_change()
        elif tag == _P:
            self.paragraph_end(element)

    def close_change(self) -> None:
        if not self.inserted and not self.deleted:
            self.change = None

    def paragraph_end(self, paragraph: etree._Element) -> None:
        mark = paragraph.find(_MARK_PATH)
        mark_inserted = mark is not None and mark.find(w("ins")) is not None
        mark_deleted = mark is not None and mark.find(w("del")) is not None
        area = self.buffer()
        if not mark_deleted:
            area.accepted.append("\n")
            self.found.paragraphs.append("".join(self.paragraph).strip())
            self.paragraph = []
        if not mark_inserted:
            area.original.append("\n")


def _walk(body: etree._Element) -> _Walker:
    walker = _Walker()
    skipping: etree._Element | None = None
    for event, element in etree.iterwalk(body, events=("start", "end")):
        if skipping is not None:
            if event == "end" and element is skipping:
                skipping = None
            continue
        if event == "start" and element.tag in _SKIPPED:
            skipping = element
            continue
        if event == "start":
            walker.start(element)
        else:
            walker.end(element)
    return walker


def read_returned(path: Path) -> ReturnedFile:
    """Read a returned .docx; a file that is not a sane .docx is refused with a Chinese message."""
    if path.suffix.lower() in (".doc", ".wps", ".rtf", ".odt", ".pdf"):
        raise ImportFileError(f"{path.name} 不是 .docx 文件。请在 Word 或 WPS 中打开它，“另存为” .docx 格式后再合并。")
    check_docx(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(f"无法读取文件 {path.name}：{os_error_reason(exc)}。") from exc
    return read_docx_bytes(data, path.name)


def read_docx_bytes(data: bytes, name: str) -> ReturnedFile:
    """Read a .docx already checked (or made by us)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            document = _parse(archive.read(DOCUMENT_PART), name)
            comments_xml, extended_xml = _comment_parts(archive)
            comments = _parse(comments_xml, name) if comments_xml else None
            extended = _parse(extended_xml, name) if extended_xml else None
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, EOFError, zlib.error) as exc:
        log.warning("unreadable returned file %s: %r", name, exc)
        raise ImportFileError(f"{name} 已损坏，无法读取。请在 Word 或 WPS 中打开后另存为 .docx 再试。") from exc
    body = document.find(w("body"))
    if body is None:
        raise ImportFileError(f"{name} 中没有正文，不是有效的 Word 文档。")
    return _result(_walk(body), comments, extended)


def _parse(data: bytes, name: str) -> etree._Element:
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        log.warning("bad XML in %s: %s", name, exc)
        raise ImportFileError(
            f"{name} 已损坏（内部内容不完整），无法读取。请在 Word 或 WPS 中打开后另存为 .docx 再试。"
        ) from exc


def _comment_parts(archive: zipfile.ZipFile) -> tuple[bytes | None, bytes | None]:
    """The comments part and its extension (resolved state), found through the document's relationships."""
    names = set(archive.namelist())
    found: dict[str, str] = {}
    rels = "word/_rels/document.xml.rels"
    if rels in names:
        root = _parse(archive.read(rels), rels)
        for rel in root.iter(f"{{{REL}}}Relationship"):
            kind = rel.get("Type", "").rsplit("/", 1)[-1]
            if kind in ("comments", "commentsExtended") and rel.get("TargetMode") != "External":
                found[kind] = posixpath.normpath(posixpath.join("word", rel.get("Target", "").lstrip("/")))
    found.setdefault("comments", "word/comments.xml")
    return tuple(
        archive.read(found[k]) if found.get(k) in names else None  # type: ignore[return-value]
        for k in ("comments", "commentsExtended")
    )


def _result(walker: _Walker, comments: etree._Element | None, extended: etree._Element | None) -> ReturnedFile:
    found = walker.found
    for key, buffer in walker.buffers.items():
        if key is None:
            found.outside = buffer.result()
        else:
            found.areas[key] = buffer.result()
    for comment_id in list(walker.quotes):
        walker.found_quote(comment_id)
    done = _done_paragraphs(extended)
    if comments is not None:
        for element in comments.iter(w("comment")):
            comment_id = element.get(_ID, "")
            paragraphs = element.findall(f".//{w('p')}")
            text = "\n".join("".join(t.text or "" for t in p.iter(w("t"))) for p in paragraphs)
            last = paragraphs[-1].get(f"{{{W14}}}paraId") if paragraphs else None
            found.comments.append(
                Comment(
                    id=comment_id,
                    text=shown_text(text),
                    author=element.get(w("author"), ""),
                    date=element.get(w("date"), ""),
                    quote=walker.quoted.get(comment_id, "").strip(),
                    area=walker.comment_areas.get(comment_id),
                    done=last in done,
                )
            )
    return found


def _done_paragraphs(extended: etree._Element | None) -> set[str]:
    if extended is None:
        return set()
    return {
        e.get(f"{{{W15}}}paraId", "") for e in extended.iter(f"{{{W15}}}commentEx") if e.get(f"{{{W15}}}done") == "1"
    }
