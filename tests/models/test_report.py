from __future__ import annotations

import pytest

from models.errors import TreeError
from models.report import PARAGRAPH, POINT, SECTION, Node, Report


def make() -> tuple[Report, Node, Node, Node]:
    a, b, c = Node(SECTION, "甲"), Node(SECTION, "乙"), Node(SECTION, "丙")
    return Report(body=[a, b, c]), a, b, c


def test_move_reorders_within_siblings() -> None:
    report, a, _, _ = make()
    report.move(a, None, 3)
    assert [n.title for n in report.body] == ["乙", "丙", "甲"]
    report.move(a, None, 0)
    assert [n.title for n in report.body] == ["甲", "乙", "丙"]


def test_move_between_levels_and_depth() -> None:
    report, a, _, c = make()
    report.move(c, a, 0)
    assert a.children == [c]
    assert report.depth_of(c) == 2
    assert report.parent_of(c) is a


def test_move_into_own_subtree_is_refused() -> None:
    report, a, _, c = make()
    report.move(c, a, 0)
    with pytest.raises(TreeError, match="自己的下级"):
        report.move(a, c, 0)


def test_leaves_cannot_hold_children() -> None:
    report, a, _, _ = make()
    point = Node(POINT, "一")
    report.insert(point, a)
    with pytest.raises(TreeError, match="只有标题部分"):
        report.insert(Node(PARAGRAPH), point)


def test_remove_then_insert_restores_position() -> None:
    report, _, b, _ = make()
    parent, index = report.remove(b)
    assert [n.title for n in report.body] == ["甲", "丙"]
    report.insert(b, parent, index)
    assert [n.title for n in report.body] == ["甲", "乙", "丙"]


def test_a_table_reads_as_its_title_and_tab_separated_rows_in_text_and_roll_forward() -> None:
    from models.checks.structure import has_written_text
    from models.importing.roll import full_text
    from models.report import PARAGRAPH, SECTION, TABLE, Node, Report, ReportMeta, table_node
    from models.report_text import plain_text

    table = table_node([["项目", "件数"], ["受理"]], title="复议情况")
    assert table.kind == TABLE
    assert table.table.rows == [["项目", "件数"], ["受理", ""]]  # padded square
    part = Node(SECTION, title="行政复议", children=[table])
    report = Report(ReportMeta(year=2024, title="报告"), [part])
    assert plain_text(report) == "报告\n\n一、行政复议\n复议情况\n项目\t件数\n受理\t\n"
    assert full_text(part) == "行政复议\n复议情况\n项目\t件数\n受理\t"
    assert has_written_text(part, report)
    assert not has_written_text(Node(SECTION, title="空", children=[table_node([["", ""]]), Node(PARAGRAPH)]), report)


def test_cells_pasted_from_excel_keep_what_they_say() -> None:
    from models.report import rows_from_tab_text

    assert rows_from_tab_text("项目\t件数\r\n受理\t35\r\n") == [["项目", "件数"], ["受理", "35"]]
    assert rows_from_tab_text('"两行\n内容"\t"说""明"\nc\t\n') == [["两行\n内容", '说"明'], ["c", ""]]
    assert rows_from_tab_text('"重要"说明\t"引号"\t1') == [['"重要"说明', '"引号"', "1"]]
    assert rows_from_tab_text("a\t\tb") == [["a", "", "b"]]
    assert rows_from_tab_text("\n") == []
    assert rows_from_tab_text("a\n\nb") == [["a"], [""], ["b"]]
