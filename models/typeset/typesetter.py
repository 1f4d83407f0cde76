"""``typeset(report, options)``: the report laid out on GB/T 9704 pages as its .docx prints."""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

from lxml import etree

import models.export.layout as L
from models.export.docx_writer import build_body
from models.export.options import UNTIGHTENED, ExportOptions, Tighten
from models.report import Report
from models.typeset.compose import Fonts, SetLine, compose
from models.typeset.fonts import DEFAULT_RESOLVER, FontResolver
from models.typeset.linebreak import LIBREOFFICE, BreakRules
from models.typeset.model import Pages
from models.typeset.paginate import FLOW_BOTTOM, TEXT_WIDTH, SetBodyTable, SetCell, SetPara, SetRow, SetTable, paginate
from models.typeset.paragraphs import TWIP, BodyTable, FootTable, Para, read_body


@dataclass(frozen=True)
class TypesetSettings:
    """How to lay out: whose line breaking to follow and where fonts come from."""

    rules: BreakRules = LIBREOFFICE
    resolver: FontResolver = DEFAULT_RESOLVER


def typeset(report: Report, options: ExportOptions | None = None, settings: TypesetSettings | None = None) -> Pages:
    """Lay out the very paragraphs :func:`models.export.docx_writer.build_body` writes, tightened as
    :func:`settle` decides."""
    return settle(report, options, settings)[1]


def settle(
    report: Report, options: ExportOptions | None = None, settings: TypesetSettings | None = None
) -> tuple[ExportOptions, Pages]:
    """The layout and the options that give it. When 署名 and 成文日期 would begin a page without
    body text, GB/T 9704 7.3.5 asks for tighter lines so they stay with the body: the body's last
    page (or, when that would be too tight, its last two) is set at the pitch that pulls them back,
    never tighter than :data:`MIN_PITCH`. Exports write the .docx with the options returned here,
    so Word, the page view and the PDF agree."""
    settled, layout = _settle(report, options or ExportOptions(), settings or TypesetSettings())
    return settled, layout.pages


def typeset_with_body(
    report: Report, options: ExportOptions, settings: TypesetSettings | None = None
) -> tuple[Pages, etree._Element]:
    """The pages :func:`typeset` gives and the body elements they were laid out from, for readers of
    its bookmarks (the page rules), who need not build it again."""
    _, layout = _settle(report, options, settings or TypesetSettings())
    return layout.pages, layout.body


def _settle(report: Report, options: ExportOptions, settings: TypesetSettings) -> tuple[ExportOptions, _Layout]:
    layout = _lay_out(report, options, settings)
    if options.tighten is not None:
        return options, layout
    if layout.signature_alone():
        for tighten in layout.tightenings():
            tried = dataclasses.replace(options, tighten=tighten)
            result = _lay_out(report, tried, settings)
            if not result.signature_alone() and len(result.pages) <= len(layout.pages):
                return tried, result
    return dataclasses.replace(options, tighten=UNTIGHTENED), layout


# 23 pt: 3号 text at about 1.4 lines, as tight as a clerk adjusting by hand goes; below it a page reads crammed.
MIN_PITCH = 460


@dataclass
class _Layout:
    pages: Pages
    body: etree._Element  # what build_body wrote, bookmarks included
    elements: list[Para | FootTable | BodyTable]
    starts: list[int]  # element index of each of the body's blocks
    body_end: int  # the first element after the body
    signature: range  # the elements after the body that must share its page: 附件说明, 署名, 日期, 附注

    def _first_page(self, blocks: range) -> int | None:
        """Index of the page on which the first line with text of ``blocks`` stands."""
        for number, page in enumerate(self.pages):
            if any(line.block in blocks and line.text.strip() for line in page.lines):
                return number
        return None

    def signature_alone(self) -> bool:
        number = self._first_page(self.signature)
        if number is None:
            return False
        lines = self.pages[number].lines
        return not any(line.block < self.body_end and line.text.strip() for line in lines)

    def tightenings(self) -> list[Tighten]:
        """Pitches that would pull the signature onto the body's last page, tightening the last page, then the last
        two; each estimated from the room they must give, and once more a little tighter."""
        page = self._first_page(self.signature)
        if page is None or not self.starts:
            return []
        moving = [line for line in self.pages[page].lines if line.block in self.signature]
        needed = moving[-1].top + moving[-1].height - moving[0].top
        result = []
        for back in (1, 2):
            if page - back < 0:
                break
            spread = self.pages[page - back : page]
            first = next((line.block for line in spread[0].lines if line.block >= self.starts[0]), None)
            if first is None:
                continue
            block = max(i for i, start in enumerate(self.starts) if start <= first)
            tight = [
                line
                for pg in spread
                for line in pg.lines
                if self.starts[block] <= line.block < self.body_end and isinstance(self.elements[line.block], Para)
            ]
            free = sum(FLOW_BOTTOM - max(line.top + line.height for line in pg.lines) for pg in spread if pg.lines)
            if not tight or needed <= free:
                continue
            pitch = math.floor(L.LINE_PITCH - (needed - free) / TWIP / len(tight)) - 1
            result += [Tighten(block, p) for p in (pitch, pitch - 10) if MIN_PITCH <= p < L.LINE_PITCH]
        return result


def _lay_out(report: Report, options: ExportOptions, settings: TypesetSettings) -> _Layout:
    fonts = Fonts(settings.resolver)
    names = _part_anchors(report) if options.anchors is None else dict(options.anchors)
    starts: list[int] = []
    body = build_body(report, dataclasses.replace(options, anchors=names), starts)  # bookmarks take no room
    elements = read_body(body, L.SIZE_BODY / 2, L.faces_for(options.fallback_fonts).fangsong)  # docDefaults
    set_elements = [_set(element, fonts, settings.rules) for element in elements]
    pages = Pages(paginate(set_elements, fonts), settings.rules.name)
    if options.tighten is not None and options.tighten is not UNTIGHTENED:
        pages.tightened = options.tighten.pitch * TWIP
    _mark_nodes(pages, _element_marks(body, {name: key[0] or None for key, name in names.items()}))
    body_end = _end_index(body, names.get((0, "e")), len(elements))
    after = body_end
    while after < len(elements) and isinstance(elements[after], Para) and not elements[after].page_break_before:
        after += 1
    return _Layout(pages, body, elements, starts, body_end, range(body_end, after))


def _end_index(body: etree._Element, end_name: str | None, count: int) -> int:
    """Index of the element holding the body's end bookmark (the first one after the body), else ``count``."""
    index = 0
    for element in body:
        if element.tag not in (f"{_W}p", f"{_W}tbl"):
            continue
        if end_name and any(mark.get(f"{_W}name") == end_name for mark in element.iter(_BOOKMARK)):
            return index
        index += 1
    return count


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_BOOKMARK, _TEXT = f"{_W}bookmarkStart", f"{_W}t"


def _part_anchors(report: Report) -> dict[tuple[int, str], str]:
    """A bookmark for every part's heading and text (as a 审阅稿 has), and one where the body ends."""
    names = {(node.id, role): f"n{node.id}{role}" for node in report.walk() if node.id is not None for role in "ht"}
    names[(0, "e")] = "end"
    return names


def _element_marks(body: etree._Element, nodes: dict[str, int | None]) -> list[list[tuple[int, int | None]]]:
    """Per body element (as ``read_body`` counts them): (character offset, node id) where a
    part's bookmark starts; a table's marks all count from its start."""
    marks: list[list[tuple[int, int | None]]] = []
    for element in body:
        if element.tag not in (f"{_W}p", f"{_W}tbl"):
            continue
        offset, found = 0, []
        for child in element.iter(_BOOKMARK, _TEXT):
            if child.tag == _TEXT and element.tag == f"{_W}p":
                offset += len(child.text or "")
            elif child.tag == _BOOKMARK and child.get(f"{_W}name") in nodes:
                found.append((offset, nodes[child.get(f"{_W}name")]))
        marks.append(found)
    return marks


def _mark_nodes(pages: Pages, marks: list[list[tuple[int, int | None]]]) -> None:
    """Each line's part: the one whose bookmark starts last at or before the line's first
    character, in reading order; lines before the first part (title, 版头) have none, and the
    body's end mark gives none to what follows it (署名, 版记)."""
    offsets: dict[int, int] = {}
    current: int | None = None
    for page in pages:
        for line in page.lines:
            start = offsets.get(line.block, 0)
            offsets[line.block] = start + len(line.text)
            for offset, node in marks[line.block] if line.block < len(marks) else ():
                if offset <= start:
                    current = node
            line.node = current


def _set(element: Para | FootTable | BodyTable, fonts: Fonts, rules: BreakRules) -> SetPara | SetTable | SetBodyTable:
    if isinstance(element, BodyTable):
        return _set_body_table(element, fonts, rules)
    if isinstance(element, FootTable):
        rows = []
        for row in element.rows:
            lines = compose(row.para, TEXT_WIDTH, fonts, rules)  # a long 抄送 wraps inside its row
            # Each cell holds half of the rules above and below it (measured in LibreOffice's PDF).
            height = sum(line.height for line in lines) + (row.top_rule + row.bottom_rule) / 2
            rows.append((lines, max(row.height, height), row.top_rule, row.bottom_rule))
        return SetTable(rows)
    return SetPara(
        compose(element, TEXT_WIDTH, fonts, rules),
        element.before,
        element.keep_next,
        element.border_bottom,
        element.page_break_before,
    )


def _in_twips(line: SetLine) -> SetLine:
    """LibreOffice sizes a table's lines in whole twips (a 4号 line 20.1 pt, not 20.118: measured)."""
    return SetLine(line.runs, round(line.height / TWIP) * TWIP)


def _set_body_table(table: BodyTable, fonts: Fonts, rules: BreakRules) -> SetBodyTable:
    """Each cell's paragraphs broken within the cell less its side margins; a row as tall as its
    tallest cell with the margins above and below and one border line."""
    left = (TEXT_WIDTH - sum(table.columns)) / 2  # the table is centred (jc=center)
    rows = []
    for row in table.rows:
        cells, x = [], left
        for paragraphs, width in zip(row.cells, table.columns, strict=False):
            inner = width - 2 * table.margin_side
            lines = [_in_twips(line) for para in paragraphs for line in compose(para, inner, fonts, rules)]
            cells.append(SetCell(lines, x, width, x + table.margin_side))
            x += width
        content = max((sum(line.height for line in cell.lines) for cell in cells), default=0.0)
        # LibreOffice adds a border's width to every row (measured: 23.4 pt a 4号 row, not 22.9)
        rows.append(SetRow(cells, content + 2 * table.margin_end + table.border, row.header))
    return SetBodyTable(rows, table.border, table.keep_next)
