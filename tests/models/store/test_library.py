from __future__ import annotations

from pathlib import Path

import pytest

from models.errors import LibraryError, NotFoundError, TreeError
from models.report import PARAGRAPH, POINT, SECTION, Node, Report, ReportMeta
from models.store import Library


def positions(lib: Library, report_id: int, parent_id: int | None) -> list[int]:
    rows = lib.conn.execute(
        "SELECT position FROM nodes WHERE report_id = ? AND parent_id IS ? AND trashed IS NULL ORDER BY position",
        (report_id, parent_id),
    ).fetchall()
    return [r[0] for r in rows]


def titles(report: Report) -> list[str]:
    return [n.title for n in report.body]


def test_create_and_load_round_trip(library: Library, template_report: Report) -> None:
    report_id = library.create_report(template_report)
    loaded = library.load_report(report_id)
    assert loaded.meta == template_report.meta
    assert [(n.kind, n.title, n.key) for n in loaded.walk()] == [
        (n.kind, n.title, n.key) for n in template_report.walk()
    ]
    assert all(n.id for n in loaded.walk())


def test_list_reports_shows_chars_and_hides_trash(library: Library, template_report: Report) -> None:
    report_id = library.create_report(template_report)
    node_id = library.load_report(report_id).body[1].children[0].id
    library.update_node(node_id, text="一二三四五")
    summary = library.list_reports()[0]
    assert summary.chars == sum(len(n.title) + len(n.text) for n in template_report.walk()) + 5
    library.trash_report(report_id)
    assert library.list_reports() == []
    assert library.list_reports(include_trashed=True)[0].trashed
    library.restore_report(report_id)
    assert [r.id for r in library.list_reports()] == [report_id]


def test_purge_only_from_trash(library: Library, template_report: Report) -> None:
    report_id = library.create_report(template_report)
    with pytest.raises(LibraryError, match="回收站"):
        library.purge_report(report_id)
    library.trash_report(report_id)
    library.purge_report(report_id)
    with pytest.raises(NotFoundError):
        library.load_report(report_id)
    assert library.conn.execute("SELECT count(*) FROM nodes").fetchone()[0] == 0


def test_duplicate_is_independent(library: Library, template_report: Report) -> None:
    first = library.create_report(template_report)
    second = library.duplicate_report(first)
    node = library.load_report(second).body[1]
    library.update_node(node.id, title="改过的标题")
    assert library.load_report(first).body[1].title != "改过的标题"
    assert library.load_report(second).meta.title.endswith("（副本）")


def test_update_meta(library: Library, template_report: Report) -> None:
    report_id = library.create_report(template_report)
    library.update_meta(report_id, signer="张某", date="2025-02-20")
    meta = library.load_report(report_id).meta
    assert (meta.signer, meta.date) == ("张某", "2025-02-20")
    with pytest.raises(ValueError, match="unknown"):
        library.update_meta(report_id, colour="red")


def simple_report() -> Report:
    return Report(meta=ReportMeta(year=2024, issuer="某局"), body=[Node(SECTION, t) for t in ("甲", "乙", "丙", "丁")])


def test_move_keeps_positions_contiguous(library: Library) -> None:
    report_id = library.create_report(simple_report())
    ids = [n.id for n in library.load_report(report_id).body]
    library.move_node(ids[0], None, 4)
    assert titles(library.load_report(report_id)) == ["乙", "丙", "丁", "甲"]
    library.move_node(ids[3], ids[1], 0)  # 丁 under 乙
    report = library.load_report(report_id)
    assert titles(report) == ["乙", "丙", "甲"]
    assert [c.title for c in report.body[0].children] == ["丁"]
    assert positions(library, report_id, None) == [0, 1, 2]
    with pytest.raises(TreeError, match="自己的下级"):
        library.move_node(ids[1], ids[3], 0)


def test_add_node_with_subtree_at_position(library: Library) -> None:
    report_id = library.create_report(simple_report())
    parent = library.load_report(report_id).body[0]
    new = Node(SECTION, "新", children=[Node(POINT, "一是"), Node(PARAGRAPH, text="段")])
    library.add_node(report_id, new, None, 1)
    report = library.load_report(report_id)
    assert titles(report) == ["甲", "新", "乙", "丙", "丁"]
    assert [c.kind for c in report.body[1].children] == [POINT, PARAGRAPH]
    point_id = report.body[1].children[0].id
    with pytest.raises(TreeError, match="只有标题部分"):
        library.add_node(report_id, Node(PARAGRAPH), point_id)
    assert parent.id is not None


def test_trash_and_restore_node_returns_to_its_place(library: Library) -> None:
    report_id = library.create_report(simple_report())
    ids = [n.id for n in library.load_report(report_id).body]
    library.trash_node(ids[1])
    assert titles(library.load_report(report_id)) == ["甲", "丙", "丁"]
    assert positions(library, report_id, None) == [0, 1, 2]
    assert [n.title for n in library.trashed_nodes(report_id)] == ["乙"]
    library.restore_node(ids[1])
    assert titles(library.load_report(report_id)) == ["甲", "乙", "丙", "丁"]
    assert positions(library, report_id, None) == [0, 1, 2, 3]


def test_revisions_snapshot_and_restore_is_undoable(library: Library, template_report: Report) -> None:
    report_id = library.create_report(template_report)
    node_id = library.load_report(report_id).body[1].id
    library.update_node(node_id, text="第一稿")
    first = library.create_revision(report_id, "初稿")
    library.update_node(node_id, text="第二稿")
    library.update_meta(report_id, signer="李某")
    safety = library.restore_revision(first)
    restored = library.load_report(report_id)
    assert restored.find(node_id).text == "第一稿"
    assert restored.meta.signer == ""
    assert [r.label for r in library.list_revisions(report_id)][:2] == ["恢复历史版本前自动保存", "初稿"]
    library.restore_revision(safety)
    assert library.load_report(report_id).find(node_id).text == "第二稿"


def test_backup_keeps_newest(library: Library, template_report: Report, tmp_path: Path) -> None:
    library.create_report(template_report)
    made = [library.backup(tmp_path / "bk", keep=3) for _ in range(5)]
    kept = sorted((tmp_path / "bk").glob("*.db"))
    assert kept == made[-3:]
    with Library(kept[-1], lock=False) as copy:
        assert len(copy.list_reports()) == 1


def test_settings_hold_json(library: Library) -> None:
    assert library.get_setting("x", 7) == 7
    library.set_setting("x", {"路径": ["a", 1]})
    library.set_setting("x", {"路径": ["b"]})
    assert library.get_setting("x") == {"路径": ["b"]}


def test_missing_things_get_messages(library: Library) -> None:
    with pytest.raises(NotFoundError, match="没有编号为 9"):
        library.load_report(9)
    with pytest.raises(NotFoundError, match="找不到编号为 9"):
        library.update_node(9, text="x")
    with pytest.raises(NotFoundError, match="历史版本"):
        library.load_revision(9)


def test_backup_with_keep_zero_still_leaves_the_new_copy(library: Library, tmp_path: Path) -> None:
    made = library.backup(tmp_path / "bk", keep=0)
    assert made.exists()


def test_checklist_edit_counts_as_an_edit_of_the_report(library: Library, template_report: Report) -> None:
    from models.report import ChecklistItem

    report_id = library.create_report(template_report)
    library.replace_checklist(report_id, [ChecklistItem(text="完善制度。")])
    library.conn.execute("UPDATE reports SET modified = '2000-01-01T00:00:00' WHERE id = ?", (report_id,))
    item = library.load_checklist(report_id)[0]
    library.update_checklist_item(item.id, done=True, note="已制定。")
    assert library.list_reports()[0].modified > "2000-01-01T00:00:00"


def test_new_library_in_a_folder_that_does_not_exist_yet(tmp_path: Path) -> None:
    path = tmp_path / "新建文件夹" / "年报" / "library.db"
    with Library(path) as made:
        assert made.list_reports() == []
    assert path.is_file()
    with Library(path) as reopened:
        assert reopened.list_reports() == []
