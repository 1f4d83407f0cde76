"""Reports for the check tests, built by hand (the importer is not a dependency here).

``seed_report()`` rebuilds the scraped sample into a tree the way a clerk would see it:
the numbering markers are taken off the headings (the tree numbers itself); everything
else, scrape damage included, is kept as published.
"""

from __future__ import annotations

import re
from itertools import count

from models.report import PARAGRAPH, POINT, SECTION, Node, Report, ReportMeta
from tests.conftest import SEED_REPORT

_TOP = re.compile("^[一二三四五六七八九十]+、")
_ITEM = re.compile(r"^\(([一二三四五六七八九十]+)\)")
_POINT = re.compile("[一二三四五六七八九十]是")


def with_ids(report: Report, start: int = 1) -> Report:
    ids = count(start)
    for node in report.walk():
        node.id = next(ids)
    return report


def seed_lines() -> list[str]:
    lines = [line.strip() for line in SEED_REPORT.read_text(encoding="utf-8").splitlines()]
    begin = next(i for i, line in enumerate(lines) if line.startswith("2023年,九龙坡区"))
    end = next(i for i, line in enumerate(lines) if line.startswith("扫一扫"))
    return [line for line in lines[begin:end] if line]


def split_heading(line: str) -> tuple[str, str]:
    """A run-in heading is the first sentence; the rest is its text."""
    head, sep, rest = line.partition("。")
    return head + sep, rest


def seed_report() -> Report:
    meta = ReportMeta(year=2023, issuer="九龙坡区城市管理局", title="区城市管理局关于2023年度法治政府建设情况的报告",
                      signature="九龙坡区城市管理局", date="2024-03-06")
    lines = seed_lines()
    body: list[Node] = [Node(PARAGRAPH, text=lines[0])]
    top: Node | None = None
    for line in lines[1:]:
        if _TOP.match(line):
            top = Node(SECTION, title=_TOP.sub("", line))
            body.append(top)
        elif _ITEM.match(line):
            title, text = split_heading(_ITEM.sub("", line))
            top.children.append(Node(SECTION, title=title, text=text))
        elif line.startswith("一是") and top is not None and not top.children:
            top.children.extend(Node(POINT, title=p) for p in split_points(line))
        else:
            top.text = line
    return with_ids(Report(meta=meta, body=body))


def split_points(text: str) -> list[str]:
    """"一是A。二是B。" → ["A。", "B。"] (the point markers are computed, not stored)."""
    starts = [m.start() for m in _POINT.finditer(text) if m.start() == 0 or text[m.start() - 1] == "。"]
    return [text[a + 2:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]


def find_node(report: Report, title_start: str) -> Node:
    return next(n for n in report.walk() if n.title.startswith(title_start))


def one_node_report(text: str = "", *, title: str = "", kind: str = PARAGRAPH, year: int = 2023,
                    part_title: str = "2023年法治政府建设工作情况") -> tuple[Report, Node]:
    """A report whose part 1 holds a single node (for table-driven field rules)."""
    node = Node(kind, title=title, text=text)
    part = Node(SECTION, title=part_title, children=[node])
    report = Report(meta=ReportMeta(year=year, title=f"某局关于{year}年度法治政府建设情况的报告"), body=[part])
    return with_ids(report), node
