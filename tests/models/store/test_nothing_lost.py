"""Nothing the clerk wrote is lost or silently changed: empty files, backups, other paths, failed backups."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

import models.store.library as library_module
from models.errors import LibraryError, LibraryLockedError, NotALibraryError
from models.paths import backup_dir
from models.store import Library
from models.store.backups import backup_reports, copy_reports, list_backups, open_backup
from tests.models.store.files import file_state

# --- 1. an empty file, or one that is no library, is refused untouched ---


def test_a_zero_byte_library_is_refused_untouched_and_the_backups_are_offered(tmp_path: Path) -> None:
    good = Library(tmp_path / "library.db")
    good.backup()
    good.backup()
    good.close()
    (tmp_path / "library.db").write_bytes(b"")
    before = file_state(tmp_path / "library.db")
    with pytest.raises(NotALibraryError) as refused:
        Library(tmp_path / "library.db")
    message = str(refused.value)
    assert "\n" not in message
    assert "空" in message
    assert "library.db" in message
    assert str(backup_dir(tmp_path / "library.db")) in message
    assert "2 个" in message
    assert file_state(tmp_path / "library.db") == before  # no -wal, -shm or .lock left behind either


def test_a_zero_byte_library_without_backups_says_there_are_none(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    path.write_bytes(b"")
    before = file_state(path)
    for read_only_lock in (True, False):
        with pytest.raises(NotALibraryError, match="没有备份"):
            Library(path, lock=read_only_lock)
    assert file_state(path) == before


def test_a_new_library_is_created_only_where_no_file_exists(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    with Library(path) as lib:
        assert lib.list_reports() == []
    with Library(path) as lib:  # reopened, not refused
        assert lib.list_reports() == []


# --- 2. opening a backup does not change it ---


def test_listing_and_restoring_from_a_backup_leaves_it_untouched(
    library: Library, template_report, tmp_path: Path
) -> None:
    report_id = library.create_report(template_report)
    backup = library.backup()
    os.utime(backup, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    before = file_state(backup)
    assert [b.path for b in list_backups(library.path)] == [backup]
    with open_backup(backup) as opened:
        assert [s.id for s in backup_reports(opened)] == [report_id]
    with open_backup(backup) as opened, Library(tmp_path / "target.db") as target:
        copy_reports(opened, target, [report_id])
        assert file_state(backup) == before  # while it is open, too
    assert file_state(backup) == before


def test_an_empty_backup_is_refused_naming_the_backup(library: Library) -> None:
    backup = library.backup()
    backup.write_bytes(b"")
    before = file_state(backup)
    with pytest.raises(NotALibraryError, match=backup.name), open_backup(backup):
        pass
    assert file_state(backup) == before


# --- 3. the one-writer lock holds through every path to the file ---


def test_a_symlink_to_an_open_library_is_locked_out(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    link = tmp_path / "link.db"
    try:
        link.symlink_to(path)
    except OSError:
        pytest.skip("this system cannot make symbolic links")
    with Library(path), pytest.raises(LibraryLockedError):
        Library(link)
    with Library(link), pytest.raises(LibraryLockedError):
        Library(path)


def test_a_path_with_dot_dot_to_an_open_library_is_locked_out(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    (tmp_path / "sub").mkdir()
    with Library(path), pytest.raises(LibraryLockedError):
        Library(tmp_path / "sub" / ".." / "library.db")


def test_a_symlinked_folder_to_an_open_library_is_locked_out(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    link = tmp_path / "alias"
    try:
        link.symlink_to(tmp_path / "data", target_is_directory=True)
    except OSError:
        pytest.skip("this system cannot make symbolic links")
    with Library(tmp_path / "data" / "library.db"), pytest.raises(LibraryLockedError):
        Library(link / "library.db")


# --- 4. a failed or interrupted backup never pushes a good one out ---


def test_leftovers_do_not_count_and_do_not_push_out_good_backups(library: Library, template_report) -> None:
    library.create_report(template_report)
    folder = backup_dir(library.path)
    good = [library.backup(keep=3) for _ in range(3)]
    empty = folder / "library-29991231-235959-000000.db"  # newest by its name, and worthless
    empty.write_bytes(b"")
    partial = folder / "library-29991231-235958-000000.db"
    partial.write_bytes(good[0].read_bytes()[:1000])
    temporaries = [
        folder / ".library-29991231-235957-000000.db.part",
        folder / ".library-29991231-235957-000000.db.part-journal",
        folder / "library-29991231-235956-000000.db-journal",
    ]
    for leftover in temporaries:
        leftover.write_bytes(b"x" * 10)
    newest = library.backup(keep=3)
    assert all(not leftover.exists() for leftover in temporaries)
    assert good[1].exists()
    assert good[2].exists()
    assert newest.exists()
    assert not good[0].exists()  # the fourth verified one goes, as before
    names = {p.name for p in folder.iterdir()}
    assert names >= {good[1].name, good[2].name, newest.name}
    assert not any(name.endswith((".part", "-journal")) for name in names)


def test_a_backup_that_fails_verification_leaves_no_file_under_a_backup_name(
    library: Library, template_report, monkeypatch
) -> None:
    library.create_report(template_report)
    good = library.backup(keep=1)
    folder = backup_dir(library.path)
    before = sorted(p.name for p in folder.iterdir())
    monkeypatch.setattr(library_module, "verify_copy", lambda path: False)
    with pytest.raises(LibraryError, match="备份"):
        library.backup(keep=1)
    assert sorted(p.name for p in folder.iterdir()) == before
    assert good.exists()


def test_a_backup_interrupted_while_written_leaves_no_file_under_a_backup_name(
    library: Library, template_report
) -> None:
    library.create_report(template_report)
    folder = backup_dir(library.path)
    good = library.backup(keep=1)
    real_conn = library.conn

    class Failing:
        def __getattr__(self, name):
            return getattr(real_conn, name)

        def execute(self, sql, *args):
            if sql.startswith("VACUUM INTO"):
                Path(args[0][0]).write_bytes(b"SQLite format 3\x00")  # a partial copy, then the disk fills
                raise sqlite3.OperationalError("database or disk is full")
            return real_conn.execute(sql, *args)

    library.conn = Failing()  # type: ignore[assignment]
    try:
        with pytest.raises(LibraryError):
            library.backup(keep=1)
    finally:
        library.conn = real_conn
    assert sorted(p.name for p in folder.iterdir()) == [good.name]


def test_a_verified_backup_opens(library: Library, template_report) -> None:
    library.create_report(template_report)
    made = library.backup()
    assert library_module.verify_copy(made)
    with open_backup(made) as opened:
        assert len(opened.list_reports()) == 1


def test_on_windows_the_lock_ignores_capitals(tmp_path: Path, monkeypatch) -> None:
    import ntpath
    import sys

    import models.store.lock as lock_module

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(lock_module.os.path, "normcase", lambda p: ntpath.normcase(str(p)).replace("\\", "/"))
    assert lock_module.lock_path(tmp_path / "Library.DB") == lock_module.lock_path(tmp_path / "library.db")
