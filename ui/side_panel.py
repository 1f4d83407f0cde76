"""The right-hand panel: 写作要点 and, for a rolled-forward report, 去年内容 (last year's text
of the selected part, read-only, with 复制). The reference is never part of the body."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QTabWidget, QVBoxLayout, QWidget

from models.report import Node, Report
from ui.editors.guidance import GuidancePanel
from ui.label_roles import as_hint


class ReferencePanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lbl_hint = QLabel(self.tr("去年报告中这一部分的内容，仅供参考，不会导出。"))
        as_hint(self.lbl_hint)
        self.lbl_hint.setWordWrap(True)
        self.txt_reference = QPlainTextEdit()
        self.txt_reference.setReadOnly(True)
        self.btn_copy = QPushButton(self.tr("复制"))
        self.btn_copy.setToolTip(self.tr("复制去年的内容，粘贴到正文中再修改"))
        self.btn_copy.setAutoDefault(False)
        self.btn_copy.clicked.connect(self.copy)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.btn_copy)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.lbl_hint)
        layout.addWidget(self.txt_reference, 1)
        layout.addLayout(row)

    def show_for(self, node: Node | None) -> None:
        reference = node.reference if node is not None else ""
        self.txt_reference.setPlainText(reference)
        self.txt_reference.setPlaceholderText(self.tr("去年的报告中没有与这一部分对应的内容。"))
        self.btn_copy.setEnabled(bool(reference))

    def text(self) -> str:
        return self.txt_reference.toPlainText()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())


class SidePanel(QTabWidget):
    """写作要点 | 去年内容; the second tab is built for the first report that has last year's text."""

    def __init__(self, guidance: GuidancePanel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.guidance = guidance
        guidance.lbl_caption.hide()  # the tab says it
        self._reference: ReferencePanel | None = None
        self.addTab(guidance, self.tr("写作要点"))
        self.setDocumentMode(True)
        self.set_report(None)

    @property
    def reference(self) -> ReferencePanel:
        if self._reference is None:
            self._reference = ReferencePanel()
            self.addTab(self._reference, self.tr("去年内容"))
        return self._reference

    def set_report(self, report: Report | None) -> None:
        has_reference = report is not None and any(n.reference for n in report.walk())
        if has_reference or self._reference is not None:
            self.setTabVisible(self.indexOf(self.reference), has_reference)
        if not has_reference:
            self.setCurrentIndex(0)

    def show_for(self, report: Report, node: Node | None, ancestors: list[Node]) -> None:
        self.guidance.show_for(report, node, ancestors)
        if self._reference is not None:
            self._reference.show_for(node)
