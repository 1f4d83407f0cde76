"""Signal over noise: one finding per span (the most specific rule, the others folded into it),
one per paragraph for mechanical faults, one per report when they are everywhere."""

from __future__ import annotations

import pytest

from models.checks import RULES, apply_all, check_node, planned_changes, run_checks
from models.checks.model import FORM, HYGIENE, NAME
from models.checks.runner import SPREAD
from models.report import PARAGRAPH, SECTION, Node, Report, ReportMeta
from tests.models.checks.helpers import one_node_report
from tests.seed_report import with_ids


def only(text: str) -> tuple[Report, list]:
    report, node = one_node_report(text)
    return report, [f for f in run_checks(report) if f.node_id == node.id]


def fixed_text(report: Report, findings) -> str:
    return apply_all(report, findings).body[0].children[0].text


# --- specificity, defined once ---


def test_every_rule_has_a_specificity_and_the_mechanical_ones_are_hygiene() -> None:
    levels = {rule.id: rule.specificity for rule in RULES}
    assert set(levels.values()) <= {HYGIENE, FORM, NAME}
    assert {r for r, level in levels.items() if level == HYGIENE} == {
        "punct.ascii",
        "punct.ascii-brackets",
        "punct.ascii-quotes",
        "punct.cjk-space",
        "punct.doubled",
        "number.fullwidth",
    }
    assert {r for r, level in levels.items() if level == NAME} == {
        "citation.canonical",
        "citation.doc-number",
        "citation.doc-number-scrape",
        "number.date-form",
        "year.title",
        "numbering.typed-marker",
    }
    assert all(rule.group is None or rule.fix is not None for rule in RULES)  # a group's fix rewrites every place


# --- one finding per span ---


@pytest.mark.parametrize(
    ("text", "right"),
    [
        ("全年办结案件56件,", "全年办结案件56件。"),  # "," is half-width and the paragraph's missing 句号
        ("全年办结案件56件;", "全年办结案件56件。"),
        ("全年办结案件56件.", "全年办结案件56件。"),
    ],
)
def test_an_ascii_mark_that_is_also_the_missing_final_stop_is_one_finding(text: str, right: str) -> None:
    report, found = only(text)
    [finding] = found
    assert finding.rule == "punct.final"
    assert finding.folded == ("punct.ascii",)
    assert finding.severity == "错误"
    assert fixed_text(report, found) == right


def test_a_damaged_range_inside_a_gangyao_title_is_one_finding() -> None:
    report, found = only("按照《法治政府建设实施纲要(20212025年)》部署。")
    [finding] = found
    assert finding.rule == "citation.canonical"
    assert set(finding.folded) == {"punct.ascii-brackets", "punct.time-range"}
    assert finding.severity == "错误"  # the folded bracket and range faults break GB/T 15834
    assert finding.excerpt == "《法治政府建设实施纲要(20212025年)》"
    assert fixed_text(report, found) == "按照《法治政府建设实施纲要（2021—2025年）》部署。"


def test_a_wrong_title_without_a_broken_clause_is_advice() -> None:
    _, found = only("对照《法治政府建设与责任落实督查工作规定》。")
    assert [(f.rule, f.severity, f.folded) for f in found] == [("citation.canonical", "建议", ())]
    _, found = only("贯彻法治政府建设实施纲要（2021—2025年）。")
    assert [(f.rule, f.severity) for f in found] == [("citation.canonical", "错误")]  # no 书名号: GB/T 15834 4.15


def test_a_fault_the_winner_does_not_repair_stays_its_own_finding() -> None:
    # punct.final's span is the paragraph's tail, which holds a half-width comma its fix keeps
    report, found = only("全年办结案件56件,办结率均为100%")
    assert sorted(f.rule for f in found) == ["punct.ascii", "punct.final"]
    assert all(f.folded == () for f in found)
    fixed = apply_all(apply_all(report, found), run_checks(apply_all(report, found)))
    assert fixed.body[0].children[0].text == "全年办结案件56件，办结率均为100%。"


def test_a_range_in_another_title_is_not_folded_into_its_brackets() -> None:
    # the brackets are the less specific finding: the range fault is a problem of its own
    _, found = only("落实《重庆市城市管理规划(20212025年)》。")
    assert sorted(f.rule for f in found) == ["punct.ascii-brackets", "punct.time-range"]


# --- one finding per paragraph ---


def test_ascii_marks_of_a_paragraph_are_one_finding_with_its_places() -> None:
    report, found = only("依法行政,推进法治;加强监督:落实责任。")
    [finding] = found
    assert finding.message == "本段有 3 处半角标点，应改为全角标点，可一次全部修正。"
    assert [(p.excerpt, p.fix.replacement) for p in finding.places] == [(",", "，"), (";", "；"), (":", "：")]
    assert finding.excerpt == report.body[0].children[0].text[finding.start : finding.end]
    assert fixed_text(report, found) == "依法行政，推进法治；加强监督：落实责任。"


def test_brackets_quotes_and_marks_share_one_finding_and_one_fix() -> None:
    report, found = only('三级事项(市,区县)共163项,落实"谁执法谁普法"。')
    [finding] = found
    assert finding.rule == "punct.ascii"  # the first of the group's rules among the places
    assert {p.rule for p in finding.places} == {"punct.ascii", "punct.ascii-brackets", "punct.ascii-quotes"}
    assert len(finding.places) == 4  # the comma inside the brackets is a place of its own
    assert fixed_text(report, found) == "三级事项（市，区县）共163项，落实“谁执法谁普法”。"


def test_a_single_mark_keeps_its_own_message() -> None:
    _, found = only("依法行政,推进法治建设。")
    [finding] = found
    assert (finding.excerpt, finding.places) == (",", ())
    assert "全角" in finding.message


def test_each_line_of_a_field_is_its_own_paragraph() -> None:
    _, found = only("依法行政,推进法治;加强监督。\n落实责任,压实责任;强化考核。")
    assert [len(f.places) for f in found] == [2, 2]


def test_spaces_and_fullwidth_digits_group_on_their_own() -> None:
    report, found = only("推进法治 政府建设，加强 监督，办理１２件，占比９５％。")
    assert sorted((f.message[:9], len(f.places)) for f in found) == [("本段有 2 处全角", 2), ("本段有 2 处汉字", 2)]
    assert fixed_text(report, found) == "推进法治政府建设，加强监督，办理12件，占比95%。"


def test_grouped_findings_agree_between_check_node_and_run_checks() -> None:
    report, node = one_node_report("依法行政,推进法治;加强监督:落实责任。")
    assert check_node(report, node) == [f for f in run_checks(report) if f.node_id == node.id]


# --- one finding per report ---


def scraped_everywhere(paragraphs: int) -> tuple[Report, list[Node]]:
    nodes = [Node(PARAGRAPH, text=f"第{i}项工作,已经完成;效果良好。") for i in range(paragraphs)]
    part = Node(SECTION, title="2023年法治政府建设工作情况", children=nodes)
    return with_ids(
        Report(meta=ReportMeta(year=2023, title="某局关于2023年度法治政府建设情况的报告"), body=[part])
    ), nodes


def punctuation(report: Report, **options) -> list:
    return [f for f in run_checks(report, **options) if f.family == "punctuation"]  # the parts are missing too


def test_a_fault_in_many_paragraphs_is_one_finding_for_the_report() -> None:
    report, nodes = scraped_everywhere(SPREAD + 1)
    [finding] = punctuation(report)
    assert (finding.node_id, finding.field, finding.fix) == (None, "body", None)
    assert (
        finding.message
        == f"全文有 {2 * (SPREAD + 1)} 处半角标点，分布在 {SPREAD + 1} 个段落或标题中，应改为全角标点，可一次全部修正。"
    )
    assert [p.node_id for p in finding.places] == [n.id for n in nodes]
    assert all(len(p.places) == 2 for p in finding.places)  # each paragraph expands to its marks
    assert finding.fixable
    assert len(planned_changes(report, [finding])) == SPREAD + 1
    fixed = apply_all(report, [finding])
    assert [n.text for n in fixed.body[0].children] == [f"第{i}项工作，已经完成；效果良好。" for i in range(SPREAD + 1)]
    assert punctuation(fixed) == []


def test_fewer_paragraphs_stay_one_finding_each() -> None:
    report, nodes = scraped_everywhere(SPREAD - 1)
    assert [f.node_id for f in punctuation(report)] == [n.id for n in nodes]


def test_ignoring_one_paragraph_leaves_the_others() -> None:
    report, _ = scraped_everywhere(SPREAD)
    first = check_node(report, report.body[0].children[0])[0]
    found = punctuation(report, ignored={first.ignore_key})
    assert len(found) == SPREAD - 1  # below the spread again: one finding per paragraph
    assert first.ignore_key not in {f.ignore_key for f in found}
