"""The .docx writer's body elements read back as paragraphs to lay out, in points.

:func:`models.export.docx_writer.build_body` writes every paragraph's indent, alignment,
spacing, line pitch, keep-with-next and grid snapping; reading them here (instead of restating
them) keeps the typesetter on the writer's numbers by construction.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from docx.oxml.ns import qn
from lxml import etree

TWIP = 1 / 20  # points


@functools.cache
def _w(tag: str) -> str:
    return qn(f"w:{tag}")


@dataclass(frozen=True)
class TextRun:
    text: str
    east_asian: str  # font family for CJK characters
    latin: str  # font family for Latin letters and digits
    size: float  # points
    spacing: float = 0.0  # points added after each character
    color: str = ""


TAB = "\t"
BREAK = "\n"


@dataclass
class Para:
    runs: list[TextRun] = field(default_factory=list)
    jc: str = "both"
    left: float = 0.0
    right: float = 0.0
    first_line: float = 0.0  # negative: a hanging indent
    line: float | None = None  # exact line height; None: single spacing
    before: float = 0.0
    keep_next: bool = False
    page_break_before: bool = False
    snap_to_grid: bool = True  # exact lines on the document grid (the title and 版头 are off it)
    border_bottom: tuple[float, str] | None = None  # (width in points, colour)
    tabs: list[tuple[str, float]] = field(default_factory=list)
    size: float = 16.0  # of the paragraph mark: an empty paragraph's line
    mark_family: str = ""  # the document default's East Asian family: an empty paragraph's font

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass
class Row:
    para: Para
    height: float  # at least
    top_rule: float  # widths of the rules above and below, points
    bottom_rule: float


@dataclass
class FootTable:
    """The 版记: a one-column table floated to the foot of the text area."""

    rows: list[Row]


@dataclass
class BodyRow:
    cells: list[list[Para]]  # each cell's paragraphs
    header: bool  # repeated at the top of each page the table continues on (tblHeader)


@dataclass
class BodyTable:
    """A table in the body's flow: columns from ``gridCol``, rows never split (``cantSplit``)."""

    columns: list[float]  # widths, points
    rows: list[BodyRow]
    margin_side: float  # cell margins, points
    margin_end: float
    border: float  # width of every border line, points
    keep_next: bool = False  # its last row keeps with what follows: LibreOffice moves the whole table


Element = Para | FootTable | BodyTable


def read_body(container: etree._Element, default_size: float, default_family: str = "") -> list[Element]:
    elements: list[Element] = []
    for child in container:
        if child.tag == _w("p"):
            elements.append(read_paragraph(child, default_size, default_family))
        elif child.tag == _w("tbl"):
            elements.append(_read_table(child, default_size))
    return elements


_P, _PPR, _R, _RPR, _T, _TAB, _BR = (_w(tag) for tag in ("p", "pPr", "r", "rPr", "t", "tab", "br"))
_RFONTS, _SZ, _SPACING, _COLOR = (_w(tag) for tag in ("rFonts", "sz", "spacing", "color"))
_VAL, _EAST_ASIA, _ASCII = _w("val"), _w("eastAsia"), _w("ascii")


def read_paragraph(p: etree._Element, default_size: float, default_family: str = "") -> Para:
    """A paragraph's properties and its text runs; neighbouring runs of one format become one, as
    a renderer sees them (LibreOffice measures per stretch of equal attributes)."""
    para = Para(size=default_size, mark_family=default_family)
    ppr = p.find(_PPR)
    if ppr is not None:
        _read_properties(ppr, para)
    for run in p.iter(_R):
        fmt: tuple[str, str, float, float, str] | None = None
        for child in run:
            tag = child.tag
            if tag == _RPR:
                fmt = _run_format(child, default_size)
                para.size = fmt[2]
                continue
            fmt = fmt or _run_format(None, default_size)
            if tag == _T:
                _append(para.runs, child.text or "", fmt)
            elif tag == _TAB:
                para.runs.append(TextRun(TAB, *fmt))
            elif tag == _BR:
                para.runs.append(TextRun(BREAK, *fmt))
    return para


def _append(runs: list[TextRun], text: str, fmt: tuple[str, str, float, float, str]) -> None:
    last = runs[-1] if runs else None
    if (
        last is not None
        and last.text not in (TAB, BREAK)
        and (last.east_asian, last.latin, last.size, last.spacing, last.color) == fmt
    ):
        runs[-1] = TextRun(last.text + text, *fmt)
    else:
        runs.append(TextRun(text, *fmt))


def _read_properties(ppr: etree._Element, para: Para) -> None:
    para.keep_next = ppr.find(_w("keepNext")) is not None
    para.page_break_before = ppr.find(_w("pageBreakBefore")) is not None
    snap = ppr.find(_w("snapToGrid"))
    para.snap_to_grid = snap is None or snap.get(_w("val")) not in ("0", "false")
    jc = ppr.find(_w("jc"))
    if jc is not None:
        para.jc = jc.get(_w("val"), "both")
    spacing = ppr.find(_w("spacing"))
    if spacing is not None:
        para.before = int(spacing.get(_w("before"), "0")) * TWIP
        if spacing.get(_w("lineRule")) == "exact":
            para.line = int(spacing.get(_w("line"), "0")) * TWIP
    ind = ppr.find(_w("ind"))
    if ind is not None:
        para.left = int(ind.get(_w("left"), "0")) * TWIP
        para.right = int(ind.get(_w("right"), "0")) * TWIP
        para.first_line = (int(ind.get(_w("firstLine"), "0")) - int(ind.get(_w("hanging"), "0"))) * TWIP
    for tab in ppr.iterfind(f"{_w('tabs')}/{_w('tab')}"):
        para.tabs.append((tab.get(_w("val"), "left"), int(tab.get(_w("pos"), "0")) * TWIP))
    bottom = ppr.find(f"{_w('pBdr')}/{_w('bottom')}")
    if bottom is not None:
        para.border_bottom = (int(bottom.get(_w("sz"), "0")) / 8, bottom.get(_w("color"), "000000"))


def _run_format(rpr: etree._Element | None, default_size: float) -> tuple[str, str, float, float, str]:
    """(East Asian family, Latin family, size, spacing, colour) of a run."""
    east_asian = latin = color = ""
    size, spacing = default_size, 0.0
    if rpr is not None:
        for child in rpr:
            tag = child.tag
            if tag == _RFONTS:
                east_asian, latin = child.get(_EAST_ASIA, ""), child.get(_ASCII, "")
            elif tag == _SZ:
                size = int(child.get(_VAL)) / 2
            elif tag == _SPACING:
                spacing = int(child.get(_VAL)) * TWIP
            elif tag == _COLOR:
                color = child.get(_VAL, "")
    return east_asian, latin, size, spacing, color


def _read_table(table: etree._Element, default_size: float) -> FootTable | BodyTable:
    """The 版记 floats (``tblpPr``); every other table flows with the body."""
    if table.find(f"{_w('tblPr')}/{_w('tblpPr')}") is None:
        return _read_body_table(table, default_size)
    rows: list[Row] = []
    for tr in table.iterfind(_w("tr")):
        height_el = tr.find(f"{_w('trPr')}/{_w('trHeight')}")
        height = int(height_el.get(_w("val"), "0")) * TWIP if height_el is not None else 0.0
        cell = tr.find(_w("tc"))
        borders = cell.find(f"{_w('tcPr')}/{_w('tcBorders')}")
        top, bottom = (_border_width(borders, side) for side in ("top", "bottom"))
        rows.append(Row(read_paragraph(cell.find(_w("p")), default_size), height, top, bottom))
    return FootTable(rows)


def _read_body_table(table: etree._Element, default_size: float) -> BodyTable:
    columns = [int(col.get(_w("w"), "0")) * TWIP for col in table.iterfind(f"{_w('tblGrid')}/{_w('gridCol')}")]
    props = table.find(_w("tblPr"))
    margins = props.find(_w("tblCellMar")) if props is not None else None
    borders = props.find(_w("tblBorders")) if props is not None else None
    rows = [
        BodyRow(
            [[read_paragraph(p, default_size) for p in tc.iterfind(_w("p"))] for tc in tr.iterfind(_w("tc"))],
            tr.find(f"{_w('trPr')}/{_w('tblHeader')}") is not None,
        )
        for tr in table.iterfind(_w("tr"))
    ]
    keep = bool(rows) and any(para.keep_next for cell in rows[-1].cells for para in cell)
    return BodyTable(
        columns, rows, _margin(margins, "left"), _margin(margins, "top"), _border_width(borders, "insideH"), keep
    )


def _margin(margins: etree._Element | None, side: str) -> float:
    element = margins.find(_w(side)) if margins is not None else None
    return int(element.get(_w("w"), "0")) * TWIP if element is not None else 0.0


def _border_width(borders: etree._Element | None, side: str) -> float:
    element = borders.find(_w(side)) if borders is not None else None
    if element is None or element.get(_w("val")) in (None, "nil", "none"):
        return 0.0
    return int(element.get(_w("sz"), "0")) / 8
