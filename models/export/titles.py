"""Split a title into 梯形/菱形 lines of at most 20 characters (GB/T 9704 7.3.1).

The title is cut only at places where a break reads naturally (after the issuer's
name, around 关于, after a year, after 的 or a conjunction); 《…》, “…” and （…） are
never cut unless one alone is wider than a line. Among the candidates the split with
the right shape (each line no longer than the one above; with three or more lines the
middle one longest) and the most even lengths wins.
"""

from __future__ import annotations

import itertools
import re

from models.export.layout import TITLE_MAX_WIDTH

_PAIRS = {"《": "》", "“": "”", "（": "）", "(": ")", "〔": "〕"}
_YEAR = re.compile(r"\d{4}(?:—\d{4})?年度?")
_ORG_ENDS = "局委办厅院府会室处部所站队司署行社校馆"
_CONJUNCTIONS = "和及与暨并"
# Words of issuer names that end in one of _ORG_ENDS part-way through (办|公室, 委员|会).
_ORG_WORDS = ("办公室", "办公厅", "委员会", "人民政府", "人民法院", "人民检察院", "管理局", "服务局", "税务局")

BREAK_FREE = 0
BREAK_GOOD = 2
BREAK_FAIR = 6
BREAK_POOR = 60  # between two characters that may form a word
EXTRA_LINE = 25
BAD_SHAPE = 30
MAX_LINES = 6
# Lines are filled measuring digits and Latin letters wider than the half a character they take in 方正小标宋简体:
# a machine without it draws them in a proportional face (Noto Serif CJK Bold: 0.59 em). Measured at half,
# 测试局关于2024年度法治政府建设情况的报告 (20.0) was set on one line and 告 fell alone onto a second.
ASCII_WIDTH = 0.6
ASCII_NARROW = 0.5  # whether a 《…》 can stand on one line at all, in the face the .docx asks for


def title_width(text: str, ascii_width: float = ASCII_WIDTH) -> float:
    """Width in 2号 characters."""
    return sum(ascii_width if ord(ch) < 0x80 else 1.0 for ch in text)


def _atoms(title: str) -> list[str]:
    """Pieces that are never cut: bracketed spans, years like 2023年度, single characters."""
    atoms: list[str] = []
    i = 0
    while i < len(title):
        ch = title[i]
        closing = _PAIRS.get(ch)
        end = title.find(closing, i + 1) if closing else -1
        year = _YEAR.match(title, i)
        if end != -1:
            atoms.append(title[i : end + 1])
            i = end + 1
        elif year:
            atoms.append(year.group())
            i = year.end()
        elif ch.isascii() and ch.isalnum():
            j = i
            while j < len(title) and title[j].isascii() and title[j].isalnum():
                j += 1
            atoms.append(title[i:j])
            i = j
        else:
            atoms.append(ch)
            i += 1
    return atoms


def _break_cost(before: str, after: str, issuer_end: bool) -> int:
    """Cost of ending a line with the text ``before`` and starting the next with ``after``."""
    if issuer_end:
        return BREAK_FREE
    if before.endswith("关于") or after.startswith("关于"):
        return BREAK_FREE if after.startswith("关于") and before[-1:] in _ORG_ENDS else BREAK_GOOD
    if any(
        before.endswith(word[:k]) and after.startswith(word[k:]) for word in _ORG_WORDS for k in range(1, len(word))
    ):
        return BREAK_POOR
    if before[-1:] in _ORG_ENDS and "关于" in after:
        return BREAK_FAIR  # between two bodies of an issuer too long for one line (…委员会|办公室关于)
    if _YEAR.fullmatch(before.split("关于")[-1][-8:]) or re.search(r"\d年度?$", before):
        return BREAK_GOOD
    if before.endswith("的") or after[:1] in _CONJUNCTIONS or before[-1:] in "》”）":
        return BREAK_FAIR
    if after[:1] in "《“（":
        return BREAK_FAIR
    return BREAK_POOR


def _shape_penalty(widths: list[float]) -> float:
    if len(widths) < 2:
        return 0
    if len(widths) == 2:
        return 0 if widths[0] >= widths[1] else BAD_SHAPE
    middle = max(widths[1:-1])
    diamond = middle >= widths[0] and middle >= widths[-1]
    trapezoid = all(a >= b for a, b in itertools.pairwise(widths))
    return 0 if diamond or trapezoid else BAD_SHAPE


def split_title(title: str, issuer: str = "", max_width: int = TITLE_MAX_WIDTH) -> list[str]:
    """The title's lines, each at most ``max_width`` characters wide where possible."""
    title = title.strip()
    if not title or title_width(title) <= max_width:
        return [title] if title else []
    atoms = _fit_atoms(_atoms(title), max_width)
    issuer_cut = len(issuer) if issuer and title.startswith(issuer) else -1
    prefix = list(itertools.accumulate(atoms))
    costs = [
        _break_cost(prefix[i], "".join(atoms[i + 1 :]), len(prefix[i]) == issuer_cut) for i in range(len(atoms) - 1)
    ]
    best = _best_split(atoms, costs, max_width)
    return ["".join(atoms[a:b]) for a, b in itertools.pairwise(best)]


def _fit_atoms(atoms: list[str], max_width: int) -> list[str]:
    """An atom wider than a line (a very long 《…》) is cut into characters after all."""
    result: list[str] = []
    for atom in atoms:
        result.extend(atom if title_width(atom, ASCII_NARROW) > max_width else [atom])
    return result


def _best_split(atoms: list[str], costs: list[int], max_width: int) -> list[int]:
    """Boundaries (indices into atoms) of the cheapest split with the fewest lines or one more."""
    widths = [title_width(a) for a in atoms]
    prefix = [0.0, *itertools.accumulate(widths)]
    fewest = max(2, int(-(-prefix[-1] // max_width)))
    best: tuple[float, list[int]] | None = None
    for lines in range(fewest, min(fewest + 1, MAX_LINES, len(atoms)) + 1):
        for cuts in _splits(prefix, lines, max_width):
            bounds = [0, *cuts, len(atoms)]
            line_widths = [prefix[b] - prefix[a] for a, b in itertools.pairwise(bounds)]
            score = (
                sum(costs[c - 1] for c in cuts)
                + _shape_penalty(line_widths)
                + 2 * (max(line_widths) - min(line_widths))
                + EXTRA_LINE * (lines - fewest)
            )
            if best is None or score < best[0]:
                best = (score, bounds)
    return best[1] if best else _greedy(widths, max_width)


def _splits(prefix: list[float], lines: int, max_width: int) -> list[list[int]]:
    """Every way to cut the atoms into ``lines`` lines that each fit, or hold one atom alone (bounded search).

    ``prefix[i]`` is the width of the first ``i`` atoms.
    """
    results: list[list[int]] = []
    count = len(prefix) - 1

    def extend(start: int, left: int, cuts: list[int]) -> None:
        if len(results) > 2000:
            return
        if left == 1:
            if prefix[count] - prefix[start] <= max_width or count == start + 1:
                results.append(cuts)
            return
        for end in range(start + 1, count):
            wide = prefix[end] - prefix[start] > max_width
            if wide and end > start + 1:  # only an atom that no line holds may stand alone on a wide line
                break
            # The rest must still fit on the lines that are left.
            if prefix[count] - prefix[end] <= (left - 1) * max_width:
                extend(end, left - 1, [*cuts, end])
            if wide:
                break

    extend(0, lines, [])
    return results


def _greedy(widths: list[float], max_width: int) -> list[int]:
    bounds, width = [0], 0.0
    for i, w in enumerate(widths):
        if width + w > max_width and width:
            bounds.append(i)
            width = 0.0
        width += w
    return [*bounds, len(widths)]
