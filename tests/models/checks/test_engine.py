"""The engine: per-node re-check, switching rules off, ignoring findings, applying fixes."""

from __future__ import annotations

from models.checks import RULES, Fix, apply_all, apply_fix, check_node, planned_changes, run_checks
from models.checks.ignores import (
    clear_ignored,
    ignore_finding,
    ignored_key,
    load_disabled,
    load_ignored,
    set_rule_enabled,
    unignore_finding,
)
from models.checks.labels import finding_line, node_labels
from models.report import PARAGRAPH, Node
from tests.models.checks.helpers import find_node, one_node_report
from tests.seed_report import seed_report

JSON_KEYS = {
    "rule",
    "severity",
    "node_id",
    "field",
    "start",
    "end",
    "excerpt",
    "message",
    "fix",
    "family",
    "source",
    "places",
    "folded",
}


def test_check_node_gives_the_field_findings_of_that_node() -> None:
    report = seed_report()
    node = find_node(report, "依法做好行政复议和行政应诉工作")
    field_rules = {r.id for r in RULES if r.scope == "field"}
    checked = run_checks(report)
    # the node's own findings, and its paragraphs inside a finding for the whole report
    whole = [
        (f.rule, f.field, f.start, f.end, f.excerpt) for f in checked if f.node_id == node.id and f.rule in field_rules
    ]
    whole += [
        (p.rule, p.field, p.start, p.end, p.excerpt)
        for f in checked
        if f.field == "body"
        for p in f.places
        if p.node_id == node.id
    ]
    alone = [(f.rule, f.field, f.start, f.end, f.excerpt) for f in check_node(report, node)]
    assert sorted(alone) == sorted(whole)
    assert any(rule == "punct.final" for rule, *_ in whole)


def test_check_node_sees_an_edit() -> None:
    report = seed_report()
    node = find_node(report, "依法做好行政复议和行政应诉工作")
    node.text += "。"
    assert not [f for f in check_node(report, node) if f.rule == "punct.final"]


def test_disabled_rules_are_skipped() -> None:
    report = seed_report()
    findings = run_checks(report, disabled={"punct.ascii", "content.causes"})
    assert findings
    assert not {f.rule for f in findings} & {"punct.ascii", "content.causes"}


def test_ignored_findings_are_dropped_and_only_those() -> None:
    report = seed_report()
    findings = run_checks(report)
    target = next(f for f in findings if f.rule == "citation.doc-number-scrape")
    after = run_checks(report, ignored={target.ignore_key})
    assert target not in after
    assert len(after) == len(findings) - 1


def test_findings_are_in_reading_order() -> None:
    findings = run_checks(seed_report())
    order = [(-2 if f.field == "body" else (-1 if f.node_id is None else f.node_id)) for f in findings]
    assert order == sorted(order)


def test_finding_as_dict_has_the_documented_keys() -> None:
    finding = next(f for f in run_checks(seed_report()) if f.fix)
    data = finding.as_dict()
    assert set(data) == JSON_KEYS
    assert set(data["fix"]) == {"start", "end", "replacement"}


def test_apply_fix_replaces_exactly_the_span() -> None:
    assert apply_fix("依法行政,推进", Fix(4, 5, "，")) == "依法行政，推进"
    assert apply_fix("末尾", Fix(2, 2, "。")) == "末尾。"


def test_overlapping_fixes_take_one_and_leave_the_other_for_the_next_round() -> None:
    report, node = one_node_report("依据《规划(20202025年)》执行。")
    findings = [f for f in run_checks(report) if f.fix]
    assert {f.rule for f in findings} >= {"punct.ascii-brackets", "punct.time-range"}
    [change] = planned_changes(report, findings)
    assert change.old == node.text
    assert change.new != node.text
    again = apply_all(apply_all(report, findings), run_checks(apply_all(report, findings)))
    assert again.find(node.id).text == "依据《规划（2020—2025年）》执行。"


def test_apply_all_returns_a_copy_and_fixes_metadata() -> None:
    report, _ = one_node_report("正文。")
    report.meta.doc_number = "某交发[2024]08号"
    findings = run_checks(report)
    fixed = apply_all(report, findings)
    assert fixed.meta.doc_number == "某交发〔2024〕8号"
    assert report.meta.doc_number == "某交发[2024]08号"


def test_stale_fix_beyond_the_text_is_skipped() -> None:
    report, node = one_node_report("依法行政,推进。")
    findings = run_checks(report)
    node.text = "短"
    assert planned_changes(report, findings) == []


def test_findings_for_unknown_nodes_are_skipped() -> None:
    report, _ = one_node_report("依法行政,推进。")
    findings = run_checks(report)
    report.body[0].children = [Node(PARAGRAPH, text="别的", id=77)]
    assert planned_changes(report, findings) == []


def test_human_line_names_place_severity_message_and_excerpt() -> None:
    report = seed_report()
    labels = node_labels(report)
    finding = next(f for f in run_checks(report) if f.rule == "punct.final")
    line = finding_line(finding, labels)
    assert line.startswith("[错误] 三是依法做好行政复议和行政应诉工作")
    assert "正文" in line
    assert "「结率均为100%」" in line
    assert "（punct.final）" in line


# --- remembered choices in the library ---


def test_ignores_round_trip_through_the_library(library) -> None:
    report = seed_report()
    report_id = library.create_report(report)
    stored = library.load_report(report_id)
    finding = next(f for f in run_checks(stored) if f.rule == "content.causes")
    ignore_finding(library, report_id, finding)
    assert load_ignored(library, report_id) == {finding.ignore_key}
    assert finding not in run_checks(stored, ignored=load_ignored(library, report_id))
    unignore_finding(library, report_id, finding.ignore_key)
    assert load_ignored(library, report_id) == set()
    ignore_finding(library, report_id, finding)
    clear_ignored(library, report_id)
    assert load_ignored(library, report_id) == set()


def test_ignores_are_per_report(library) -> None:
    first = library.create_report(seed_report())
    second = library.create_report(seed_report())
    finding = next(f for f in run_checks(library.load_report(first)) if f.rule == "content.causes")
    ignore_finding(library, first, finding)
    assert load_ignored(library, second) == set()


def test_malformed_ignore_setting_is_ignored_not_fatal(library) -> None:
    library.set_setting(ignored_key(5), [["punct.ascii", 3, ","], "junk", [1, 2, 3], ["r", "x", "y"]])
    assert load_ignored(library, 5) == {("punct.ascii", 3, ",")}
    library.set_setting(ignored_key(6), {"not": "a list"})
    assert load_ignored(library, 6) == set()


def test_disabled_rules_setting(library) -> None:
    assert load_disabled(library) == set()
    set_rule_enabled(library, "punct.doubled", False)
    set_rule_enabled(library, "genre.jiezhi", False)
    set_rule_enabled(library, "punct.doubled", True)
    assert load_disabled(library) == {"genre.jiezhi"}
    library.set_setting("disabled_rules", "garbage")
    assert load_disabled(library) == set()


def test_human_line_of_a_grouped_finding_says_it_fixes_all_its_places() -> None:
    report = seed_report()
    [marks] = [f for f in run_checks(report) if f.rule == "punct.ascii"]
    line = finding_line(marks, node_labels(report))
    assert line.startswith("[错误] 全文：全文有 ")
    assert line.endswith(f" → 可一次改好全部 {len(marks.places)} 处（punct.ascii）")
