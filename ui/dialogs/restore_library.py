"""从备份恢复整个资料库: pick a whole backup, confirm, and it takes the library's place.

Used in the running program (文件 › 从备份恢复整个资料库…) and at start when the library cannot be
opened at all. The work is models.store.backups.restore_backup, handed in as ``restore`` (the
running program closes its library around it): the current library is renamed aside as a dated
copy, never deleted. Each backup is checked (a temporary copy, read-only) before it is offered.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.errors import NianbaoError
from models.paths import backup_dir
from models.store.backups import BackupFile, RestoreResult, list_backups
from ui.dialogs import alerts
from ui.dialogs.restore_backup import backup_kind, backup_size

log = logging.getLogger(__name__)

PATH_ROLE = Qt.ItemDataRole.UserRole + 1

Restore = Callable[[Path], RestoreResult]


def backup_label(backup: BackupFile) -> str:
    taken = backup.taken.strftime("%Y-%m-%d %H:%M:%S") if backup.taken else backup.path.name
    state = f"{backup.reports} 份报告" if backup.intact else "已损坏，不能恢复"
    return f"{taken}　{backup_kind(backup.path)}　{backup_size(backup.size)}　{state}"


def confirmation(library: Path, backup: Path) -> str:
    return (
        f"用备份 {backup.name} 替换整个资料库吗？\n\n"
        f"现在的资料库不会删除：它会改名保留在原处，名为 {library.stem}-replaced-日期时间{library.suffix}"
        f"（在文件夹 {library.parent} 中），需要时还能找回。\n\n"
        "恢复后，资料库里只有这个备份中的报告；备份之后写的内容不在其中，"
        "可以之后用「从备份恢复报告…」从改名保留的文件中取回。"
    )


class RestoreLibraryDialog(QDialog):
    def __init__(self, library: Path, restore: Restore, parent: QWidget | None = None, *, reason: str = "") -> None:
        super().__init__(parent)
        self.library = library
        self._restore = restore
        self.result_: RestoreResult | None = None
        self.setWindowTitle(self.tr("从备份恢复整个资料库"))
        self.setMinimumSize(760, 440)
        intro = QLabel(self.tr("选择一个完好的备份，用它替换整个资料库。现在的资料库会改名保留，不会删除。"))
        intro.setWordWrap(True)
        self.lbl_reason = QLabel(reason)
        self.lbl_reason.setWordWrap(True)
        self.lbl_reason.setVisible(bool(reason))
        self.lst_backups = QListWidget()
        self.lbl_error = QLabel()
        self.lbl_error.setStyleSheet("color:#b00020")
        self.lbl_error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.btn_restore = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.btn_restore.setText(self.tr("恢复整个资料库…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.lbl_reason)
        layout.addWidget(intro)
        layout.addWidget(
            QLabel(self.tr("备份文件夹 %1 中的备份（最新的在最上面）").replace("%1", str(backup_dir(library))))
        )
        layout.addWidget(self.lst_backups, 1)
        layout.addWidget(self.lbl_error)
        layout.addWidget(self.buttons)
        self.lst_backups.currentItemChanged.connect(self._update_button)
        self.lst_backups.itemDoubleClicked.connect(lambda _item: self.restore())
        self.buttons.accepted.connect(self.restore)
        self.buttons.rejected.connect(self.reject)
        self._fill()

    def _fill(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # each backup is copied and checked
        try:
            backups = list_backups(self.library, check=True)
        finally:
            QApplication.restoreOverrideCursor()
        for backup in backups:
            item = QListWidgetItem(backup_label(backup))
            item.setData(PATH_ROLE, str(backup.path))
            item.setToolTip(str(backup.path))
            if not backup.intact:
                item.setFlags(item.flags() & ~(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable))
            self.lst_backups.addItem(item)
        whole = [row for row, backup in enumerate(backups) if backup.intact]
        if whole:
            self.lst_backups.setCurrentRow(whole[0])
        else:
            self.lbl_error.setText(self.tr("备份文件夹中没有完好的备份，无法恢复整个资料库。"))
        self._update_button()

    def chosen(self) -> Path | None:
        item = self.lst_backups.currentItem()
        if item is None or not item.flags() & Qt.ItemFlag.ItemIsEnabled:
            return None
        return Path(item.data(PATH_ROLE))

    def _update_button(self, *_args: object) -> None:
        self.btn_restore.setEnabled(self.chosen() is not None)

    def restore(self) -> None:
        backup = self.chosen()
        if backup is None:
            return
        if not alerts.ask_yes_no(self, confirmation(self.library, backup), yes="恢复", no="取消"):
            return
        self.lbl_error.clear()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.result_ = self._restore(backup)
        except NianbaoError as exc:  # refused or failed: the library is as it was, the message says so
            self.lbl_error.setText(str(exc))
            return
        finally:
            QApplication.restoreOverrideCursor()
        log.info("whole library restored from %s", backup)
        self.accept()
