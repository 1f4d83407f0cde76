"""Citing laws and core documents: the registry in resources/checks/citations.toml and the
report-wide rule that wants the full title at the first mention."""

from __future__ import annotations

from models.checks import RULES, fix_all, run_checks
from models.checks.laws import laws, period_documents
from models.report import PARAGRAPH, SECTION, Node, Report, ReportMeta
from tests.seed_report import with_ids

CITATION_RULES = {"citation.bare-title", "citation.short-title", "citation.period-years"}
OTHERS = {r.id for r in RULES} - CITATION_RULES


def report_of(*texts: str) -> Report:
    part = Node(SECTION, title="2023年法治政府建设工作情况", children=[Node(PARAGRAPH, text=t) for t in texts])
    return with_ids(Report(meta=ReportMeta(year=2023, title="某局关于2023年度法治政府建设情况的报告"), body=[part]))


def test_the_registry_holds_the_documents_these_reports_cite() -> None:
    titles = {law.title for law in laws()}
    for title in (
        "中华人民共和国行政复议法",
        "中华人民共和国行政诉讼法",
        "中华人民共和国行政处罚法",
        "中华人民共和国行政许可法",
        "中华人民共和国行政强制法",
        "中华人民共和国政府信息公开条例",
        "重大行政决策程序暂行条例",
        "优化营商环境条例",
    ):
        assert title in titles
    periods = {doc.name: doc.editions for doc in period_documents()}
    assert periods["法治政府建设实施纲要"] == ((2015, 2020), (2021, 2025))
    assert periods["法治中国建设规划"] == ((2020, 2025),)
    assert periods["法治社会建设实施纲要"] == ((2020, 2025),)


def test_a_short_title_after_the_full_one_in_an_earlier_paragraph_is_fine() -> None:
    report = report_of(
        "贯彻《中华人民共和国行政复议法》（以下简称《行政复议法》）。", "《行政复议法》施行后，案件增加。"
    )
    assert run_checks(report, disabled=OTHERS) == []


def test_only_the_first_mention_of_each_law_is_reported() -> None:
    report = report_of("学习《行政复议法》和《行政处罚法》。", "《行政复议法》施行后，《行政处罚法》也已修订。")
    found = run_checks(report, disabled=OTHERS)
    assert [(f.node_id, f.excerpt) for f in found] == [(2, "《行政复议法》"), (2, "《行政处罚法》")]
    assert {f.severity for f in found} == {"建议"}


def test_fixing_a_bare_short_name_ends_with_the_full_title_once() -> None:
    report = report_of("根据行政复议法办理。", "行政复议法规定的期限内办结。")
    fixed = fix_all(report, disabled=OTHERS)
    texts = [n.text for n in fixed.walk() if n.kind == PARAGRAPH]
    assert texts == ["根据《中华人民共和国行政复议法》办理。", "《行政复议法》规定的期限内办结。"]
    assert run_checks(fixed, disabled=OTHERS) == []


def test_a_wrong_period_is_fixed_to_the_nearest_edition() -> None:
    report = report_of("落实《法治政府建设实施纲要（2016—2020年）》和《法治政府建设实施纲要（2022—2025年）》。")
    fixed = fix_all(report, disabled=OTHERS)
    assert fixed.body[0].children[0].text == (
        "落实《法治政府建设实施纲要（2015—2020年）》和《法治政府建设实施纲要（2021—2025年）》。"
    )
