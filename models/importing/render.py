"""A report as plain text that the importer reads back to the same tree.

Unlike :func:`models.report_text.plain_text` (for reading), a heading that does not end a
sentence stands on its own line, so heading and body can be told apart again. Used for the
import round-trip test and for the source pane of the import preview.
"""

from __future__ import annotations

from models.numbering import number_report
from models.report import POINT, SECTION, Node, Report

_SENTENCE_END = ("。", "！", "？")


def render_text(report: Report) -> str:
    meta = report.meta
    lines = [meta.title] if meta.title else []
    if meta.recipients:
        lines.append(f"{meta.recipients}：")
    markers = number_report(report)
    for node in report.walk():
        lines.extend(node_lines(node, markers[id(node)]))
    if meta.signature:
        lines.append(meta.signature)
    if meta.date:
        year, month, day = meta.date.split("-")
        lines.append(f"{int(year)}年{int(month)}月{int(day)}日")
    return "\n".join(lines) + "\n"


def node_lines(node: Node, marker: str) -> list[str]:
    text_lines = [line for line in node.text.split("\n") if line.strip()]
    if node.kind == POINT:
        return [f"{marker}{node.title}{node.text}"]
    if node.kind != SECTION:
        return text_lines
    heading = f"{marker}{node.title}"
    if text_lines and node.title.endswith(_SENTENCE_END):
        return [heading + text_lines[0], *text_lines[1:]]
    return [heading, *text_lines]
