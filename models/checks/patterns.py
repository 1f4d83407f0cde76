"""Small text helpers shared by the rule families."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.checks.model import Hit

CJK = "\u3400-\u4dbf\u4e00-\u9fff"
CJK_CHAR = f"[{CJK}]"
SENTENCE_END = "。！？；：…”’」』）"

_BOOK_TITLE = re.compile(r"《[^《》\n]*》")


def regex_hits(pattern: re.Pattern[str], text: str, message: str = "") -> Iterator[Hit]:
    for m in pattern.finditer(text):
        if m.end() > m.start():
            yield Hit(m.start(), m.end(), message)


def book_title_spans(text: str) -> list[tuple[int, int]]:
    """Spans of 《…》 titles: years and words inside a cited title are the title's own."""
    return [m.span() for m in _BOOK_TITLE.finditer(text)]


def inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


def lines_with_offsets(text: str) -> Iterator[tuple[int, str]]:
    """Each "\\n"-separated line of a field with the offset where it starts."""
    offset = 0
    for line in text.split("\n"):
        yield offset, line
        offset += len(line) + 1
