"""新建报告: asks the year, the issuer and the structure of a new report."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.templates import Template
from ui.dialogs.buttons import ok_cancel_buttons


class NewReportDialog(QDialog):
    """Asks the year and issuer; defaults come from the last report (its issuer, the next year)."""

    def __init__(
        self, template: Template, issuer: str = "", year: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("新建报告"))
        self.setMinimumWidth(540)
        self.spn_year = QSpinBox()
        self.spn_year.setRange(2000, 2100)
        self.spn_year.setValue(year or date.today().year - 1)
        self.edt_issuer = QLineEdit(issuer)
        self.edt_issuer.setPlaceholderText(self.tr("如：某市某区司法局"))
        self.cmb_variant = QComboBox()
        self.cmb_variant.addItem(self.tr("按督察规定的顺序（工作情况在前）"), None)
        for key, name in template.variant_names.items():
            self.cmb_variant.addItem(name, key)
        intro = QLabel(self.tr("将按“{0}”模板搭好全文框架，每一部分都附有写作要点。").replace("{0}", template.name))
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("报告年度"), self.spn_year)
        form.addRow(self.tr("单位全称"), self.edt_issuer)
        form.addRow(self.tr("结构"), self.cmb_variant)
        self.buttons = ok_cancel_buttons(self, "新建")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(issuer.strip()))
        self.edt_issuer.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def values(self) -> tuple[int, str, str | None]:
        return self.spn_year.value(), self.edt_issuer.text().strip(), self.cmb_variant.currentData()

    @classmethod
    def ask(
        cls, template: Template, issuer: str, year: int | None, parent: QWidget | None = None
    ) -> tuple[tuple[int, str, str | None], bool]:
        dialog = cls(template, issuer, year, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.values(), accepted and bool(dialog.values()[1])
