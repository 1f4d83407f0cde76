"""The body editor with live ledger references (``models.ledger.refs``).

A reference ``{{ledger:KEY}}`` in the stored text is one object character (U+FFFC) in the editor,
drawn as its figure with the unit on a tinted background: the clerk sees ``35件``, the cursor
steps over it and Backspace removes it whole. The figure is looked up when drawn, so a change of
the ledger only needs a relayout (:meth:`ReferenceEdit.refresh_references`), never a new text.
Copying keeps references inside the program and gives other programs the printed figure.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPainter,
    QPyTextObject,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QWidget

from models.ledger.values import CURRENT, PREVIOUS
from models.text_chars import clean_text
from ui.editors.text_edit import ProseEdit

if TYPE_CHECKING:
    from PySide6.QtCore import QRectF

REFERENCE_TYPE = QTextFormat.ObjectTypes.UserObject + 1
KEY_PROPERTY = QTextFormat.Property.UserProperty + 1
COLUMN_PROPERTY = QTextFormat.Property.UserProperty + 2
OBJECT = "\ufffc"
MIME_TYPE = "application/x-nianbao-text"  # the stored form, references as tokens
MARK = "{{ledger:"
HIGHLIGHT = QColor("#dcebff")
PADDING = 2.0

ValueLookup = Callable[[str, str], str]  # (key, column) → what the reference prints


class ReferenceObject(QPyTextObject):
    """Draws a reference as its figure; the lookup is the window's (the open report's ledger)."""

    def __init__(self, lookup: ValueLookup, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lookup = lookup

    def shown(self, fmt: QTextFormat) -> str:
        return self.lookup(str(fmt.property(KEY_PROPERTY)), str(fmt.property(COLUMN_PROPERTY)))

    def intrinsicSize(self, doc: QTextDocument, pos: int, fmt: QTextFormat) -> QSizeF:
        metrics = QFontMetricsF(doc.defaultFont())
        return QSizeF(metrics.horizontalAdvance(self.shown(fmt)) + 2 * PADDING, metrics.height())

    def drawObject(self, painter: QPainter, rect: QRectF, doc: QTextDocument, pos: int, fmt: QTextFormat) -> None:
        painter.save()
        painter.fillRect(rect, HIGHLIGHT)
        painter.setFont(doc.defaultFont())
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.shown(fmt))
        painter.restore()


def reference_format(key: str, column: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setObjectType(REFERENCE_TYPE)
    fmt.setProperty(KEY_PROPERTY, key)
    fmt.setProperty(COLUMN_PROPERTY, column)
    fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignBottom)
    return fmt


def insert_stored(cursor: QTextCursor, text: str) -> None:
    """Insert stored text at ``cursor``: tokens become reference objects, the rest plain text."""
    from models.ledger.refs import find_references

    position = 0
    plain = QTextCharFormat()
    for ref in find_references(text) if MARK in text else ():
        cursor.insertText(text[position : ref.start], plain)
        cursor.insertText(OBJECT, reference_format(ref.key, ref.column))
        position = ref.end
    cursor.insertText(text[position:], plain)


def stored_text(cursor: QTextCursor) -> str:
    """The stored form of the selection of ``cursor`` (or of the whole document when it has none):
    reference objects as tokens; a stray U+FFFC that is not a reference is dropped."""
    from models.ledger.refs import token

    doc = cursor.document()
    start, end = (
        (cursor.selectionStart(), cursor.selectionEnd()) if cursor.hasSelection() else (0, doc.characterCount() - 1)
    )
    out: list[str] = []
    block = doc.findBlock(start)
    while block.isValid() and block.position() <= end:
        if out:
            out.append("\n")
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            first = max(start, fragment.position())
            last = min(end, fragment.position() + fragment.length())
            text = fragment.text()[first - fragment.position() : last - fragment.position()]
            fmt = fragment.charFormat()
            is_reference = fmt.objectType() == REFERENCE_TYPE
            for char in text:
                if char != OBJECT:
                    out.append(char)
                elif is_reference:
                    out.append(token(str(fmt.property(KEY_PROPERTY)), str(fmt.property(COLUMN_PROPERTY))))
            iterator += 1
        block = block.next()
    return "".join(out)


class ReferenceEdit(ProseEdit):
    """A ``ProseEdit`` whose text is the stored form: :meth:`stored_text` / :meth:`set_stored_text`."""

    def __init__(self, lookup: ValueLookup | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.handler = ReferenceObject(lookup or (lambda key, column: key), self)
        self.document().documentLayout().registerHandler(REFERENCE_TYPE, self.handler)

    def set_lookup(self, lookup: ValueLookup) -> None:
        self.handler.lookup = lookup
        self.refresh_references()

    def set_stored_text(self, text: str) -> None:
        if MARK not in text:
            self.setPlainText(text)
            return
        self.document().clear()
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        insert_stored(cursor, text)
        cursor.endEditBlock()
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def stored_text(self) -> str:
        plain = self.toPlainText()
        return plain if OBJECT not in plain else stored_text(QTextCursor(self.document()))

    def has_references(self) -> bool:
        return OBJECT in self.toPlainText()

    def insert_reference(self, key: str, column: str) -> None:
        """Put a live figure at the cursor (replacing a selection), as one step of the field's undo."""
        cursor = self.textCursor()
        cursor.beginEditBlock()
        cursor.insertText(OBJECT, reference_format(key, column))
        cursor.setCharFormat(QTextCharFormat())  # what is typed next is plain text
        cursor.endEditBlock()
        self.setTextCursor(cursor)

    def refresh_references(self) -> None:
        """The ledger changed: every reference is measured and drawn again with its new figure."""
        if self.has_references():
            self.document().markContentsDirty(0, self.document().characterCount())
            self.viewport().update()

    def editor_position(self, printed_position: int, stored: str) -> int:
        """Where a place in the printed text (a 体检 finding's start or end) is in this editor, whose
        references take one character each; a place inside a figure falls after it."""
        from models.ledger.refs import find_references

        printed = editor = last = 0
        for ref in find_references(stored) if MARK in stored else ():
            plain = ref.start - last
            if printed_position <= printed + plain:
                break
            printed, editor = printed + plain, editor + plain
            width = len(self.handler.lookup(ref.key, ref.column))
            if printed_position < printed + width:
                return editor + 1
            printed, editor, last = printed + width, editor + 1, ref.end
        return editor + (printed_position - printed)

    def createMimeDataFromSelection(self) -> QMimeData:
        """Other programs get the printed figures; this program gets the references back."""
        data = QMimeData()
        stored = stored_text(self.textCursor())
        data.setData(MIME_TYPE, stored.encode("utf-8"))
        printed = stored
        if MARK in stored:
            from models.ledger.refs import TOKEN

            printed = TOKEN.sub(
                lambda m: self.handler.lookup(m.group("key"), PREVIOUS if m.group("column") else CURRENT), stored
            )
        data.setText(printed)
        return data

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasFormat(MIME_TYPE):
            cursor = self.textCursor()
            cursor.beginEditBlock()
            insert_stored(cursor, clean_text(bytes(source.data(MIME_TYPE).data()).decode("utf-8", "replace"))[0])
            cursor.endEditBlock()
            self.setTextCursor(cursor)
            return
        super().insertFromMimeData(source)
