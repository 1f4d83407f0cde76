"""The laid-out pages: what a painter (Qt, a PDF writer) draws, in points from the page's top left.

Every run says which font file prints it and where each of its characters goes, so a drawer
needs no layout of its own: ``for run in line.runs: draw run.text[i] at (run.xs[i], run.baseline)``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from models.typeset.fonts import FontFace

MM = 72 / 25.4  # points per millimetre


@dataclass(frozen=True)
class Run:
    text: str
    xs: tuple[float, ...]  # x of each character's left edge
    baseline: float
    size: float  # points
    family: str  # the family the .docx asks for
    font: FontFace | None  # the file that prints it here; None when none was found
    color: str = ""  # RRGGBB, "" for black

    @property
    def x(self) -> float:
        return self.xs[0] if self.xs else 0.0


@dataclass(frozen=True)
class Rule:
    """A horizontal line: the red rule under the 版头, the 版记 rules."""

    x0: float
    x1: float
    y: float  # centre of the stroke
    width: float
    color: str = "000000"


@dataclass(frozen=True)
class Box:
    """A stroked rectangle: a body table's cell borders (neighbouring cells share their edges)."""

    x0: float
    y0: float
    x1: float
    y1: float
    width: float
    color: str = "000000"


@dataclass
class Line:
    runs: list[Run]
    top: float
    height: float
    block: int  # index of the paragraph (body element) it belongs to
    node: int | None = None  # id of the report's part it prints (heading or text); None: title, 版头, 署名, 版记

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)

    @property
    def x0(self) -> float:
        return min((run.x for run in self.runs), default=0.0)


@dataclass
class Page:
    number: int  # 1-based
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)  # table cells
    folio: Line | None = None  # the page number "— N —"

    @property
    def odd(self) -> bool:
        return self.number % 2 == 1

    @property
    def texts(self) -> list[str]:
        return [line.text for line in self.lines]


@dataclass
class Pages:
    pages: list[Page]
    renderer: str  # whose line breaking the layout follows
    tightened: float | None = None  # the pitch (pt) the body's last page was tightened to, to keep 署名 with it

    def __len__(self) -> int:
        return len(self.pages)

    def __iter__(self) -> Iterator[Page]:
        return iter(self.pages)

    def __getitem__(self, index: int) -> Page:
        return self.pages[index]
