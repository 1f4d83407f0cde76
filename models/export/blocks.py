"""The report body as a flat list of blocks (paragraphs made of styled pieces).

Shared by the .docx and the web writers so both read the same text in the same order.
Empty parts are left out before numbering, so the numbers stay consecutive.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from models.numbering import number_report
from models.report import POINT, SECTION, Node, Report
from models.text_chars import clean_text

TEXT = 0  # the level of plain body text in a piece


@dataclass
class Piece:
    text: str
    level: int = TEXT  # heading level whose font the piece takes; 0 = body text


@dataclass
class Block:
    pieces: list[Piece] = field(default_factory=list)
    heading: int = 0  # level of a standalone heading; 0 = a body paragraph

    @property
    def text(self) -> str:
        return "".join(piece.text for piece in self.pieces)


def clean(value: str) -> str:
    """Text safe for XML: control characters dropped, tabs as spaces, line ends ``\\n``."""
    return clean_text(value or "")[0].replace("\t", " ")


def prune(report: Report) -> Report:
    """A copy of the report with cleaned text and without parts that hold no text."""
    body = [n for n in (_prune_node(node) for node in report.body) if n is not None]
    return Report(meta=report.meta, body=body, id=report.id)


def _prune_node(node: Node) -> Node | None:
    children = [c for c in (_prune_node(child) for child in node.children) if c is not None]
    title, text = clean(node.title).strip(), clean(node.text).strip()
    if node.kind == SECTION and not text and not children:
        return None  # an unfilled template part: never an empty heading
    if node.kind != SECTION and not title and not text:
        return None
    return replace(node, title=title, text=text, children=children)


SENTENCE_END = ("。", "！", "？", "；", "：")


def has_run_in_content(node: Node, inline_points: bool = True) -> bool:
    """Whether a section has something its heading could run into: body text, or 一是… points
    laid inline. The heading then runs in when it is deep enough and ends its sentence."""
    points_follow = inline_points and bool(node.children) and node.children[0].kind == POINT
    return bool(node.text.strip()) or points_follow


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


class _Builder:
    def __init__(self, markers: dict[int, str], inline_points: bool, run_in_depth: int) -> None:
        self.markers = markers
        self.inline_points = inline_points
        self.run_in_depth = run_in_depth  # sections this deep or deeper run into their text
        self.blocks: list[Block] = []
        self.open: Block | None = None  # the paragraph that points may still run into

    def flush(self) -> None:
        self.open = None

    def text(self, text: str, start: Block | None = None) -> None:
        """Body text; its first paragraph continues ``start`` when given."""
        for index, line in enumerate(_paragraphs(text)):
            if index == 0 and start is not None:
                start.pieces.append(Piece(line))
                continue
            block = Block([Piece(line)])
            self.blocks.append(block)
            self.open = block

    def nodes(self, nodes: list[Node], depth: int) -> None:
        for node in nodes:
            if node.kind == SECTION:
                self.section(node, depth)
            elif node.kind == POINT:
                self.point(node)
            else:
                self.flush()
                self.text(node.text)
                self.flush()
        self.flush()

    def section(self, node: Node, depth: int) -> None:
        self.flush()
        heading = f"{self.markers[id(node)]}{node.title}" if node.title else ""
        if heading and depth < self.run_in_depth:
            self.blocks.append(Block([Piece(heading, depth)], heading=depth))
            self.text(node.text)
        elif heading:
            block = Block([Piece(heading, depth)])
            self.blocks.append(block)
            if node.title.endswith(SENTENCE_END) and has_run_in_content(node, self.inline_points):
                self.open = block
                self.text(node.text, start=block)
            else:
                # Only a heading that ends its sentence may run in; otherwise it stands alone.
                block.heading = depth
                self.flush()
                self.text(node.text)
        else:
            self.text(node.text)
        self.nodes(node.children, depth + 1)

    def point(self, node: Node) -> None:
        lead = f"{self.markers[id(node)]}{node.title}"
        if self.inline_points and self.open is not None and not self.open.heading:
            self.open.pieces.append(Piece(lead))
            self.text(node.text, start=self.open)
            return
        block = Block([Piece(lead)])
        self.blocks.append(block)
        self.open = block
        self.text(node.text, start=block)
        if not self.inline_points:
            self.flush()


def body_blocks(report: Report, inline_points: bool = True, run_in_depth: int = 2) -> list[Block]:
    """Blocks of a pruned report's body (see :func:`prune`)."""
    builder = _Builder(number_report(report), inline_points, run_in_depth)
    builder.nodes(report.body, 1)
    return builder.blocks

