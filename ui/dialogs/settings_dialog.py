"""设置: the 常规 page; callers add more pages (检查规则)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QFormLayout, QSpinBox, QTabWidget, QVBoxLayout, QWidget

from models.edition import Edition
from ui.dialogs.buttons import ok_cancel_buttons
from ui.settings import AppSettings


class SettingsDialog(QDialog):
    """常规 settings on the first tab; callers add pages (e.g. 检查规则) with :meth:`add_page`."""

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("设置"))
        self.spn_font = QSpinBox()
        self.spn_font.setRange(9, 28)
        self.spn_font.setSuffix(" 磅")
        self.spn_font.setValue(settings.editor_font_size)
        self.cmb_edition = QComboBox()
        for edition in Edition:
            self.cmb_edition.addItem(self.tr(edition.label), edition)
        self.cmb_edition.setCurrentIndex(max(0, self.cmb_edition.findData(settings.default_edition)))
        self.chk_fallback = QCheckBox(self.tr("导出时用仿宋、楷体代替仿宋_GB2312、楷体_GB2312"))
        self.chk_fallback.setChecked(settings.fallback_fonts)
        self.spn_auto_revision = QSpinBox()
        self.spn_auto_revision.setRange(0, 240)
        self.spn_auto_revision.setPrefix(self.tr("编辑时每 "))
        self.spn_auto_revision.setSuffix(self.tr(" 分钟最多保存一个"))
        self.spn_auto_revision.setSpecialValueText(self.tr("不自动保存版本"))
        self.spn_auto_revision.setValue(settings.auto_revision_minutes)
        self.spn_auto_revision.setToolTip(
            self.tr("有修改时才保存，版本说明为“自动保存的版本”，可在“历史版本”中查看和恢复")
        )
        general = QWidget()
        form = QFormLayout(general)
        form.addRow(self.tr("编辑区字号"), self.spn_font)
        form.addRow(self.tr("默认导出版本"), self.cmb_edition)
        form.addRow(self.tr("字体"), self.chk_fallback)
        form.addRow(self.tr("自动保存版本"), self.spn_auto_revision)
        self.tabs = QTabWidget()
        self.tabs.addTab(general, self.tr("常规"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(ok_cancel_buttons(self))

    def add_page(self, page: QWidget, title: str) -> None:
        self.tabs.addTab(page, title)

    def apply(self) -> None:
        self.settings.editor_font_size = self.spn_font.value()
        self.settings.default_edition = self.cmb_edition.currentData()
        self.settings.fallback_fonts = self.chk_fallback.isChecked()
        self.settings.auto_revision_minutes = self.spn_auto_revision.value()
