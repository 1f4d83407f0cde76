"""Message boxes in one place: logged, in Chinese, and a single patch point for tests.

QMessageBox and QInputDialog are imported when a box is shown, not at start: most sessions
show none, and setting up their types costs about 3 ms of every start.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from models import APP_NAME

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger(__name__)


def _box(
    parent: QWidget | None, icon: str, text: str, *, yes_no: bool = False, yes: str = "是", no: str = "否"
) -> QMessageBox:
    """A box with the named icon (``Warning``, ``Information``, ``Question``) and Chinese buttons."""
    from PySide6.QtWidgets import QMessageBox

    standard = QMessageBox.StandardButton
    buttons = standard.Yes | standard.No if yes_no else standard.Ok
    box = QMessageBox(QMessageBox.Icon[icon], APP_NAME, text, buttons, parent)
    for button_id, label in ((standard.Ok, "确定"), (standard.Yes, yes), (standard.No, no), (standard.Cancel, "取消")):
        button = box.button(button_id)
        if button is not None:
            button.setText(label)
    if yes_no:
        box.setDefaultButton(standard.No)
    return box


def show_error(parent: QWidget | None, text: str) -> None:
    log.warning("error shown: %s", text)
    _box(parent, "Warning", text).exec()


def show_info(parent: QWidget | None, text: str) -> None:
    _box(parent, "Information", text).exec()


def ask_yes_no(parent: QWidget | None, text: str, *, yes: str = "是", no: str = "否") -> bool:
    """True for 是 (or the ``yes`` label); 否 (or ``no``) is the default button."""
    from PySide6.QtWidgets import QMessageBox

    return _box(parent, "Question", text, yes_no=True, yes=yes, no=no).exec() == QMessageBox.StandardButton.Yes


def ask_text(parent: QWidget | None, title: str, label: str, default: str = "") -> tuple[str, bool]:
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextValue(default)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.setOkButtonText("确定")
    dialog.setCancelButtonText("取消")
    accepted = dialog.exec() == QInputDialog.DialogCode.Accepted
    return dialog.textValue().strip(), accepted
