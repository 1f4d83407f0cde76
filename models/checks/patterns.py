"""Small text helpers shared by the rule families."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.checks.model import Hit

CJK = "\u3400-\u4dbf\u4e00-\u9fff"
CJK_CHAR = f"[{CJK}]"
CN_DIGITS = "一二三四五六七八九十"
SENTENCE_END = "。！？；：…”’」』）"

_BOOK_TITLE = re.compile(r"《[^《》\n]*》")
_DATE_LINE = re.compile(r"^\s*(\d{4}\s?[年\-/.]\s?\d{1,2}\s?[月\-/.]\s?\d{1,2}\s?日?"
                        r"|[〇○零一二三四五六七八九十]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)\s*$")


def regex_hits(pattern: re.Pattern[str], text: str, message: str = "") -> Iterator[Hit]:
    for m in pattern.finditer(text):
        if m.end() > m.start():
            yield Hit(m.start(), m.end(), message)


def book_title_spans(text: str) -> list[tuple[int, int]]:
    """Spans of 《…》 titles: years and words inside a cited title are the title's own."""
    return [m.span() for m in _BOOK_TITLE.finditer(text)]


def inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


def is_date_line(line: str) -> bool:
    """A line that is only a date (a 成文日期 paragraph): no final 句号 expected."""
    return bool(_DATE_LINE.match(line))


def lines_with_offsets(text: str) -> Iterator[tuple[int, str]]:
    """Each "\\n"-separated line of a field with the offset where it starts."""
    offset = 0
    for line in text.split("\n"):
        yield offset, line
        offset += len(line) + 1


def cn_number(numeral: str) -> int:
    """一…九十九 → 1…99 (0 for anything else)."""
    digits = {c: i + 1 for i, c in enumerate("一二三四五六七八九")}
    if not numeral or any(c not in digits and c != "十" for c in numeral):
        return 0
    if "十" not in numeral:
        return digits[numeral] if len(numeral) == 1 else 0
    tens, _, ones = numeral.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return 0
    return (digits[tens] if tens else 1) * 10 + (digits[ones] if ones else 0)
