"""Backups under faults (issue 11, Proof): killed at random moments, or the disk fills up while one
is written. Afterwards the rotation holds only whole backups, nothing a failed one left is counted
or kept, and restoring the newest brings back exactly its reports, intact."""

from __future__ import annotations

import errno
import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from models.errors import LibraryError
from models.paths import backup_dir
from models.report import Report
from models.store import Library
from models.store import backups as backups_module
from models.store.backups import list_backups, restore_backup
from models.store.library import PART_SUFFIX, verify_copy
from models.templates import load_template, new_report
from tests.models.store.files import digest
from tests.models.store.test_restore import folder_state

ROOT = Path(__file__).resolve().parents[3]
KEEP = 3  # as tests/models/store/backup_process.py rotates
COMMON = [chr(code) for code in range(0x4E00, 0x4E00 + 3000)]


def realistic_library(path: Path, reports: int = 6, revisions: int = 30) -> None:
    """Several full reports (~1500 characters in every part) with a year's worth of saved versions:
    about 8 MB, so writing a backup takes long enough to be killed in the middle of it."""
    rng = random.Random(7)
    with Library(path) as lib:
        for n in range(reports):
            report = new_report(load_template("fzzf-annual"), 2019 + n, f"某局{n}")
            for node in report.walk():
                node.text = "".join(rng.choices(COMMON, k=1500)) + "。"
            report_id = lib.create_report(report)
            for k in range(revisions):
                lib.create_revision(report_id, f"第{k}版")


def contents(path: Path) -> list[tuple]:
    """Every report of a library, with every part's title and text, in a comparable form."""
    with Library(path) as lib:
        loaded: list[Report] = [lib.load_report(s.id) for s in lib.list_reports(include_trashed=True)]
    return sorted((r.meta.issuer, r.meta.year, [(n.kind, n.title, n.text) for n in r.walk()]) for r in loaded)


def leftovers(path: Path) -> list[str]:
    folder = backup_dir(path)
    return sorted(p.name for p in folder.iterdir() if not p.name.endswith(".db")) if folder.is_dir() else []


def restore_newest_and_compare(path: Path, expected: list[tuple]) -> None:
    """Add a report after the backups, restore the newest whole backup: exactly what it held."""
    with Library(path) as lib:
        lib.create_report(new_report(load_template("fzzf-annual"), 2030, "备份之后新建的报告"))
    found = list_backups(path, check=True)
    assert found
    assert all(b.intact for b in found), [(b.path.name, b.intact) for b in found]
    result = restore_backup(path, found[0].path)
    assert result.reports == len(expected)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert contents(path) == expected


def spawn_backups(path: Path, *extra: str) -> subprocess.Popen[str]:
    args = [sys.executable, "-m", "tests.models.store.backup_process", str(path), *extra]
    return subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.slow
def test_backups_killed_at_random_moments_leave_only_whole_backups(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    realistic_library(path)
    expected = contents(path)
    library_digest = digest(path)
    rng = random.Random(20261202)
    killed_while_writing = 0
    for trial in range(30):
        maker = spawn_backups(path)
        assert maker.stdout is not None
        assert maker.stdout.readline().strip() == "ready", maker.stderr.read() if maker.stderr else ""
        time.sleep(rng.uniform(0.0, 0.3))  # a random moment to kill at, not a wait for something
        maker.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no clean-up runs
        acknowledged = maker.stdout.read().split()
        maker.wait()
        left = leftovers(path)
        killed_while_writing += any(name.endswith(PART_SUFFIX) for name in left)
        # The next backup removes what a killed one left: never more than the one being written.
        assert sum(name.endswith(PART_SUFFIX) for name in left) <= 1, (trial, left)
        listed = list_backups(path)
        assert all(verify_copy(b.path) for b in listed), (trial, [b.path.name for b in listed])
        assert all(not b.path.name.endswith((PART_SUFFIX, "-journal")) for b in listed)
        if acknowledged:
            assert acknowledged[-1] in {b.path.name for b in listed}, trial
    assert killed_while_writing >= 5, "the kills should land while a backup is being written"
    assert digest(path) == library_digest  # a backup only reads the library
    with Library(path) as lib:  # a whole backup clears what the killed ones left
        newest = lib.backup(keep=KEEP)
    assert leftovers(path) == []
    assert list_backups(path)[0].path == newest
    assert len(list_backups(path)) == KEEP  # however many a kill before rotating left
    restore_newest_and_compare(path, expected)


class FullDisk:
    """The library's connection, except that ``VACUUM INTO`` runs out of disk space half-way:
    half the copy is written under the temporary name, then SQLite's disk-full error."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, params: tuple = ()) -> sqlite3.Cursor:
        if not sql.startswith("VACUUM INTO"):
            return self.conn.execute(sql, params)
        part = Path(params[0])
        whole = part.with_name("whole.tmp")
        self.conn.execute(sql, (str(whole),))
        data = whole.read_bytes()
        whole.unlink()
        part.write_bytes(data[: len(data) // 2])
        raise sqlite3.OperationalError("database or disk is full")


def three_backups(path: Path) -> list[Path]:
    realistic_library(path, reports=3, revisions=2)
    with Library(path) as lib:
        return [lib.backup(keep=KEEP) for _ in range(KEEP)]


def test_disk_full_during_backup_keeps_every_good_backup(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    made = three_backups(path)
    expected = contents(path)
    with Library(path) as lib:
        lib.conn = FullDisk(lib.conn)  # type: ignore[assignment]
        with pytest.raises(LibraryError, match="磁盘空间不足") as failed:
            lib.backup(keep=KEEP)
        lib.conn = lib.conn.conn  # type: ignore[attr-defined]
    assert "备份" in str(failed.value)
    assert "修改没有保存" not in str(failed.value)  # the clerk's edits are not what failed
    assert sorted(b.path for b in list_backups(path)) == sorted(made)  # none pushed out of the rotation
    assert leftovers(path) == []  # the half-written copy is gone
    restore_newest_and_compare(path, expected)


@pytest.mark.skipif(os.name != "posix", reason="a file size limit (RLIMIT_FSIZE) exists on POSIX only")
def test_backup_running_out_of_space_in_sqlite_itself(tmp_path: Path) -> None:
    """The same with SQLite's own writes failing: the process may not grow a file past 256 KB."""
    path = tmp_path / "library.db"
    made = three_backups(path)
    realistic_library(path, reports=4, revisions=4)  # reports written after the backups
    expected = contents(path)
    maker = spawn_backups(path, str(256 << 10))
    out, err = maker.communicate(timeout=60)
    assert maker.returncode == 0, err
    assert "failed: " in out, out
    assert "磁盘空间不足或磁盘出错" in out
    assert sorted(b.path for b in list_backups(path)) == sorted(made)
    assert leftovers(path) == []
    restore_newest_and_compare(path, contents(made[-1]))
    assert expected != contents(made[-1])


def test_disk_full_while_restoring_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "library.db"
    made = three_backups(path)
    with Library(path) as lib:
        lib.create_report(new_report(load_template("fzzf-annual"), 2030, "备份之后新建的报告"))
    expected = contents(path)
    before = folder_state(tmp_path)

    def copy_half_then_fail(source: Path, target: Path) -> None:
        Path(target).write_bytes(Path(source).read_bytes()[:4096])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backups_module.shutil, "copyfile", copy_half_then_fail)
    with pytest.raises(LibraryError, match=r"磁盘空间不足.*未作任何改动") as failed:
        restore_backup(path, made[-1])
    assert "No space" not in str(failed.value)
    monkeypatch.undo()
    assert folder_state(tmp_path) == before  # no half copy beside the library either
    assert contents(path) == expected
