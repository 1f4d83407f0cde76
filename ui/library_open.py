"""Opening the library as the start does: a lock held elsewhere offers read-only, an unopenable
file offers 从备份恢复. Also used when the running program cannot reopen its library (after a restore)."""

from __future__ import annotations

from pathlib import Path

from models.errors import LibraryLockedError, NianbaoError, NotALibraryError
from models.store import Library
from ui.dialogs import alerts


def open_library(path: Path) -> tuple[Library, bool] | None:
    """The library, and whether it is read-only; on a lock held elsewhere, offer read-only."""
    try:
        library = Library(path)
    except LibraryLockedError as exc:
        question = f"{exc}\n\n可以以只读方式打开它：能查看和导出，但不能修改。要以只读方式打开吗？"
        if not alerts.ask_yes_no(None, question):
            return None
        try:
            library = Library(path, lock=False)
        except NianbaoError as inner:
            alerts.show_error(None, str(inner))
            return None
        return library, True
    except NotALibraryError as exc:  # empty, not ours, or damaged: left untouched, backups offered
        return offer_restore(path, str(exc))
    except NianbaoError as exc:
        alerts.show_error(None, str(exc))
        return None
    return library, library.read_only


def offer_restore(path: Path, why: str) -> tuple[Library, bool] | None:
    """The library cannot be opened at all: offer 从备份恢复 where there are backups, then open it."""
    from models.store.backups import list_backups, restore_backup
    from ui.dialogs.restore_library import RestoreLibraryDialog

    if path.is_dir() or not list_backups(path):
        alerts.show_error(None, why)
        return None
    question = f"{why}\n\n要现在从备份恢复整个资料库吗？现在的文件会改名保留，不会删除。"
    if not alerts.ask_yes_no(None, question, yes="从备份恢复…", no="退出"):
        return None
    dialog = RestoreLibraryDialog(path, lambda backup: restore_backup(path, backup), None, reason=why)
    if not dialog.exec():
        return None
    return open_library(path)
