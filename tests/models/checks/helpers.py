"""Helpers for the check tests: find a node, a report holding a single node."""

from __future__ import annotations

from models.report import PARAGRAPH, SECTION, Node, Report, ReportMeta
from tests.seed_report import with_ids


def find_node(report: Report, title_start: str) -> Node:
    return next(n for n in report.walk() if n.title.startswith(title_start))


def one_node_report(
    text: str = "",
    *,
    title: str = "",
    kind: str = PARAGRAPH,
    year: int = 2023,
    part_title: str = "2023年法治政府建设工作情况",
) -> tuple[Report, Node]:
    """A report whose part 1 holds a single node (for table-driven field rules)."""
    node = Node(kind, title=title, text=text)
    part = Node(SECTION, title=part_title, children=[node])
    report = Report(meta=ReportMeta(year=year, title=f"某局关于{year}年度法治政府建设情况的报告"), body=[part])
    return with_ids(report), node


def flat(findings) -> list:
    """Every finding and every place inside one (grouped per paragraph or for the whole report),
    for asserting that a problem is found wherever the grouping put it."""
    out = []
    stack = list(reversed(findings))
    while stack:
        item = stack.pop()
        out.append(item)
        stack.extend(reversed(item.places))
    return out
