"""Small dialogs: new report (year and issuer), settings, about."""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models import APP_NAME, __version__
from models.edition import Edition
from models.logs import LOG_NAME
from models.paths import backup_dir, log_dir
from models.templates import Template
from ui.settings import AppSettings


def _buttons(dialog: QDialog, ok_text: str = "确定") -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    box.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class NewReportDialog(QDialog):
    """Asks the year and issuer; defaults come from the last report (its issuer, the next year)."""

    def __init__(self, template: Template, issuer: str = "", year: int | None = None,
                 parent: QWidget | None = None) -> None:
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
        self.buttons = _buttons(self, "新建")
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
    def ask(cls, template: Template, issuer: str, year: int | None,
            parent: QWidget | None = None) -> tuple[tuple[int, str, str | None], bool]:
        dialog = cls(template, issuer, year, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.values(), accepted and bool(dialog.values()[1])


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
        self.cmb_edition.addItem(self.tr("报送版"), Edition.SUBMIT)
        self.cmb_edition.addItem(self.tr("公开版"), Edition.PUBLIC)
        self.cmb_edition.setCurrentIndex(max(0, self.cmb_edition.findData(settings.default_edition)))
        self.chk_fallback = QCheckBox(self.tr("导出时用仿宋、楷体代替仿宋_GB2312、楷体_GB2312"))
        self.chk_fallback.setChecked(settings.fallback_fonts)
        self.spn_auto_revision = QSpinBox()
        self.spn_auto_revision.setRange(0, 240)
        self.spn_auto_revision.setPrefix(self.tr("编辑时每 "))
        self.spn_auto_revision.setSuffix(self.tr(" 分钟最多保存一个"))
        self.spn_auto_revision.setSpecialValueText(self.tr("不自动保存版本"))
        self.spn_auto_revision.setValue(settings.auto_revision_minutes)
        self.spn_auto_revision.setToolTip(self.tr("有修改时才保存，版本说明为“自动保存的版本”，可在“历史版本”中查看和恢复"))
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
        layout.addWidget(_buttons(self))

    def add_page(self, page: QWidget, title: str) -> None:
        self.tabs.addTab(page, title)

    def apply(self) -> None:
        self.settings.editor_font_size = self.spn_font.value()
        self.settings.default_edition = self.cmb_edition.currentData()
        self.settings.fallback_fonts = self.chk_fallback.isChecked()
        self.settings.auto_revision_minutes = self.spn_auto_revision.value()


HELP_TEXT = ("<p>左边是报告的目录，点一项就在中间编辑它，右边是这一部分的写作要点。</p>"
             "<p>编号（一、（一）1.（1）一是）由程序自动生成，不用手打；拖动目录项或按 Alt+↑/↓ 调整顺序。</p>"
             "<p>所有修改随时自动保存；Ctrl+S 保存一个带说明的历史版本，随时可以在“历史版本”中比较和恢复。</p>"
             "<p>常用按键：Insert 添加同级标题，Ctrl+Shift+N 添加下级标题，Ctrl+Shift+P 添加要点，F2 改标题，"
             "Delete 删除，Ctrl+Z 撤销，Ctrl+E 导出。</p>")


def about_text(library_path: str) -> str:
    """Version, and where the clerk's data lives: library, backups and the log (for support)."""
    rows = (("资料库", library_path), ("备份文件夹", str(backup_dir(Path(library_path)))),
            ("日志文件", str(log_dir() / LOG_NAME)))
    places = "".join(f"<p>{name}：{escape(value)}</p>" for name, value in rows)
    return (f"<h3>{APP_NAME} {__version__}</h3>"
            "<p>起草、检查和导出法治政府建设年度报告的离线工具。</p>"
            f"{places}<p>本程序不联网，不收集任何信息。</p>")

