"""Numbering markers as clerks type them: 一、 （一） (一) 1. 1、 （1） (1) ① and 一是.

A *style* groups the markers that mean the same level (full-width and ASCII brackets
alike); its *rank* is the conventional heading level of GB/T 9704 7.3.3, used when a
report mixes styles in an unusual order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from models.numerals import CIRCLED, CN_DIGITS, chinese_numeral, chinese_value

_CN = f"[{CN_DIGITS}]{{1,3}}"
_ARABIC = "[0-9０-９]{1,2}"

# style name → (rank, pattern matching the marker at a position)
STYLES: dict[str, tuple[int, re.Pattern[str]]] = {
    "cn": (1, re.compile(rf"({_CN})\s*(?:、|[．.](?![0-9０-９]))")),
    "paren-cn": (2, re.compile(rf"[（(]\s*({_CN})\s*[）)]\s*[、．.]?")),
    "arabic": (3, re.compile(rf"({_ARABIC})\s*(?:、|[．.](?![0-9０-９%％]))")),
    "paren-arabic": (4, re.compile(rf"[（(]\s*({_ARABIC})\s*[）)]\s*[、．.]?")),
    "circled": (5, re.compile(f"([{CIRCLED}])")),
}
# （一） whose opening bracket was lost in copying: 一)纵深推进…; taken only at a paragraph's start.
_LOST_BRACKET = re.compile(rf"({_CN})\s*[）)]\s*(?=[\u4e00-\u9fff])")
POINT_PATTERN = re.compile(f"({_CN})是")
ANY_SECTION = re.compile("|".join(f"(?:{p.pattern})" for _, p in STYLES.values()))


@dataclass(frozen=True)
class Marker:
    style: str  # a key of STYLES, or "heading-N" for a Word heading level without a typed number
    rank: int
    number: int
    raw: str  # the marker as it stood in the source ("" when Word numbered it)


def _number(style: str, digits: str) -> int:
    if style in ("cn", "paren-cn"):
        return chinese_value(digits)
    if style == "circled":
        return CIRCLED.index(digits) + 1
    return int(digits.translate(str.maketrans("０１２３４５６７８９", "0123456789")))


def match_at(text: str, pos: int = 0, styles: tuple[str, ...] | None = None) -> Marker | None:
    """The section marker starting exactly at ``pos``, if any."""
    for style, (rank, pattern) in STYLES.items():
        if styles is not None and style not in styles:
            continue
        found = pattern.match(text, pos)
        if found:
            number = _number(style, found.group(1))
            if number > 0:
                return Marker(style, rank, number, found.group(0))
    return None


def leading_marker(text: str) -> Marker | None:
    """A section marker at the very start of a paragraph, also （一） that lost its opening bracket."""
    marker = match_at(text)
    if marker is None and (lost := _LOST_BRACKET.match(text)):
        number = chinese_value(lost.group(1))
        return Marker("paren-cn", STYLES["paren-cn"][0], number, lost.group(0)) if number else None
    return marker


def point_at(text: str, pos: int) -> tuple[int, int] | None:
    """(number, end) of a 一是-style point marker exactly at ``pos``."""
    found = POINT_PATTERN.match(text, pos)
    if not found:
        return None
    number = chinese_value(found.group(1))
    return (number, found.end()) if number else None


def heading_marker(level: int) -> Marker:
    """A heading whose level comes from Word (style or outline level) rather than a typed number."""
    return Marker(f"heading-{level}", level, 0, "")


def standard_form(style: str, number: int) -> str:
    """The marker as GB/T 9704 7.3.3 writes it for ``style`` ("" when any form is fine)."""
    forms = {
        "cn": f"{chinese_numeral(number)}、",
        "paren-cn": f"（{chinese_numeral(number)}）",
        "arabic": f"{number}.",
        "paren-arabic": f"（{number}）",
    }
    return forms.get(style, "")


def wrong_form(marker: Marker, ascii_page: bool) -> bool:
    """Whether the clerk typed ``marker`` in a form other than the standard one: (二) in a text
    written with full-width marks, （二）、, 2、, 一. or 一) — not (二) on a page whose every mark
    the page store turned into ASCII (the text's ASCII punctuation is reported once, as such)."""
    right = standard_form(marker.style, marker.number)
    if not right or not marker.raw:
        return False
    typed = "".join(marker.raw.split()).replace("．", ".").translate(_FULL_DIGITS)
    if ascii_page:
        typed = typed.replace("(", "（").replace(")", "）")
    return typed != right


_FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
