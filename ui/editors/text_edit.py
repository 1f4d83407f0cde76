"""Text fields for Chinese prose: plain text only, control characters stripped on paste.

``ProseEdit`` holds paragraphs; ``WrappedLineEdit`` one paragraph shown over as many lines as it
needs (a 标题句, a 落实情况 note); ``LineEdit`` a short one-line value (发文字号, 签发人)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCursor, QValidator
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QSizePolicy, QWidget

from models.text_chars import clean_text

if TYPE_CHECKING:  # annotations only: QEvent's type costs ~2.5 ms to set up at start
    from PySide6.QtCore import QEvent, QMimeData
    from PySide6.QtGui import QFocusEvent, QKeyEvent, QResizeEvent


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


LINE_BREAKS = str.maketrans("", "", "\n\u2028\u2029")  # Qt's own line and paragraph separators too


def one_line(text: str) -> str:
    """``text`` cleaned, its lines joined as they are in Chinese: with nothing between them."""
    return clean_text(text)[0].translate(LINE_BREAKS)


class WrappedLineEdit(QPlainTextEdit):
    """One paragraph, wrapped: the field grows with its text up to ``max_lines`` lines, then scrolls.

    Enter moves on to the next field (a line break has no place in a 标题句); pasted and dropped
    line breaks are dropped as in ``LineEdit``. It answers to the QLineEdit calls its users make
    (``text``, ``setText``, ``textEdited``, ``selectedText``, ``setSelection``)."""

    textEdited = Signal(str)  # named as QLineEdit's: typing, paste, undo; not setText
    focus_lost = Signal()

    def __init__(self, max_lines: int = 4, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.max_lines = max_lines
        self._setting = False
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(self._fit_height)
        self.textChanged.connect(self._text_changed)
        self._fit_height()

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        """Shows ``text`` (from the report, not typed): no ``textEdited``, and no undo back past it."""
        self._setting = True
        try:
            self.setPlainText(text)  # as stored: a line break already there is shown, not dropped
            self.document().clearUndoRedoStacks()
            self.moveCursor(QTextCursor.MoveOperation.End)  # as a one-line field: typing goes after the text
        finally:
            self._setting = False

    def selectedText(self) -> str:
        return self.textCursor().selectedText()

    def setSelection(self, start: int, length: int) -> None:
        cursor = self.textCursor()
        end = len(self.toPlainText())
        cursor.setPosition(min(start, end))
        cursor.setPosition(min(start + length, end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def line_heights(self) -> list[float]:
        """The height of each line the text takes at the field's width (wrapped)."""
        heights, block = [], self.document().firstBlock()
        while block.isValid():
            layout = block.layout()
            count = layout.lineCount() if layout is not None else 0
            heights += [layout.lineAt(i).height() for i in range(count)] or [self.fontMetrics().lineSpacing()]
            block = block.next()
        return heights

    def _fit_height(self, *_args: object) -> None:
        """Tall enough for every line up to ``max_lines``, measured as laid out (font metrics round)."""
        margins = self.contentsMargins()
        shown = math.ceil(sum(self.line_heights()[: self.max_lines]))
        # +1: QPlainTextEdit counts a line as shown only with a pixel to spare below it
        text_height = shown + 2 * round(self.document().documentMargin()) + 1
        self.setFixedHeight(text_height + margins.top() + margins.bottom())

    def _text_changed(self) -> None:
        if not self._setting:
            self.textEdited.emit(self.toPlainText())

    def event(self, event: QEvent) -> bool:
        return redo_on_ctrl_y(self, event) or super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.focusNextChild()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText():
            self.insertPlainText(one_line(source.text()))

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasText()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        self._fit_height()  # a new font changes the line height

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()  # a new width rewraps the text

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_lost.emit()


class OneLineText(QValidator):
    """Cleans whatever reaches the field (typing, paste, drop) before ``textEdited`` is sent."""

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:  # type: ignore[override]
        cleaned = one_line(text)
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
