"""A readable diff of two texts for the clerk: paragraph by paragraph, changed words marked inline."""

from __future__ import annotations

from difflib import SequenceMatcher

SIMILAR = 0.4  # paragraphs this alike are shown as one changed paragraph, not a deletion and an insertion


def segments(old: str, new: str) -> list[tuple[str, str]]:
    """``old`` → ``new`` as pieces: ``("=", same)``, ``("-", removed)``, ``("+", added)``."""
    out: list[tuple[str, str]] = []
    for op, a1, a2, b1, b2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("=", old[a1:a2]))
            continue
        if a2 > a1:
            out.append(("-", old[a1:a2]))
        if b2 > b1:
            out.append(("+", new[b1:b2]))
    return out


def inline(old: str, new: str) -> str:
    """``old`` with its changes marked: 〔删：…〕 for removed characters, 〔增：…〕 for added ones."""
    marks = {"=": "{0}", "-": "〔删：{0}〕", "+": "〔增：{0}〕"}
    return "".join(marks[op].format(text) for op, text in segments(old, new))


def diff_lines(old: str, new: str) -> list[str]:
    """Lines saying how ``new`` differs from ``old``: 改 (a changed paragraph, marked inline),
    删 (a paragraph removed), 增 (a paragraph added). Unchanged paragraphs are counted, not shown."""
    old_lines, new_lines = old.split("\n") if old else [], new.split("\n") if new else []
    out: list[str] = []
    same = 0
    for op, a1, a2, b1, b2 in SequenceMatcher(None, old_lines, new_lines, autojunk=False).get_opcodes():
        if op == "equal":
            same += a2 - a1
            continue
        removed, added = old_lines[a1:a2], new_lines[b1:b2]
        while removed and added and SequenceMatcher(None, removed[0], added[0], autojunk=False).ratio() >= SIMILAR:
            out.append(f"改：{inline(removed.pop(0), added.pop(0))}")
        out += [f"删：{line}" for line in removed]
        out += [f"增：{line}" for line in added]
    if same and out:
        out.append(f"（另有 {same} 段未改动）")
    return out


def added_text(old: str, new: str) -> str:
    """What ``new`` adds to ``old`` (inserted or replacing characters), paragraphs kept apart."""
    pieces = [
        new[b1:b2]
        for op, _a1, _a2, b1, b2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
        if op in ("insert", "replace")
    ]
    return "\n".join(line.strip() for piece in pieces for line in piece.split("\n") if line.strip())
