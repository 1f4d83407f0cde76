"""文件 › 备份资料库 / 打开备份文件夹 / 从备份恢复报告… / 从备份恢复整个资料库… (the window's backup commands).

A manual backup is named with the label "manual", so the rotation that keeps the newest ten
daily backups (Library.backup) never deletes it.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices

from models.errors import NianbaoError
from models.fileio import os_error_reason
from models.paths import backup_dir
from ui.dialogs import alerts
from ui.session import Session
from ui.window.port import WindowPort

if TYPE_CHECKING:
    from pathlib import Path

    from models.store.backups import RestoreResult

log = logging.getLogger(__name__)

MANUAL_LABEL = "manual"
MESSAGE_MS = 15000


class BackupActions(QObject):
    def __init__(self, window: WindowPort, session: Session) -> None:
        super().__init__(window.widget())
        self.window = window
        self.session = session

    def folder(self) -> Path:
        return backup_dir(self.session.library.path)

    def backup_now(self) -> Path | None:
        self.session.flush()  # the backup holds what is on screen
        try:
            target = self.session.library.backup(keep=None, label=MANUAL_LABEL)
        except NianbaoError as exc:
            alerts.show_error(self.window.widget(), self.tr("备份失败：") + str(exc))
            return None
        log.info("manual backup written to %s", target)
        self.window.show_message(self.tr("已备份到：") + str(target), MESSAGE_MS)
        return target

    def open_folder(self) -> bool:
        folder = self.folder()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            alerts.show_error(
                self.window.widget(), self.tr("无法创建备份文件夹 ") + f"{folder}：{os_error_reason(exc)}"
            )
            return False
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            alerts.show_info(self.window.widget(), self.tr("请在文件管理器中打开备份文件夹：") + str(folder))
            return False
        return True

    def restore_library(self) -> RestoreResult | None:
        """Replace the whole library with a backup the clerk picks and confirms (the old one is kept)."""
        from ui.dialogs.restore_library import RestoreLibraryDialog

        if self.session.read_only or not self.session.flush():
            return None
        dialog = RestoreLibraryDialog(
            self.session.library.path, self.session.restore_whole_backup, self.window.widget()
        )
        accepted = dialog.exec()
        if not self.session.library.is_open:  # not reopened and the clerk chose to quit: the window closes
            return None
        if self.session.report is None:  # closed for a restore (done or refused): show the library
            self.window.show_library()
        result = dialog.result_
        if not accepted or result is None:
            return None
        kept = self.tr("，原来的资料库已改名保留为 %1").replace("%1", result.replaced.name) if result.replaced else ""
        self.window.show_message(
            self.tr("已用备份 %1 恢复整个资料库（%2 份报告）")
            .replace("%1", result.backup.name)
            .replace("%2", str(result.reports))
            + kept,
            MESSAGE_MS,
        )
        return result

    def restore_reports(self) -> list[int]:
        from ui.dialogs.restore_backup import RestoreBackupDialog

        if self.session.read_only:
            return []
        dialog = RestoreBackupDialog(self.session.library, self.window.widget())
        if not dialog.exec() or not dialog.restored:
            return []
        restored = dialog.restored
        if len(restored) == 1:
            self.window.open_report(restored[0])
        else:
            self.window.show_library()
        self.window.show_message(
            self.tr("已从备份恢复 %1 份报告（作为新报告加入）").replace("%1", str(len(restored))), MESSAGE_MS
        )
        return restored
