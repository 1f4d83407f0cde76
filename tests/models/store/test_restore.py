"""Restoring a whole backup in place of the library (issue: the README's restore step corrupted the
library after a crash, by leaving the crashed program's -wal beside the copied backup)."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest

from models.errors import LibraryError, LibraryLockedError, NewerLibraryError, NotALibraryError, NotFoundError
from models.report import SECTION, Node, Report, ReportMeta
from models.store import Library
from models.store.backups import list_backups, restore_backup
from tests.models.store.files import digest
from tests.models.store.test_faults import spawn_writer


def folder_state(folder: Path) -> dict[str, str]:
    """Every file in the folder (not in backups/) with its content hash; the lock file by name only."""
    return {p.name: "" if p.name.endswith(".lock") else digest(p) for p in folder.iterdir() if p.is_file()}


def add_report(lib: Library, issuer: str) -> int:
    return lib.create_report(Report(ReportMeta(year=2024, issuer=issuer), [Node(SECTION, "第一部分", "内容" * 20)]))


def issuers(path: Path) -> list[str]:
    with Library(path) as lib:
        return sorted(s.issuer for s in lib.list_reports(include_trashed=True))


def crashed_library(path: Path) -> Path:
    """A library with report 甲 in an older backup, 乙 added after it, and a -wal left by a writer
    killed with SIGKILL; returns the backup."""
    with Library(path) as lib:
        first = add_report(lib, "甲")
        backup = lib.backup()
        add_report(lib, "乙")
        node_id = lib.load_report(first).body[0].id
    writer = spawn_writer(path, node_id, "K", lock_wait=10.0)
    assert writer.stdout.readline().strip() == "ready", writer.stderr.read()
    while int(writer.stdout.readline()) < 30:  # some saves in the log
        pass
    writer.kill()  # SIGKILL on POSIX; Windows has no SIGKILL, kill() is TerminateProcess there
    writer.wait()
    assert Path(f"{path}-wal").stat().st_size > 0
    return backup


def test_restore_after_a_crash_installs_exactly_the_backup(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    backup = crashed_library(path)
    backup_digest = digest(backup)
    wal_before = Path(f"{path}-wal").read_bytes()
    result = restore_backup(path, backup)
    assert issuers(path) == ["甲"]
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert result.backup == backup
    assert result.reports == 1
    assert digest(backup) == backup_digest  # copied, not moved or changed
    kept = result.replaced
    assert kept is not None
    assert kept.parent == tmp_path
    assert kept.name.startswith("library-replaced-")
    assert Path(f"{kept}-wal").read_bytes() == wal_before  # the crashed program's log kept with it
    assert issuers(kept) == ["乙", "甲"]  # the replaced library, with its log, still opens whole
    assert not list(tmp_path.glob(".*restor*"))  # no temporary copy left behind


def test_restore_refused_while_the_library_is_open_elsewhere(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    with Library(path) as lib:
        add_report(lib, "甲")
        backup = lib.backup()
        add_report(lib, "乙")
        before = folder_state(tmp_path)
        with pytest.raises(LibraryLockedError, match=f"进程 {os.getpid()}.*未作任何改动"):
            restore_backup(path, backup)
        assert folder_state(tmp_path) == before
    assert issuers(path) == ["乙", "甲"]


@pytest.mark.parametrize("damage", ["truncated", "empty", "text"])
def test_damaged_backup_is_refused_and_nothing_changes(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "library.db"
    with Library(path) as lib:
        add_report(lib, "甲")
        backup = lib.backup()
    if damage == "truncated":
        with backup.open("r+b") as handle:
            handle.truncate(backup.stat().st_size // 2)
    elif damage == "empty":
        backup.write_bytes(b"")
    else:
        backup.write_text("不是数据库" * 100, encoding="utf-8")
    before, backup_before = folder_state(tmp_path), digest(backup)
    with pytest.raises(NotALibraryError, match=f"{backup.name}.*损坏.*未作任何改动"):
        restore_backup(path, backup)
    assert folder_state(tmp_path) == before
    assert digest(backup) == backup_before
    assert issuers(path) == ["甲"]


def test_missing_backup_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    with Library(path) as lib:
        add_report(lib, "甲")
    before = folder_state(tmp_path)
    with pytest.raises(NotFoundError, match="找不到备份文件"):
        restore_backup(path, tmp_path / "backups" / "nothing.db")
    assert folder_state(tmp_path) == before


def test_restore_where_no_library_is_left(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    with Library(path) as lib:
        add_report(lib, "甲")
        backup = lib.backup()
    for name in ("library.db", "library.db-wal", "library.db-shm"):
        (tmp_path / name).unlink(missing_ok=True)
    result = restore_backup(path, backup)
    assert result.replaced is None
    assert issuers(path) == ["甲"]


def test_list_backups_checks_each_and_marks_damaged(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    with Library(path) as lib:
        add_report(lib, "甲")
        older = lib.backup()
        time.sleep(0.01)
        add_report(lib, "乙")
        newer = lib.backup()
    with older.open("r+b") as handle:
        handle.truncate(older.stat().st_size // 2)
    older_digest = digest(older)
    found = list_backups(path, check=True)
    assert [b.path for b in found] == [newer, older]
    assert found[0].intact is True
    assert found[0].reports == 2
    assert found[0].size == newer.stat().st_size
    assert found[0].taken is not None
    assert found[1].intact is False
    assert found[1].reports is None
    assert digest(older) == older_digest
    assert sorted(p.name for p in newer.parent.iterdir()) == sorted([newer.name, older.name])  # nothing left beside
    assert list_backups(path)[0].intact is None  # unchecked unless asked


def test_backup_copied_by_hand_from_a_wal_library_restores(tmp_path: Path) -> None:
    """A file copy of a library in WAL mode (its header says WAL, no -wal beside it) is a usable backup."""
    path = tmp_path / "library.db"
    with Library(path) as lib:
        add_report(lib, "甲")
    by_hand = tmp_path / "backups" / "copied-by-hand.db"
    by_hand.parent.mkdir()
    by_hand.write_bytes(path.read_bytes())
    assert by_hand.read_bytes()[18:20] == b"\x02\x02"  # WAL
    with Library(path) as lib:
        add_report(lib, "乙")
    before = digest(by_hand)
    assert list_backups(path, check=True)[0].reports == 1
    assert restore_backup(path, by_hand).reports == 1
    assert issuers(path) == ["甲"]
    assert digest(by_hand) == before
    assert sorted(p.name for p in by_hand.parent.iterdir()) == [by_hand.name]


def test_backup_of_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    with Library(path) as lib:
        add_report(lib, "甲")
        backup = lib.backup()
    conn = sqlite3.connect(backup)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    before = folder_state(tmp_path)
    with pytest.raises(NewerLibraryError, match=r"更新版本.*未作任何改动"):
        restore_backup(path, backup)
    assert folder_state(tmp_path) == before


def test_restored_library_failing_its_check_puts_the_old_one_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "library.db"
    backup = crashed_library(path)
    before = folder_state(tmp_path)
    monkeypatch.setattr(Library, "integrity_ok", lambda self: False)
    with pytest.raises(LibraryError, match="已放回原来的资料库"):
        restore_backup(path, backup)
    assert folder_state(tmp_path) == before  # the library and the crashed program's -wal, as they were
    monkeypatch.undo()
    assert issuers(path) == ["乙", "甲"]


def test_restore_onto_a_folder_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    with Library(path) as lib:
        add_report(lib, "甲")
        backup = lib.backup()
    path.unlink()
    path.mkdir()  # --db naming a folder
    (path / "别的文件.txt").write_text("留着", encoding="utf-8")
    before = folder_state(tmp_path)
    with pytest.raises(NotALibraryError, match="是一个文件夹"):
        restore_backup(path, backup)
    assert folder_state(tmp_path) == before
    assert (path / "别的文件.txt").read_text(encoding="utf-8") == "留着"
