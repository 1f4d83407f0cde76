"""Which top-level part is which statutory item, and which 纲要 sub-topics part 1 covers.

Template parts carry ``Node.key``, and so do imported ones (models/importing/parts.py maps thematic
titles to the item they serve, and the clerk can change it in the import preview); a part without a
key (typed by hand, or from an older library) is classified by keywords (the order of the tests
matters: "主要负责人履行…职责情况" also contains "情况", so 第一责任人 is tested before 工作情况).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from models.checks.model import Context
from models.edition import Edition
from models.numbering import sibling_markers
from models.report import POINT, SECTION, TABLE, Node, Report
from models.templates import untouched_parts

MEASURES, SHORTCOMINGS, LEADER, PLANS, OTHER = 1, 2, 3, 4, 5

PART_NAMES = {
    MEASURES: "上一年度推进法治政府建设的主要举措和成效",
    SHORTCOMINGS: "存在的不足和原因",
    LEADER: "党政主要负责人履行推进法治建设第一责任人职责情况",
    PLANS: "下一年度推进法治政府建设的主要安排",
    OTHER: "其他需要报告的情况",
}

_KEY_PARTS = {"measures": MEASURES, "shortcomings": SHORTCOMINGS, "leader": LEADER, "plans": PLANS, "other": OTHER}

_LEADER_TITLE = re.compile("第一责任人|主要负责人|党政负责人")
_TITLE_PARTS = (
    (LEADER, _LEADER_TITLE),
    (SHORTCOMINGS, re.compile("不足|问题|短板|差距")),
    (PLANS, re.compile("安排|打算|计划|下一步|思路|明年")),
    (MEASURES, re.compile("举措|成效|工作情况|主要做法|开展情况|建设情况|进展|主要工作")),
    (OTHER, re.compile("其他")),
)


def classify_part(node: Node) -> int:
    """Statutory item 1–5 of a top-level node, or 0 (preamble, unknown)."""
    if node.key in _KEY_PARTS:
        return _KEY_PARTS[node.key]
    if node.kind != SECTION:
        return 0
    for part, pattern in _TITLE_PARTS:
        if pattern.search(node.title):
            return part
    return 0


def build_context(report: Report, edition: Edition) -> Context:
    ctx = Context(report=report, edition=edition, year=report.meta.year)

    def visit(nodes: list[Node], depth: int, part: int | None) -> None:
        last_of_kind: dict[str, Node] = {}
        for node, marker in zip(nodes, sibling_markers(nodes, depth), strict=True):
            own = classify_part(node) if part is None else part
            ctx.part_of[id(node)] = own
            ctx.depth_of[id(node)] = depth
            ctx.marker_of[id(node)] = marker
            if node.kind in last_of_kind:
                ctx.previous_of[id(node)] = last_of_kind[node.kind]
            last_of_kind[node.kind] = node
            visit(node.children, depth + 1, own)

    visit(report.body, 1, None)
    return ctx


def parts(report: Report) -> dict[int, list[Node]]:
    """Top-level nodes by statutory item (a report may split an item over two parts)."""
    found: dict[int, list[Node]] = {}
    for node in report.body:
        part = classify_part(node)
        if part:
            found.setdefault(part, []).append(node)
    if LEADER not in found:
        # Many reports give the 第一责任人 item as a heading inside the measures part
        # (（一）加强组织领导，切实履行法治建设第一责任人职责): that heading serves the item.
        nested = [
            child
            for node in found.get(MEASURES, [])
            for child in node.children
            if child.kind == SECTION and _LEADER_TITLE.search(child.title)
        ]
        if nested:
            found[LEADER] = nested
    return found


def has_written_text(node: Node, report: Report) -> bool:
    """Text counts; so does a point's lead sentence, and so does a titled part below this one, as
    in the editor (二、存在的不足 with （一）（二） under it is not empty). The heading alone does
    not, nor do untouched template placeholders below it (see :func:`models.templates.untouched_parts`)."""
    untouched = untouched_parts(report) if node.children else set()
    return any(
        n.text.strip()
        or (n.kind == POINT and n.title.strip())
        or (n.kind == TABLE and n.table is not None and n.table.has_text)
        or (n is not node and n.kind == SECTION and n.title.strip() and id(n) not in untouched)
        for n in node.walk()
    )


# --- 纲要 coverage ---


@dataclass(frozen=True)
class Topic:
    key: str
    name: str
    pattern: re.Pattern[str]


TOPICS = (
    Topic("thought", "学习贯彻习近平法治思想", re.compile("习近平法治思想")),
    Topic("party", "党的领导", re.compile("党的领导|党委|党组|组织领导|领导小组")),
    Topic("functions", "依法全面履行政府职能", re.compile("职能|放管服|营商环境|权责清单|权力清单|政务服务")),
    Topic("rules", "完善依法行政制度体系", re.compile("规范性文件|制度体系|合法性审核|备案审查|法律顾问")),
    Topic("decisions", "行政决策科学化民主化法治化", re.compile("决策")),
    Topic("enforcement", "严格规范公正文明执法", re.compile("执法")),
    Topic("emergencies", "依法预防处置突发事件", re.compile("突发事件|应急")),
    Topic("disputes", "预防调处化解社会矛盾纠纷", re.compile("矛盾纠纷|行政复议|行政应诉|调解|信访")),
    Topic("oversight", "行政权力制约和监督", re.compile("监督|政务公开")),
    Topic("digital", "数字法治政府（科技保障）", re.compile("数字|信息化|智慧|网上办|一网通")),
)


@dataclass(frozen=True)
class Coverage:
    key: str
    name: str
    covered: bool
    node_id: int | None  # the first node of part 1 that covers it


def coverage_table(report: Report) -> list[Coverage]:
    """Each 纲要 sub-topic and whether part 1 covers it with written text.

    A heading only counts when something is written under it, so an untouched template
    (all headings, no text) covers nothing.
    """
    nodes = [n for part in parts(report).get(MEASURES, []) for n in part.walk()]
    written = {id(n): has_written_text(n, report) for n in nodes}
    table = []
    for topic in TOPICS:
        hit = next(
            (
                n
                for n in nodes
                if (n.key == topic.key and written[id(n)])
                or topic.pattern.search(n.text)
                or (written[id(n)] and topic.pattern.search(n.title))
            ),
            None,
        )
        table.append(Coverage(topic.key, topic.name, hit is not None, hit.id if hit else None))
    return table
