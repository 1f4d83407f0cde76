"""从备份恢复整个资料库: pick a whole backup, confirm, and it takes the library's place.

Used in the running program (文件 › 从备份恢复整个资料库…) and at start when the library cannot be
opened at all. The work is models.store.backups.restore_backup, handed in as ``restore`` (the
running program closes its library around it): the current library is renamed aside as a dated
copy, never deleted. Backups are listed unchecked (checking each means copying it); the chosen one
is checked (a temporary copy, read-only) before the clerk is asked to confirm, and refused if damaged.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
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
from models.store.backups import BackupFile, RestoreResult, check_backup, list_backups
from ui.dialogs import alerts
from ui.dialogs.restore_backup import backup_kind, backup_size

log = logging.getLogger(__name__)

PATH_ROLE = Qt.ItemDataRole.UserRole + 1

Restore = Callable[[Path], RestoreResult]


def tr(text: str) -> str:
    return QCoreApplication.translate("RestoreLibraryDialog", text)


def backup_label(backup: BackupFile) -> str:
    taken = backup.taken.strftime("%Y-%m-%d %H:%M:%S") if backup.taken else backup.path.name
    label = f"{taken}　{backup_kind(backup.path)}　{backup_size(backup.size)}"
    if backup.intact is None:  # not checked yet: checked when chosen
        return label
    state = tr("%1 份报告").replace("%1", str(backup.reports)) if backup.intact else tr("已损坏，不能恢复")
    return f"{label}　{state}"


def confirmation(library: Path, backup: Path) -> str:
    return (
        tr("用备份 %1 替换整个资料库吗？").replace("%1", backup.name)
        + "\n\n"
        + tr("现在的资料库不会删除：它会改名保留在原处，名为 %1（在文件夹 %2 中），需要时还能找回。")
        .replace("%1", f"{library.stem}-replaced-{tr('日期时间')}{library.suffix}")
        .replace("%2", str(library.parent))
        + "\n\n"
        + tr(
            "恢复后，资料库里只有这个备份中的报告；备份之后写的内容不在其中，"
            "可以之后用「从备份恢复报告…」从改名保留的文件中取回。"
        )
    )


class RestoreLibraryDialog(QDialog):
    def __init__(self, library: Path, restore: Restore, parent: QWidget | None = None, *, reason: str = "") -> None:
        super().__init__(parent)
        self.library = library
        self._restore = restore
        self.result_: RestoreResult | None = None
        self._backups: dict[Path, BackupFile] = {}
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
        backups = list_backups(self.library)  # unchecked: the chosen one is checked before restoring
        for backup in backups:
            item = QListWidgetItem(backup_label(backup))
            item.setData(PATH_ROLE, str(backup.path))
            item.setToolTip(str(backup.path))
            self.lst_backups.addItem(item)
        self._backups = {backup.path: backup for backup in backups}
        if backups:
            self.lst_backups.setCurrentRow(0)
        else:
            self.lbl_error.setText(self.tr("备份文件夹中没有备份，无法恢复整个资料库。"))
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
        if backup is None or not self._check_chosen():
            return
        if not alerts.ask_yes_no(self, confirmation(self.library, backup), yes=self.tr("恢复"), no=self.tr("取消")):
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

    def _check_chosen(self) -> bool:
        """Check the chosen backup (copied and read, so a moment); a damaged one is marked and refused."""
        item = self.lst_backups.currentItem()
        backup = self._backups.get(Path(item.data(PATH_ROLE)))
        if backup is None:
            return False
        if not backup.path.is_file():  # gone since listed: the restore refuses it and says so
            return True
        if backup.intact is None:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                backup = check_backup(backup)
            finally:
                QApplication.restoreOverrideCursor()
            self._backups[backup.path] = backup
            item.setText(backup_label(backup))
        if backup.intact:
            return True
        item.setFlags(item.flags() & ~(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable))
        self.lbl_error.setText(
            self.tr("备份 %1 已损坏，不能用来恢复。请选择另一个备份。").replace("%1", backup.path.name)
        )
        self._update_button()
        return False
