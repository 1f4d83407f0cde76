"""Test reports built by hand: the seed report's text as a tree, and a generated long report.

The seed is parsed here with a few lines of test-only code (its shape is regular) so the
export tests do not depend on the importer; scrape damage is repaired the obvious way.
"""

from __future__ import annotations

import re

from models.report import PARAGRAPH, POINT, SECTION, Node, Report, ReportMeta
from tests.conftest import SEED_REPORT

_LEVEL1 = re.compile(r"^([一二三四五六七八九十]+)、(.*)$")
_LEVEL2 = re.compile(r"^（([一二三四五六七八九十]+)）(.*)$")
_NUMERALS = "一二三四五六七八九十"
_REPAIRS = {"〔202383号": "〔2023〕83号", "〔202365号": "〔2023〕65号", "20202025年": "2020—2025年",
            "20212025年": "2021—2025年"}
_WIDTHS = str.maketrans({",": "，", "(": "（", ")": "）", ":": "：", ";": "；"})


def seed_meta() -> ReportMeta:
    return ReportMeta(
        year=2023, issuer="重庆市九龙坡区城市管理局", title="区城市管理局关于2023年度法治政府建设情况的报告",
        recipients="区委、区政府", doc_number="九龙坡城管文〔2024〕12号", signer="某某某",
        signature="重庆市九龙坡区城市管理局", date="2024-03-06", note="此件公开发布",
        cc="市城市管理局，区委依法治区办", printed_by="重庆市九龙坡区城市管理局办公室", printed_on="2024-03-06")


def _repair(line: str) -> str:
    for wrong, right in _REPAIRS.items():
        line = line.replace(wrong, right)
    return line.translate(_WIDTHS).replace("》、《", "》《")


def _split_points(text: str) -> tuple[str, list[Node]]:
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
        body = text[begin + 2:end]
        lead, _, rest = body.partition("。")
        points.append(Node(POINT, title=lead + "。", text=rest) if rest else Node(POINT, title=body))
    return text[:cuts[0]], points


def _heading_and_text(line: str) -> tuple[str, str]:
    heading, _, rest = line.partition("。")
    return heading + "。", rest


def seed_report() -> Report:
    lines = [line.strip() for line in SEED_REPORT.read_text(encoding="utf-8").splitlines()]
    start = next(i for i, line in enumerate(lines) if line.startswith("日期")) + 1
    end = next(i for i, line in enumerate(lines) if line.startswith("扫一扫"))
    body: list[Node] = []
    level1: Node | None = None
    for raw in lines[start:end]:
        if not raw:
            continue
        line = _repair(raw)
        if match := _LEVEL1.match(line):
            level1 = Node(SECTION, title=match.group(2))
            body.append(level1)
        elif (match := _LEVEL2.match(line)) and level1 is not None:
            heading, rest = _heading_and_text(match.group(2))
            lead, points = _split_points(rest)
            level1.children.append(Node(SECTION, title=heading, text=lead, children=points))
        else:
            lead, points = _split_points(line)
            target = level1.children if level1 is not None else body
            if lead:
                target.append(Node(PARAGRAPH, text=lead))
            target.extend(points)
    return Report(meta=seed_meta(), body=body)


_PHRASES = ("坚持依法行政", "推进法治政府建设", "完善制度体系", "规范行政执法", "强化监督问责", "优化营商环境",
            "加强普法宣传", "化解矛盾纠纷", "提升治理能力", "深化放管服改革", "健全决策机制", "落实主体责任")


def generated_text(chars: int, seed: int = 0) -> str:
    """Chinese prose of about ``chars`` characters: CJK phrases with ，、。 and no Latin or digits."""
    parts: list[str] = []
    count, i = 0, seed
    while count < chars:
        phrase = _PHRASES[i % len(_PHRASES)] + _PHRASES[(i * 7 + 3) % len(_PHRASES)]
        mark = "。" if i % 5 == 4 else ("、" if i % 7 == 3 else "，")
        parts.append(phrase + mark)
        count += len(phrase) + 1
        i += 1
    text = "".join(parts)
    return text[:-1] + "。"


def generated_report(sections: int = 4, subsections: int = 3, chars: int = 700) -> Report:
    """A report of about ``sections × subsections × chars`` characters with the seed's metadata."""
    body: list[Node] = [Node(PARAGRAPH, text=generated_text(200, 1))]
    for s in range(sections):
        children = []
        for t in range(subsections):
            points = [Node(POINT, title="扎实推进重点工作。", text=generated_text(chars // 3, s * 10 + t * 3 + k))
                      for k in range(3)]
            children.append(Node(SECTION, title="坚持依法行政，全面推进法治政府建设。", children=points))
        body.append(Node(SECTION, title="法治政府建设工作情况", children=children))
    return Report(meta=seed_meta(), body=body)
