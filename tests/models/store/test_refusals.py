"""What the library refuses, and says in Chinese: trashed parents, failed restores, locks, unreadable files, depth."""

from __future__ import annotations

import os

import pytest

from models.errors import LibraryError, LibraryLockedError, TreeError
from models.report import POINT, SECTION, Node, Report, ReportMeta
from models.store import Library


def _report() -> Report:
    return Report(
        meta=ReportMeta(year=2024, issuer="某局"),
        body=[
            Node(SECTION, "一部分", children=[Node(POINT, "甲。", "甲的内容。"), Node(POINT, "乙。", "乙的内容。")]),
            Node(SECTION, "二部分", children=[Node(POINT, "丙。", "丙的内容。")]),
        ],
    )


def test_restore_node_whose_parent_is_trashed_is_refused_not_hidden(library: Library) -> None:
    report_id = library.create_report(_report())
    section = library.load_report(report_id).body[0]
    point_id = section.children[0].id
    library.trash_node(point_id)
    library.trash_node(section.id)
    with pytest.raises(TreeError, match="上级"):
        library.restore_node(point_id)
    # the point is still in the trash, where the user can find it after restoring its parent
    assert point_id in [n.id for n in library.trashed_nodes(report_id)]
    library.restore_node(section.id)
    library.restore_node(point_id)
    assert [n.title for n in library.load_report(report_id).body[0].children] == ["甲。", "乙。"]


def test_failed_revision_restore_leaves_no_safety_revision(library: Library, monkeypatch) -> None:
    report_id = library.create_report(_report())
    first = library.create_revision(report_id, "初稿")
    node_id = library.load_report(report_id).body[0].children[0].id
    library.update_node(node_id, text="改过的内容。")

    def broken(*args, **kwargs):
        raise OSError("disk gone")

    monkeypatch.setattr(Library, "_insert_nodes", broken)
    with pytest.raises(OSError, match="disk gone"):
        library.restore_revision(first)
    monkeypatch.undo()
    # nothing happened, so no "saved before restoring" revision may claim otherwise
    assert [r.label for r in library.list_revisions(report_id)] == ["初稿"]
    assert library.load_report(report_id).body[0].children[0].text == "改过的内容。"


def test_restoring_a_revision_keeps_the_trash(library: Library) -> None:
    report_id = library.create_report(_report())
    first = library.create_revision(report_id, "初稿")
    section = library.load_report(report_id).body[0]
    later = library.add_node(report_id, Node(SECTION, "后来写的部分", children=[Node(POINT, "丁。", "丁的内容。")]))
    library.trash_node(later)
    library.trash_node(section.children[1].id)  # 乙, also in the revision

    library.restore_revision(first)

    assert sorted(n.title for n in library.trashed_nodes(report_id)) == ["乙。", "后来写的部分"]
    library.restore_node(later)
    restored = library.load_report(report_id)
    assert [n.title for n in restored.body] == ["一部分", "二部分", "后来写的部分"]
    assert [n.title for n in restored.body[2].children] == ["丁。"]
    assert [n.title for n in restored.body[0].children] == ["甲。", "乙。"]
    assert library.integrity_ok()


def _live_positions(library: Library, report_id: int, parent_id: int | None) -> list[int]:
    rows = library.conn.execute(
        "SELECT position FROM nodes WHERE report_id = ? AND parent_id IS ? AND trashed IS NULL ORDER BY position",
        (report_id, parent_id),
    ).fetchall()
    return [r[0] for r in rows]


def test_moving_a_trashed_node_is_refused_and_positions_stay_contiguous(library: Library) -> None:
    report_id = library.create_report(_report())
    first, second = library.load_report(report_id).body
    point_id = first.children[0].id
    library.trash_node(point_id)
    with pytest.raises(TreeError, match="回收站"):
        library.move_node(point_id, second.id, 0)
    assert _live_positions(library, report_id, first.id) == [0]
    assert _live_positions(library, report_id, second.id) == [0]
    assert point_id in [n.id for n in library.trashed_nodes(report_id)]


def test_lock_file_that_cannot_be_created_gives_a_message_not_a_traceback(tmp_path, monkeypatch) -> None:
    # On Windows os.access() ignores folder ACLs, so a folder we may not write to (a read-only
    # share, Program Files) is only discovered when the lock file is created.
    path = tmp_path / "library.db"
    Library(path).close()
    (tmp_path / "library.db.lock").unlink(missing_ok=True)
    (tmp_path / "library.db.lock").mkdir()  # cannot be opened as a file, on every system
    with pytest.raises(LibraryError, match="锁定文件"):
        Library(path)


def test_chars_in_the_library_list_leave_out_a_trashed_section_with_its_children(library: Library) -> None:
    report_id = library.create_report(_report())
    second = library.load_report(report_id).body[1]
    library.trash_node(second.id)
    live = library.load_report(report_id)
    assert library.list_reports()[0].chars == sum(len(n.title) + len(n.text) for n in live.walk())


def test_sqlite_cannot_open_the_file_is_said_in_chinese(tmp_path) -> None:
    # What SQLite says on Windows for a WAL library on a read-only share or a vanished drive.
    import sqlite3

    from models.store.dbfile import translated

    with pytest.raises(LibraryError) as caught, translated(tmp_path / "library.db"):
        raise sqlite3.OperationalError("unable to open database file")
    assert "unable" not in str(caught.value)
    assert "无法打开" in str(caught.value)


def test_nesting_is_limited_to_what_revisions_and_the_report_file_can_hold(library: Library) -> None:
    from models.interchange import MAX_DEPTH

    report_id = library.create_report(Report(meta=ReportMeta(year=2024), body=[]))
    parent_id = None
    for level in range(MAX_DEPTH):
        parent_id = library.add_node(report_id, Node(SECTION, f"第{level + 1}级"), parent_id)
    with pytest.raises(TreeError, match=str(MAX_DEPTH)):
        library.add_node(report_id, Node(SECTION, "太深了"), parent_id)
    two_deep = library.add_node(report_id, Node(SECTION, "甲", children=[Node(POINT, "乙。")]))
    second_last = library.load_report(report_id).body[0]
    for _ in range(MAX_DEPTH - 2):
        second_last = second_last.children[0]
    with pytest.raises(TreeError, match=str(MAX_DEPTH)):
        library.move_node(two_deep, second_last.id, 0)
    # everything stored can still be snapshotted and restored
    revision = library.create_revision(report_id)
    library.restore_revision(revision)


@pytest.mark.parametrize("computer", ["档案室-PC", ""])
def test_a_locked_library_names_the_computer_and_process_that_hold_it(tmp_path, monkeypatch, computer: str) -> None:
    monkeypatch.setenv("COMPUTERNAME", computer)  # set on Windows; elsewhere the uname node name is used
    expected = computer or os.uname().nodename
    with Library(tmp_path / "library.db"), pytest.raises(LibraryLockedError) as refused:
        Library(tmp_path / "library.db")
    assert f"计算机“{expected}”" in str(refused.value)
    assert f"进程 {os.getpid()}" in str(refused.value)
