"""Backups of the library: find them, and bring reports back from one as new reports.

A backup is never opened in place: listing and restoring copy it to a temporary folder first, so
the backup file is not touched (no WAL switch, no lock file, no schema upgrade, the same bytes and
file time) and stays a faithful copy. A backup of an older version is upgraded in the copy only.
Nothing in the current library is overwritten; restored reports are added beside the others.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from models.errors import LibraryError, NotALibraryError
from models.paths import backup_dir
from models.report import Report
from models.store.library import Library, ReportSummary

_STAMP = re.compile(r"-(\d{8}-\d{6})-\d{6}")


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken: datetime | None  # from the file name; None for a file named otherwise
    size: int


def list_backups(library_path: Path) -> list[BackupFile]:
    """The backups of a library, newest first (by the time in the name, else the file time)."""
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
    return sorted(found, key=lambda b: (b.taken or datetime.min, b.path.name), reverse=True)


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
            raise LibraryError(f"无法读取备份文件 {path}：{exc.strerror or exc}") from exc
        try:
            library = Library(copy, lock=False)
        except NotALibraryError as exc:  # its own text would name the copy and the copy's folder
            raise NotALibraryError(f"备份文件 {path.name} 无法使用：它是空的、不完整或不是年报助手的资料库。"
                                   "备份文件未作任何改动，请选择另一个备份。") from exc
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
