"""The sample report (tests/data/seed-report-2023.txt, a published report scraped from a government
website) as a tree, parsed by a few lines of test-only code so the tests do not depend on the importer.

One parser serves every test. ``seed_report()`` keeps the scrape damage as published (the checks must
find it); ``seed_report(repaired=True)`` repairs it the obvious way and adds a full 版头/版记 (the export
tests lay out a clean document). Numbering markers are taken off the headings: the tree numbers itself.
"""

from __future__ import annotations

import re
from itertools import count

from models.report import PARAGRAPH, POINT, SECTION, Node, Report, ReportMeta
from tests.conftest import SEED_REPORT

_LEVEL1 = re.compile(r"^([一二三四五六七八九十]+)、(.*)$")
_LEVEL2 = re.compile(r"^[（(]([一二三四五六七八九十]+)[）)](.*)$")
_NUMERALS = "一二三四五六七八九十"
_REPAIRS = {
    "〔202383号": "〔2023〕83号",
    "〔202365号": "〔2023〕65号",
    "20202025年": "2020—2025年",
    "20212025年": "2021—2025年",
}
_WIDTHS = str.maketrans({",": "，", "(": "（", ")": "）", ":": "：", ";": "；"})
TITLE = "区城市管理局关于2023年度法治政府建设情况的报告"


def seed_meta() -> ReportMeta:
    """The metadata of the repaired report: every 版头 and 版记 field filled in."""
    return ReportMeta(
        year=2023,
        issuer="重庆市九龙坡区城市管理局",
        title=TITLE,
        recipients="区委、区政府",
        doc_number="九龙坡城管文〔2024〕12号",
        signer="某某某",
        signature="重庆市九龙坡区城市管理局",
        date="2024-03-06",
        note="此件公开发布",
        cc="市城市管理局，区委依法治区办",
        printed_by="重庆市九龙坡区城市管理局办公室",
        printed_on="2024-03-06",
    )


def scraped_meta() -> ReportMeta:
    """What the web page itself gives: the title, the issuer and the date."""
    return ReportMeta(
        year=2023, issuer="九龙坡区城市管理局", title=TITLE, signature="九龙坡区城市管理局", date="2024-03-06"
    )


def with_ids(report: Report, start: int = 1) -> Report:
    ids = count(start)
    for node in report.walk():
        node.id = next(ids)
    return report


def seed_lines() -> list[str]:
    """The report's own lines: after the page's 日期 line, before the page footer (扫一扫)."""
    lines = [line.strip() for line in SEED_REPORT.read_text(encoding="utf-8").splitlines()]
    start = next(i for i, line in enumerate(lines) if line.startswith("日期")) + 1
    end = next(i for i, line in enumerate(lines) if line.startswith("扫一扫"))
    return [line for line in lines[start:end] if line]


def _repair(line: str) -> str:
    for wrong, right in _REPAIRS.items():
        line = line.replace(wrong, right)
    return line.translate(_WIDTHS).replace("》、《", "》《")


def split_points(text: str) -> tuple[str, list[Node]]:
    """'lead 一是A。a 二是B。b' → ('lead', [point(A。, a), point(B。, b)])."""
    cuts, start = [], 0
    for index, numeral in enumerate(_NUMERALS, 1):
        position = text.find(f"{numeral}是", start)
        if position < 0 or (index == 1 and position > 0 and text[position - 1] not in "。；"):
            break
        cuts.append(position)
        start = position + 2
    if not cuts:
        return text, []
    points = []
    for begin, end in zip(cuts, [*cuts[1:], len(text)], strict=True):
        body = text[begin + 2 : end]
        lead, _, rest = body.partition("。")
        points.append(Node(POINT, title=lead + "。", text=rest) if rest else Node(POINT, title=body))
    return text[: cuts[0]], points


def split_heading(line: str) -> tuple[str, str]:
    """A run-in heading is the first sentence; the rest is its text."""
    heading, sep, rest = line.partition("。")
    return heading + sep, rest


def seed_report(*, repaired: bool = False) -> Report:
    body: list[Node] = []
    level1: Node | None = None
    for raw in seed_lines():
        line = _repair(raw) if repaired else raw
        if match := _LEVEL1.match(line):
            level1 = Node(SECTION, title=match.group(2))
            body.append(level1)
        elif (match := _LEVEL2.match(line)) and level1 is not None:
            heading, rest = split_heading(match.group(2))
            lead, points = split_points(rest)
            level1.children.append(Node(SECTION, title=heading, text=lead, children=points))
        else:
            lead, points = split_points(line)
            target = level1.children if level1 is not None else body
            if lead:
                target.append(Node(PARAGRAPH, text=lead))
            target.extend(points)
    return with_ids(Report(meta=seed_meta() if repaired else scraped_meta(), body=body))
