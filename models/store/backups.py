"""Backups of the library: find and check them, bring reports back from one as new reports, or put
a whole backup in the library's place.

A backup is never opened in place: listing, checking and restoring copy it first, so the backup file
is not touched (no WAL switch, no lock file, no schema upgrade, the same bytes and file time) and
stays a faithful copy. A backup of an older version is upgraded in the copy only.

Bringing reports back (``open_backup``, ``copy_reports``) adds them beside the others. Restoring a
whole backup (``restore_backup``) replaces the library, but never deletes it: the library and its
``-wal``/``-shm`` are renamed aside together. Copying a backup over ``library.db`` by hand is what
this replaces: a ``-wal`` left by a crash beside the copy would be replayed onto it by SQLite.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from models.errors import LibraryError, LibraryLockedError, NewerLibraryError, NotALibraryError, NotFoundError
from models.fileio import os_error_reason
from models.paths import backup_dir
from models.report import Report
from models.store.dbfile import SQLITE_MAGIC, connect, looks_whole
from models.store.library import Library, ReportSummary
from models.store.lock import LibraryLock
from models.store.schema import SCHEMA_VERSION

log = logging.getLogger(__name__)

_STAMP = re.compile(r"-(\d{8}-\d{6})-\d{6}")


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken: datetime | None  # from the file name; None for a file named otherwise
    size: int
    intact: bool | None = None  # None: not checked (list_backups without check=True)
    reports: int | None = None  # reports outside the trash; None when not checked or damaged


def list_backups(library_path: Path, *, check: bool = False) -> list[BackupFile]:
    """The backups of a library, newest first (by the time in the name, else the file time).

    With ``check``, each is read from a temporary copy: ``intact`` (``PRAGMA integrity_check``
    passes and it is a library this program can open) and how many reports it holds."""
    folder = backup_dir(library_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("*.db"):
        try:
            stat = path.stat()
        except OSError:
            continue
        found.append(BackupFile(path, _taken(path.stem) or datetime.fromtimestamp(stat.st_mtime), stat.st_size))
    found.sort(key=lambda b: (b.taken or datetime.min, b.path.name), reverse=True)
    if not check:
        return found
    with tempfile.TemporaryDirectory(prefix="nianbao-check-") as folder:
        return [_checked(backup, Path(folder)) for backup in found]


def check_backup(backup: BackupFile) -> BackupFile:
    """One backup checked as ``list_backups(check=True)`` checks each (read from a temporary copy)."""
    with tempfile.TemporaryDirectory(prefix="nianbao-check-") as folder:
        return _checked(backup, Path(folder))


def _checked(backup: BackupFile, folder: Path) -> BackupFile:
    copy = folder / backup.path.name
    try:
        shutil.copyfile(backup.path, copy)
    except OSError:
        return replace(backup, intact=False)
    state = examine(copy)
    for leftover in (copy, *_companions(copy)):
        _remove(leftover)
    return replace(backup, intact=state.intact, reports=state.reports)  # a newer one is whole; restore says why not


def _taken(stem: str) -> datetime | None:
    match = _STAMP.search(stem)
    if match is None:
        return None
    try:
        return datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
    except ValueError:
        return None


@contextmanager
def open_backup(path: Path) -> Iterator[Library]:
    """A backup opened as a Library on a temporary copy (the backup itself stays untouched)."""
    with tempfile.TemporaryDirectory(prefix="nianbao-restore-") as folder:
        copy = Path(folder) / "backup.db"
        try:
            shutil.copyfile(path, copy)
        except OSError as exc:
            raise LibraryError(f"无法读取备份文件 {path}：{os_error_reason(exc)}") from exc
        try:
            library = Library(copy, lock=False)
        except NotALibraryError as exc:  # its own text would name the copy and the copy's folder
            raise NotALibraryError(
                f"备份文件 {path.name} 无法使用：它是空的、不完整或不是年报助手的资料库。"
                "备份文件未作任何改动，请选择另一个备份。"
            ) from exc
        try:
            yield library
        finally:
            library.close()


def backup_reports(backup: Library) -> list[ReportSummary]:
    """The reports in a backup that the clerk may want back (those in its trash too)."""
    return backup.list_reports(include_trashed=True)


def detached(report: Report) -> Report:
    """The report with every database id cleared, ready to be created in another library."""
    report.id = None
    for node in report.walk():
        node.id = None
    for item in report.checklist:
        item.id = None
    return report


def copy_reports(source: Library, target: Library, report_ids: Iterable[int]) -> list[int]:
    """Create each report of ``source`` in ``target`` as a new report; return the new ids."""
    return [target.create_report(detached(source.load_report(report_id))) for report_id in report_ids]


# --- restoring a whole backup in place of the library ---

RESTORING_SUFFIX = ".restoring"  # the backup's copy beside the library, checked before it is renamed in
COMPANIONS = ("-wal", "-shm", "-journal")  # what SQLite reads together with a database file


@dataclass(frozen=True)
class Examined:
    """What a read-only look at a copy of a backup found."""

    intact: bool
    reports: int | None = None
    newer: bool = False
    reason: str = ""  # why it is not intact, for the message


@dataclass(frozen=True)
class RestoreResult:
    backup: Path  # the backup restored (still in its folder)
    library: Path
    replaced: Path | None  # the former library, renamed aside; None where there was none
    kept: tuple[Path, ...]  # every file moved aside (the library and its -wal/-shm)
    reports: int  # reports outside the trash in the restored library


def examine(path: Path) -> Examined:
    """Check a file (a copy the caller owns) read-only: whole, ``integrity_check`` ok, a library."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        return Examined(False, reason=f"无法读取：{os_error_reason(exc)}")
    if not header:
        return Examined(False, reason="文件是空的（0 字节）")
    if not header.startswith(SQLITE_MAGIC):
        return Examined(False, reason="不是年报助手的资料库（不是 SQLite 数据库文件）")
    if not looks_whole(path):
        return Examined(False, reason="文件不完整")
    try:
        conn = connect(path, read_only=True)
    except LibraryError:
        return Examined(False, reason="无法打开")
    try:
        if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            return Examined(False, reason="文件内容已损坏（完整性检查未通过）")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if version < 1 or "reports" not in tables:
            return Examined(False, reason="不是年报助手的资料库")
        columns = {row[1] for row in conn.execute("PRAGMA table_info(reports)")}
        where = " WHERE trashed IS NULL" if "trashed" in columns else ""
        reports = conn.execute(f"SELECT count(*) FROM reports{where}").fetchone()[0]
        return Examined(True, reports, newer=version > SCHEMA_VERSION)
    except sqlite3.Error as exc:  # SQLite's English goes to the log, not into the message
        log.warning("checking %s failed: %r", path, exc)
        return Examined(False, reason="文件内容已损坏（读取时出错）")
    finally:
        conn.close()


def restore_backup(library_path: Path, backup_path: Path, *, lock_wait: float = 0.0) -> RestoreResult:
    """Put a whole backup in the library's place, safely after a crash too.

    Refused, with nothing changed, while another program holds the library (its lock), or when the
    backup is missing or fails its check. Otherwise the backup is copied beside the library and
    checked there (the backup itself is never opened or moved); the library and its ``-wal``/``-shm``
    are renamed aside together as ``<name>-replaced-<time>.db`` (never deleted); the checked copy is
    renamed in; and the library is opened and checked again. Raises a LibraryError subclass."""
    library_path, backup_path = Path(library_path), Path(backup_path)
    if not backup_path.is_file():
        raise NotFoundError(f"找不到备份文件 {backup_path}，没有恢复。资料库未作任何改动。")
    if library_path.is_dir():  # never renamed aside: a file is what the library path must name
        raise NotALibraryError(f"{library_path} 是一个文件夹，不是资料库文件，没有恢复。文件夹未作任何改动。")
    if _same_file(library_path, backup_path):
        raise LibraryError(f"{backup_path.name} 就是资料库本身，不是备份，没有恢复。资料库未作任何改动。")
    try:
        library_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LibraryError(f"无法创建资料库所在的文件夹 {library_path.parent}：{os_error_reason(exc)}。") from exc
    lock = LibraryLock(library_path)
    try:
        lock.acquire(lock_wait)
    except LibraryLockedError as exc:
        raise LibraryLockedError(f"不能恢复备份：{exc}资料库未作任何改动。", exc.holder) from exc
    try:
        return _restore_locked(library_path, backup_path)
    finally:
        lock.release()


def _restore_locked(library: Path, backup: Path) -> RestoreResult:
    staged = library.with_name(f".{library.name}{RESTORING_SUFFIX}")
    for leftover in (staged, *_companions(staged)):  # what a restore killed half-way left
        _remove(leftover)
    try:
        shutil.copyfile(backup, staged)
    except OSError as exc:
        _remove(staged)
        raise LibraryError(f"无法复制备份文件 {backup.name}：{os_error_reason(exc)}。资料库未作任何改动。") from exc
    try:
        state = examine(staged)
    finally:
        for leftover in _companions(staged):
            _remove(leftover)
    if not state.intact or state.newer:
        _remove(staged)
        if state.newer:
            raise NewerLibraryError(
                f"备份文件 {backup.name} 由更新版本的年报助手创建，请升级本程序后再恢复。资料库未作任何改动。"
            )
        raise NotALibraryError(
            f"备份文件 {backup.name} 已损坏或无法使用（{state.reason}），没有恢复。"
            "资料库和备份文件都未作任何改动，请选择另一个备份。"
        )
    try:
        moved = _move_aside(library)
    except LibraryError:
        _remove(staged)
        raise
    try:
        os.replace(staged, library)
    except OSError as exc:
        _remove(staged)
        _move_back(moved)
        raise LibraryError(f"无法把备份放到资料库的位置：{os_error_reason(exc)}。资料库未作任何改动。") from exc
    try:
        with Library(library, lock=False) as reopened:  # this lock is ours already
            if not reopened.integrity_ok():
                raise NotALibraryError("恢复后的资料库没有通过校验")
            reports = len(reopened.list_reports())
    except LibraryError as exc:
        for installed in (library, *_companions(library)):
            _remove(installed)
        _move_back(moved)
        raise LibraryError(f"恢复后的资料库没有通过校验（{exc}），已放回原来的资料库。") from exc
    replaced = next((dst for src, dst in moved if src == library), None)
    log.info("restored %s into %s; the former library kept as %s", backup, library, [str(d) for _, d in moved])
    return RestoreResult(backup, library, replaced, tuple(dst for _, dst in moved), reports)


def _move_aside(library: Path) -> list[tuple[Path, Path]]:
    """Rename the library and its -wal/-shm/-journal to one dated name beside it; all or none."""
    present = [p for p in (library, *_companions(library)) if p.exists()]
    if not present:
        return []
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    base, n = f"{library.stem}-replaced-{stamp}", 1
    while True:
        aside = library.with_name(f"{base}{f'-{n}' if n > 1 else ''}{library.suffix}")
        if not any(p.exists() for p in (aside, *_companions(aside))):
            break
        n += 1
    moved: list[tuple[Path, Path]] = []
    for source in present:
        target = aside.with_name(aside.name + source.name[len(library.name) :])
        try:
            os.rename(source, target)
        except OSError as exc:
            _move_back(moved)
            raise LibraryError(
                f"无法把原来的资料库 {source.name} 改名保留：{os_error_reason(exc)}。"
                "请确认没有其他程序打开它。资料库未作任何改动。"
            ) from exc
        moved.append((source, target))
    return moved


def _move_back(moved: list[tuple[Path, Path]]) -> None:
    for source, target in reversed(moved):
        try:
            os.rename(target, source)
        except OSError as exc:  # the file is still there under its kept name
            log.error("could not move %s back to %s: %s", target, source, exc)


def _companions(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in COMPANIONS]


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        log.warning("could not remove %s: %s", path, exc)


def find_backup(library_path: Path, name: str | Path) -> Path:
    """A backup as the clerk names it: a path, or a file name in the library's backups folder."""
    path = Path(name)
    if path.exists() or path.parent != Path("."):
        return path
    return backup_dir(library_path) / path  # found or not: a missing one is named with the folder looked in
