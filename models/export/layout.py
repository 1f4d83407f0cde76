"""GB/T 9704—2012 numbers in OOXML units (twips, half-points) and the fonts per element.

Page and grid values are from reference/format-and-rules.md §1; the grid encoding
(``lines`` grid, exact 579-twip lines, −0.3 pt character spacing) is the one measured to
give 22 × 28 in both Word and LibreOffice (reference/toolchain-notes.md).
"""

from __future__ import annotations

from dataclasses import dataclass

# Page: A4, margins 37 / 35 / 28 / 26 mm → a 156 × 225 mm text area.
PAGE_WIDTH = 11906
PAGE_HEIGHT = 16838
MARGIN_TOP = 2098
MARGIN_BOTTOM = 1984
MARGIN_LEFT = 1587
MARGIN_RIGHT = 1474
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT  # 8845 twips = 156 mm
# Footer distance from the page edge, calibrated by rendering so that the "— N —" line
# sits about 7 mm below the text area (GB/T 9704 7.5).
FOOTER_DISTANCE = 1240
HEADER_DISTANCE = 851

# Grid: 22 lines of 579 twips (28.95 pt) fill the 225 mm text area.
LINE_PITCH = 579
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
# −0.3 pt on 16 pt text: 28 characters fit in both renderers; −0.25 pt makes
# LibreOffice drop line-end punctuation.
CHAR_SPACING = -6

# Sizes in half-points (w:sz).
SIZE_TITLE = 44  # 2号
SIZE_BODY = 32  # 3号
SIZE_SMALL = 28  # 4号: page numbers, 版记
MARK_MAX_HALF_POINTS = 72  # 发文机关标志 at most 小初 (36 pt); smaller when the name is long

# One character of 3号 / 4号 in twips, for indents.
CHAR_BODY = 320
CHAR_SMALL = 280
INDENT_TWO_CHARS = 2 * CHAR_BODY
INDENT_FOUR_CHARS = 4 * CHAR_BODY

# 发文机关标志: its top edge 35 mm below the top of the text area.
MARK_SPACE_BEFORE = 1984
RED = "FF0000"
RED_RULE_SIZE = 8  # eighths of a point: 1 pt
RULE_THICK = 8  # 版记 first/last rule, 0.35 mm
RULE_THIN = 6  # 版记 middle rules, 0.25 mm
IMPRINT_ROW_HEIGHT = 567  # 10 mm per 版记 row

TITLE_MAX_WIDTH = 20  # characters of 2号 per title line

LATIN_FONT = "Times New Roman"


@dataclass(frozen=True)
class Faces:
    """The font face per element; ``fallback`` swaps the _GB2312 faces for the system ones."""

    fangsong: str = "仿宋_GB2312"
    kaiti: str = "楷体_GB2312"
    heiti: str = "黑体"
    title: str = "方正小标宋简体"
    songti: str = "宋体"


STANDARD_FACES = Faces()
FALLBACK_FACES = Faces(fangsong="仿宋", kaiti="楷体")


def faces_for(fallback: bool) -> Faces:
    return FALLBACK_FACES if fallback else STANDARD_FACES


def heading_face(faces: Faces, level: int) -> str:
    """一级 黑体, 二级 楷体, 三级 and below 仿宋 (GB/T 9704 7.3.3)."""
    if level == 1:
        return faces.heiti
    if level == 2:
        return faces.kaiti
    return faces.fangsong


def text_width(text: str) -> float:
    """Width in full characters: ASCII (Latin, digits) counts half."""
    return sum(0.5 if ord(ch) < 0x80 else 1.0 for ch in text)


def body_width_twips(text: str) -> int:
    """Approximate width of 3号 body text with the grid's character spacing."""
    return round(sum((CHAR_BODY / 2 if ord(ch) < 0x80 else CHAR_BODY) + CHAR_SPACING for ch in text))
