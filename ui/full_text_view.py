"""视图 › 全文: the whole report read through as one text, numbered as the export numbers it.

The paragraphs are the .txt export's (:func:`models.export.web.text_paragraphs`), so what is read
here is what is exported. Read-only; a click on a paragraph shows its part in the editor. The
text follows edits (tree edits, fixes, undo, and typing once it is saved).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QMouseEvent, QTextBlockFormat, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QDialog, QLabel, QTextEdit, QVBoxLayout

from models.export.web import TextParagraph, text_paragraphs
from ui.fonts import editor_font
from ui.label_roles import as_hint
from ui.session import Session
from ui.window.port import WindowPort

PARAGRAPH_GAP = 8.0  # pixels between paragraphs, as the export's blank line


class FullTextView(QDialog):
    def __init__(self, session: Session, window: WindowPort) -> None:
        super().__init__(window.widget(), Qt.WindowType.Window)
        self.session = session
        self.window = window
        self.paragraphs: list[TextParagraph] = []
        self.setWindowTitle(self.tr("全文"))
        self.resize(820, 900)
        self.text = QTextEdit()
        self.text.setReadOnly(True)
        self.text.setFont(editor_font(session.settings.editor_font_size))
        self.text.viewport().installEventFilter(self)
        self.text.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
        hint = QLabel(self.tr("与导出的文字一致（序号同导出）。点击段落，在编辑器中转到该部分。"))
        as_hint(hint)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.text, 1)
        for signal in (session.edited, session.saved, session.report_opened):
            signal.connect(self._report_changed)
        session.report_closed.connect(self.close)

    def show_view(self) -> None:
        self.refresh()
        self.show()
        self.raise_()
        self.activateWindow()

    def _report_changed(self, *_args: object) -> None:
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Lay the text out anew, keeping the place the clerk was reading."""
        report = self.session.report
        self.paragraphs = text_paragraphs(report) if report is not None else []
        bar = self.text.verticalScrollBar()
        scrolled = bar.value()
        self.text.clear()
        cursor = QTextCursor(self.text.document())
        for index, paragraph in enumerate(self.paragraphs):
            if index:
                cursor.insertBlock()
            cursor.setBlockFormat(self._block_format(index, paragraph))
            cursor.insertText(paragraph.text.replace("\n", "\u2028"), self._char_format(index, paragraph))
        self.text.moveCursor(QTextCursor.MoveOperation.Start)  # else the view follows the cursor to the end
        bar.setValue(scrolled)

    def _block_format(self, index: int, paragraph: TextParagraph) -> QTextBlockFormat:
        block = QTextBlockFormat()
        block.setBottomMargin(PARAGRAPH_GAP)
        title = index == 0 and paragraph.anchors[:1] == ((0, None, "meta.title"),)
        signature = paragraph.anchors[:1] == ((0, None, "meta.signature"),)
        if title:
            block.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        elif signature:
            block.setAlignment(Qt.AlignmentFlag.AlignRight)
        else:
            block.setTextIndent(2 * self.text.fontMetrics().horizontalAdvance("中"))
        return block

    def _char_format(self, index: int, paragraph: TextParagraph) -> QTextCharFormat:
        chars = QTextCharFormat()
        if paragraph.heading == 1 or (index == 0 and paragraph.anchors[:1] == ((0, None, "meta.title"),)):
            chars.setFontWeight(QFont.Weight.Bold)
        return chars

    # --- going to a part ---

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.text.viewport()
            and event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
            and not self.text.textCursor().hasSelection()
        ):
            cursor = self.text.cursorForPosition(event.position().toPoint())
            self.go_to(cursor.blockNumber(), cursor.positionInBlock())
        return super().eventFilter(watched, event)

    def go_to(self, paragraph_index: int, offset: int) -> None:
        """Show in the editor the part whose words are at ``offset`` of that paragraph."""
        if not 0 <= paragraph_index < len(self.paragraphs):
            return
        paragraph = self.paragraphs[paragraph_index]
        before = [anchor for anchor in paragraph.anchors if anchor[0] <= offset]
        if not before:
            return
        start, node_id, field = before[-1]
        self.window.reveal(node_id, field, *self._span(node_id, field, paragraph.text[start:]))

    def _span(self, node_id: int | None, field: str, words: str) -> tuple[int, int]:
        """Where the clicked paragraph begins in the part's text (its start when not found)."""
        report = self.session.report
        if node_id is None or field != "text" or report is None:
            return 0, 0
        node = next((n for n in report.walk() if n.id == node_id), None)
        first_line = words.split("\n")[0][:20]
        found = node.text.find(first_line) if node is not None and first_line else -1
        return (found, found) if found >= 0 else (0, 0)
