"""Composed paragraphs → pages of the GB/T 9704 text area, with keep-with-next and the 版记 at the
foot of the last page, and the "— N —" page numbers (odd pages right, even pages left)."""

from __future__ import annotations

from dataclasses import dataclass, replace

import models.export.layout as L
from models.typeset.compose import Fonts, SetLine
from models.typeset.model import Box, Line, Page, Rule, Run
from models.typeset.paragraphs import TWIP

PAGE_WIDTH = L.PAGE_WIDTH * TWIP
PAGE_HEIGHT = L.PAGE_HEIGHT * TWIP
TEXT_LEFT = L.MARGIN_LEFT * TWIP
TEXT_TOP = L.MARGIN_TOP * TWIP
TEXT_WIDTH = L.TEXT_WIDTH * TWIP
TEXT_BOTTOM = PAGE_HEIGHT - L.MARGIN_BOTTOM * TWIP
# 22 lines of 28.95 pt leave 0.9 pt of the 225 mm: LibreOffice centres its line grid in the text
# area, so everything on the page starts half of that lower.
GRID_OFFSET = (TEXT_BOTTOM - TEXT_TOP - L.LINES_PER_PAGE * L.LINE_PITCH * TWIP) / 2
FLOW_TOP = TEXT_TOP + GRID_OFFSET
FLOW_BOTTOM = TEXT_BOTTOM - GRID_OFFSET
FIT = 0.05  # points of rounding tolerance


@dataclass
class SetPara:
    """A paragraph's lines with what the page flow needs to know."""

    lines: list[SetLine]
    before: float = 0.0
    keep_next: bool = False
    rule: tuple[float, str] | None = None  # bottom border (width, colour): adds its width below
    page_break_before: bool = False


@dataclass
class SetTable:
    rows: list[tuple[list[SetLine], float, float, float]]  # lines, row height, top rule, bottom rule


@dataclass
class SetCell:
    lines: list[SetLine]  # x relative to the text area's left edge, before ``text_x``
    x: float  # the cell's left edge from the text area's
    width: float
    text_x: float  # where its lines start (the cell's left margin in)


@dataclass
class SetRow:
    cells: list[SetCell]
    height: float
    header: bool


@dataclass
class SetBodyTable:
    rows: list[SetRow]
    border: float
    keep_next: bool = False

    @property
    def height(self) -> float:
        return sum(row.height for row in self.rows)


class Flow:
    def __init__(self) -> None:
        self.pages: list[Page] = []
        self.y = FLOW_TOP
        self._new_page()

    def _new_page(self) -> None:
        self.pages.append(Page(len(self.pages) + 1, PAGE_WIDTH, PAGE_HEIGHT))
        self.y = FLOW_TOP

    @property
    def page(self) -> Page:
        return self.pages[-1]

    def room(self) -> float:
        return FLOW_BOTTOM - self.y

    def at_top(self) -> bool:
        return not self.page.lines and self.y == FLOW_TOP

    def place(self, line: SetLine, block: int) -> None:
        if line.height > self.room() + FIT and not self.at_top():
            self._new_page()
        self.page.lines.append(_line_at(line, TEXT_LEFT, self.y, block))
        self.y += line.height

    def skip(self, height: float) -> None:
        self.y += height

    def break_page(self) -> None:
        if not self.at_top():
            self._new_page()


def _line_at(line: SetLine, left: float, top: float, block: int) -> Line:
    runs = [replace(run, xs=tuple(left + x for x in run.xs), baseline=top + run.baseline) for run in line.runs]
    return Line(runs, top, line.height, block)


def paginate(elements: list[SetPara | SetTable | SetBodyTable], fonts: Fonts) -> list[Page]:
    flow = Flow()
    for index, element in enumerate(elements):
        if isinstance(element, SetTable):
            after = elements[index + 1] if index + 1 < len(elements) else None
            anchor = sum(line.height for line in after.lines) if isinstance(after, SetPara) else 0.0
            _place_table(flow, element, index, anchor)
            continue
        if isinstance(element, SetBodyTable):
            if _table_moves(flow, elements, index):
                flow.break_page()  # LibreOffice moves a kept table whole, not the heading above it
            _place_body_table(flow, element, index)
            continue
        if element.page_break_before:
            flow.break_page()
        if element.keep_next and not flow.at_top():
            group = _kept_height(elements, index)
            if group > flow.room() + FIT and group <= FLOW_BOTTOM - FLOW_TOP:
                flow.break_page()
        if not flow.at_top():
            flow.skip(element.before)
        elif index == 0:
            flow.skip(element.before)  # the 版头's distance from the top of the text area
        for line in element.lines:
            flow.place(line, index)
        if element.rule:
            width, color = element.rule
            flow.page.rules.append(Rule(TEXT_LEFT, TEXT_LEFT + TEXT_WIDTH, flow.y + width / 2, width, color))
            flow.skip(width)
    for page in flow.pages:
        page.folio = folio(page.number, fonts)
    return flow.pages


def _kept_height(elements: list[SetPara | SetTable | SetBodyTable], index: int) -> float:
    """Height of a keep-with-next chain from ``index`` with the first line of the paragraph after it
    (or the first row of the table after it: a table title keeps with its table)."""
    height = 0.0
    for element in elements[index:]:
        if isinstance(element, SetBodyTable):
            height += element.rows[0].height if element.rows else 0.0
            break
        if isinstance(element, SetTable):
            break
        if not element.keep_next:
            height += element.before + (element.lines[0].height if element.lines else 0.0)
            break
        height += element.before + sum(line.height for line in element.lines)
    return height


def _table_moves(flow: Flow, elements: list[SetPara | SetTable | SetBodyTable], index: int) -> bool:
    """A table kept with what follows goes whole to the next page when that does not fit below it.
    LibreOffice keeps a table ending just before the 版记 (its tail paragraph between) with the
    版记 too, though nothing asks it to (measured with the 数据台账 附件)."""
    table = elements[index]
    assert isinstance(table, SetBodyTable)
    before_imprint = index + 2 < len(elements) and isinstance(elements[index + 2], SetTable)
    if not (table.keep_next or before_imprint) or flow.at_top() or table.height > FLOW_BOTTOM - FLOW_TOP:
        return False
    kept = table.height + _kept_height(elements, index + 1)
    limit = _imprint_top(elements[index + 2]) if before_imprint else _kept_limit(elements, index + 1)
    return flow.y + kept > limit + FIT


def _kept_limit(elements: list[SetPara | SetTable | SetBodyTable], index: int) -> float:
    """How far down a keep-with-next chain from ``index`` may reach: the foot of the text area, or
    the top of the 版记 the chain ends at (its anchor paragraph is part of the chain)."""
    for element in elements[index:]:
        if isinstance(element, SetTable):
            return _imprint_top(element)
        if not isinstance(element, SetPara) or not element.keep_next:
            break
    return FLOW_BOTTOM


def _imprint_top(imprint: SetTable) -> float:
    """The top of the 版记's first rule: its last rule's stroke ends on the 版心's lower edge."""
    rows = imprint.rows
    return TEXT_BOTTOM - rows[-1][3] / 2 - sum(row[1] for row in rows) - rows[0][2] / 2


def _place_table(flow: Flow, table: SetTable, index: int, anchor: float = 0.0) -> None:
    """The 版记 floats at the foot of the text area, its last rule on the 版心's lower edge; it goes
    to a new page when the text above, with the (tiny) paragraph it is anchored to, reaches into
    its first rule's stroke (LibreOffice: 1.15 pt left above the 版记 is not enough for the 1 pt
    paragraph and the half of a 1 pt rule)."""
    height = sum(row_height for _, row_height, _, _ in table.rows)
    bottom = TEXT_BOTTOM - table.rows[-1][3] / 2  # the last rule's stroke ends on the edge
    if flow.y + anchor > _imprint_top(table) + FIT:
        flow.break_page()
    top = bottom - height
    page = flow.page
    for lines, row_height, top_rule, bottom_rule in table.rows:
        shared = page.rules[-1] if page.rules and page.rules[-1].y == top else None
        if shared and top_rule > shared.width:  # one rule between two rows: the wider of the two
            page.rules[-1] = replace(shared, width=top_rule)
        elif top_rule and not shared:
            page.rules.append(Rule(TEXT_LEFT, TEXT_LEFT + TEXT_WIDTH, top, top_rule))
        line_top = top + (row_height - sum(line.height for line in lines)) / 2  # cells are centred vertically
        for line in lines:
            runs = [
                replace(run, xs=tuple(TEXT_LEFT + x for x in run.xs), baseline=line_top + run.baseline)
                for run in line.runs
            ]
            page.lines.append(Line(runs, line_top, line.height, index))
            line_top += line.height
        top += row_height
        if bottom_rule:
            page.rules.append(Rule(TEXT_LEFT, TEXT_LEFT + TEXT_WIDTH, top, bottom_rule))


def _place_body_table(flow: Flow, table: SetBodyTable, index: int) -> None:
    """Rows in the flow; a row that does not fit goes whole to the next page (``cantSplit``), which
    starts with the header rows again (``tblHeader``)."""
    header = []
    for row in table.rows:
        if not row.header:
            break
        header.append(row)
    # LibreOffice (measured): half the outer border above the rows on each page and below the last.
    edge = table.border / 2
    first = True
    for number, row in enumerate(table.rows):
        if row.height + edge > flow.room() + FIT and not flow.at_top():
            flow.break_page()
            first = True
            if number >= len(header):
                for repeated in header:
                    first = _place_row(flow, repeated, table.border, index, first)
        first = _place_row(flow, row, table.border, index, first)
    flow.skip(edge)


def _place_row(flow: Flow, row: SetRow, border: float, block: int, first: bool = False) -> bool:
    """One row's cells; ``first`` on the page: the table's top border's half above it.
    Returns ``False``: the next row is not the first on its page."""
    if first:
        flow.skip(border / 2)
    top, page = flow.y, flow.page
    bottom = top + row.height
    for cell in row.cells:
        if border:
            page.boxes.append(Box(TEXT_LEFT + cell.x, top, TEXT_LEFT + cell.x + cell.width, bottom, border))
        line_top = top + (row.height - sum(line.height for line in cell.lines)) / 2  # vAlign center
        for line in cell.lines:
            page.lines.append(_line_at(line, TEXT_LEFT + cell.text_x, line_top, block))
            line_top += line.height
    flow.skip(bottom - top)
    return False


def folio_text(number: int) -> str:
    return f"{DASH} {number} {DASH}"


DASH = "—"


def folio(number: int, fonts: Fonts) -> Line:
    """4号 半角宋体 "— N —", 一字线 7 mm below the 版心: odd pages 居右空一字, even pages 居左空一字."""
    faces = L.STANDARD_FACES
    size = L.SIZE_SMALL / 2
    face, metrics = fonts.get(faces.songti)
    text = folio_text(number)
    advances = [metrics.advance(ch) * size for ch in text]
    width = sum(advances)
    one_char = L.CHAR_SMALL * TWIP
    x = TEXT_LEFT + TEXT_WIDTH - one_char - width if number % 2 else TEXT_LEFT + one_char
    xs = []
    for advance in advances:
        xs.append(x)
        x += advance
    height = (metrics.ascent + metrics.descent) * size
    bottom = PAGE_HEIGHT - L.FOOTER_DISTANCE * TWIP
    run = Run(text, tuple(xs), bottom - metrics.descent * size, size, faces.songti, face)
    return Line([run], bottom - height, height, -1)
