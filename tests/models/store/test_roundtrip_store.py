"""The round trip in the library: the migration step, 分工 on nodes, sent files, notes, one-step merges."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from models import interchange
from models.errors import NotFoundError, TreeError
from models.report import Report
from models.roundtrip.records import PACKAGE, Area, Note
from models.store import Library
from models.store.schema import MIGRATIONS, ROUNDTRIP_VERSION


def test_a_library_one_version_older_gains_the_round_trip_and_keeps_its_reports(tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    conn = sqlite3.connect(old, isolation_level=None)
    for migration in MIGRATIONS[: ROUNDTRIP_VERSION - 1]:
        migration(sqlite_utils.Database(conn))
    conn.execute("INSERT INTO reports (year, title, created, modified) VALUES (2023, '旧报告', 'x', 'x')")
    conn.execute("INSERT INTO nodes (report_id, position, kind, title, text) VALUES (1, 0, 'section', '一', '正文')")
    conn.execute(f"PRAGMA user_version = {ROUNDTRIP_VERSION - 1}")
    conn.close()
    with Library(old) as library:
        [node] = library.load_report(1).body
        assert (node.title, node.text, node.unit, node.due) == ("一", "正文", "", "")
        tables = {r[0] for r in library.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"roundtrip_files", "notes"} <= tables
    assert list((tmp_path / "backups").glob(f"old-*-v{ROUNDTRIP_VERSION - 1}-before-upgrade.db"))


def test_assignments_are_stored_exported_and_kept_in_revisions(library: Library, template_report: Report) -> None:
    report_id = library.create_report(template_report)
    part = library.load_report(report_id).body[1]
    library.set_assignment(part.id, " 执法科 ", "2025-01-20")
    revision = library.create_revision(report_id)
    library.set_assignment(part.id, "")
    assert (library.load_report(report_id).body[1].unit, library.load_report(report_id).body[1].due) == ("", "")
    assert library.load_revision(revision).body[1].unit == "执法科"
    library.restore_revision(revision)
    loaded = library.load_report(report_id)
    assert (loaded.body[1].unit, loaded.body[1].due) == ("执法科", "2025-01-20")
    text = interchange.dumps(loaded)
    assert '"unit": "执法科",\n' in text
    assert '"due": "2025-01-20"' in text
    again, _ = interchange.loads(text)
    assert (again.body[1].unit, again.body[1].due) == ("执法科", "2025-01-20")
    assert interchange.dumps(again) == text
    with pytest.raises(NotFoundError):
        library.set_assignment(99999, "执法科")


def test_a_report_without_assignments_writes_the_plain_interchange(library: Library, template_report: Report) -> None:
    assert '"unit"' not in interchange.dumps(library.load_report(library.create_report(template_report)))


def test_sent_files_and_notes_go_with_a_purged_report(library: Library, template_report: Report) -> None:
    report_id = library.create_report(template_report)
    file_id = library.add_sent_file(report_id, PACKAGE, "办公室")
    library.set_sent_file_areas(file_id, [Area(5, "t", "正文", "")], "标题")
    record = library.sent_file(file_id)
    assert (record.unit, record.areas, record.outside, record.merged) == (
        "办公室",
        [Area(5, "t", "正文", "")],
        "标题",
        None,
    )
    library.apply_round_trip(report_id, [], "合并", file_id, [Note(text="请核对", author="王主任", quote="正文")])
    assert library.sent_file(file_id).merged is not None
    assert [(n.text, n.resolved) for n in library.notes(report_id)] == [("请核对", False)]
    library.trash_report(report_id)
    library.purge_report(report_id)
    assert library.conn.execute("SELECT count(*) FROM roundtrip_files").fetchone()[0] == 0
    assert library.conn.execute("SELECT count(*) FROM notes").fetchone()[0] == 0


def test_a_merge_is_one_step_that_fails_whole(library: Library, template_report: Report) -> None:
    report_id = library.create_report(template_report)
    report = library.load_report(report_id)
    first, gone = report.body[1].id, report.body[2].id
    library.trash_node(gone)
    with pytest.raises(TreeError, match="没有作任何改动"):
        library.apply_round_trip(report_id, [(first, "text", "新正文"), (gone, "text", "x")], "合并前")
    assert library.load_report(report_id).body[1].text == ""
    assert library.list_revisions(report_id) == []
    revision = library.apply_round_trip(report_id, [(first, "text", "新正文"), (first, "title", "新标题")], "合并前")
    assert [(r.id, r.label) for r in library.list_revisions(report_id)] == [(revision, "合并前")]
    assert (library.load_report(report_id).body[1].title, library.load_report(report_id).body[1].text) == (
        "新标题",
        "新正文",
    )


def test_a_discarded_sent_file_leaves_no_record(library: Library, template_report: Report) -> None:
    report_id = library.create_report(template_report)
    file_id = library.add_sent_file(report_id, PACKAGE)
    library.discard_sent_file(file_id)
    assert library.sent_files(report_id) == []
