"""A readable diff for the clerk: added characters on green, removed ones struck through on red."""

from __future__ import annotations

import html

from models.roundtrip.diff import segments

INSERTED = "background:#c8f0c8;color:#0a5d0a"
DELETED = "background:#f8d0d0;color:#a00000;text-decoration:line-through"


def _escaped(text: str, deleted: bool = False) -> str:
    if deleted:  # a removed line break shows as ¶, else the joined paragraphs look unchanged
        text = text.replace("\n", "¶")
    return html.escape(text).replace("\n", "<br>")


def diff_html(old: str, new: str) -> str:
    """``old`` → ``new`` as HTML for a QTextBrowser."""
    out = []
    for op, text in segments(old, new):
        if op == "=":
            out.append(_escaped(text))
        elif op == "+":
            out.append(f'<span style="{INSERTED}">{_escaped(text)}</span>')
        else:
            out.append(f'<span style="{DELETED}">{_escaped(text, deleted=True)}</span>')
    return "".join(out) or "<i>（空）</i>"
