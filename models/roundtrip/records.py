"""What the library keeps about a file sent out and the 批注 that came back (plain dataclasses)."""

from __future__ import annotations

from dataclasses import dataclass, field

from models.text_chars import clean_text

PACKAGE = "package"  # 填报文件 for a 科室
REVIEW = "review"  # 审阅稿 for a leader

HEADING, GUIDANCE, TEXT, INSTRUCTIONS, END = "h", "g", "t", "i", "e"
# A table's cells, kept apart from every part's text; its key's number is the table's place in the file (0, 1…).
TABLE_CELLS = "c"
ROLE_NAMES = {HEADING: "标题", GUIDANCE: "写作要点", TEXT: "正文", INSTRUCTIONS: "填报说明", END: "正文之后"}


@dataclass(frozen=True)
class Area:
    """One anchored area of a file as it was made: ``text`` is what the file showed there."""

    node_id: int  # 0 for the areas of the file itself (instructions, after the body)
    role: str  # HEADING, GUIDANCE, TEXT, INSTRUCTIONS, END or TABLE_CELLS (node_id: the table's place)
    text: str
    marker: str = ""  # the numbering a heading's text starts with (二、（三）), not part of the title

    @property
    def key(self) -> tuple[int, str]:
        return self.node_id, self.role


@dataclass
class SentFile:
    id: int
    report_id: int
    kind: str  # PACKAGE or REVIEW
    unit: str
    created: str
    areas: list[Area] = field(default_factory=list)
    outside: str = ""  # text outside every area when made (title, signature…), for a 审阅稿
    merged: str | None = None

    def area(self, node_id: int, role: str) -> Area | None:
        return next((a for a in self.areas if a.key == (node_id, role)), None)


@dataclass
class Note:
    """A 批注 from a reviewed file, attached to a part and the characters it quotes."""

    text: str
    author: str = ""
    written: str = ""  # the comment's own date, as the file gives it
    quote: str = ""
    node_id: int | None = None
    file_id: int | None = None
    resolved: bool = False
    id: int | None = None
    report_id: int | None = None
    created: str = ""

    @property
    def identity(self) -> tuple[int | None, str, str, str, str]:
        """What makes a 批注 the same one again: its file, author, date, quote and words (as stored)."""
        return (
            self.file_id,
            clean_text(self.author)[0],
            self.written,
            clean_text(self.quote)[0],
            clean_text(self.text)[0],
        )
