"""从备份恢复报告: pick a backup, tick reports in it, and they are added as new reports.

The backup is read from a temporary copy (models.store.backups.open_backup), and nothing in the
open library is replaced: restoring is safe while the program is running.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.errors import NianbaoError
from models.paths import backup_dir
from models.store import Library, ReportSummary
from models.store.backups import backup_reports, copy_reports, list_backups, open_backup

log = logging.getLogger(__name__)

PATH_ROLE = Qt.ItemDataRole.UserRole + 1
REPORT_ROLE = Qt.ItemDataRole.UserRole + 2


def backup_size(size: int) -> str:
    return f"{size / 1_048_576:.1f} MB" if size >= 1_048_576 else f"{max(1, size // 1024)} KB"


def backup_kind(path: Path) -> str:
    if path.stem.endswith("-manual"):
        return "手动备份"
    return "升级前的备份" if "before-upgrade" in path.stem else "自动备份"


def _report_label(summary: ReportSummary) -> str:
    trashed = "（在回收站中）" if summary.trashed else ""
    edited = summary.modified.replace("T", " ")[:16]
    return f"{summary.year}年度　最后修改 {edited}　{summary.chars} 字　{summary.title or '（无标题）'}{trashed}"


class RestoreBackupDialog(QDialog):
    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.restored: list[int] = []
        self.source: Path | None = None
        self.setWindowTitle(self.tr("从备份恢复报告"))
        self.setMinimumSize(860, 520)
        intro = QLabel(self.tr("选择一个备份，勾选要取回的报告。它们会作为新报告加入资料库，现有的报告不会被覆盖。"))
        intro.setWordWrap(True)
        self.lst_backups = QListWidget()
        self.btn_browse = QPushButton(self.tr("选择其他备份文件…"))
        self.lst_reports = QListWidget()
        self.lbl_error = QLabel()
        self.lbl_error.setStyleSheet("color:#b00020")
        self.lbl_error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.btn_restore = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.btn_restore.setText(self.tr("恢复所选报告"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        backups_row = QHBoxLayout()
        backups_row.addWidget(QLabel(self.tr("备份（最新的在最上面）")), 1)
        backups_row.addWidget(self.btn_browse)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(backups_row)
        layout.addWidget(self.lst_backups, 1)
        layout.addWidget(QLabel(self.tr("备份中的报告")))
        layout.addWidget(self.lst_reports, 2)
        layout.addWidget(self.lbl_error)
        layout.addWidget(self.buttons)
        self.lst_backups.currentItemChanged.connect(self._backup_chosen)
        self.lst_reports.itemChanged.connect(self._update_button)
        self.btn_browse.clicked.connect(self.browse)
        self.buttons.accepted.connect(self.restore)
        self.buttons.rejected.connect(self.reject)
        self._fill_backups()

    def _fill_backups(self) -> None:
        for backup in list_backups(self.library.path):
            taken = backup.taken.strftime("%Y-%m-%d %H:%M:%S") if backup.taken else backup.path.name
            item = QListWidgetItem(f"{taken}　{backup_kind(backup.path)}　{backup_size(backup.size)}")
            item.setData(PATH_ROLE, str(backup.path))
            item.setToolTip(str(backup.path))
            self.lst_backups.addItem(item)
        if self.lst_backups.count():
            self.lst_backups.setCurrentRow(0)
        else:
            self.lbl_error.setText(self.tr("备份文件夹中还没有备份，可以用“选择其他备份文件…”找到别处的备份。"))
            self._update_button()

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("选择备份文件"),
            str(backup_dir(self.library.path)),
            self.tr("年报助手资料库 (*.db);;所有文件 (*)"),
        )
        if path:
            self.lst_backups.clearSelection()
            self.load(Path(path))

    def _backup_chosen(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is not None:
            self.load(Path(current.data(PATH_ROLE)))

    def load(self, path: Path) -> bool:
        """List the reports in the backup at ``path``; a file that is no library is said so."""
        self.lst_reports.clear()
        self.lbl_error.clear()
        self.source = None
        try:
            with open_backup(path) as backup:
                summaries = backup_reports(backup)
        except NianbaoError as exc:
            self.lbl_error.setText(self.tr("无法打开这个备份：") + str(exc))
            self._update_button()
            return False
        self.source = path
        for summary in summaries:
            item = QListWidgetItem(_report_label(summary))
            item.setData(REPORT_ROLE, summary.id)
            item.setToolTip(summary.title)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.lst_reports.addItem(item)
        if not summaries:
            self.lbl_error.setText(self.tr("这个备份中没有报告。"))
        self._update_button()
        return True

    def report_ids(self) -> list[int]:
        """The ids, in the backup, of the ticked reports."""
        items = (self.lst_reports.item(row) for row in range(self.lst_reports.count()))
        return [item.data(REPORT_ROLE) for item in items if item.checkState() == Qt.CheckState.Checked]

    def set_checked(self, report_id: int, checked: bool = True) -> None:
        for row in range(self.lst_reports.count()):
            item = self.lst_reports.item(row)
            if item.data(REPORT_ROLE) == report_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _update_button(self, *_args: object) -> None:
        self.btn_restore.setEnabled(self.source is not None and bool(self.report_ids()))

    def restore(self) -> None:
        ids = self.report_ids()
        if self.source is None or not ids:
            return
        try:
            with open_backup(self.source) as backup:
                self.restored = copy_reports(backup, self.library, ids)
        except NianbaoError as exc:
            self.lbl_error.setText(self.tr("恢复失败：") + str(exc))
            return
        log.info("restored reports %s from backup %s as %s", ids, self.source, self.restored)
        self.accept()
