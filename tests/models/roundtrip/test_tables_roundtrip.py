"""Tables in the round trip: a 审阅稿 with tables merges back unchanged, its table title is an area;
a 填报文件 leaves tables out (its text areas could not hold a table's cells)."""

from __future__ import annotations

from pathlib import Path

import docx

from models.report import PARAGRAPH, SECTION, Node, Report, ReportMeta, TableData, table_node
from models.roundtrip.merge import apply_plan, plan_merge
from models.roundtrip.package import make_package, package_parts
from models.roundtrip.review import make_review
from models.store import Library


def _report_id(library: Library) -> int:
    part = Node(
        SECTION,
        title="行政复议",
        text="全年情况如下。",
        children=[
            table_node([["项目", "件数"], ["受理", "28"]], title="复议案件表"),
            Node(PARAGRAPH, text="其余情况。"),
            table_node([["甲", "1"]], header_row=False),
        ],
    )
    return library.create_report(Report(ReportMeta(year=2024, title="报告", issuer="某局"), [part]))


def test_a_review_with_tables_merges_back_with_nothing_changed(library: Library, tmp_path: Path) -> None:
    report_id = _report_id(library)
    target = tmp_path / "审阅稿.docx"
    make_review(library, report_id, target)
    tables = docx.Document(str(target)).tables
    assert [[c.text for c in row.cells] for row in tables[0].rows] == [["项目", "件数"], ["受理", "28"]]
    plan = plan_merge(library, report_id, target)
    assert plan.changes == []


def test_a_package_leaves_tables_out(library: Library, tmp_path: Path) -> None:
    report_id = _report_id(library)
    report = library.load_report(report_id)
    [part] = report.body
    assert [n.kind for n in package_parts([part])] == [SECTION, PARAGRAPH]
    target = tmp_path / "执法科.docx"
    make_package(library, report_id, [part], "执法科", target)
    document = docx.Document(str(target))
    assert document.tables == []
    assert "复议案件表" not in "".join(p.text for p in document.paragraphs)
    assert library.load_report(report_id).body[0].children[0].table == TableData([["项目", "件数"], ["受理", "28"]])


def _edit_cell(target: Path, table: int, row: int, column: int, text: str) -> None:
    document = docx.Document(str(target))
    document.tables[table].cell(row, column).paragraphs[0].runs[0].text = text
    document.save(str(target))


def test_a_cell_edited_in_a_review_is_a_problem_for_the_clerk_never_node_text(library: Library, tmp_path: Path) -> None:
    report_id = _report_id(library)
    target = tmp_path / "审阅稿.docx"
    make_review(library, report_id, target)
    _edit_cell(target, 0, 1, 1, "30")
    _edit_cell(target, 1, 0, 0, "乙")  # the table without a title
    before = library.load_report(report_id)
    plan = plan_merge(library, report_id, target)
    assert plan.changes == []
    assert plan.proposals == []
    assert len(plan.problems) == 2
    first, second = plan.problems
    assert first.startswith("表格“复议案件表”中有修改，没有合并：表格中的修改请在年报助手中手动修改。")
    assert first.endswith("删：28；增：30")
    assert second.startswith("第 2 个表格（一、正文段落之后）中有修改")
    assert second.endswith("删：甲；增：乙")
    assert apply_plan(library, plan) is None
    after = library.load_report(report_id)
    assert [(n.text, n.table) for n in after.walk()] == [(n.text, n.table) for n in before.walk()]


def test_a_comment_in_a_table_cell_is_a_note_on_the_table(library: Library, tmp_path: Path) -> None:
    report_id = _report_id(library)
    target = tmp_path / "审阅稿.docx"
    make_review(library, report_id, target)
    document = docx.Document(str(target))
    cell = document.tables[0].cell(1, 1).paragraphs[0]
    document.add_comment(cell.runs, text="请核对件数。", author="王主任")
    document.save(str(target))
    plan = plan_merge(library, report_id, target)
    table = library.load_report(report_id).body[0].children[0]
    assert [(n.node_id, n.quote, n.text) for n in plan.notes] == [(table.id, "28", "请核对件数。")]
    assert plan.changes == []
