"""The dialog for an unexpected error: versions, traceback, log path, 复制; then a last save."""

from __future__ import annotations

import logging
import platform
import traceback
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from models import APP_NAME, __version__

log = logging.getLogger(__name__)


def crash_report(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None, log_path: str) -> str:
    lines = [
        f"{APP_NAME} {__version__}",
        f"系统：{platform.platform()}",
        f"Python {platform.python_version()}，PySide6 {pyside_version}，Qt {qVersion()}",
        f"日志文件：{log_path or '（未能创建）'}",
        "",
        "".join(traceback.format_exception(exc_type, exc, tb)),
    ]
    return "\n".join(lines)


class CrashDialog(QDialog):
    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("程序出错"))
        self.resize(640, 420)
        message = QLabel(
            self.tr(
                "很抱歉，程序遇到了意外错误。已经保存的内容不会丢失。"
                "请点“复制”把下面的信息发给维护人员，然后重新启动程序。"
            )
        )
        message.setWordWrap(True)
        self.txt_report = QPlainTextEdit(report)
        self.txt_report.setReadOnly(True)
        buttons = QDialogButtonBox()
        self.btn_copy = buttons.addButton(self.tr("复制"), QDialogButtonBox.ButtonRole.ActionRole)
        self.btn_close = buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        self.btn_copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(report))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addWidget(self.txt_report)
        layout.addWidget(buttons)
