"""A titled part with titled children is not empty (the editor shows its items)."""

from __future__ import annotations

from pathlib import Path

from models.checks import run_checks
from models.importing import import_file
from models.report import SECTION, Node
from tests.seed_report import with_ids

ISSUE = Path(__file__).resolve().parents[2] / "data" / "titled-parts-without-text.txt"


def test_parts_with_titled_items_are_not_empty() -> None:
    report = with_ids(import_file(ISSUE).report)
    findings = run_checks(report)
    empty = [f for f in findings if f.rule in ("content.empty-part", "content.empty-section")]
    titles = {n.id: n.title for n in report.walk()}
    assert "下一年度工作安排" not in {titles.get(f.node_id) for f in empty}
    assert "存在的不足和原因" not in {titles.get(f.node_id) for f in empty}
    assert not any("还没有内容" in f.message and titles.get(f.node_id, "").endswith(("安排", "原因")) for f in findings)


def test_untouched_template_children_do_not_fill_a_part(template_report) -> None:
    plans = next(n for n in template_report.body if n.key == "plans")
    plans.children.append(Node(SECTION, title="加强法治学习培训", key="measures"))  # a key, not the template's title
    with_ids(template_report)
    empty = {f.excerpt for f in run_checks(template_report) if f.rule == "content.empty-part"}
    assert "2025年推进法治政府建设的主要安排" not in empty
    assert "2024年推进法治政府建设的主要举措和成效" in empty  # its nine sub-topics are untouched placeholders
