"""One paragraph → its lines, each with runs placed on the line (x from the text area's left edge)."""

from __future__ import annotations

from dataclasses import dataclass

from models.typeset.fonts import FontFace, FontMetrics, FontResolver, is_wide, metrics_for
from models.typeset.linebreak import BreakRules, break_paragraph, script_gap_between
from models.typeset.model import Run
from models.typeset.paragraphs import BREAK, TAB, Para, TextRun


@dataclass
class SetLine:
    """A composed line before it is put on a page: runs with x relative to the text area, baseline
    relative to the line's top."""

    runs: list[Run]
    height: float


class Fonts:
    """Family → face and metrics, cached for one layout."""

    def __init__(self, resolver: FontResolver) -> None:
        self.resolver = resolver
        self._faces: dict[str, tuple[FontFace | None, FontMetrics]] = {}

    def get(self, family: str) -> tuple[FontFace | None, FontMetrics]:
        found = self._faces.get(family)
        if found is None:
            face = self.resolver.resolve(family) if family else None
            found = self._faces[family] = (face, metrics_for(face))
        return found


@dataclass(slots=True)
class _Char:
    ch: str
    run: TextRun
    family: str
    advance: float  # spacing included
    tail: float  # added when the character ends a line: it is measured without its spacing


def compose(para: Para, text_width: float, fonts: Fonts, rules: BreakRules) -> list[SetLine]:
    if para.tabs and any(run.text == TAB for run in para.runs):
        return [_tabbed_line(para, text_width, fonts, rules)]
    segments: list[list[TextRun]] = [[]]
    for run in para.runs:
        if run.text == BREAK:
            segments.append([])
        else:
            segments[-1].append(run)
    lines: list[SetLine] = []
    for index, segment in enumerate(segments):  # a line break (the title's) ends a line unstretched
        lines.extend(_segment_lines(para, segment, text_width, fonts, rules, first=index == 0))
    return lines


def _chars(runs: list[TextRun], fonts: Fonts, rules: BreakRules) -> list[_Char]:
    """Each character with its advance (character spacing included).

    LibreOffice, read from its PDFs: the spacing follows every character but the last of a portion
    (a stretch of one run in one script), so “”— (the writer's runs of their own) and the last digit
    of a number take their full width (``rules.portion_spacing``); those marks print one em wide
    after Chinese text and keep the font's width after a digit (2016—2020, 12·4)
    (``rules.full_width_marks``)."""
    chars: list[_Char] = []
    for run in runs:
        wide = [is_wide(ch) for ch in run.text]
        east_asian_run = run.latin == run.east_asian  # the writer's runs of “”‘’—…
        latin_family = run.latin or run.east_asian
        east_metrics, latin_metrics = fonts.get(run.east_asian)[1], fonts.get(latin_family)[1]
        for index, ch in enumerate(run.text):
            family, metrics = (run.east_asian, east_metrics) if wide[index] else (latin_family, latin_metrics)
            after_latin = bool(chars) and chars[-1].ch.isascii()  # the mark takes the script before it
            full = rules.full_width_marks and east_asian_run and not ch.isascii() and not after_latin
            advance = 1.0 if full else metrics.advance(ch)
            portion_ends = index == len(run.text) - 1 or wide[index] != wide[index + 1]
            spacing = 0.0 if portion_ends and rules.portion_spacing else run.spacing
            tail = -spacing if rules.portion_spacing else 0.0
            chars.append(_Char(ch, run, family, advance * run.size + spacing, tail))
    return chars


def _segment_lines(
    para: Para, runs: list[TextRun], text_width: float, fonts: Fonts, rules: BreakRules, first: bool
) -> list[SetLine]:
    chars = _chars(runs, fonts, rules)
    if not chars:
        return [SetLine([], _line_box(para, [], fonts)[0])]
    text = "".join(c.ch for c in chars)
    gaps = [0.0] + [
        rules.script_gap * chars[i].run.size if script_gap_between(text[i - 1], text[i]) else 0.0
        for i in range(1, len(text))
    ]
    room = text_width - para.left - para.right
    first_room = room - para.first_line if first else room
    spans = break_paragraph(text, [c.advance for c in chars], (first_room, room), rules, gaps, [c.tail for c in chars])
    lines = []
    for number, span in enumerate(spans):
        is_first = first and number == 0
        indent = para.left + (para.first_line if is_first else 0.0)
        line_room = first_room if number == 0 else room
        last = number == len(spans) - 1
        xs = _positions(
            para.jc, chars, gaps, span.start, span.end, span.width, line_room, text, stretch=not last and not span.hangs
        )
        height, baseline = _line_box(para, chars[span.start : span.end], fonts)
        runs_out = _runs(chars, span.start, span.end, [indent + x for x in xs], baseline, fonts)
        lines.append(SetLine(runs_out, height))
    return lines


def _positions(
    jc: str,
    chars: list[_Char],
    gaps: list[float],
    start: int,
    end: int,
    width: float,
    room: float,
    text: str,
    stretch: bool,
) -> list[float]:
    """x of each character from the line's start, after alignment and justification."""
    slack = max(0.0, room - width)
    offset = {"center": slack / 2, "right": slack}.get(jc, 0.0)
    slots = _stretch_slots(text, start, end) if jc == "both" and stretch else set()
    extra = slack / len(slots) if slots else 0.0
    xs = []
    x = offset
    for i in range(start, end):
        if i > start:
            x += gaps[i] + (extra if i in slots else 0.0)
        xs.append(x)
        x += chars[i].advance
    return xs


def _stretch_slots(text: str, start: int, end: int) -> set[int]:
    """Where justification adds space (before character ``i``), as LibreOffice spreads it: after
    every character that is not ASCII, and after an ASCII one that meets Chinese text; never inside
    a number or a Latin word."""
    last = end
    while last > start and text[last - 1] == " ":
        last -= 1
    return {i + 1 for i in range(start, last - 1) if not text[i].isascii() or not text[i + 1].isascii()}


def _line_box(para: Para, chars: list[_Char], fonts: Fonts) -> tuple[float, float]:
    """(height, baseline from the line's top), as LibreOffice places them: the tallest ascent and
    descent of the line's fonts; an exact line on the grid centres the text in the pitch, an exact
    line off the grid puts the baseline at four fifths of the height, a single line is as tall as
    its fonts."""
    ascent = descent = 0.0
    for family, size in {(c.family, c.run.size) for c in chars} or {(para.mark_family, para.size)}:
        _, metrics = fonts.get(family)
        ascent, descent = max(ascent, metrics.ascent * size), max(descent, metrics.descent * size)
    if para.line is None:
        return ascent + descent, ascent
    if para.snap_to_grid:
        return para.line, ascent + (para.line - ascent - descent) / 2
    return para.line, 0.8 * para.line


def _runs(chars: list[_Char], start: int, end: int, xs: list[float], baseline: float, fonts: Fonts) -> list[Run]:
    """Characters grouped into runs of one font, size and colour, on the line's baseline."""
    runs: list[Run] = []
    i = start
    while i < end:
        j = i + 1
        while (
            j < end
            and chars[j].family == chars[i].family
            and chars[j].run.size == chars[i].run.size
            and chars[j].run.color == chars[i].run.color
        ):
            j += 1
        face, _ = fonts.get(chars[i].family)
        size = chars[i].run.size
        runs.append(
            Run(
                "".join(c.ch for c in chars[i:j]),
                tuple(xs[i - start : j - start]),
                baseline,
                size,
                chars[i].family,
                face,
                chars[i].run.color,
            )
        )
        i = j
    return runs


def _tabbed_line(para: Para, text_width: float, fonts: Fonts, rules: BreakRules) -> SetLine:
    """发文字号 … 签发人 and 印发机关 … 印发日期: text at the left indent, the part after the tab
    ending at the right tab stop."""
    before: list[TextRun] = []
    after: list[TextRun] = []
    target = before
    for run in para.runs:
        if run.text == TAB:
            target = after
        elif run.text != BREAK:
            target.append(run)
    left_chars, right_chars = _chars(before, fonts, rules), _chars(after, fonts, rules)
    left_steps, right_steps = _steps(left_chars, rules), _steps(right_chars, rules)
    stop = next((pos for kind, pos in para.tabs if kind == "right"), text_width)
    x = para.left + max(0.0, para.first_line)
    xs = list(_accumulate(x, left_steps))
    x = max(x + sum(left_steps), stop - sum(right_steps))
    xs += _accumulate(x, right_steps)
    chars = left_chars + right_chars
    height, baseline = _line_box(para, chars, fonts)
    return SetLine(_runs(chars, 0, len(chars), xs, baseline, fonts), height)


def _steps(chars: list[_Char], rules: BreakRules) -> list[float]:
    """Each character's advance plus the script gap after it (none after the last)."""
    steps = [c.advance for c in chars]
    for i in range(1, len(chars)):
        if script_gap_between(chars[i - 1].ch, chars[i].ch):
            steps[i - 1] += rules.script_gap * chars[i].run.size
    return steps


def _accumulate(x: float, steps: list[float]) -> list[float]:
    xs = []
    for step in steps:
        xs.append(x)
        x += step
    return xs
