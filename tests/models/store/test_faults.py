"""Bad input and faults the library must survive (issue: foundation)."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from models.errors import LibraryError, LibraryLockedError, NewerLibraryError, NotALibraryError, ReadOnlyLibraryError
from models.report import PARAGRAPH, SECTION, Node, Report, ReportMeta
from models.store import Library, dbfile
from models.store import library as store_module
from tests.models.store.files import digest, file_state

ROOT = Path(__file__).resolve().parents[3]


def filled_library(path: Path, nodes: int = 200) -> int:
    body = [Node(SECTION, f"第{i}部分", "内容" * 50) for i in range(nodes)]
    with Library(path) as lib:
        return lib.create_report(Report(ReportMeta(year=2024, issuer="某局"), body))


# --- files that are not (usable) libraries: a message, and the file untouched ---


def test_not_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    path.write_text("这不是数据库" * 100, encoding="utf-8")
    before = file_state(path)
    with pytest.raises(NotALibraryError, match="不是 SQLite 数据库文件") as refused:
        Library(path)
    assert "备份" in str(refused.value)
    assert file_state(path) == before  # no -wal, -shm or .lock left beside it either


def test_truncated_library_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    filled_library(path)
    with path.open("r+b") as handle:
        handle.truncate(path.stat().st_size // 2)
    before = digest(path)
    with pytest.raises(NotALibraryError, match="已损坏"):
        Library(path)
    assert digest(path) == before


def test_newer_schema_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    filled_library(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(NewerLibraryError, match="更新版本"):
        Library(path)
    assert digest(path) == before


def test_foreign_sqlite_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (name TEXT)")
    conn.commit()
    conn.close()
    before = file_state(path)
    with pytest.raises(NotALibraryError, match="不是年报助手的资料库") as refused:
        Library(path)
    assert "备份" in str(refused.value)
    assert file_state(path) == before


def test_a_folder_is_not_a_library(tmp_path: Path) -> None:
    with pytest.raises(NotALibraryError, match="文件夹"):
        Library(tmp_path)


# --- migrations ---


def test_migration_backs_up_first_and_keeps_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "library.db"
    report_id = filled_library(path)

    def add_column(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE reports ADD COLUMN colour TEXT")

    monkeypatch.setattr(store_module, "MIGRATIONS", [*store_module.MIGRATIONS, add_column])
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", store_module.SCHEMA_VERSION + 1)
    with Library(path) as lib:
        assert lib.conn.execute("PRAGMA user_version").fetchone()[0] == store_module.SCHEMA_VERSION
        assert len(lib.load_report(report_id).body) == 200
    backups = list((tmp_path / "backups").glob("*before-upgrade.db"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as old:
        assert old.execute("PRAGMA user_version").fetchone()[0] == store_module.SCHEMA_VERSION - 1


def test_failed_migration_rolls_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "library.db"
    filled_library(path)

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE reports ADD COLUMN colour TEXT")
        conn.execute("THIS IS NOT SQL")

    monkeypatch.setattr(store_module, "MIGRATIONS", [*store_module.MIGRATIONS, broken])
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", store_module.SCHEMA_VERSION + 1)
    with pytest.raises(LibraryError, match="资料库出错，这次修改没有保存") as caught:
        Library(path)
    assert "syntax error" not in str(caught.value)  # SQLite's English stays in the log
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == store_module.SCHEMA_VERSION - 1
        columns = [r[1] for r in conn.execute("PRAGMA table_info(reports)")]
    assert "colour" not in columns


# --- read-only ---


def deny_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if the file and folder were read-only (tests run as root in CI, where chmod does not bind)."""
    real_access = os.access
    monkeypatch.setattr(
        dbfile.os, "access", lambda p, mode, **kw: False if mode == os.W_OK else real_access(p, mode, **kw)
    )


def test_read_only_library_reads_but_refuses_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "library.db"
    report_id = filled_library(path)
    before = digest(path)
    deny_writes(monkeypatch)
    with Library(path) as lib:
        assert lib.read_only
        report = lib.load_report(report_id)
        with pytest.raises(ReadOnlyLibraryError, match="只读"):
            lib.update_node(report.body[0].id, text="改")
        assert lib.load_report(report_id).body[0].text == "内容" * 50
    assert digest(path) == before


def test_new_library_in_read_only_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    deny_writes(monkeypatch)
    with pytest.raises(ReadOnlyLibraryError, match="没有写入权限"):
        Library(tmp_path / "library.db")
    assert not (tmp_path / "library.db").exists()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_file_by_permissions(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    report_id = filled_library(path)
    path.chmod(0o444)
    with Library(path) as lib, pytest.raises(ReadOnlyLibraryError):
        lib.trash_report(report_id)


def test_disk_full_loses_nothing_saved(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    report_id = filled_library(path, nodes=5)
    with Library(path) as lib:
        node_id = lib.load_report(report_id).body[0].id
        lib.update_node(node_id, text="已保存的内容")
        pages = lib.conn.execute("PRAGMA page_count").fetchone()[0]
        lib.conn.execute(f"PRAGMA max_page_count = {pages}")  # the database cannot grow: as a full disk
        with pytest.raises(LibraryError, match="磁盘空间不足"):
            lib.update_node(node_id, text="大" * 1_000_000)
        assert lib.load_report(report_id).body[0].text == "已保存的内容"


# --- text that Word cannot hold, big and many ---


def test_illegal_characters_are_cleaned_and_reported(library: Library) -> None:
    report_id = library.create_report(Report(ReportMeta(year=2024), [Node(PARAGRAPH)]))
    node_id = library.load_report(report_id).body[0].id
    raw = "甲\x00\x01\x08\x0b\x0c\x0e\x1f乙\ud800\udfff丙😀\t\n丁"
    removed = library.update_node(node_id, text=raw)
    assert removed == 9
    assert library.load_report(report_id).body[0].text == "甲乙丙😀\t\n丁"


def test_one_megabyte_node_and_emoji_round_trip(library: Library) -> None:
    report_id = library.create_report(Report(ReportMeta(year=2024), [Node(PARAGRAPH)]))
    node_id = library.load_report(report_id).body[0].id
    big = ("法治政府建设👍" * 150_000)[:1_000_000]
    assert library.update_node(node_id, text=big) == 0
    assert library.load_report(report_id).body[0].text == big


def test_five_thousand_nodes(library: Library) -> None:
    sections = [
        Node(SECTION, f"部分{i}", children=[Node(PARAGRAPH, text=f"段{i}-{j}") for j in range(9)]) for i in range(500)
    ]
    report_id = library.create_report(Report(ReportMeta(year=2024), sections))
    loaded = library.load_report(report_id)
    assert sum(1 for _ in loaded.walk()) == 5000
    assert loaded.body[499].children[8].text == "段499-8"


# --- processes: lock, concurrent writers, SIGKILL ---


def spawn_writer(path: Path, node_id: int, tag: str, lock_wait: float = -1.0, stop_after: int | None = None):
    args = [sys.executable, "-m", "tests.models.store.writer_process", str(path), str(node_id), tag, str(lock_wait)]
    if stop_after is not None:
        args.append(str(stop_after))
    return subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_second_program_is_told_who_holds_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    filled_library(path, nodes=1)
    with Library(path), pytest.raises(LibraryLockedError, match=f"进程 {os.getpid()}") as caught:
        Library(path)
    assert caught.value.holder["pid"] == str(os.getpid())
    with Library(path):  # released on close
        pass


def test_waiting_program_gets_the_lock_when_released(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    report_id = filled_library(path, nodes=1)
    with Library(path) as lib:
        node_id = lib.load_report(report_id).body[0].id
        writer = spawn_writer(path, node_id, "w", lock_wait=10.0, stop_after=5)
        before = lib.load_report(report_id).body[0].text
        time.sleep(0.5)
        # the writer waits: it has neither finished nor written while we hold the library
        assert writer.poll() is None
        assert lib.load_report(report_id).body[0].text == before
    assert writer.wait(timeout=20) == 0, writer.stderr.read()
    assert writer.stdout.read().split()[-1] == "5"


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    report_id = filled_library(path, nodes=2)
    with Library(path) as lib:
        first, second = (n.id for n in lib.load_report(report_id).body)
    writers = [spawn_writer(path, first, "A", stop_after=150), spawn_writer(path, second, "B", stop_after=150)]
    for writer in writers:
        assert writer.wait(timeout=60) == 0, writer.stderr.read()
    with Library(path) as lib:
        assert lib.integrity_ok()
        body = {n.id: n.text for n in lib.load_report(report_id).walk()}
        assert body[first].startswith("A:150:")
        assert body[second].startswith("B:150:")
        added = [t for t in body.values() if t.startswith(("A-", "B-"))]
        assert len(added) == 2 * (150 // 7)


@pytest.mark.slow
def test_sigkill_at_random_moments_never_corrupts_or_loses(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    report_id = filled_library(path, nodes=3)
    with Library(path) as lib:
        node_id = lib.load_report(report_id).body[0].id
    rng = random.Random(20240306)
    for round_no in range(30):
        writer = spawn_writer(path, node_id, f"R{round_no}", lock_wait=10.0)
        assert writer.stdout.readline().strip() == "ready", writer.stderr.read()
        time.sleep(rng.uniform(0.01, 0.25))  # a random moment to kill at, not a wait for something
        writer.kill()  # SIGKILL on POSIX; Windows has no SIGKILL, kill() is TerminateProcess there
        acknowledged = [line for line in writer.stdout.read().split() if line.isdigit()]
        writer.wait()
        with Library(path) as lib:
            assert lib.integrity_ok(), f"round {round_no}"
            text = lib.load_report(report_id).find(node_id).text
        if acknowledged:
            tag, saved, _ = text.split(":", 2)
            assert tag == f"R{round_no}"
            assert int(saved) >= int(acknowledged[-1])


def test_checkpoint_killed_half_way_is_recovered_not_refused(tmp_path: Path) -> None:
    """Found by the SIGKILL test in CI: a checkpoint interrupted after the header page was
    written leaves the file shorter than its header says, with the log still beside it."""
    path = tmp_path / "library.db"
    report_id = filled_library(path)
    with Library(path) as lib:
        lib.conn.execute("PRAGMA wal_autocheckpoint = 0")
        node_id = lib.load_report(report_id).body[0].id
        lib.update_node(node_id, text="检查点之前保存的内容" * 2000)  # grows the database in the log only
        wal_bytes = Path(f"{path}-wal").read_bytes()
        size_before = path.stat().st_size
        lib.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        header = path.read_bytes()[:100]
    assert path.stat().st_size > size_before
    # Put back the state of a kill half-way through that checkpoint: new header, the new pages
    # not yet written (the file as long as before), the log intact.
    with path.open("r+b") as handle:
        handle.truncate(size_before)
        handle.seek(0)
        handle.write(header)
    Path(f"{path}-wal").write_bytes(wal_bytes)
    with Library(path) as lib:
        assert lib.integrity_ok()
        assert lib.load_report(report_id).find(node_id).text.startswith("检查点之前保存的内容")
