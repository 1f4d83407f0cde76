"""导出: edition and writer options, a target remembered per report, progress, then open."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QThreadPool, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.edition import Edition
from models.export import ExportOptions, font_check
from models.export.layout import faces_for
from ui.dialogs import alerts
from ui.pages.fonts_note import face_lines
from ui.session import Session
from ui.workers import ExportWorker

EDITIONS = (
    (Edition.SUBMIT, "报送版（上行文，含版头、版记）"),
    (Edition.PUBLIC, "公开版（网站发布用，不含版头、版记）"),
)
POINT_STYLES = (("inline", "“一是……二是……”接排在同一段"), ("separate", "每个要点单独成段"))
FILE_FORMATS = (
    (".docx", "Word 文档（.docx）"),
    (".pdf", "PDF（.pdf，网站发布、打印）"),
    (".html", "网页（.html）"),
    (".txt", "纯文本（.txt）"),
)
FILE_FILTER = "Word 文档 (*.docx);;PDF (*.pdf);;网页 (*.html);;纯文本 (*.txt);;交换文件 (*.json)"


def safe_file_name(title: str) -> str:
    name = "".join("_" if ch in '\\/:*?"<>|' else ch for ch in title).strip()
    return name or "年度报告"


def documents_folder() -> Path:
    """文档 (Documents), where a clerk looks for files first; the home folder if there is none."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


class ExportDialog(QDialog):
    export_finished = Signal(bool)  # True on success

    def __init__(
        self, session: Session, parent: QWidget | None = None, *, open_errors: Callable[[Edition], int] | None = None
    ) -> None:
        """``open_errors`` counts the 错误 体检 still finds for an edition (the rules switched off
        and the findings ignored left out); without it the 报送版 is exported without asking."""
        super().__init__(parent)
        self.session = session
        self.open_errors = open_errors
        self.findings_requested = False  # closed with 查看错误: the caller shows the 体检 dock
        self.worker: ExportWorker | None = None
        self.written: Path | None = None
        self.running = False
        self._edition: str | None = None  # the edition the file name was last made for
        self.setWindowTitle(self.tr("导出报告"))
        self.setMinimumWidth(860)
        self._build()
        self._load_defaults()

    def _build(self) -> None:
        self.cmb_edition = QComboBox()
        for key, label in EDITIONS:
            self.cmb_edition.addItem(self.tr(label), key)
        self.chk_header = QCheckBox(self.tr("版头（发文机关标志、发文字号、签发人）"))
        self.chk_sealed = QCheckBox(self.tr("落款按加盖印章的格式排（署名、成文日期居右）"))
        self.cmb_points = QComboBox()
        for key, label in POINT_STYLES:
            self.cmb_points.addItem(self.tr(label), key)
        self.chk_fallback = QCheckBox(self.tr("用仿宋、楷体代替仿宋_GB2312、楷体_GB2312（本机缺少 GB2312 字体时）"))
        self.chk_ledger = QCheckBox(self.tr("附上数据台账（作为附件表格排在正文之后，正文下注明“附件：数据台账”）"))
        self.cmb_format = QComboBox()
        for suffix, label in FILE_FORMATS:
            self.cmb_format.addItem(self.tr(label), suffix)
        self.edt_path = QLineEdit()
        self.btn_browse = QPushButton(self.tr("浏览…"))
        path_row = QHBoxLayout()
        path_row.addWidget(self.edt_path, 1)
        path_row.addWidget(self.btn_browse)
        form = QFormLayout()
        form.addRow(self.tr("版本"), self.cmb_edition)
        form.addRow("", self.chk_header)
        form.addRow("", self.chk_sealed)
        form.addRow(self.tr("要点排法"), self.cmb_points)
        form.addRow(self.tr("字体"), self.chk_fallback)
        form.addRow(self.tr("附件"), self.chk_ledger)
        self.lbl_fonts = QLabel()  # per element: installed here, or what prints instead
        self.lbl_fonts.setWordWrap(True)
        form.addRow("", self.lbl_fonts)
        form.addRow(self.tr("格式"), self.cmb_format)
        form.addRow(self.tr("保存到"), path_row)
        self.lbl_public_note = QLabel(
            self.tr(
                "公开前请确认：报告中不含涉及党和国家秘密的内容，也不含个人隐私"
                "（《法治政府建设与责任落实督察工作规定》第二十四条）。"
            )
        )
        self.lbl_public_note.setWordWrap(True)
        form.addRow("", self.lbl_public_note)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        self.lbl_status = QLabel()
        self.lbl_status.setWordWrap(True)
        self.btn_export = QPushButton(self.tr("导出"))
        self.btn_export.setDefault(True)
        self.btn_retry = QPushButton(self.tr("重试"))
        self.btn_open_file = QPushButton(self.tr("打开文件"))
        self.btn_open_folder = QPushButton(self.tr("打开所在文件夹"))
        self.btn_close = QPushButton(self.tr("关闭"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.btn_open_file)
        buttons.addWidget(self.btn_open_folder)
        buttons.addStretch(1)
        for button in (self.btn_retry, self.btn_export, self.btn_close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.lbl_status)
        layout.addLayout(buttons)
        for button in (self.btn_retry, self.btn_open_file, self.btn_open_folder):
            button.setVisible(False)
        self.btn_browse.clicked.connect(self.browse)
        self.btn_export.clicked.connect(self.start_export)
        self.btn_retry.clicked.connect(self.start_export)
        self.btn_close.clicked.connect(self.reject)
        self.btn_open_file.clicked.connect(self.open_file)
        self.btn_open_folder.clicked.connect(self.open_folder)
        self.cmb_edition.currentIndexChanged.connect(self._edition_changed)
        self.chk_fallback.toggled.connect(self._show_fonts)
        self.cmb_format.currentIndexChanged.connect(self._format_changed)
        self.edt_path.textChanged.connect(self._path_edited)
        for signal in (
            self.cmb_edition.currentIndexChanged,
            self.cmb_points.currentIndexChanged,
            self.chk_header.toggled,
            self.chk_sealed.toggled,
            self.chk_fallback.toggled,
            self.chk_ledger.toggled,
            self.edt_path.textChanged,
        ):
            signal.connect(self._settings_changed)

    def _load_defaults(self) -> None:
        settings = self.session.settings
        edition = self.session.report_setting("export_edition", settings.default_edition)
        self.cmb_edition.setCurrentIndex(max(0, self.cmb_edition.findData(edition)))
        self.chk_header.setChecked(True)
        self.chk_sealed.setChecked(True)
        self._installed = font_check.installed_families()
        # The _GB2312 faces missing and 仿宋/楷体 here: their stand-ins are the choice offered.
        self.chk_fallback.setChecked(font_check.use_fallback(settings.fallback_fonts, self._installed))
        self._show_fonts()
        self.edt_path.setText(self.session.report_setting("export_path", "") or str(self._default_target()))
        self._edition_changed()

    def _show_fonts(self) -> None:
        """Which face each element of the Word file will print in on this machine."""
        if self._installed is None:
            self.lbl_fonts.setText(self.tr("无法查看本机安装了哪些字体。"))
            return
        fallback = self.chk_fallback.isChecked()
        lines = face_lines(font_check.check_faces(faces_for(fallback), self._installed))
        rare = font_check.outside_gb2312(self.session.report) if self.session.report and not fallback else []
        if rare:
            lines.append(
                self.tr("有 {0} 个字不在 GB2312 字符集中（{1}），_GB2312 字体没有这些字，打印时换用其他字体。")
                .replace("{0}", str(len(rare)))
                .replace("{1}", "、".join(rare[:8]))
            )
        self.lbl_fonts.setText("\n".join(lines))

    def _default_stem(self, edition: str) -> str:
        """「<报告标题>-报送版」: exporting both editions with the default names keeps both files."""
        title = self.session.report.meta.title if self.session.report else ""
        return f"{safe_file_name(title)}-{Edition(edition).label}"

    def _default_target(self) -> Path:
        folder = Path(self.session.settings.last_folder) if self.session.settings.last_folder else documents_folder()
        return folder / f"{self._default_stem(self.cmb_edition.currentData())}{self.cmb_format.currentData()}"

    def _edition_changed(self) -> None:
        edition = self.cmb_edition.currentData()
        self.chk_header.setEnabled(edition == Edition.SUBMIT)
        self.lbl_public_note.setVisible(edition == Edition.PUBLIC)  # was a 体检 finding; it is a reminder
        previous, self._edition = self._edition, edition
        text = self.edt_path.text().strip()
        if previous is None or previous == edition or not text:
            return
        path = Path(text)
        if path.stem == self._default_stem(previous):  # still the default name: it follows the edition
            self.edt_path.setText(str(path.with_name(self._default_stem(edition) + path.suffix)))

    def _format_changed(self) -> None:
        """Another format chosen: the file name keeps its stem and takes the format's extension."""
        text = self.edt_path.text().strip()
        if text:
            path = Path(text)
            self.edt_path.setText(str(path.with_name(path.stem + self.cmb_format.currentData())))

    def _path_edited(self, text: str) -> None:
        """A name typed or chosen with a known extension: the format follows it."""
        index = self.cmb_format.findData(Path(text.strip()).suffix.lower())
        if index >= 0 and index != self.cmb_format.currentIndex():
            self.cmb_format.blockSignals(True)
            self.cmb_format.setCurrentIndex(index)
            self.cmb_format.blockSignals(False)

    def _settings_changed(self) -> None:
        """Another export being prepared: the last one's 已导出 line (or failure) no longer applies."""
        if self.running:
            return
        self.lbl_status.setStyleSheet("")
        self.lbl_status.clear()
        for button in (self.btn_retry, self.btn_open_file, self.btn_open_folder):
            button.setVisible(False)

    def options(self) -> ExportOptions:
        submit = self.cmb_edition.currentData() == Edition.SUBMIT
        return ExportOptions(
            edition=self.cmb_edition.currentData(),
            header=submit and self.chk_header.isChecked(),
            sealed=self.chk_sealed.isChecked(),
            points=self.cmb_points.currentData(),
            fallback_fonts=self.chk_fallback.isChecked(),
            ledger_table=self.chk_ledger.isChecked(),
        )

    def browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出为"), self.edt_path.text(), FILE_FILTER)
        if path:
            self.edt_path.setText(path if Path(path).suffix else path + self.cmb_format.currentData())

    def start_export(self) -> None:
        report = self.session.report
        text = self.edt_path.text().strip().strip('"').strip()  # Explorer's "copy as path" quotes it
        if report is None or not text:
            self._show_failure(self.tr("请先选择保存位置。"), retry=False)
            return
        target = Path(text).expanduser()
        if target.is_dir() and not target.suffix:  # a folder: the report's title as the file name
            target = target / self._default_target().name
        elif not target.suffix:  # typed without one: what 浏览… would have made of it
            target = target.with_name(target.name + self.cmb_format.currentData())
        self.edt_path.setText(str(target))
        if not self._export_despite_errors():
            return
        if (
            target.exists()
            and not target.is_dir()
            and not alerts.ask_yes_no(
                self,
                self.tr("「{0}」已经存在。用这次导出的内容替换它吗？\n选“否”则保留原文件，不导出。").replace(
                    "{0}", target.name
                ),
            )
        ):
            self._show_failure(self.tr("未导出：原文件保留未动。"), retry=False)
            return
        self.session.flush()
        self.session.create_revision("导出前自动保存")
        self.session.set_report_setting("export_path", str(target))
        self.session.set_report_setting("export_edition", self.cmb_edition.currentData())
        self.session.settings.last_folder = str(target.parent)
        if self.chk_ledger.isChecked() and report.id is not None:  # the figures as saved, the 数据台账 page's too
            report = replace(report, ledger=self.session.library.load_ledger(report.id))
        self.worker = ExportWorker(report, target, self.options())
        self.worker.signals.finished.connect(self._finished)
        self.worker.signals.failed.connect(self._failed)
        self._set_running(True)
        QThreadPool.globalInstance().start(self.worker)

    def _export_despite_errors(self) -> bool:
        """The 报送版 with 错误 left: 仍然导出, or 查看错误 (closes the dialog, no export)."""
        if self.open_errors is None or self.cmb_edition.currentData() != Edition.SUBMIT:
            return True
        errors = self.open_errors(Edition.SUBMIT)
        if not errors or alerts.ask_yes_no(
            self,
            self.tr("还有 {0} 处错误没有改正。仍然导出吗？").replace("{0}", str(errors)),
            yes=self.tr("仍然导出"),
            no=self.tr("查看错误"),
        ):
            return True
        self.findings_requested = True
        self.reject()
        return False

    def reject(self) -> None:
        """Not while exporting: the clerk would never see whether the file was written."""
        if not self.running:
            super().reject()

    def _set_running(self, running: bool) -> None:
        self.running = running
        self.btn_close.setEnabled(not running)
        self.progress.setVisible(running)
        self.btn_export.setEnabled(not running)
        self.btn_retry.setVisible(False)
        if running:
            self.lbl_status.setStyleSheet("")
            self.lbl_status.setText(self.tr("正在导出，请稍候…"))

    def _finished(self, path: str) -> None:
        self._set_running(False)
        self.written = Path(path)
        self.lbl_status.setStyleSheet("color:#1e6b30")
        notice = self.worker.notice if self.worker is not None else ""
        self.lbl_status.setText(self.tr("已导出：") + path + (f"\n{notice}" if notice else ""))
        self.btn_open_file.setVisible(True)
        self.btn_open_folder.setVisible(True)
        self.export_finished.emit(True)

    def _failed(self, message: str, retry: bool) -> None:
        self._set_running(False)
        self._show_failure(message, retry)
        self.export_finished.emit(False)

    def _show_failure(self, message: str, retry: bool) -> None:
        self.lbl_status.setStyleSheet("color:#b00020")
        self.lbl_status.setText(message)
        self.btn_retry.setVisible(retry)

    def open_file(self) -> None:
        if self.written is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written)))

    def open_folder(self) -> None:
        if self.written is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written.parent)))
