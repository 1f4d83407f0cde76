"""models.store as one package: the public write transaction, Library.is_open, the checklist methods."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from models.errors import NotFoundError
from models.report import ChecklistItem, Report, ReportMeta
from models.store import Library
from models.store.dbfile import write
from models.store.schema import MIGRATIONS, SCHEMA_VERSION


def test_is_open_until_closed(tmp_path: Path) -> None:
    lib = Library(tmp_path / "library.db")
    assert lib.is_open
    lib.close()
    assert not lib.is_open
    lib.close()  # a second close is harmless
    assert not lib.is_open


def insert_then_fail(library: Library) -> None:
    with write(library.conn) as conn:
        conn.execute("INSERT INTO settings (key, value) VALUES ('b', '2')")
        raise RuntimeError("stop")


def test_write_commits_or_rolls_back_as_a_whole(library: Library) -> None:
    with write(library.conn) as conn:
        conn.execute("INSERT INTO settings (key, value) VALUES ('a', '1')")
    with pytest.raises(RuntimeError):
        insert_then_fail(library)
    assert not library.conn.in_transaction
    assert library.get_setting("a") == 1
    assert library.get_setting("b") is None


def test_checklist_goes_through_the_library(library: Library, template_report: Report) -> None:
    report_id = library.create_report(template_report)
    library.replace_checklist(report_id, [ChecklistItem(text="甲"), ChecklistItem(text="乙")])
    first = library.load_checklist(report_id)[0]
    library.update_checklist_item(first.id, done=True, note="已办")
    assert [(i.text, i.done, i.note) for i in library.load_checklist(report_id)] == [
        ("甲", True, "已办"),
        ("乙", False, ""),
    ]
    with pytest.raises(NotFoundError):
        library.load_checklist(report_id + 100)


def test_sqlite_utils_inserts_do_not_commit_on_their_own(
    library: Library, template_report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bulk inserts run inside the Library's transaction: a failure after them leaves nothing."""
    template_report.checklist = [ChecklistItem(text="甲")]

    def fail(*_args: object) -> None:
        raise RuntimeError("after the inserts")

    monkeypatch.setattr(Library, "_touch", staticmethod(fail))
    with pytest.raises(RuntimeError):
        library.create_report(template_report)
    assert not library.conn.in_transaction
    counts = [
        library.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("reports", "nodes", "checklist")
    ]
    assert counts == [0, 0, 0]


def test_bulk_inserted_ids_follow_autoincrement(library: Library, template_report: Report) -> None:
    """Ids given before the bulk insert are the ones SQLite would give: never reused after a purge."""
    first = library.create_report(template_report)
    highest = max(node.id for node in template_report.walk())
    library.trash_report(first)
    library.purge_report(first)
    again = library.load_report(library.duplicate_report(library.create_report(template_report)))
    assert min(node.id for node in again.walk()) > highest


def test_a_v1_library_upgrades_to_the_schema_of_a_new_one(tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    conn = sqlite3.connect(old, isolation_level=None)
    MIGRATIONS[0](sqlite_utils.Database(conn))
    conn.execute("INSERT INTO reports (year, title, created, modified) VALUES (2023, '旧报告', 'x', 'x')")
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    with Library(old) as upgraded, Library(tmp_path / "new.db") as fresh:
        schema = "SELECT type, name, sql FROM sqlite_master ORDER BY name"
        assert upgraded.conn.execute(schema).fetchall() == fresh.conn.execute(schema).fetchall()
        assert upgraded.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert [r.title for r in upgraded.list_reports()] == ["旧报告"]
    assert list((tmp_path / "backups").glob("old-*-v1-before-upgrade.db"))


def test_has_report_is_false_for_a_trashed_or_unknown_report(library) -> None:
    kept = library.create_report(Report(meta=ReportMeta(year=2024)))
    trashed = library.create_report(Report(meta=ReportMeta(year=2024)))
    library.trash_report(trashed)
    assert [library.has_report(i) for i in (kept, trashed, 999)] == [True, False, False]
