"""A returned text applied as a diff onto the text the library keeps, not written over it.

A file shows a part in its "shown" form (ledger references as figures, each line trimmed, blank
lines dropped). Taking the file's text as it stands would lose what the clerk typed that the
file cannot show: blank lines, indents, live ``{{ledger:KEY}}`` references. So the file's text
is compared with the shown form of the stored text, and only the stretches that differ are
replaced; every untouched line, indent and reference is kept byte for byte. A reference whose
figure was edited becomes the edited text (it no longer shows the ledger's figure).
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from models.ledger.refs import find_references, shown_value
from models.roundtrip.diff import SIMILAR

if TYPE_CHECKING:
    from models.ledger.sheet import Sheet

Unit = tuple[str, str]  # (what the file shows, what the library keeps): a character or a reference


def patched(stored: str, theirs: str, sheet: Sheet | None) -> str:
    """``stored`` changed as the file's ``theirs`` differs from the stored text's shown form."""
    lines = stored.split("\n")
    shown = [_shown_line(line, sheet) for line in lines]
    kept = [i for i, text in enumerate(shown) if text]  # the lines the file shows
    if not kept:
        return theirs
    new_lines = theirs.split("\n") if theirs else []
    out: dict[int, list[str]] = {i: [line] for i, line in enumerate(lines)}  # stored line → what it becomes
    added: dict[int, list[str]] = {}  # lines the file added, after stored line (-1: before the first)
    matcher = SequenceMatcher(None, [shown[i] for i in kept], new_lines, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        old, new = kept[a1:a2], new_lines[b1:b2]
        while old and new and SequenceMatcher(None, shown[old[0]], new[0], autojunk=False).ratio() >= SIMILAR:
            index = old.pop(0)
            out[index] = [_patched_line(lines[index], new.pop(0), sheet)]
        for index in old:
            out[index] = []
        if new:
            added.setdefault(kept[a2 - 1] if a2 > 0 else -1, []).extend(new)
    result = list(added.get(-1, []))
    for index in range(len(lines)):
        if shown[index] or _next_kept_survives(index, kept, out):  # a blank line goes with the line after it
            result += out[index]
        result += added.get(index, [])
    while result and shown[0] and not result[0].strip():  # no blank line left opening the text
        result.pop(0)
    while result and shown[-1] and not result[-1].strip():
        result.pop()
    return "\n".join(result)


def _next_kept_survives(index: int, kept: list[int], out: dict[int, list[str]]) -> bool:
    following = next((i for i in kept if i > index), None)
    return following is None or bool(out.get(following))


def _units(line: str, sheet: Sheet | None) -> list[Unit]:
    units: list[Unit] = []
    at = 0
    for ref in find_references(line):
        units += [(" " if c == "\t" else c, c) for c in line[at : ref.start]]
        units.append((shown_value(sheet, ref.key, ref.column), line[ref.start : ref.end]))
        at = ref.end
    units += [(" " if c == "\t" else c, c) for c in line[at:]]
    return units


def _shown_line(line: str, sheet: Sheet | None) -> str:
    return "".join(shown for shown, _ in _units(line, sheet)).strip()


def _patched_line(line: str, new: str, sheet: Sheet | None) -> str:
    """One stored line changed into ``new``: its indent and untouched references kept."""
    units = _units(line, sheet)
    while units and not units[0][0].strip():  # the indent, kept as typed
        units.pop(0)
    while units and not units[-1][0].strip():
        units.pop()
    indent = line[: len(line) - len(line.lstrip())]
    old = "".join(shown for shown, _ in units)
    starts, at = [], 0
    for shown, _ in units:
        starts.append(at)
        at += len(shown)
    pieces: list[str] = []
    for op, a1, a2, b1, b2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op != "equal":
            pieces.append(new[b1:b2])
            continue
        for (shown, raw), start in zip(units, starts, strict=True):
            end = start + len(shown)
            if a1 <= start and end <= a2:
                pieces.append(raw)  # wholly unchanged: kept as stored (a reference stays live)
            elif start < a2 and end > a1:  # partly changed: the unchanged part as the file shows it
                lo, hi = max(start, a1), min(end, a2)
                pieces.append(new[b1 + lo - a1 : b1 + hi - a1])
    return indent + "".join(pieces)
