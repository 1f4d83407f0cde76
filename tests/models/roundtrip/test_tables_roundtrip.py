"""Tables in the round trip: a 审阅稿 with tables merges back unchanged, its table title is an area;
a 填报文件 leaves tables out (its text areas could not hold a table's cells)."""

from __future__ import annotations

from pathlib import Path

import docx

from models.report import PARAGRAPH, SECTION, Node, Report, ReportMeta, TableData, table_node
from models.roundtrip.merge import plan_merge
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
