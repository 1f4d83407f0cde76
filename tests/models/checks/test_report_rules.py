"""Report-wide rules: statutory parts, causes, 纲要 coverage, dates and deadlines, the
public-edition reminder; and how parts are recognised with and without template keys."""

from __future__ import annotations

import pytest

from models.checks import coverage_table, run_checks
from models.checks.structure import LEADER, MEASURES, OTHER, PLANS, SHORTCOMINGS, classify_part
from models.report import POINT, SECTION, Node, Report, ReportMeta
from tests.models.checks.clean_report import clean_report
from tests.seed_report import seed_report, with_ids


def rules_of(report: Report, rule: str, edition: str = "submit"):
    return [f for f in run_checks(report, edition=edition) if f.rule == rule]


@pytest.mark.parametrize(("title", "part"), [
    ("2023年法治政府建设工作情况", MEASURES),
    ("2023年推进法治政府建设的主要举措和成效", MEASURES),
    ("主要负责人履行推进法治建设第一责任人职责情况", LEADER),
    ("存在的主要问题", SHORTCOMINGS),
    ("存在的不足和原因", SHORTCOMINGS),
    ("下一步工作打算", PLANS),
    ("2024年工作安排", PLANS),
    ("其他需要报告的情况", OTHER),
    ("附件", 0),
])
def test_top_level_titles_are_classified(title: str, part: int) -> None:
    assert classify_part(Node(SECTION, title=title)) == part


def test_template_keys_win_over_titles() -> None:
    assert classify_part(Node(SECTION, title="下一步工作打算", key="measures")) == MEASURES


def test_each_missing_statutory_part_is_reported() -> None:
    report = clean_report()
    report.body = [n for n in report.body if classify_part(n) not in (LEADER, SHORTCOMINGS)]
    found = rules_of(report, "content.statutory-part")
    assert len(found) == 2
    assert any("第一责任人" in f.message for f in found)
    assert any("不足和原因" in f.message for f in found)
    assert all((f.node_id, f.field, f.excerpt) == (None, "body", "") for f in found)


def test_the_fifth_part_may_be_left_out() -> None:
    report = clean_report()
    report.body = [n for n in report.body if classify_part(n) != OTHER]
    assert rules_of(report, "content.statutory-part") == []


def test_a_new_template_report_reports_its_empty_parts(template_report) -> None:
    found = rules_of(with_ids(template_report), "content.empty-part")
    assert {f.excerpt for f in found} == {
        "2024年推进法治政府建设的主要举措和成效", "党政主要负责人履行推进法治建设第一责任人职责情况",
        "存在的不足和原因", "2025年推进法治政府建设的主要安排"}
    assert rules_of(with_ids(template_report), "content.coverage") == []  # nothing written yet


def test_causes_are_recognised() -> None:
    report = seed_report()
    problems = next(n for n in report.body if n.title == "存在的主要问题")
    assert len(rules_of(report, "content.causes")) == 1
    problems.children.append(Node(POINT, title="究其原因，主要是对新领域执法的研究不够。", id=999))
    assert rules_of(report, "content.causes") == []


def test_coverage_table_of_the_seed_covers_every_topic() -> None:
    table = coverage_table(seed_report())
    assert [row.covered for row in table] == [True] * len(table)
    assert {row.key for row in table} >= {"thought", "enforcement", "emergencies", "digital"}


def test_coverage_reports_a_missing_topic() -> None:
    report = clean_report()
    measures = report.body[1]
    measures.children = [c for c in measures.children if "突发事件" not in c.title and "应急" not in c.text]
    found = rules_of(report, "content.coverage")
    assert [f.message for f in found] == ["“主要举措和成效”中没有写到纲要的“依法预防处置突发事件”方面，如有相关工作请补充。"]
    assert found[0].node_id == measures.id
    table = {row.key: row.covered for row in coverage_table(report)}
    assert table["emergencies"] is False
    assert table["enforcement"] is True


def test_empty_section_below_a_part() -> None:
    report = clean_report()
    empty = Node(SECTION, title="加强法治队伍建设", id=500)
    report.body[1].children.append(empty)
    [finding] = rules_of(report, "content.empty-section")
    assert (finding.node_id, finding.excerpt) == (500, "加强法治队伍建设")


def test_a_one_sentence_item_is_not_an_empty_section() -> None:
    report = clean_report()
    report.body[1].children.append(Node(SECTION, title="法治意识不强。", id=501))
    report.body[1].children.append(Node(SECTION, title="加强法治队伍建设", id=502))
    assert [f.node_id for f in rules_of(report, "content.empty-section")] == [502]


def _dated(iso: str) -> Report:
    report = clean_report()
    report.meta.date = iso
    return report


@pytest.mark.parametrize(("iso", "expected"), [
    ("2024-02-20", set()),
    ("2024-03-01", set()),
    ("2023-12-28", {"date.after-year"}),
    ("2024-03-06", {"date.submit-deadline"}),
    ("2024-04-02", {"date.submit-deadline", "date.publish-deadline"}),
    ("2024-13-01", {"date.invalid"}),
    ("", set()),
])
def test_dates_and_deadlines(iso: str, expected: set[str]) -> None:
    found = [f for f in run_checks(_dated(iso)) if f.family == "years"]
    assert {f.rule for f in found} == expected
    assert all(f.field == "meta.date" and f.excerpt == iso for f in found)


def test_deadline_messages_name_the_dates() -> None:
    [finding] = rules_of(_dated("2024-03-06"), "date.submit-deadline")
    assert "2024年3月6日" in finding.message
    assert "2024年3月1日" in finding.message
    assert finding.severity == "建议"


def test_secrets_reminder_only_for_the_public_edition() -> None:
    report = clean_report()
    assert rules_of(report, "privacy.secrets-reminder") == []
    [reminder] = rules_of(report, "privacy.secrets-reminder", edition="public")
    assert reminder.field == "body"
    assert reminder.fix is None


def test_report_without_a_year_skips_year_rules() -> None:
    node = Node(SECTION, title="2022年工作情况", text="2019年完成。")
    report = with_ids(Report(meta=ReportMeta(year=0, title="2022年报告"), body=[node]))
    assert [f for f in run_checks(report) if f.family == "years"] == []
