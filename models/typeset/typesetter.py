"""``typeset(report, options)``: the report laid out on GB/T 9704 pages as its .docx prints."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from lxml import etree

import models.export.layout as L
from models.export.docx_writer import build_body
from models.export.options import ExportOptions
from models.report import Report
from models.typeset.compose import Fonts, SetLine, compose
from models.typeset.fonts import DEFAULT_RESOLVER, FontResolver
from models.typeset.linebreak import LIBREOFFICE, BreakRules
from models.typeset.model import Pages
from models.typeset.paginate import TEXT_WIDTH, SetBodyTable, SetCell, SetPara, SetRow, SetTable, paginate
from models.typeset.paragraphs import TWIP, BodyTable, FootTable, Para, read_body


@dataclass(frozen=True)
class TypesetSettings:
    """How to lay out: whose line breaking to follow and where fonts come from."""

    rules: BreakRules = LIBREOFFICE
    resolver: FontResolver = DEFAULT_RESOLVER


def typeset(report: Report, options: ExportOptions | None = None, settings: TypesetSettings | None = None) -> Pages:
    """Lay out the very paragraphs :func:`models.export.docx_writer.build_body` writes."""
    options = options or ExportOptions()
    settings = settings or TypesetSettings()
    fonts = Fonts(settings.resolver)
    names = _part_anchors(report) if options.anchors is None else dict(options.anchors)
    body = build_body(report, dataclasses.replace(options, anchors=names))  # bookmarks take no room
    elements = read_body(body, L.SIZE_BODY / 2, L.faces_for(options.fallback_fonts).fangsong)  # docDefaults
    set_elements = [_set(element, fonts, settings.rules) for element in elements]
    pages = Pages(paginate(set_elements, fonts), settings.rules.name)
    _mark_nodes(pages, _element_marks(body, {name: key[0] or None for key, name in names.items()}))
    return pages


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
