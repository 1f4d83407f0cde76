"""How a message names a part of the report: its number and the start of its words ("（三）严格执法…").

Shared by find-and-replace and the 体检; kept apart from both so that the find panel need not load
the 体检 rules, nor the importer the search.
"""

from __future__ import annotations

from models.numbering import number_report
from models.report import PARAGRAPH, Node, Report
from models.text_chars import shorten

# A part's fields as the clerk reads them.
NODE_FIELD_NAMES = {"title": "标题", "text": "正文"}


def part_labels(report: Report, limit: int = 16, *, text_if_untitled: bool = False) -> dict[int, str]:
    """node id → its number and the start of its title (of its text, for a paragraph).

    ``text_if_untitled`` names an untitled part by the start of its text instead, as the 体检 does:
    its findings point into that text; the find list names parts as the outline shows them."""
    markers = number_report(report)
    labels = {}
    for node in report.walk():
        if node.id is None:
            continue
        words = shorten(_words(node, text_if_untitled), limit, one_line=True)
        labels[node.id] = markers[id(node)] + words or "（空白段落）"
    return labels


def _words(node: Node, text_if_untitled: bool) -> str:
    if text_if_untitled:
        return node.title or node.text
    return node.text if node.kind == PARAGRAPH else node.title
