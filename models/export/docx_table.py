"""A table in the .docx body, per GB/T 9704 practice (the standard itself sets nothing but §8's
landscape tables): as wide as the 版心, header row in 黑体 repeated on each page, body in 仿宋.

Size: 4号 (14 pt), single-spaced and off the 28.95 pt grid. 3号 like the body gives only 28
characters across the whole 156 mm, so a table of four or five columns would wrap every name;
4号 fits about 31, and is the size 版记 already uses. Widths are written three ways — ``tblW``,
each ``gridCol`` and each cell's ``tcW`` — because WPS takes the grid and Word the table and
cell widths; they always sum to the 版心 exactly. Rows never split across pages (``cantSplit``).

Rows are written a chunk at a time like the body's runs (:class:`Sink`), so a 5000-row table
is never held as one tree.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Iterator
from typing import Protocol

from lxml import etree

import models.export.layout as L
from models.export.docx_parts import body_format
from models.export.ooxml import ParaFormat, RunFormat, add_text, paragraph_properties, sub, w
from models.report import TableData

SIZE_TABLE = L.SIZE_SMALL  # 4号
SIZE_TABLE_TITLE = L.SIZE_BODY  # 3号, 黑体
BORDER = 4  # eighths of a point: a 0.5 pt line
CELL_MARGIN_SIDE = 85  # twips (1.5 mm) left and right of a cell's text
CELL_MARGIN_END = 28  # twips above and below
MIN_COLUMN_CHARS, MAX_COLUMN_CHARS = 2.0, 12.0  # the range a column's share of the width is weighed in


class Sink(Protocol):
    """Where rows go: the body's chunk writer (``docx_writer._Chunks``)."""

    wrapper: etree._Element

    def full(self, children: int) -> bool: ...

    def finished(self, children: int) -> bytes: ...

    def take_open(self, tag: str = "p") -> tuple[bytes, etree._Element]: ...


def column_widths(table: TableData, total: int = L.TEXT_WIDTH) -> list[int]:
    """Twips per column summing to ``total``: shared by each column's longest cell, within limits,
    so a column of names gets more room than a column of figures."""
    count = table.column_count
    weights = [0.0] * count
    for row in table.squared().rows:
        for index, cell in enumerate(row):
            longest = max((L.text_width(line) for line in cell.split("\n")), default=0.0)
            weights[index] = max(weights[index], longest)
    weights = [min(max(weight, MIN_COLUMN_CHARS), MAX_COLUMN_CHARS) for weight in weights]
    widths = [int(total * weight / sum(weights)) for weight in weights]
    widths[-1] += total - sum(widths)
    return widths


def table_title(parent: etree._Element, title: str, faces: L.Faces) -> None:
    """The title centred above its table, kept with it."""
    paragraph = sub(parent, "p")
    paragraph_properties(paragraph, ParaFormat(jc="center", keep_next=True, line=None, snap_to_grid=False))
    add_text(paragraph, title.replace("\n", ""), RunFormat(face=faces.heiti, size=SIZE_TABLE_TITLE))


def write_table(sink: Sink, table: TableData, faces: L.Faces, keep_with_next: bool = False) -> Iterator[bytes]:
    """The ``w:tbl`` and a small paragraph after it (Word merges two tables that touch, and
    needs a paragraph after a table that ends a cell or the body). ``keep_with_next``: the last
    row goes with what follows (the signature after a table that ends the body: never a page
    with the signature alone)."""
    table = table.squared()
    widths = column_widths(table)
    element = sub(sink.wrapper, "tbl")
    _properties(element)
    grid = sub(element, "tblGrid")
    for width in widths:
        sub(grid, "gridCol", w=width)
    held = 2 + len(widths)
    for index, cells in enumerate(table.rows):
        header = table.header_row and index == 0
        keep = keep_with_next and index == len(table.rows) - 1
        held += _row(element, cells, widths, faces, header, keep)
        if sink.full(held):
            data, element = sink.take_open("tbl")
            held = 0
            yield data
    yield sink.finished(held)
    after = sub(sink.wrapper, "p")
    paragraph_properties(after, ParaFormat(line=None, snap_to_grid=False, keep_next=keep_with_next))
    yield sink.finished(1)


def _properties(table: etree._Element) -> None:
    props = sub(table, "tblPr")
    sub(props, "tblW", w=L.TEXT_WIDTH, type="dxa")
    sub(props, "jc", val="center")
    borders = sub(props, "tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        sub(borders, side, val="single", sz=BORDER, space=0, color="000000")
    sub(props, "tblLayout", type="fixed")
    margins = sub(props, "tblCellMar")
    sub(margins, "top", w=CELL_MARGIN_END, type="dxa")
    sub(margins, "left", w=CELL_MARGIN_SIDE, type="dxa")
    sub(margins, "bottom", w=CELL_MARGIN_END, type="dxa")
    sub(margins, "right", w=CELL_MARGIN_SIDE, type="dxa")
    sub(props, "tblLook", val="0000", firstRow=0, lastRow=0, firstColumn=0, lastColumn=0, noHBand=1, noVBand=1)


def _row(
    table: etree._Element, cells: list[str], widths: list[int], faces: L.Faces, header: bool, keep: bool = False
) -> int:
    """One ``w:tr``; returns the elements it holds, for the chunk count."""
    row = sub(table, "tr")
    props = sub(row, "trPr")
    sub(props, "cantSplit")  # schema order: cantSplit before tblHeader
    if header:
        sub(props, "tblHeader")
    fmt = RunFormat(face=faces.heiti if header else faces.fangsong, size=SIZE_TABLE)
    held = 3
    for column, (text, width) in enumerate(zip(cells, widths, strict=True)):
        cell = sub(row, "tc")
        cell.append(copy.deepcopy(_cell_properties(width)))  # built once per width: export speed
        # The first column reads as text (justified); headers and figures are centred.
        jc = "both" if column == 0 and not header else "center"
        for line in text.split("\n"):
            paragraph = sub(cell, "p")
            paragraph.append(copy.deepcopy(_cell_paragraph_properties(jc, keep)))
            add_text(paragraph, line, fmt)
            held += len(paragraph)
        held += 4
    return held


@functools.lru_cache(maxsize=128)
def _cell_properties(width: int) -> etree._Element:
    props = etree.Element(w("tcPr"))
    sub(props, "tcW", w=width, type="dxa")
    sub(props, "vAlign", val="center")
    return props


@functools.lru_cache(maxsize=8)
def _cell_paragraph_properties(jc: str, keep_next: bool) -> etree._Element:
    holder = etree.Element(w("p"))
    return paragraph_properties(holder, ParaFormat(jc=jc, line=None, snap_to_grid=False, keep_next=keep_next))


def add_attachment_note(parent: etree._Element, text: str, faces: L.Faces) -> None:
    """附件说明: one blank line under the body, 左空二字, 3号仿宋 (GB/T 9704 7.3.4)."""
    paragraph_properties(sub(parent, "p"), ParaFormat(keep_next=True))
    paragraph = sub(parent, "p")
    paragraph_properties(paragraph, ParaFormat(first_line=L.INDENT_TWO_CHARS, first_line_chars=200, keep_next=True))
    add_text(paragraph, text, body_format(faces.fangsong))


def add_attachment_heading(parent: etree._Element, label: str, title: str, faces: L.Faces) -> None:
    """The 附件's first lines (GB/T 9704 7.3.7): on a new page, the label in 3号黑体 顶格 on line 1,
    the title centred on line 3 in the title's 2号小标宋 (off the grid: one row), a blank line."""
    paragraph = sub(parent, "p")
    properties = paragraph_properties(paragraph, ParaFormat(jc="left", keep_next=True))
    properties.find(w("widowControl")).addprevious(etree.Element(w("pageBreakBefore")))
    add_text(paragraph, label, RunFormat(face=faces.heiti, size=L.SIZE_BODY))
    paragraph_properties(sub(parent, "p"), ParaFormat(keep_next=True))
    heading = sub(parent, "p")
    paragraph_properties(heading, ParaFormat(jc="center", snap_to_grid=False, keep_next=True))
    add_text(heading, title, RunFormat(face=faces.title, size=L.SIZE_TITLE))
    paragraph_properties(sub(parent, "p"), ParaFormat(keep_next=True))
