"""The report: metadata plus a tree of nodes. Plain dataclasses, no I/O.

A node is a ``section`` (a heading with optional body text and children), a
``point`` (a run-in item 一是…: lead phrase in ``title``, the rest in ``text``), a
``paragraph`` (text only) or a ``table`` (rows × columns of text in ``table``, its optional
title in ``title``, no ``text``). A section's depth is its heading level. Numbering is never
stored: see :mod:`models.numbering`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, fields

from models.errors import TreeError
from models.ledger.values import Ledger

SECTION = "section"
POINT = "point"
PARAGRAPH = "paragraph"
TABLE = "table"
NODE_KINDS = (SECTION, POINT, PARAGRAPH, TABLE)

# Word refuses more than 63 columns; the row limit keeps one table's editor and export bounded.
MAX_TABLE_COLUMNS, MAX_TABLE_ROWS = 63, 5000

YEAR_MIN, YEAR_MAX = 1949, 2200  # report years the program and the interchange format accept


def valid_year(year: int) -> bool:
    return YEAR_MIN <= year <= YEAR_MAX


META_FIELDS = (
    "template",
    "year",
    "issuer",
    "title",
    "recipients",
    "doc_number",
    "signer",
    "signature",
    "date",
    "note",
    "cc",
    "printed_by",
    "printed_on",
    "disclosure",
    "date_typed",
    "printed_on_typed",
)
# The dates as the source wrote them, when not in the printed form 2024年3月6日 (see models.dates.typed_form).
TYPED_DATE_FIELDS = {"date": "date_typed", "printed_on": "printed_on_typed"}


@dataclass
class ReportMeta:
    template: str = "fzzf-annual"
    year: int = 0
    issuer: str = ""
    title: str = ""
    recipients: str = ""
    doc_number: str = ""
    signer: str = ""
    signature: str = ""
    date: str = ""  # ISO yyyy-mm-dd or empty
    note: str = ""
    cc: str = ""
    printed_by: str = ""
    printed_on: str = ""  # ISO yyyy-mm-dd or empty
    disclosure: str = "主动公开"
    # 成文日期 / 印发日期 as imported (2024年03月06日, 二〇二四年三月六日), kept only when not in the
    # printed form, so 体检 can report it; cleared when the clerk picks the date. Export never prints it.
    date_typed: str = ""
    printed_on_typed: str = ""

    def as_dict(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass
class TableData:
    """A table's cells, row by row; every row has the same number of cells. With ``header_row``
    the first row is the header (黑体, repeated on each page)."""

    rows: list[list[str]] = field(default_factory=lambda: [[""]])
    header_row: bool = True

    @property
    def column_count(self) -> int:
        return max((len(row) for row in self.rows), default=0)

    def squared(self) -> TableData:
        """The same cells with short rows padded, so each row has ``column_count`` cells."""
        width = self.column_count
        return TableData([row + [""] * (width - len(row)) for row in self.rows], self.header_row)

    def copy(self) -> TableData:
        return TableData([list(row) for row in self.rows], self.header_row)

    def cell_texts(self) -> Iterator[str]:
        for row in self.rows:
            yield from row

    @property
    def has_text(self) -> bool:
        return any(cell.strip() for cell in self.cell_texts())

    def plain_text(self) -> str:
        """Rows on lines, cells tab-separated: what TXT export and word counts read."""
        return "\n".join("\t".join(row) for row in self.rows)


_QUOTED_CELL = re.compile(r'"((?:[^"]|"")*)"(?=[\t\n]|$)')


def rows_from_tab_text(text: str) -> list[list[str]]:
    """Cells copied from Excel or WPS: rows on lines, cells split by tabs. A cell holding a line
    break or a tab comes quoted, its quotes doubled ("a\nb""c"); any other cell is taken exactly
    as it reads, quotes and all ("重要"说明). The final line end is not a row."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.removesuffix("\n")
    if not text:
        return []
    rows: list[list[str]] = []
    row: list[str] = []
    position = 0
    while True:
        quoted = _QUOTED_CELL.match(text, position)
        if quoted and any(mark in quoted[1] for mark in ("\n", "\t", '""')):
            row.append(quoted[1].replace('""', '"'))
            position = quoted.end()
        else:
            end = min((i for i in (text.find("\t", position), text.find("\n", position)) if i >= 0), default=len(text))
            row.append(text[position:end])
            position = end
        if position >= len(text):
            rows.append(row)
            return rows
        if text[position] == "\n":
            rows.append(row)
            row = []
        position += 1


def table_node(rows: list[list[str]], header_row: bool = True, title: str = "") -> Node:
    """A ``table`` node holding ``rows`` (padded square)."""
    return Node(TABLE, title=title, table=TableData(rows, header_row).squared())


@dataclass
class Node:
    kind: str
    title: str = ""
    text: str = ""
    children: list[Node] = field(default_factory=list)
    id: int | None = None
    key: str = ""  # the template part this node came from ("measures", "plans"…), or ""
    reference: str = ""  # last year's text for this part (roll-forward), never exported
    unit: str = ""  # 分工: the 科室 that writes this part, or ""
    due: str = ""  # 分工: by when (ISO yyyy-mm-dd as typed, or "")
    table: TableData | None = None  # the cells of a ``table`` node, None for the other kinds

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def cells_text(self) -> str:
        """A table's cells as text (rows on lines, cells tab-separated); "" for the other kinds."""
        return self.table.plain_text() if self.kind == TABLE and self.table is not None else ""


@dataclass
class ChecklistItem:
    """One of last year's planned tasks, to be reported on this year (roll-forward)."""

    text: str
    done: bool = False
    note: str = ""  # 落实情况, written by the clerk
    id: int | None = None


@dataclass
class Report:
    meta: ReportMeta = field(default_factory=ReportMeta)
    body: list[Node] = field(default_factory=list)
    id: int | None = None
    checklist: list[ChecklistItem] = field(default_factory=list)
    ledger: Ledger = field(default_factory=Ledger)  # 数据台账: the year's figures

    def walk(self) -> Iterator[Node]:
        for node in self.body:
            yield from node.walk()

    def find(self, node_id: int) -> Node:
        for node in self.walk():
            if node.id == node_id:
                return node
        raise TreeError(f"找不到编号为 {node_id} 的节点。")

    def siblings_of(self, node: Node) -> list[Node]:
        """The list that holds ``node`` (the body or a parent's children)."""
        parent = self.parent_of(node)
        return self.body if parent is None else parent.children

    def parent_of(self, node: Node) -> Node | None:
        if any(n is node for n in self.body):
            return None
        for candidate in self.walk():
            if any(c is node for c in candidate.children):
                return candidate
        raise TreeError("该节点不在此报告中。")

    def depth_of(self, node: Node) -> int:
        """1 for a top-level node, 2 for its children, …"""
        depth, parent = 1, self.parent_of(node)
        while parent is not None:
            depth, parent = depth + 1, self.parent_of(parent)
        return depth

    # --- tree operations (positions stay contiguous because lists are the truth) ---

    def insert(self, node: Node, parent: Node | None = None, position: int | None = None) -> None:
        check_can_hold(parent, node)
        target = self.body if parent is None else parent.children
        target.insert(len(target) if position is None else max(0, min(position, len(target))), node)

    def remove(self, node: Node) -> tuple[Node | None, int]:
        """Take ``node`` (and its subtree) out; return where it was, for restore."""
        parent = self.parent_of(node)
        siblings = self.body if parent is None else parent.children
        index = next(i for i, n in enumerate(siblings) if n is node)
        del siblings[index]
        return parent, index

    def move(self, node: Node, parent: Node | None, position: int) -> None:
        """Move ``node`` so it ends up at index ``position`` among ``parent``'s children
        (counted after it left its old place) — the same rule as ``Library.move_node``."""
        if parent is not None and any(n is parent for n in node.walk()):
            raise TreeError("不能把一个部分移到它自己的下级。")
        check_can_hold(parent, node)
        self.remove(node)
        self.insert(node, parent, position)


ITEM_SENTENCE_END = ("。", "！", "？", "；", "：")


def is_whole_item(node: Node) -> bool:
    """A heading with nothing below that ends its sentence (（一）法治意识不强。): the sentence is
    the whole item, written as one paragraph in the heading's font (as 公文 list 存在的不足), not
    a standalone heading waiting for text."""
    return (
        node.kind == SECTION and node.title.endswith(ITEM_SENTENCE_END) and not node.children and not node.text.strip()
    )


def check_can_hold(parent: Node | None, child: Node) -> None:
    """Only sections hold children; points, paragraphs and tables are leaves."""
    if child.kind not in NODE_KINDS:
        raise TreeError(f"未知的节点类型：{child.kind}")
    if parent is not None and parent.kind != SECTION:
        raise TreeError("只有标题部分可以包含下级内容。")
