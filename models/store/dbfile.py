"""Opening a library file safely: refuse what is not ours without writing a byte, turn
SQLite's English errors into messages a clerk can act on, and the one way to write."""

from __future__ import annotations

import logging
import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from models.errors import LibraryError, NotALibraryError, ReadOnlyLibraryError
from models.fileio import os_error_reason
from models.paths import backup_dir

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"


def check_file(path: Path) -> bool:
    """Refuse files that are not libraries without touching them; return True if read-only.
    Only where no file exists is a new library made: an empty file is refused like any other."""
    if path.is_dir():
        raise NotALibraryError(f"{path} 是一个文件夹，不是资料库文件。")
    folder_writable = os.access(path.parent if path.parent.exists() else _existing_parent(path), os.W_OK)
    if not path.exists():
        if not folder_writable:
            raise ReadOnlyLibraryError(f"无法在文件夹 {path.parent} 中创建资料库：没有写入权限。请换一个文件夹。")
        try:  # a new library in a folder the clerk named but that does not exist yet
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LibraryError(f"无法创建资料库所在的文件夹 {path.parent}：{os_error_reason(exc)}") from exc
        return False
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise LibraryError(f"无法读取资料库文件 {path}：{os_error_reason(exc)}") from exc
    if not header and not _has_log(path):
        raise NotALibraryError(
            f"资料库文件 {path.name} 是空的（0 字节），没有可以打开的内容。文件未作任何改动。" + backup_hint(path)
        )
    if header and not header.startswith(SQLITE_MAGIC):
        raise NotALibraryError(
            f"{path.name} 不是年报助手的资料库（不是 SQLite 数据库文件）。文件未作任何改动。" + backup_hint(path)
        )
    if header and _looks_truncated(path, header):
        raise NotALibraryError(f"资料库文件 {path.name} 已损坏（文件不完整）。文件未作任何改动。" + backup_hint(path))
    return not (folder_writable and os.access(path, os.W_OK))


def backup_stem_pattern(library: Path) -> re.Pattern[str]:
    """The names ``Library.backup`` gives: the library's name, the time, then an optional label."""
    return re.compile(rf"{re.escape(library.stem)}-\d{{8}}-\d{{6}}-\d{{6}}(-.+)?")


def looks_whole(path: Path) -> bool:
    """A cheap look at a file (no SQLite, not a byte written): an SQLite file as long as its header says."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
        return header.startswith(SQLITE_MAGIC) and not _looks_truncated(path, header)
    except OSError:
        return False


def usable_backups(library: Path) -> list[Path]:
    """The library's backups that look whole (verified when written; leftovers of a failed one do not)."""
    folder = backup_dir(library)
    pattern = backup_stem_pattern(library)
    try:
        found = [p for p in folder.glob(f"{library.stem}-*.db") if pattern.fullmatch(p.stem)]
    except OSError:
        return []
    return [p for p in found if looks_whole(p)]


def backup_hint(path: Path) -> str:
    """Where the clerk's backups are, for a message about a library that cannot be opened."""
    folder = backup_dir(path).absolute()
    count = len(usable_backups(path))
    if not count:
        return f"备份文件夹 {folder} 中没有备份。若其中没有需要保留的内容，可以把这个文件移走，再打开时会新建资料库。"
    return (
        f"可以从备份恢复：备份文件夹 {folder} 中有 {count} 个可用的备份。在年报助手中选「从备份恢复」，"
        "或关闭程序后用命令 nianbao backup --list 查看、nianbao backup --restore 备份文件名 恢复"
        "（原来的文件会改名保留）；不要手工把备份复制过来。"
    )


def _has_log(path: Path) -> bool:
    """A write-ahead log with content beside the file: SQLite reads the library from it."""
    wal = path.with_name(path.name + "-wal")
    try:
        return wal.exists() and wal.stat().st_size > 0
    except OSError:
        return False


def _existing_parent(path: Path) -> Path:
    for parent in path.parents:
        if parent.exists():
            return parent
    return Path(".")


def _looks_truncated(path: Path, header: bytes) -> bool:
    """A file shorter than its header says. Not judged while a write-ahead log is beside it:
    a checkpoint killed half-way leaves exactly that, and SQLite completes it from the log."""
    if len(header) < 100:
        return True
    if _has_log(path):
        return False
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    header_valid = header[24:28] == header[92:96]
    return header_valid and path.stat().st_size < page_size * pages


def connect(path: Path, read_only: bool) -> sqlite3.Connection:
    if not read_only:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LibraryError(f"无法创建资料库所在的文件夹 {path.parent}：{os_error_reason(exc)}。") from exc
    with translated(path):
        if read_only:
            folder_writable = os.access(path.parent, os.W_OK)
            uri = f"{path.resolve().as_uri()}?mode=ro{'' if folder_writable else '&immutable=1'}"
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        else:
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA busy_timeout=10000")
    return conn


@contextmanager
def translated(path: Path) -> Iterator[None]:
    """Turn SQLite's English errors into messages a clerk can act on."""
    try:
        yield
    except sqlite3.Error as exc:
        text = str(exc).lower()
        if "readonly" in text or "read-only" in text:
            raise ReadOnlyLibraryError("资料库是只读的（文件或所在文件夹没有写入权限），修改没有保存。") from exc
        if "disk is full" in text or "disk i/o" in text:
            raise LibraryError(
                "磁盘空间不足或磁盘出错，修改没有保存。请清理磁盘后重试，已保存的内容不受影响。"
            ) from exc
        if "locked" in text or "busy" in text:
            raise LibraryError("资料库正被另一个程序占用，请稍后重试。") from exc
        if "unable to open" in text:
            raise LibraryError(
                f"无法打开资料库文件 {path}：文件夹不可写入、路径已不存在或文件被其他程序占用。"
            ) from exc
        if "malformed" in text or "not a database" in text or "corrupt" in text:
            raise NotALibraryError(f"资料库文件 {path.name} 已损坏，请从备份恢复。") from exc
        log.error("unexpected SQLite error on %s: %r", path, exc)
        raise LibraryError("资料库出错，这次修改没有保存（详细信息已写入日志）。已保存的内容不受影响。") from exc


def now() -> str:
    """The time stamp stored for created/modified/trashed: local time, to the second."""
    return datetime.now().isoformat(timespec="seconds")


@contextmanager
def write(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction. ``BEGIN IMMEDIATE`` takes the write lock at the start, so two
    writers queue (busy_timeout) instead of failing half-way with a deadlock."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        # SQLite may already have rolled back (disk full); a second ROLLBACK would mask the cause
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def last_id(conn: sqlite3.Connection, table: str) -> int:
    """The highest id ``table`` has ever used: AUTOINCREMENT gives the next row this plus one.
    Bulk inserts assign ids themselves with it, so they get the ids one-by-one inserts would."""
    seq = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = ?", (table,)).fetchone()
    top = conn.execute(f"SELECT max(id) FROM {table}").fetchone()[0]
    return max(seq[0] if seq else 0, top or 0)
