"""Message boxes in one place: logged, in Chinese, and a single patch point for tests."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from models import APP_NAME

log = logging.getLogger(__name__)


def _box(parent: QWidget | None, icon: QMessageBox.Icon, text: str,
         buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok) -> QMessageBox:
    box = QMessageBox(icon, APP_NAME, text, buttons, parent)
    for standard, label in ((QMessageBox.StandardButton.Ok, "确定"), (QMessageBox.StandardButton.Yes, "是"),
                            (QMessageBox.StandardButton.No, "否"), (QMessageBox.StandardButton.Cancel, "取消")):
        button = box.button(standard)
        if button is not None:
            button.setText(label)
    return box


def show_error(parent: QWidget | None, text: str) -> None:
    log.warning("error shown: %s", text)
    _box(parent, QMessageBox.Icon.Warning, text).exec()


def show_info(parent: QWidget | None, text: str) -> None:
    _box(parent, QMessageBox.Icon.Information, text).exec()


def ask_yes_no(parent: QWidget | None, text: str) -> bool:
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    box = _box(parent, QMessageBox.Icon.Question, text, buttons)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def ask_text(parent: QWidget | None, title: str, label: str, default: str = "") -> tuple[str, bool]:
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextValue(default)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.setOkButtonText("确定")
    dialog.setCancelButtonText("取消")
    accepted = dialog.exec() == QInputDialog.DialogCode.Accepted
    return dialog.textValue().strip(), accepted
