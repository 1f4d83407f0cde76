"""Word comments in the streamed .docx: each comment's range on exact characters of the body.

The comments themselves go into ``word/comments.xml`` through python-docx 1.2's comments API
(:func:`add_comments_part`, before the frame is saved). Their ranges cannot be added after the
fact: the body is never held whole (:mod:`models.export.docx_writer` streams it), and python-docx
anchors only on whole runs. So the writer asks :class:`CommentMarks` while it writes: a piece of
body text is cut into runs at the comment boundaries (each cut run keeps its format), and the
frame's elements (title, 主送, signature, 版记…) are marked once built, while still held.

A comment's range is ``commentRangeStart`` … ``commentRangeEnd``, then a run holding the
``commentReference``: what Word, WPS and LibreOffice write.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from docx.document import Document as DocxDocument
from lxml import etree

from models.export.ooxml import sub, text_runs, w

Key = tuple[int, str, int]  # (node id, "h" heading | "t" text, line of the field as the file shows it)
_END, _START = 0, 1  # at one offset, a range that ends comes before one that starts


@dataclass(frozen=True)
class BodySpan:
    """Characters of node fields as the body shows them: from (key, offset) up to (key, offset).
    ``widths`` gives each key's shown line length: a heading's piece starts with its number."""

    start: tuple[Key, int]
    end: tuple[Key, int]
    widths: tuple[tuple[Key, int], ...]


@dataclass(frozen=True)
class ElementSpan:
    """The ``occurrence``-th ``needle`` in an element of the frame (``"title"``, ``"recipients"``,
    ``"masthead"``, ``"signature"``, ``"note"``, ``"imprint"``, ``"table:<node id>"``); the whole
    element when the needle is empty or not there."""

    element: str
    needle: str = ""
    occurrence: int = 0


@dataclass(frozen=True)
class PlannedComment:
    text: str  # paragraphs separated by "\n"
    where: BodySpan | ElementSpan | None  # None: the start of the document (the title, else the first text)


@dataclass(frozen=True)
class CommentPlan:
    comments: tuple[PlannedComment, ...]
    author: str
    initials: str


def add_comments_part(document: DocxDocument, plan: CommentPlan) -> list[int]:
    """The comments, in the plan's order, into the document's comments part; their ids."""
    _add_comment_styles(document)
    return [
        document.comments.add_comment(c.text, author=plan.author, initials=plan.initials).comment_id
        for c in plan.comments
    ]


def _add_comment_styles(document: DocxDocument) -> None:
    """Word's CommentText/CommentReference: without them a comment would take the body's
    三号 仿宋 at exact 28.95 pt spacing."""
    styles = document.styles.element
    paragraph = sub(styles, "style", type="paragraph", styleId="CommentText")
    sub(paragraph, "name", val="annotation text")
    sub(paragraph, "basedOn", val="Normal")
    ppr = sub(paragraph, "pPr")
    sub(ppr, "spacing", after=0, line=240, lineRule="auto")
    sub(ppr, "jc", val="left")
    rpr = sub(paragraph, "rPr")
    sub(rpr, "rFonts", eastAsia="宋体")
    sub(rpr, "sz", val=21)
    sub(rpr, "szCs", val=21)
    reference = sub(styles, "style", type="character", styleId="CommentReference")
    sub(reference, "name", val="annotation reference")
    rpr = sub(reference, "rPr")
    sub(rpr, "sz", val=16)
    sub(rpr, "szCs", val=16)


def range_start(comment_id: int) -> etree._Element:
    element = etree.Element(w("commentRangeStart"))
    element.set(w("id"), str(comment_id))
    return element


def range_end(comment_id: int) -> list[etree._Element]:
    """``commentRangeEnd`` and the run with the ``commentReference`` after it."""
    end = etree.Element(w("commentRangeEnd"))
    end.set(w("id"), str(comment_id))
    run = etree.Element(w("r"))
    sub(sub(run, "rPr"), "rStyle", val="CommentReference")
    sub(run, "commentReference", id=comment_id)
    return [end, run]


Event = tuple[int, int, int]  # (offset in the piece, _END or _START, comment id)


def marked_runs(text: str, events: Sequence[Event]) -> Iterator[tuple[str, bool] | etree._Element]:
    """:func:`models.export.ooxml.text_runs` of ``text``, cut where a comment starts or ends, with
    the range elements between: (text, East Asian hint) or an element, in order."""
    ordered = sorted(events)
    index = position = 0
    for run, hint in text_runs(text):
        run_start, run_end = position, position + len(run)
        while index < len(ordered) and ordered[index][0] < run_end:
            offset = max(ordered[index][0], run_start)
            if offset > position:
                yield run[position - run_start : offset - run_start], hint
                position = offset
            yield from _elements(ordered[index])
            index += 1
        if position < run_end:
            yield run[position - run_start :], hint
            position = run_end
    for event in ordered[index:]:
        yield from _elements(event)


def _elements(event: Event) -> list[etree._Element]:
    _, kind, comment_id = event
    return [range_start(comment_id)] if kind == _START else range_end(comment_id)


class CommentMarks:
    """Where each comment of a plan goes, asked by the writer as it writes (one per export)."""

    def __init__(self, plan: CommentPlan, ids: Sequence[int]) -> None:
        self.body: dict[Key, list[Event]] = {}
        self.widths: dict[Key, int] = {}
        self.elements: dict[str, list[tuple[int, ElementSpan]]] = {}
        self.pending: list[int] = []  # comments for the start of the document, not yet placed
        self.placed: set[int] = set()
        for comment, comment_id in zip(plan.comments, ids, strict=True):
            where = comment.where
            if isinstance(where, BodySpan):
                self.widths.update(where.widths)
                self.body.setdefault(where.start[0], []).append((where.start[1], _START, comment_id))
                self.body.setdefault(where.end[0], []).append((where.end[1], _END, comment_id))
            elif isinstance(where, ElementSpan):
                self.elements.setdefault(where.element, []).append((comment_id, where))
            else:
                self.pending.append(comment_id)
        self.all_ids = list(ids)

    def piece_events(self, key: Key | None, text: str) -> list[Event]:
        """The range boundaries inside a piece of body text (its line's offsets moved past a number)."""
        events: list[Event] = []
        if key is not None and key in self.body:
            shift = len(text) - self.widths.get(key, len(text))
            events = [(offset + shift, kind, cid) for offset, kind, cid in self.body.pop(key)]
            self.placed.update(cid for _, kind, cid in events if kind == _START)
        if self.pending and text:
            events += [(0, _START, cid) for cid in self.pending] + [(len(text), _END, cid) for cid in self.pending]
            self.placed.update(self.pending)
            self.pending = []
        return events

    def element(self, name: str, built: Sequence[etree._Element]) -> None:
        """Mark the paragraphs just built for a frame element (all still held)."""
        paragraphs = [p for e in built for p in e.iter(w("p")) if _text(p)]
        if not paragraphs:
            return
        wanted = self.elements.pop(name, [])
        if name == "title" and self.pending:
            wanted += [(cid, ElementSpan(name)) for cid in self.pending]
            self.pending = []
        for comment_id, span in wanted:
            if not (span.needle and _mark_needle(paragraphs, span, comment_id)):
                _mark(paragraphs[0], 0, len(_text(paragraphs[0])), comment_id)
            self.placed.add(comment_id)

    def finish(self, body: etree._Element) -> None:
        """Comments nothing took (a report with no text at all, an element that printed empty):
        empty ranges in the last paragraph held, a new empty one when there is none."""
        left = [cid for cid in self.all_ids if cid not in self.placed]
        if not left:
            return
        paragraphs = body.findall(w("p"))
        paragraph = paragraphs[-1] if paragraphs else sub(body, "p")
        for comment_id in left:
            paragraph.append(range_start(comment_id))
            paragraph.extend(range_end(comment_id))
            self.placed.add(comment_id)


def _text(paragraph: etree._Element) -> str:
    return "".join(t.text or "" for t in paragraph.iter(w("t")))


def _mark_needle(paragraphs: list[etree._Element], span: ElementSpan, comment_id: int) -> bool:
    seen = 0
    for paragraph in paragraphs:
        text = _text(paragraph)
        start = text.find(span.needle)
        while start != -1:
            if seen == span.occurrence:
                _mark(paragraph, start, start + len(span.needle), comment_id)
                return True
            seen += 1
            start = text.find(span.needle, start + 1)
    return False


def _mark(paragraph: etree._Element, start: int, end: int, comment_id: int) -> None:
    """A range on characters [start, end) of a built paragraph's text, runs cut where needed."""
    _cut(paragraph, start)
    _cut(paragraph, end)
    inside, position = [], 0
    for run in paragraph.findall(w("r")):
        length = len(_text(run))
        if length and start <= position and position + length <= end:
            inside.append(run)
        position += length
    if not inside:
        return
    inside[0].addprevious(range_start(comment_id))
    for element in reversed(range_end(comment_id)):
        inside[-1].addnext(element)


def _cut(paragraph: etree._Element, offset: int) -> None:
    """Split the run that holds ``offset`` inside it into two runs of the same format."""
    position = 0
    for run in paragraph.findall(w("r")):
        t = run.find(w("t"))
        length = len(t.text or "") if t is not None else 0
        if position < offset < position + length and t is not None:
            tail = copy.deepcopy(run)
            _set_text(t, (t.text or "")[: offset - position])
            tail_t = tail.find(w("t"))
            _set_text(tail_t, (tail_t.text or "")[offset - position :])
            run.addnext(tail)
            return
        position += length


def _set_text(t: etree._Element, text: str) -> None:
    t.text = text
    space = "{http://www.w3.org/XML/1998/namespace}space"
    if text != text.strip():
        t.set(space, "preserve")
    else:
        t.attrib.pop(space, None)
