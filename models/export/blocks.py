"""The report body as a flat list of blocks (paragraphs made of styled pieces).

Shared by the .docx and the web writers so both read the same text in the same order.
A titled part is content and is always written, with or without body text; the numbers are the
ones the editor shows (computed on the whole tree). Only template placeholders the clerk never
touched are left out (:func:`models.templates.untouched_parts`); :func:`left_out_parts` lists them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from models.numbering import number_report
from models.report import ITEM_SENTENCE_END, POINT, SECTION, TABLE, Node, Report, TableData, is_whole_item
from models.templates import untouched_parts
from models.text_chars import clean_text

TEXT = 0  # the level of plain body text in a piece


@dataclass
class Piece:
    text: str
    level: int = TEXT  # heading level whose font the piece takes; 0 = body text
    anchor: tuple[int, str] | None = None  # (node id, "h" heading | "t" text) it begins, for a 审阅稿's bookmarks
    line: int = 0  # which line of that field it shows (a text's later lines carry no anchor)
    owner: tuple[int, str] | None = None  # (node id, "t") of a later line, for a 审校稿's comments

    @property
    def source(self) -> tuple[int, str, int] | None:
        """(node id, role, line): the field line this piece shows, in an anchored build."""
        owner = self.anchor or self.owner
        return (*owner, self.line) if owner else None


@dataclass
class Block:
    pieces: list[Piece] = field(default_factory=list)
    heading: int = 0  # level of a standalone heading; 0 = a body paragraph
    table: TableData | None = None  # a table's cells: the block is the table, its pieces its title

    @property
    def text(self) -> str:
        return "".join(piece.text for piece in self.pieces)


def clean(value: str) -> str:
    """Text safe for XML: control characters dropped, tabs as spaces, line ends ``\\n``."""
    return clean_text(value or "")[0].replace("\t", " ")


def prune(report: Report) -> Report:
    """A copy of the report with cleaned text. Nothing is taken out: the copy has the tree's
    shape, so its numbering is the editor's (what is not written is decided in :func:`body_blocks`)."""
    return Report(meta=report.meta, body=[_clean_node(node) for node in report.body], id=report.id)


def _clean_node(node: Node) -> Node:
    return replace(
        node,
        title=clean(node.title).strip(),
        text=clean(node.text).strip(),
        children=[_clean_node(child) for child in node.children],
        table=_clean_table(node.table),
    )


def _clean_table(table: TableData | None) -> TableData | None:
    if table is None:
        return None
    return TableData([[clean(cell).strip() for cell in row] for row in table.squared().rows], table.header_row)


def left_out_parts(report: Report) -> list[Node]:
    """The untouched template placeholders a .docx/.html/.txt export leaves out, outermost
    first and in reading order (a left-out part's own sub-topics are not listed again).
    The nodes are the report's own. A .json export keeps everything."""
    untouched = untouched_parts(report)
    found: list[Node] = []

    def visit(nodes: list[Node]) -> None:
        for node in nodes:
            if id(node) in untouched:
                found.append(node)
            else:
                visit(node.children)

    visit(report.body)
    return found


def left_out_notice(report: Report) -> str:
    """One Chinese line naming the parts an export leaves out ("" when none), for the command
    line and the export dialog to show before the file is written."""
    parts = left_out_parts(report)
    if not parts:
        return ""
    markers = number_report(report)
    names = "；".join(f"{markers[id(node)]}{node.title.strip()}" for node in parts)
    return (
        f"以下 {len(parts)} 个模板部分还没有填写，导出时略去：{names}。"
        "导出文件的序号与编辑器一致，略去的部分会留下空号；如不需要这些部分，请在编辑器中删除。"
    )


SENTENCE_END = ITEM_SENTENCE_END


def has_run_in_content(node: Node, inline_points: bool = True) -> bool:
    """Whether a section has something its heading could run into: body text, or 一是… points
    laid inline. The heading then runs in when it is deep enough and ends its sentence."""
    points_follow = inline_points and bool(node.children) and node.children[0].kind == POINT
    return bool(node.text.strip()) or points_follow


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


class _Builder:
    def __init__(
        self,
        markers: dict[int, str],
        left_out: set[int],
        inline_points: bool,
        run_in_depth: int,
        anchored: bool = False,
    ) -> None:
        self.markers = markers
        self.left_out = left_out
        self.inline_points = inline_points
        self.run_in_depth = run_in_depth  # sections this deep or deeper run into their text
        self.anchored = anchored
        self.blocks: list[Block] = []
        self.open: Block | None = None  # the paragraph that points may still run into

    def flush(self) -> None:
        self.open = None

    def anchor(self, node: Node, role: str) -> tuple[int, str] | None:
        return (node.id, role) if self.anchored and node.id is not None else None

    def text(self, text: str, start: Block | None = None, anchor: tuple[int, str] | None = None) -> None:
        """Body text; its first paragraph continues ``start`` when given. An anchored empty text
        still marks its place (an empty piece), so a reviewer's words typed there find their part."""
        lines = _paragraphs(text)
        if not lines and anchor is not None and (start or self.blocks):
            (start or self.blocks[-1]).pieces.append(Piece("", anchor=anchor))
        for index, line in enumerate(lines):
            piece = Piece(line, anchor=anchor if index == 0 else None, line=index, owner=anchor if index else None)
            if index == 0 and start is not None:
                start.pieces.append(piece)
                continue
            block = Block([piece])
            self.blocks.append(block)
            self.open = block

    def nodes(self, nodes: list[Node], depth: int) -> None:
        for node in nodes:
            if node.kind == TABLE:
                self.table(node)
                continue
            if id(node) in self.left_out or (node.kind != SECTION and not node.title.strip() and not node.text.strip()):
                continue  # an untouched template part, or an empty point or paragraph: nothing to write
            if node.kind == SECTION:
                self.section(node, depth)
            elif node.kind == POINT:
                self.point(node)
            else:
                self.flush()
                self.text(node.text, anchor=self.anchor(node, "t"))
                self.flush()
        self.flush()

    def section(self, node: Node, depth: int) -> None:
        self.flush()
        heading = f"{self.markers[id(node)]}{node.title}" if node.title else ""
        text_anchor = self.anchor(node, "t")
        if heading and depth < self.run_in_depth:
            self.blocks.append(Block([Piece(heading, depth, self.anchor(node, "h"))], heading=depth))
            self.text(node.text, anchor=text_anchor)
        elif heading:
            block = Block([Piece(heading, depth, self.anchor(node, "h"))])
            self.blocks.append(block)
            runs_in = has_run_in_content(node, self.inline_points) or is_whole_item(node)
            if node.title.endswith(SENTENCE_END) and runs_in:
                self.open = block
                self.text(node.text, start=block, anchor=text_anchor)
            else:
                # Only a heading that ends its sentence may run in; otherwise it stands alone.
                block.heading = depth
                self.flush()
                self.text(node.text, anchor=text_anchor)
        else:
            self.text(node.text, anchor=text_anchor)
        self.nodes(node.children, depth + 1)

    def table(self, node: Node) -> None:
        """A table stands alone (nothing runs into or out of it); an empty one is not written."""
        if not (node.table is not None and node.table.has_text) and not node.title.strip():
            return
        self.flush()
        self.blocks.append(Block([Piece(node.title, anchor=self.anchor(node, "h"))], table=node.table))

    def point(self, node: Node) -> None:
        lead = Piece(f"{self.markers[id(node)]}{node.title}", anchor=self.anchor(node, "h"))
        text_anchor = self.anchor(node, "t")
        if self.inline_points and self.open is not None and not self.open.heading:
            self.open.pieces.append(lead)
            self.text(node.text, start=self.open, anchor=text_anchor)
            return
        block = Block([lead])
        self.blocks.append(block)
        self.open = block
        self.text(node.text, start=block, anchor=text_anchor)
        if not self.inline_points:
            self.flush()


def body_blocks(
    report: Report, inline_points: bool = True, run_in_depth: int = 2, anchored: bool = False
) -> list[Block]:
    """Blocks of a cleaned report's body (see :func:`prune`), numbered on the whole tree so the
    numbers are the editor's even where a part is left out. ``anchored``: each node's heading
    and text pieces carry its id (a 审阅稿's bookmarks), and an empty text an empty piece."""
    builder = _Builder(number_report(report), untouched_parts(report), inline_points, run_in_depth, anchored)
    builder.nodes(report.body, 1)
    return builder.blocks
