"""分工…: the 科室 that writes the chosen part(s) and by when."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from models.report import Report


def known_units(report: Report) -> list[str]:
    """The 科室 already named in this report, in outline order."""
    return list(dict.fromkeys(node.unit for node in report.walk() if node.unit))


class AssignDialog(QDialog):
    def __init__(self, part: str, units: list[str], unit: str, due: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("分工"))
        self.cmb_unit = QComboBox()
        self.cmb_unit.setEditable(True)
        self.cmb_unit.addItems(units)
        self.cmb_unit.setEditText(unit)
        self.cmb_unit.lineEdit().setPlaceholderText(self.tr("如 执法科；清空则取消分工"))
        self.edt_due = QLineEdit(due)
        self.edt_due.setPlaceholderText(self.tr("如 2025-01-20（可不填）"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(part))
        form.addRow(self.tr("负责科室"), self.cmb_unit)
        form.addRow(self.tr("交回期限"), self.edt_due)
        form.addRow(buttons)

    def values(self) -> tuple[str, str]:
        return self.cmb_unit.currentText().strip(), self.edt_due.text().strip()
