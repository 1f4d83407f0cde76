"""Issue 13: numbering faults the clerk typed survive the import and reach 体检.

The importer strips a typed number only when it is the next one in the standard form; a
skip, a repeat, a step back or a wrong form stays at the start of the title, where the
``numbering.typed-marker`` rule measures it against the number before it. Table tests: each
fault is found with its message, right numbering is left alone, and the fix (deleting the
typed number) leaves a report whose computed numbering is right.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from models.checks import apply_all, run_checks
from models.importing import import_text
from models.numbering import number_report
from models.store import Library
from tests.seed_report import with_ids

HEAD = "某局关于2023年度法治政府建设情况的报告\n2023年，我局坚持依法行政，全面推进法治建设。\n"


@dataclass(frozen=True)
class Fault:
    name: str
    body: str
    excerpt: str
    message: str  # a part of the finding's message


FAULTS = [
    Fault(
        "level-1 skip",
        "一、工作情况\n（一）甲。\n三、问题\n（一）乙。",
        "三、",
        "原文序号“三、”跳号：前一项是“一、”，中间缺少“二、”",
    ),
    Fault(
        "level-1 skip of two",
        "一、工作情况\n（一）甲。\n二、问题\n（一）乙。\n五、打算\n（一）丙。",
        "五、",
        "中间缺少“三、”至“四、”",
    ),
    Fault(
        "level-2 repeat",
        "一、工作情况\n（一）甲。\n（二）乙。\n（三）丙。\n（一）丁。",
        "（一）",
        "原文序号“（一）”排在“（三）”之后，重复或倒序",
    ),
    Fault("level-2 skip", "一、工作情况\n（一）甲。\n（三）丙。", "（三）", "中间缺少“（二）”"),
    Fault(
        "二是 missing",
        "一、工作情况\n（一）甲。一是学习。学了4次。三是制度。定了2项。",
        "三是",
        "原文序号“三是”跳号：前一项是“一是”，中间缺少“二是”",
    ),
    Fault(
        "ASCII brackets among full-width marks",
        "一、工作情况\n（一）甲。\n(二)乙，丙。",
        "(二)",
        "原文序号“(二)”写法不规范，这一级应写作“（二）”",
    ),
    Fault("bracket and 顿号", "一、工作情况\n（一）甲。\n（二）、乙。", "（二）、", "这一级应写作“（二）”"),
    Fault("2、 for a third level", "一、工作情况\n（一）甲。\n1.学法。\n2、用法。", "2、", "这一级应写作“2.”"),
    Fault("一. for a first level", "一、工作情况\n（一）甲。\n二.问题\n（一）乙。", "二.", "这一级应写作“二、”"),
    Fault(
        "numbering running on from the part before",
        "一、工作情况\n（一）甲。\n1.学法。\n2.用法。\n（二）乙。\n3.执法。",
        "3.",
        "原文序号“3.”是这一层的第一项：编号可能接续了上一部分",
    ),
    Fault("lost bracket", "一、工作情况\n一）甲。\n（二）乙。", "一）", "这一级应写作“（一）”"),
]


def checked(body: str):
    result = import_text(HEAD + body)
    report = with_ids(result.report)
    return result, report, [f for f in run_checks(report) if f.rule.startswith("numbering.")]


@pytest.mark.parametrize("fault", FAULTS, ids=lambda f: f.name)
def test_typed_fault_is_found_with_its_message(fault: Fault) -> None:
    result, _report, findings = checked(fault.body)
    hits = [f for f in findings if f.excerpt == fault.excerpt]
    assert len(hits) == 1, [(f.excerpt, f.message) for f in findings]
    assert fault.message in hits[0].message
    assert hits[0].severity == "错误"
    assert f"“{fault.excerpt}”" in "".join(result.notes)  # the preview said so too


@pytest.mark.parametrize("fault", FAULTS, ids=lambda f: f.name)
def test_the_fix_deletes_the_typed_number_and_leaves_no_numbering_finding(fault: Fault) -> None:
    _result, report, findings = checked(fault.body)
    fixed = apply_all(report, findings)
    assert not [f for f in run_checks(fixed) if f.rule == "numbering.typed-marker"]
    assert not any(node.title.startswith(fault.excerpt) for node in fixed.walk())


RIGHT = [
    "一、工作情况\n（一）甲。\n（二）乙。\n1.学法。\n2.用法。\n二、问题\n（一）丙。一是学习。二是制度。",
    "一、工作情况\n（一）甲。一是学习。\n二是制度。\n（二）乙。究其原因，一是学习不够；二是制度不全。",
]
# a page whose every mark is ASCII: (一) is the page store's doing, not the clerk's
ASCII_PAGE = "某局关于2023年度法治政府建设情况的报告\n2023年,我局坚持依法行政。\n一、工作情况\n(一)甲,乙。\n(二)丙。"


@pytest.mark.parametrize("source", [HEAD + body for body in RIGHT] + [ASCII_PAGE])
def test_right_numbering_is_stripped_and_left_alone(source: str) -> None:
    result = import_text(source)
    findings = run_checks(with_ids(result.report))
    assert not [f for f in findings if f.rule == "numbering.typed-marker"]
    assert not any("原文序号" in note for note in result.notes)


def test_the_typed_number_persists_in_the_library_until_the_clerk_deletes_it(library: Library) -> None:
    report_id = library.create_report(import_text(HEAD + FAULTS[0].body).report)
    stored = library.load_report(report_id)
    messages = [f.message for f in run_checks(stored) if f.rule == "numbering.typed-marker"]
    assert any("中间缺少“二、”" in m for m in messages)


def test_the_computed_number_is_what_export_prints_once_the_typed_one_is_gone() -> None:
    _result, report, findings = checked(FAULTS[0].body)
    fixed = apply_all(report, findings)
    parts = [n for n in fixed.body if n.kind == "section"]
    markers = number_report(fixed)
    assert [markers[id(p)] + p.title for p in parts] == ["一、工作情况", "二、问题"]


def test_a_typed_number_in_an_editor_title_keeps_the_plain_message() -> None:
    report = with_ids(import_text(HEAD + "一、工作情况\n（一）甲。").report)
    report.body[1].children[0].title = "（一）甲。"
    [finding] = [f for f in run_checks(report) if f.rule == "numbering.typed-marker"]
    assert finding.message.startswith("开头手工输入了序号“（一）”")


def test_the_marks_inside_a_typed_number_are_one_finding_with_it() -> None:
    _result, _report, _numbering = checked("一、工作情况\n一）甲。\n（二）乙。")
    findings = run_checks(_report)
    [finding] = [f for f in findings if f.excerpt == "一）" or f.excerpt == "）"]
    assert finding.rule == "numbering.typed-marker"
    assert "punct.unpaired" in finding.folded


def test_a_run_in_number_inside_a_points_text_counts_on_from_the_point() -> None:
    """A clerk's 三是 inside the text of the point numbered 一是: 二是 is missing (it once said 0是)."""
    report = with_ids(import_text(HEAD + "一、工作情况\n（一）甲。一是学习。学了4次。").report)
    point = report.body[1].children[0].children[0]
    point.text = "学了4次。三是制度。"
    [finding] = [f for f in run_checks(report) if f.rule == "numbering.run-in"]
    assert finding.message == "“三是”序号不连续，按顺序这里应是“二是”。"
