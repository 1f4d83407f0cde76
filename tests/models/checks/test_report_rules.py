"""Report-wide rules: statutory parts, causes, 纲要 coverage, dates and deadlines, the
public-edition reminder; and how parts are recognised with and without template keys."""

from __future__ import annotations

import pytest

from models.checks import RULES, coverage_table, run_checks
from models.checks.structure import LEADER, MEASURES, OTHER, PLANS, SHORTCOMINGS, classify_part
from models.report import POINT, SECTION, Node, Report, ReportMeta
from tests.models.checks.clean_report import clean_report
from tests.seed_report import seed_report, with_ids


def rules_of(report: Report, rule: str, edition: str = "submit"):
    return [f for f in run_checks(report, edition=edition) if f.rule == rule]


@pytest.mark.parametrize(
    ("title", "part"),
    [
        ("2023年法治政府建设工作情况", MEASURES),
        ("2023年推进法治政府建设的主要举措和成效", MEASURES),
        ("主要负责人履行推进法治建设第一责任人职责情况", LEADER),
        ("存在的主要问题", SHORTCOMINGS),
        ("存在的不足和原因", SHORTCOMINGS),
        ("下一步工作打算", PLANS),
        ("2024年工作安排", PLANS),
        ("其他需要报告的情况", OTHER),
        ("附件", 0),
    ],
)
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
        "2024年推进法治政府建设的主要举措和成效",
        "党政主要负责人履行推进法治建设第一责任人职责情况",
        "存在的不足和原因",
        "2025年推进法治政府建设的主要安排",
    }
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
    assert [f.message for f in found] == [
        "“主要举措和成效”中没有写到纲要的“依法预防处置突发事件”方面，如有相关工作请补充。"
    ]
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


@pytest.mark.parametrize(
    ("iso", "expected"),
    [
        ("2024-02-20", set()),
        ("2024-03-01", set()),
        ("2023-12-28", {"date.after-year"}),
        ("2024-03-06", {"date.submit-deadline"}),
        ("2024-04-02", {"date.publish-deadline"}),  # one finding on the date, naming both deadlines
        ("2024-13-01", {"date.invalid"}),
        ("", set()),
    ],
)
def test_dates_and_deadlines(iso: str, expected: set[str]) -> None:
    found = [f for f in run_checks(_dated(iso)) if f.family == "years"]
    assert {f.rule for f in found} == expected
    assert all(f.field == "meta.date" and f.excerpt == iso for f in found)


def test_deadline_messages_name_the_dates() -> None:
    [finding] = rules_of(_dated("2024-03-06"), "date.submit-deadline")
    assert "2024年3月6日" in finding.message
    assert "2024年3月1日" in finding.message
    assert finding.severity == "建议"


def test_a_department_late_for_both_deadlines_gets_one_error() -> None:
    [finding] = [f for f in run_checks(_dated("2024-04-02")) if f.family == "years"]
    assert finding.rule == "date.publish-deadline"
    assert finding.severity == "错误"  # 第二十四条: dated after 4月1日, it cannot be public by then
    assert "2024年4月1日" in finding.message
    assert "3月1日" in finding.message


@pytest.mark.parametrize(
    ("issuer", "iso", "expected"),
    [
        ("重庆市人民政府", "2024-03-06", set()),  # a provincial government reports by 4月1日
        ("中共四川省委、四川省人民政府", "2024-03-20", set()),
        ("广西壮族自治区人民政府", "2024-04-01", set()),
        ("重庆市人民政府", "2024-04-02", {"date.publish-deadline"}),
        ("重庆市城市管理局", "2024-03-06", {"date.submit-deadline"}),  # a provincial department: 3月1日
        ("四川省成都市人民政府", "2024-03-06", {"date.submit-deadline"}),  # a lower level: 3月1日
        ("某县人民政府", "2024-03-01", set()),
    ],
)
def test_reporting_deadline_depends_on_the_issuer(issuer: str, iso: str, expected: set[str]) -> None:
    report = _dated(iso)
    report.meta.issuer = issuer
    assert {f.rule for f in run_checks(report) if f.family == "years"} == expected


def test_provincial_publish_message_does_not_name_3_march() -> None:
    report = _dated("2024-04-02")
    report.meta.issuer = "重庆市人民政府"
    [finding] = rules_of(report, "date.publish-deadline")
    assert "3月1日" not in finding.message


def test_the_secrets_reminder_is_not_a_finding() -> None:
    assert run_checks(clean_report(), edition="public") == []
    assert "privacy.secrets-reminder" not in {r.id for r in RULES}


def test_coverage_lists_every_missing_topic_in_one_finding() -> None:
    report = clean_report()
    measures = report.body[1]
    measures.children = [
        c
        for c in measures.children
        if not any(w in c.title + c.text for w in ("突发事件", "应急", "数字", "信息化", "一网通", "网上"))
    ]
    [finding] = rules_of(report, "content.coverage")
    assert "“依法预防处置突发事件”“数字法治政府（科技保障）”" in finding.message
    assert finding.severity == "建议"


# --- 不足 without 原因: the items' text decides, never the heading ---


def _with_shortcomings(title: str, text: str = "", points: tuple[str, ...] = ()) -> Report:
    report = clean_report()
    part = next(n for n in report.body if classify_part(n) == SHORTCOMINGS)
    part.title, part.text = title, text
    part.children = [Node(POINT, title=p) for p in points]
    return with_ids(report)


@pytest.mark.parametrize(
    ("title", "text", "points"),
    [
        ("存在的不足和原因", "一是执法队伍专业化水平有待提高。二是科技监管手段较少。", ()),  # the template's heading
        ("存在的不足及原因分析", "", ("执法队伍专业化水平有待提高。", "科技监管手段较少。")),
        ("存在的主要问题", "部分执法人员对新法掌握不够，基层力量薄弱。", ()),
    ],
)
def test_problems_without_causes_are_reported(title: str, text: str, points: tuple[str, ...]) -> None:
    [finding] = rules_of(_with_shortcomings(title, text, points), "content.causes")
    assert finding.excerpt == title
    assert finding.severity == "错误"


@pytest.mark.parametrize(
    "text",
    [
        "一是执法队伍专业化水平有待提高。究其原因，培训针对性不强。",
        "一是科技监管手段较少，主要是由于财力有限。",
        "部分规范性文件论证不充分，导致出台后修改较多。",
        "执法力量不足，根源在于编制与任务不相适应。",
        "一方面执法人员数量不足，另一方面科技投入有限，监管覆盖面不广。",
        "主观上重视不够，客观上人员紧张。",
    ],
)
def test_problems_with_causes_pass(text: str) -> None:
    assert rules_of(_with_shortcomings("存在的不足和原因", text), "content.causes") == []


def test_a_causes_subheading_counts_only_with_text_under_it() -> None:
    report = _with_shortcomings("存在的不足和原因", "执法队伍专业化水平有待提高。")
    part = next(n for n in report.body if classify_part(n) == SHORTCOMINGS)
    part.children = [Node(SECTION, title="原因分析", id=900)]
    assert len(rules_of(report, "content.causes")) == 1
    part.children[0].text = "培训针对性不强，执法人员数量与任务不相适应。"
    assert rules_of(report, "content.causes") == []


# --- 第一责任人: what the 主要负责人 did ---


def _with_leader_text(text: str) -> Report:
    report = clean_report()
    part = next(n for n in report.body if classify_part(n) == LEADER)
    part.children = []
    part.text = text
    return report


@pytest.mark.parametrize(
    "text",
    [
        "主要负责人高度重视法治政府建设，切实履行第一责任人职责，认真落实各项工作要求，取得了较好成效。",
        "局主要负责人坚持把法治建设摆在全局工作的重要位置，以上率下，压实责任。",
    ],
)
def test_generic_leader_text_is_reported(text: str) -> None:
    report = _with_leader_text(text)
    [finding] = rules_of(report, "content.leader-acts")
    assert finding.severity == "建议"
    assert finding.node_id == next(n for n in report.body if classify_part(n) == LEADER).id


@pytest.mark.parametrize(
    "text",
    [
        "局长主持召开局党组会议5次，专题研究法治建设工作。",
        "主要负责人年底向区委述法，带头学法4次。",
        "主要负责人督促领导班子成员依法履职，带头出庭应诉2次。",
        "组织召开28次党组会议研究部署法治政府建设相关工作。",
    ],
)
def test_leader_text_that_says_what_was_done_passes(text: str) -> None:
    assert rules_of(_with_leader_text(text), "content.leader-acts") == []


def test_the_leader_heading_alone_does_not_count() -> None:
    report = _with_leader_text("高度重视，认真落实。")
    part = next(n for n in report.body if classify_part(n) == LEADER)
    part.title = "主要负责人主持召开专题会议研究部署法治建设情况"
    assert len(rules_of(report, "content.leader-acts")) == 1


def test_report_without_a_year_skips_year_rules() -> None:
    node = Node(SECTION, title="2022年工作情况", text="2019年完成。")
    report = with_ids(Report(meta=ReportMeta(year=0, title="2022年报告"), body=[node]))
    assert [f for f in run_checks(report) if f.family == "years"] == []
