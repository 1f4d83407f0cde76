"""Chinese line breaking as LibreOffice (measured) and Word (documented) do it.

A paragraph is cut into units: one CJK character or mark, or a whole run of Latin letters and
digits (``2023``, ``15.3%``, ``Windows``), which is never split. A line takes units while they
fit; at the first that does not, the break moves back while the next line would start with a
mark that may not start one (，。、）》” …) or this line would end with one that may not end it
(（《“ …). Marks that may hang (，。、 …) stay on the line past the margin when the renderer
hangs punctuation. Between an ideograph and a Latin letter or digit LibreOffice puts a gap of
a fifth of the font size, which the .docx cannot switch off there (``autoSpaceDE`` is ignored).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

# LibreOffice 7.4 zh_CN forbidden rules (i18npool localedata zh_CN.xml).
LO_NOT_AT_START = frozenset(
    ":!),.:;?]}¢'\"、。〉》」』】〕〗〞︰︱︳﹐､﹒﹔﹕﹖﹗﹚﹜﹞！），．：；？｜｝︴︶︸︺︼︾﹀﹂﹄﹏､～￠々‖•·ˇˉ―--′’”"
)
LO_NOT_AT_END = frozenset("([{£¥'\"‵〈《「『【〔〖（［｛￡￥〝︵︷︹︻︽︿﹁﹃﹙﹛﹝（｛“‘")
LO_HANGING = frozenset("!,.:;?、。！，．：；？")
# Word's default Simplified Chinese lists (ECMA-376 §17.15.1.59).
WORD_NOT_AT_START = frozenset(
    "!%),.:;>?]}¢¨°·ˇˉ―‖’”…‰′″›℃∶、。〃〉》」』】〕〗〞︶︺︾﹀﹄﹚﹜﹞！＂％＇），．：；？］｀｜｝～￠"
)
WORD_NOT_AT_END = frozenset("$([{£¥·‘“〈《「『【〔〖〝﹙﹛﹝＄（．［｛￡￥")
WORD_HANGING = frozenset("，。、；：！？,.;:!?")


@dataclass(frozen=True)
class BreakRules:
    """What one renderer does when it measures and ends a Chinese line."""

    name: str
    not_at_start: frozenset[str]
    not_at_end: frozenset[str]
    hanging: frozenset[str]  # empty: no mark hangs past the margin
    script_gap: float  # em between an ideograph and a Latin letter or digit
    # LibreOffice: no character spacing after the last character of a portion (a stretch of one
    # run in one script), and a character fits when its advance fits, before its spacing.
    portion_spacing: bool = False
    # LibreOffice prints “”‘’—… full-width (one em) after Chinese text, whatever the font's own width.
    full_width_marks: bool = False


# The .docx says ``overflowPunct=1``, which LibreOffice 7.4 reads inverted: it hangs nothing.
LIBREOFFICE = BreakRules("LibreOffice", LO_NOT_AT_START, LO_NOT_AT_END, frozenset(), 0.2, True, True)
# Word honours ``overflowPunct=1`` (marks may hang) and ``autoSpaceDE/DN=0`` (no gap); its hanging
# set is not documented, the common marks are assumed; spacing follows every character (⚠ not
# measured in Word).
WORD = BreakRules("Word", WORD_NOT_AT_START, WORD_NOT_AT_END, WORD_HANGING, 0.0)

# A run of Latin letters and digits with the marks inside a number or word kept with it.
_UNIT = re.compile(r"[A-Za-z0-9]+(?:[.,:/%'\-·][A-Za-z0-9]+)*%?|.", re.DOTALL)


# A closing mark or ASCII separator holds on to a number after it (UAX #14 LB25 as ICU applies it:
# "开。2025", ":022" and "),12" move to the next line whole).
_HOLDS_NUMBER = frozenset("。，、；：）》”’」』〕】,.;:)]}")


def units_of(text: str) -> list[tuple[int, int]]:
    """(start, end) character ranges that a line break may not cut."""
    units: list[tuple[int, int]] = []
    for match in _UNIT.finditer(text):
        start, end = match.span()
        if units and text[start].isdigit() and text[start - 1] in _HOLDS_NUMBER:
            units[-1] = (units[-1][0], end)
        else:
            units.append((start, end))
    return units


@functools.cache
def is_ideograph(ch: str) -> bool:
    """A CJK letter (not a mark): the kind that takes LibreOffice's gap next to Latin letters."""
    return unicodedata.east_asian_width(ch) in "WF" and unicodedata.category(ch).startswith("L")


def is_latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def script_gap_between(before: str, after: str) -> bool:
    return (is_ideograph(before) and is_latin(after)) or (is_latin(before) and is_ideograph(after))


@dataclass
class LineSpan:
    """One line of a paragraph: characters ``start`` to ``end`` (``end`` not included)."""

    start: int
    end: int
    width: float  # natural width in points, gaps included, trailing spaces not
    hangs: bool = False  # the last character hangs past the margin


def break_paragraph(
    text: str,
    advances: list[float],
    widths: tuple[float, float],
    rules: BreakRules,
    gap: list[float],
    tails: list[float] | None = None,
) -> list[LineSpan]:
    """Break ``text`` (no line feeds) into lines. ``advances``: each character's advance in points;
    ``widths``: room on the first line and on the others; ``gap[i]``: the script gap LibreOffice
    puts before character ``i`` when it is not at a line start; ``tails[i]``: what character ``i``
    adds when it is the last that must fit (LibreOffice checks a character's advance before adding
    the spacing that follows it)."""
    tails = tails or [0.0] * len(text)
    narrowest = min(widths)
    units = []
    for start, end in units_of(text):
        if end - start > 1 and sum(advances[start:end]) > narrowest:
            units.extend((i, i + 1) for i in range(start, end))  # a word longer than a line is cut anywhere
        else:
            units.append((start, end))
    lines: list[LineSpan] = []
    first = 0  # index into units
    while first < len(units):
        room = widths[0] if not lines else widths[1]
        end, width = _fit(units, first, advances, gap, tails, room)
        if end < len(units):
            end = _adjust(text, units, first, end, rules)
            width = _width(units, first, end, advances, gap)
        hangs = end > first and _hangs(text, units, end, rules) and width > room
        lines.append(
            LineSpan(units[first][0], units[end - 1][1], _trimmed(text, units, first, end, width, advances), hangs)
        )
        first = end
    return lines


def _fit(
    units: list[tuple[int, int]], first: int, advances: list[float], gap: list[float], tails: list[float], room: float
) -> tuple[int, float]:
    """The units from ``first`` that fit in ``room``: (index after the last, width). One at least."""
    x = 0.0
    index = first
    while index < len(units):
        start, end = units[index]
        width = sum(advances[start:end]) + (gap[start] if index > first else 0.0)
        if x + width + tails[end - 1] > room + 0.001 and index > first:
            break
        x += width
        index += 1
    return index, x


def _adjust(text: str, units: list[tuple[int, int]], first: int, end: int, rules: BreakRules) -> int:
    """Move the break at unit ``end`` for the forbidden rules; hang a mark when the renderer does."""
    if rules.hanging and _may_hang(text, units, end, rules):
        return end + 1
    pos = end
    while pos > first + 1 and (
        text[units[pos][0]] in rules.not_at_start or text[units[pos - 1][1] - 1] in rules.not_at_end
    ):
        pos -= 1
    if pos == first + 1 and (
        text[units[pos][0]] in rules.not_at_start or text[units[pos - 1][1] - 1] in rules.not_at_end
    ):
        return end  # nothing to move back to: break where it overflowed
    return pos


def _may_hang(text: str, units: list[tuple[int, int]], end: int, rules: BreakRules) -> bool:
    """The overflowing unit is a hanging mark and the break after it is legal."""
    start, stop = units[end]
    if text[start:stop] not in rules.hanging:
        return False
    return end + 1 >= len(units) or text[units[end + 1][0]] not in rules.not_at_start


def _hangs(text: str, units: list[tuple[int, int]], end: int, rules: BreakRules) -> bool:
    return bool(rules.hanging) and text[units[end - 1][0]] in rules.hanging


def _width(units: list[tuple[int, int]], first: int, end: int, advances: list[float], gap: list[float]) -> float:
    start, stop = units[first][0], units[end - 1][1]
    return sum(advances[start:stop]) + sum(gap[units[i][0]] for i in range(first + 1, end))


def _trimmed(
    text: str, units: list[tuple[int, int]], first: int, end: int, width: float, advances: list[float]
) -> float:
    """Trailing spaces do not count towards a line's width (they hang in both renderers)."""
    stop = units[end - 1][1]
    while stop > units[first][0] and text[stop - 1] == " ":
        stop -= 1
        width -= advances[stop]
    return width
