"""Table nodes in the library: the v5 migration, storing and editing cells, revisions, 字数."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from models import interchange
from models.errors import TreeError
from models.report import PARAGRAPH, SECTION, TABLE, Node, Report, ReportMeta, TableData, table_node
from models.store import Library
from models.store.schema import MIGRATIONS, TABLES_VERSION

FIGURES = [["项目", "2024年", "2023年"], ["收到行政复议申请", "35", "30"], ["纠错率", "8.6%", "\t换行\n"]]


def _report_with_table() -> Report:
    section = Node(
        SECTION,
        title="行政复议情况",
        children=[Node(PARAGRAPH, text="全年情况如下。"), table_node(FIGURES, title="行政复议案件情况表")],
    )
    return Report(meta=ReportMeta(year=2024, title="报告"), body=[section])


def test_a_version_4_library_gains_table_nodes_and_keeps_its_tree(tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    conn = sqlite3.connect(old, isolation_level=None)
    conn.execute("PRAGMA foreign_keys=ON")
    for migration in MIGRATIONS[: TABLES_VERSION - 1]:
        migration(sqlite_utils.Database(conn))
    conn.execute("INSERT INTO reports (year, title, created, modified) VALUES (2023, '旧报告', 'x', 'x')")
    conn.execute(
        "INSERT INTO nodes (report_id, position, kind, title, text, unit) "
        "VALUES (1, 0, 'section', '一', '正文', '法制科')"
    )
    conn.execute("INSERT INTO nodes (report_id, parent_id, position, kind, text) VALUES (1, 1, 0, 'paragraph', '下级')")
    conn.execute(
        "INSERT INTO nodes (report_id, parent_id, position, kind, text, trashed) "
        "VALUES (1, 1, 1, 'paragraph', '已删', 'x')"
    )
    conn.execute(f"PRAGMA user_version = {TABLES_VERSION - 1}")
    conn.close()
    with Library(old) as library:
        [section] = library.load_report(1).body
        assert (section.title, section.text, section.unit) == ("一", "正文", "法制科")
        assert [c.text for c in section.children] == ["下级"]
        assert [n.text for n in library.trashed_nodes(1)] == ["已删"]
        assert library.integrity_ok()
        assert library.conn.execute("PRAGMA foreign_key_check").fetchall() == []
        library.add_node(1, table_node([["a", "b"]]), parent_id=section.id)
        assert library.load_report(1).body[0].children[-1].table == TableData([["a", "b"]])
        library.trash_report(1)
        library.purge_report(1)  # the rebuilt table still cascades from reports and from its parent
        assert library.conn.execute("SELECT count(*) FROM nodes").fetchone()[0] == 0
    assert list((tmp_path / "backups").glob(f"old-*-v{TABLES_VERSION - 1}-before-upgrade.db"))


def test_a_table_is_stored_loaded_and_counted(library: Library) -> None:
    report_id = library.create_report(_report_with_table())
    table = library.load_report(report_id).body[0].children[1]
    assert (table.kind, table.title, table.text) == (TABLE, "行政复议案件情况表", "")
    assert table.table == TableData(FIGURES, header_row=True)
    [summary] = library.list_reports()
    cell_chars = sum(len(cell) for row in FIGURES for cell in row)
    assert summary.chars == len("行政复议情况") + len("全年情况如下。") + len("行政复议案件情况表") + cell_chars


def test_cells_are_edited_cleaned_and_restored_from_a_revision(library: Library) -> None:
    report_id = library.create_report(_report_with_table())
    table = library.load_report(report_id).body[0].children[1]
    revision = library.create_revision(report_id, "表格之前")
    removed = library.update_node(table.id, table=TableData([["项目", "件数\x07"], ["受理", "28"]], header_row=False))
    assert removed == 1
    assert library.load_report(report_id).body[0].children[1].table == TableData(
        [["项目", "件数"], ["受理", "28"]], header_row=False
    )
    library.restore_revision(revision)
    restored = library.load_report(report_id).body[0].children[1]
    assert (restored.id, restored.table) == (table.id, TableData(FIGURES, header_row=True))


def test_cells_go_only_to_tables_and_text_never_to_a_table(library: Library) -> None:
    report_id = library.create_report(_report_with_table())
    section = library.load_report(report_id).body[0]
    paragraph, table = section.children
    with pytest.raises(TreeError, match="只有表格可以保存单元格"):
        library.update_node(paragraph.id, table=TableData([["x"]]))
    with pytest.raises(TreeError, match="只有表格可以保存单元格"):
        library.update_node(table.id, text="正文")
    with pytest.raises(TreeError, match="只有标题部分可以包含下级内容"):
        library.add_node(report_id, Node(PARAGRAPH, text="x"), parent_id=table.id)
    library.update_node(table.id, title="新标题")
    after = library.load_report(report_id).body[0]
    assert after.children[0].text == "全年情况如下。"
    assert (after.children[1].title, after.children[1].table) == ("新标题", TableData(FIGURES))


def test_a_table_goes_through_the_interchange_json_unchanged(library: Library) -> None:
    report_id = library.create_report(_report_with_table())
    text = interchange.dumps(library.load_report(report_id))
    report, removed = interchange.loads(text)
    assert removed == 0
    assert report.body[0].children[1].table == TableData(FIGURES)
    assert interchange.dumps(report) == interchange.dumps(library.load_report(library.create_report(report)))
