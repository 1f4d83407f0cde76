"""Text fields for Chinese prose: plain text only, control characters stripped on paste."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from models.text_chars import clean_text

if TYPE_CHECKING:  # annotations only: QEvent's type costs ~2.5 ms to set up at start
    from PySide6.QtCore import QMimeData
    from PySide6.QtGui import QFocusEvent


class ProseEdit(QPlainTextEdit):
    """A QPlainTextEdit whose paste keeps only clean plain text and which reports focus loss."""

    focus_lost = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)

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

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_lost.emit()
