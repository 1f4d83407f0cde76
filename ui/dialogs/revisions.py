"""历史版本: list the revisions, show what changed against the current text, restore one."""

from __future__ import annotations

import difflib

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from models.errors import NianbaoError
from models.report_text import plain_text
from ui.dialogs import alerts
from ui.session import Session

ADDED, REMOVED = QColor("#dff3df"), QColor("#f8dcdc")


def diff_lines(old: str, new: str) -> list[tuple[str, str]]:
    """(tag, line) pairs: tag "+" for a line only in ``new``, "-" only in ``old``, " " unchanged."""
    result: list[tuple[str, str]] = []
    for line in difflib.ndiff(old.splitlines(), new.splitlines()):
        if line[:1] in "+- ":
            result.append((line[0], line[2:]))
    return result


class RevisionsDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("历史版本"))
        self.resize(980, 620)
        self.lst_revisions = QListWidget()
        self.txt_diff = QPlainTextEdit()
        self.txt_diff.setReadOnly(True)
        self.lbl_legend = QLabel(self.tr("绿色：当前稿新增的内容；红色：当前稿已删去、该版本中有的内容。"))
        self.lbl_legend.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.btn_restore = buttons.addButton(self.tr("恢复此版本"), QDialogButtonBox.ButtonRole.ActionRole)
        self.btn_close = buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        self.btn_restore.clicked.connect(self.restore_selected)
        self.btn_restore.setEnabled(False)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.lst_revisions)
        splitter.addWidget(self.txt_diff)
        splitter.setSizes([280, 700])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.lbl_legend)
        layout.addWidget(buttons)
        self.lst_revisions.currentItemChanged.connect(self._show_selected)
        self.reload()

    def reload(self) -> None:
        self.lst_revisions.clear()
        for info in self.session.revisions():
            text = f"{info.created.replace('T', ' ')}  {info.label or '（无说明）'}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            self.lst_revisions.addItem(item)
        if self.lst_revisions.count():
            self.lst_revisions.setCurrentRow(0)
        else:
            self.txt_diff.setPlainText(
                self.tr("还没有历史版本。按 Ctrl+S 可以随时保存一个带说明的版本，导出时也会自动保存。")
            )

    def selected_revision(self) -> int | None:
        item = self.lst_revisions.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _show_selected(self) -> None:
        revision_id = self.selected_revision()
        self.btn_restore.setEnabled(revision_id is not None and not self.session.read_only)
        if revision_id is None or self.session.report is None:
            return
        try:
            old = plain_text(self.session.library.load_revision(revision_id))
        except NianbaoError as exc:
            self.txt_diff.setPlainText(str(exc))
            return
        self._render(diff_lines(old, plain_text(self.session.report)))

    def _render(self, lines: list[tuple[str, str]]) -> None:
        self.txt_diff.clear()
        if all(tag == " " for tag, _ in lines):
            self.txt_diff.setPlainText(self.tr("该版本与当前稿完全相同。"))
            return
        cursor = self.txt_diff.textCursor()
        for tag, line in lines:
            fmt = QTextCharFormat()
            if tag != " ":
                fmt.setBackground(ADDED if tag == "+" else REMOVED)
            cursor.insertText(("＋ " if tag == "+" else "－ " if tag == "-" else "　 ") + line + "\n", fmt)
        self.txt_diff.moveCursor(QTextCursor.MoveOperation.Start)

    def restore_selected(self) -> None:
        revision_id = self.selected_revision()
        if revision_id is None:
            return
        if not alerts.ask_yes_no(
            self, self.tr("用这个版本替换当前稿？当前稿会先自动保存为一个新的历史版本，可以再恢复回来。")
        ):
            return
        if self.session.restore_revision(revision_id):
            self.reload()
