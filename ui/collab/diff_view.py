"""A readable diff for the clerk: added characters on green, removed ones struck through on red."""

from __future__ import annotations

import html

from models.roundtrip.diff import segments

INSERTED = "background:#c8f0c8;color:#0a5d0a"
DELETED = "background:#f8d0d0;color:#a00000;text-decoration:line-through"
SHORT_MATCH = 2  # characters kept in common between two changes that are shown as part of one change


def readable(old: str, new: str) -> list[tuple[str, str]]:
    """:func:`segments`, with one or two characters that happen to match between two changes
    (a 学 in a rewritten sentence) folded into the change: “删 A 增 B” reads, “删 A 同 x 增 B 删 C” does not."""
    blocks: list[list[str]] = []  # ["=", text] or ["~", removed, added]
    for op, text in segments(old, new):
        if op == "=":
            blocks.append(["=", text])
            continue
        if not blocks or blocks[-1][0] == "=":
            blocks.append(["~", "", ""])
        blocks[-1][1 if op == "-" else 2] += text
    merged: list[list[str]] = []
    for index, block in enumerate(blocks):
        if block[0] == "=" and 0 < index < len(blocks) - 1 and _folds(block[1], merged[-1], blocks[index + 1]):
            merged[-1][1] += block[1]
            merged[-1][2] += block[1]
        elif block[0] == "~" and merged and merged[-1][0] == "~":
            merged[-1][1] += block[1]
            merged[-1][2] += block[2]
        else:
            merged.append(list(block))
    out: list[tuple[str, str]] = []
    for block in merged:
        if block[0] == "=":
            out.append(("=", block[1]))
            continue
        out += [(op, text) for op, text in (("-", block[1]), ("+", block[2])) if text]
    return out


def _folds(gap: str, before: list[str], after: list[str]) -> bool:
    """A short match inside one paragraph, shorter than the changes on both sides of it."""
    size = len(gap)
    return (
        size <= SHORT_MATCH
        and "\n" not in gap
        and size < len(before[1]) + len(before[2])
        and size < len(after[1]) + len(after[2])
    )


def _escaped(text: str, deleted: bool = False) -> str:
    if deleted:  # a removed line break shows as ¶, else the joined paragraphs look unchanged
        text = text.replace("\n", "¶")
    return html.escape(text).replace("\n", "<br>")


def diff_html(old: str, new: str) -> str:
    """``old`` → ``new`` as HTML for a QTextBrowser."""
    out = []
    for op, text in readable(old, new):
        if op == "=":
            out.append(_escaped(text))
        elif op == "+":
            out.append(f'<span style="{INSERTED}">{_escaped(text)}</span>')
        else:
            out.append(f'<span style="{DELETED}">{_escaped(text, deleted=True)}</span>')
    return "".join(out) or "<i>（空）</i>"
