"""导入 (file or clipboard) and 新建下一年度报告: each ends with a new report in the library,
opened in the window. Recognition runs on the UI thread (about 30 ms for a real report)
under a wait cursor; the clerk checks the result in the import preview before it is saved.
models.importing and the preview are imported at first use, not when the window opens.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog

from models.errors import NianbaoError
from models.fileio import os_error_reason
from ui.dialogs import alerts
from ui.session import Session
from ui.settings import save_settings
from ui.window.port import WindowPort

if TYPE_CHECKING:
    from models.importing import ImportResult

FILE_FILTER = (
    "年报文件 (*.docx *.txt *.json);;Word 文档 (*.docx);;文本文件 (*.txt);;年报助手文件 (*.json);;所有文件 (*)"
)


def tr(text: str) -> str:
    return QCoreApplication.translate("ImportActions", text)


class ImportActions(QObject):
    """Owns the import and roll-forward commands of one window."""

    def __init__(self, window: WindowPort, session: Session) -> None:
        super().__init__(window.widget())
        self.window = window
        self.session = session

    # --- import ---

    def import_from_file(self) -> None:
        if self.session.read_only:
            return
        settings = self.session.settings
        name, _filter = QFileDialog.getOpenFileName(
            self.window.widget(), tr("导入报告"), settings.last_folder, tr(FILE_FILTER)
        )
        if not name:
            return
        path = Path(name)
        settings.last_folder = str(path.parent)
        save_settings(settings)
        self.import_path(path)

    def import_path(self, path: Path) -> None:
        """Recognise ``path``, preview, create (also for a file dropped on the program's icon)."""
        if self.session.read_only:
            return
        from models.importing import import_file

        result = self._recognise(lambda: import_file(path))
        if result is not None:
            self._preview_and_create(result)

    def import_from_clipboard(self) -> None:
        if self.session.read_only:
            return
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            alerts.show_error(
                self.window.widget(), tr("剪贴板里没有文字。请先在网页上选中报告全文并复制（Ctrl+C），再来粘贴导入。")
            )
            return
        from models.importing import import_text

        result = self._recognise(lambda: import_text(text))
        if result is not None:
            self._preview_and_create(result)

    def _recognise(self, step: Callable[[], ImportResult]) -> ImportResult | None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return step()
        except NianbaoError as exc:
            message = str(exc)
        except OSError as exc:  # a vanished file or an unreadable share
            message = tr("无法读取这个文件：") + os_error_reason(exc)
        finally:
            QApplication.restoreOverrideCursor()
        alerts.show_error(self.window.widget(), message)
        return None

    def _preview_and_create(self, result: ImportResult) -> None:
        from ui.import_preview import ImportPreviewDialog

        dialog = ImportPreviewDialog(result, parent=self.window.widget())
        if not dialog.exec():  # QDialog.exec() gives 1 for accepted, 0 for cancelled
            return
        report = dialog.edited_report()
        self._create_and_open(lambda: self.session.library.create_report(report))

    # --- roll forward ---

    def roll_forward_current(self) -> None:
        """The open report, or the one selected on the library page."""
        session = self.session
        report_id = session.report_id if session.report is not None else self.window.selected_report_id()
        if report_id is None:
            alerts.show_info(self.window.widget(), tr("请先在报告库中选中去年的报告，再新建下一年度报告。"))
            return
        self.roll_forward_report(report_id)

    def roll_forward_report(self, report_id: int) -> None:
        session = self.session
        if session.read_only or not session.flush():
            return
        from models.importing.roll import roll_forward

        def create() -> int:
            old = session.library.load_report(report_id)
            return session.library.create_report(roll_forward(old, old.meta.year + 1))

        self._create_and_open(create)

    def _create_and_open(self, create: Callable[[], int]) -> None:
        try:
            report_id = create()
        except NianbaoError as exc:
            alerts.show_error(self.window.widget(), str(exc))
            return
        self.window.open_report(report_id)
