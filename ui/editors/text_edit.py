"""Text fields for Chinese prose: plain text only, control characters stripped on paste."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from models.text_chars import clean_text

if TYPE_CHECKING:  # annotations only: QEvent's type costs ~2.5 ms to set up at start
    from PySide6.QtCore import QEvent, QMimeData
    from PySide6.QtGui import QFocusEvent, QKeyEvent


def is_ctrl_y(event: QKeyEvent) -> bool:
    """Ctrl+Y (Cmd+Y on a Mac), 重做 in Word and WPS; Qt's own 重做 keys leave it out on Linux and macOS."""
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return event.key() == Qt.Key.Key_Y and modifiers == Qt.KeyboardModifier.ControlModifier


def redo_on_ctrl_y(field: QPlainTextEdit | QLineEdit, event: QEvent) -> bool:
    """Claims Ctrl+Y from the window's 重做 (as Qt does for Ctrl+Shift+Z) and redoes the field's
    typing; whether the event was handled here."""
    from PySide6.QtCore import QEvent  # not at import: see above

    if field.isReadOnly() or event.type() not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
        return False
    if not is_ctrl_y(event):  # type: ignore[arg-type]
        return False
    event.accept()
    if event.type() == QEvent.Type.KeyPress:
        field.redo()
    return True


class ProseEdit(QPlainTextEdit):
    """A QPlainTextEdit whose paste keeps only clean plain text and which reports focus loss."""

    focus_lost = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)

    def event(self, event: QEvent) -> bool:
        return redo_on_ctrl_y(self, event) or super().event(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText():
            self.insertPlainText(clean_text(source.text())[0])

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasText()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_lost.emit()


class OneLineText(QValidator):
    """Cleans whatever reaches the field (typing, paste, drop) before ``textEdited`` is sent."""

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:  # type: ignore[override]
        cleaned = clean_text(text)[0].replace("\n", "")
        return QValidator.State.Acceptable, cleaned, max(0, pos - (len(text) - len(cleaned)))


class LineEdit(QLineEdit):
    """A one-line field: pasted line breaks and control characters are dropped."""

    focus_lost = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setValidator(OneLineText(self))

    def event(self, event: QEvent) -> bool:
        return redo_on_ctrl_y(self, event) or super().event(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_lost.emit()
