"""The 体检 dock: the findings panel with the edition to check and 重新检查 above its buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDockWidget, QHBoxLayout, QLabel, QPushButton, QWidget

from models.edition import Edition
from ui.findings_panel import FindingsPanel
from ui.label_roles import as_hint

EDITIONS = tuple((edition, edition.label) for edition in Edition)


class FindingsDock(QDockWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("体检"), parent)
        self.setObjectName("checksDock")
        self.setAllowedAreas(Qt.DockWidgetArea.BottomDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
        self.panel = FindingsPanel()
        self.cmb_edition = QComboBox()
        for edition, label in EDITIONS:
            self.cmb_edition.addItem(self.tr(label), edition)
        self.cmb_edition.setToolTip(self.tr("公开版另外检查个人信息等不宜公开的内容"))
        self.btn_recheck = QPushButton(self.tr("重新检查"))
        self.btn_annotated = QPushButton(self.tr("导出审校稿…"))
        self.btn_annotated.setToolTip(
            self.tr("导出 .docx，每条检查结果作为 Word 批注标在原文处，供在 Word 或 WPS 中审阅")
        )
        self.lbl_state = QLabel()
        as_hint(self.lbl_state)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("检查版本：")))
        row.addWidget(self.cmb_edition)
        row.addWidget(self.btn_recheck)
        row.addWidget(self.btn_annotated)
        row.addStretch(1)
        self.panel.side_layout.insertLayout(0, row)
        self.panel.side_layout.insertWidget(1, self.lbl_state)
        self.setWidget(self.panel)

    def edition(self) -> str:
        return self.cmb_edition.currentData()

    def set_edition(self, edition: str) -> None:
        index = self.cmb_edition.findData(edition)
        self.cmb_edition.setCurrentIndex(max(index, 0))
