"""回收站: parts of the open report deleted earlier (also after a restart), restorable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ui.session import Session

KIND_NAMES = {"section": "标题", "point": "要点", "paragraph": "段落", "table": "表格"}


class TrashDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("回收站"))
        self.resize(640, 420)
        hint = QLabel(self.tr("删除的部分（连同其下级内容）都在这里，恢复后回到原来的位置。"))
        hint.setWordWrap(True)
        self.lst_nodes = QListWidget()
        buttons = QDialogButtonBox()
        self.btn_restore = buttons.addButton(self.tr("恢复"), QDialogButtonBox.ButtonRole.ActionRole)
        self.btn_close = buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        self.btn_restore.clicked.connect(self.restore_selected)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.lst_nodes, 1)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self.lst_nodes.clear()
        report_id = self.session.report_id
        nodes = self.session.library.trashed_nodes(report_id) if report_id is not None else []
        for node in nodes:
            label = (node.title or node.text.replace("\n", " ") or node.cells_text.replace("\n", " "))[:40] or "（空）"
            item = QListWidgetItem(f"{KIND_NAMES.get(node.kind, node.kind)}：{label}")
            item.setData(Qt.ItemDataRole.UserRole, node.id)
            self.lst_nodes.addItem(item)
        if self.lst_nodes.count():
            self.lst_nodes.setCurrentRow(0)
        self.btn_restore.setEnabled(bool(nodes) and not self.session.read_only)

    def restore_selected(self) -> None:
        item = self.lst_nodes.currentItem()
        if item is not None and self.session.restore_from_trash(item.data(Qt.ItemDataRole.UserRole)):
            self.reload()
