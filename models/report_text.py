"""A report as plain text for reading, with computed numbering (for ``show`` and revisions)."""

from __future__ import annotations

from models.ledger.refs import resolved_report
from models.numbering import number_report
from models.report import POINT, SECTION, TABLE, Node, Report


def node_line(node: Node, marker: str) -> str:
    """One node as a clerk would read it: the marker, the heading, then the text run in."""
    if node.kind in (SECTION, POINT):
        return f"{marker}{node.title}{node.text}"
    if node.kind == TABLE and node.table is not None:  # title, then rows of tab-separated cells
        return "\n".join(part for part in (node.title, node.table.plain_text()) if part)
    return node.text


def plain_text(report: Report) -> str:
    """Ledger references are shown as their figures, as the exported report prints them."""
    report = resolved_report(report)
    markers = number_report(report)
    lines = [report.meta.title, ""]
    for node in report.walk():
        lines.append(node_line(node, markers[id(node)]))
    return "\n".join(lines) + "\n"
