"""Rules that raised noise on the clean corpus, each with its table: wrong examples still found,
right examples left alone."""

from __future__ import annotations

import pytest

from models.checks import run_checks
from models.report import SECTION, Node, Report, ReportMeta
from tests.seed_report import with_ids


def _rules(report: Report) -> list[str]:
    return [f.rule for f in run_checks(report)]


def _plans_report(items: list[Node]) -> Report:
    body = [
        Node(SECTION, "2023年推进法治政府建设的主要举措和成效", "全年学法6次，审核规范性文件3件。"),
        Node(SECTION, "主要负责人履行推进法治建设第一责任人职责情况", "局长主持召开专题会议4次，研究部署法治建设。"),
        Node(SECTION, "存在的不足和原因", "执法力量不足。究其原因，主要是编制有限。"),
        Node(SECTION, "2024年推进法治政府建设的主要安排", children=items),
    ]
    return with_ids(Report(meta=ReportMeta(year=2023, title="某局关于2023年度法治政府建设情况的报告"), body=body))


@pytest.mark.parametrize(
    ("item", "flagged"),
    [
        # a planned task written in full as a numbered sentence (湖北省 2020): its 句号 is right
        (Node(SECTION, "加强公共卫生等重点领域立法，完善突发事件应对法规制度体系。"), False),
        (Node(SECTION, "深化行政执法体制改革，全面推进严格规范公正文明执法。"), False),
        # a short heading left alone, with nothing below it yet: a heading, no 句号
        (Node(SECTION, "深入学习贯彻习近平法治思想。"), True),
        # a heading standing above its own subsections: no 句号
        (Node(SECTION, "加强执法队伍建设。", children=[Node(SECTION, "开展培训", "全年培训3期。")]), True),
        (Node(SECTION, "加强执法队伍建设：", children=[Node(SECTION, "开展培训", "全年培训3期。")]), True),
    ],
)
def test_bare_heading_leaves_items_written_in_full_alone(item: Node, flagged: bool) -> None:
    assert ("punct.heading-bare" in _rules(_plans_report([item]))) is flagged


def _measures_report(subsection_title: str, *, with_leader_part: bool = False) -> Report:
    measures = Node(
        SECTION,
        "2021年度推进法治政府建设的主要工作成效",
        children=[
            Node(SECTION, subsection_title, "县政府常务会议专题研究法治政府建设4次，主要负责人带头述法。"),
            Node(SECTION, "依法全面履行政府职能。", "全年调整权责清单事项46项。"),
        ],
    )
    body = [
        measures,
        Node(SECTION, "存在的不足和原因", "执法力量不足。究其原因，主要是编制有限。"),
        Node(SECTION, "2022年度推进法治政府建设的主要安排", "加强执法队伍建设。"),
    ]
    if with_leader_part:
        body.insert(1, Node(SECTION, "党政主要负责人履行推进法治建设第一责任人职责情况", "县长主持召开专题会议3次。"))
    return with_ids(
        Report(meta=ReportMeta(year=2021, title="某县人民政府关于2021年度法治政府建设情况的报告"), body=body)
    )


@pytest.mark.parametrize(
    ("subsection", "with_part", "missing"),
    [
        ("加强法治政府建设的领导，切实履行法治建设第一责任人职责。", False, False),  # 岳阳县 2021
        ("落实党政主要负责人履行法治建设第一责任人职责述职工作。", False, False),  # 龙川县司法局 2024
        ("加强法治政府建设的领导。", False, True),  # nothing serves the item
        ("深入学习贯彻习近平法治思想。", True, False),
    ],
)
def test_leader_item_served_by_a_heading_inside_the_measures_part(
    subsection: str, with_part: bool, missing: bool
) -> None:
    report = _measures_report(subsection, with_leader_part=with_part)
    assert ("content.statutory-part" in _rules(report)) is missing


def test_leader_heading_inside_measures_is_judged_for_leader_acts() -> None:
    """The nested heading serves the item, so its text must say what the 主要负责人 did."""
    report = _measures_report("切实履行法治建设第一责任人职责。")
    report.body[0].children[0].text = "高度重视法治建设，法治意识不断增强。"
    assert "content.leader-acts" in _rules(report)
