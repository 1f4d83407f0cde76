"""体检 findings underlined in a text field as the clerk types, like Word's spelling marks: a red
wavy line under a 错误, a blue one under a 建议; hovering shows the explanation and the fix, and
the right-click menu offers the fix at the top.

A finding's offsets are Python character offsets into the field as it was checked. Only findings
whose excerpt still stands at those offsets are drawn, so a mark never lands on the wrong text
while a newer check is on its way."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent

    from models.checks.model import Finding

ERROR_COLOUR = QColor("#d00000")
ADVICE_COLOUR = QColor("#1565c0")


@dataclass(frozen=True)
class Mark:
    """One underlined span: ``finding`` is what fixing or explaining it refers to."""

    start: int
    end: int
    severity: str
    message: str
    replacement: str | None
    finding: Finding


def utf16_offset(text: str, index: int) -> int:
    """Qt counts UTF-16 units: a character outside the BMP (𠮷) takes two."""
    return index + sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)


def python_offset(text: str, position: int) -> int:
    units = 0
    for index, ch in enumerate(text):
        if units >= position:
            return index
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


def marks_for(findings: list[Finding], node_id: int, field: str, text: str) -> list[Mark]:
    """The spans of ``findings`` (and of the places inside grouped ones) in one field of one node
    that still hold the text they were found on."""
    marks: list[Mark] = []

    def visit(item, finding: Finding, severity: str, message: str) -> None:  # type: ignore[no-untyped-def]
        message = getattr(item, "message", "") or message
        if item.places:
            for place in item.places:
                visit(place, finding, severity, message)
            return
        if item.node_id != node_id or item.field != field or item.end <= item.start:
            return
        if text[item.start : item.end] != item.excerpt:
            return  # the text moved on since the check
        replacement = item.fix.replacement if item.fix is not None else None
        if item is not finding:  # a place of a grouped finding: fixing it fixes this place only
            finding = replace(
                finding,
                rule=item.rule,
                node_id=item.node_id,
                field=item.field,
                start=item.start,
                end=item.end,
                excerpt=item.excerpt,
                message=message,
                fix=item.fix,
                places=(),
            )
        marks.append(Mark(item.start, item.end, severity, message, replacement, finding))

    for finding in findings:
        visit(finding, finding, finding.severity, finding.message)
    return marks


class FindingMarks(QObject):
    """Draws the marks of one QPlainTextEdit and answers hover and right-click on them."""

    fix_requested = Signal(object)  # the Finding whose fix the clerk chose

    def __init__(self, edit: QPlainTextEdit) -> None:
        super().__init__(edit)
        self.edit = edit
        self.marks: list[Mark] = []
        edit.viewport().installEventFilter(self)  # hover and right-click arrive at the viewport

    def show(self, findings: list[Finding], node_id: int, field: str = "text") -> None:
        has_references = getattr(self.edit, "has_references", None)
        if has_references is not None and has_references():
            # A cited figure is one character here but several in the checked text: marks would
            # land beside their words, so this paragraph's findings stay in the 体检 panel only.
            self.clear()
            return
        text = self.edit.toPlainText()
        self.marks = marks_for(findings, node_id, field, text)
        selections = []
        for mark in self.marks:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.edit.document())
            cursor.setPosition(utf16_offset(text, mark.start))
            cursor.setPosition(utf16_offset(text, mark.end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor  # type: ignore[attr-defined]
            char_format = QTextCharFormat()
            char_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            char_format.setUnderlineColor(ERROR_COLOUR if mark.severity == "错误" else ADVICE_COLOUR)
            selection.format = char_format  # type: ignore[attr-defined]
            selections.append(selection)
        self.edit.setExtraSelections(selections)

    def clear(self) -> None:
        self.marks = []
        self.edit.setExtraSelections([])

    def mark_at(self, position: int) -> Mark | None:
        """The innermost mark under a document position (UTF-16 units, as Qt gives it)."""
        index = python_offset(self.edit.toPlainText(), position)
        under = [m for m in self.marks if m.start <= index < m.end]
        return min(under, key=lambda m: m.end - m.start) if under else None

    def describe(self, mark: Mark) -> str:
        label = self.tr("错误") if mark.severity == "错误" else self.tr("建议")
        text = f"【{label}】{mark.message}"
        if mark.replacement is not None:
            fix = f"「{mark.replacement}」" if mark.replacement else self.tr("删除")
            text += "\n" + self.tr("可改为：") + fix
        return text

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Only the viewport is watched; any other event (including those of its destruction)
        passes untouched, without looking at the field."""
        from PySide6.QtCore import QEvent

        kind = event.type()
        if kind == QEvent.Type.ToolTip:
            mark = self.mark_at(self.edit.cursorForPosition(event.pos()).position())  # type: ignore[attr-defined]
            if mark is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.describe(mark), self.edit)  # type: ignore[attr-defined]
            return True
        if kind == QEvent.Type.ContextMenu and self.marks:
            mark = self.mark_at(self.edit.cursorForPosition(event.pos()).position())  # type: ignore[attr-defined]
            if mark is not None:
                menu = self.context_menu(mark)
                menu.exec(event.globalPos())  # type: ignore[attr-defined]
                menu.deleteLater()
                return True
        return False

    def context_menu(self, mark: Mark):  # type: ignore[no-untyped-def]
        """The field's own menu with the finding on top: its fix (if it has one) and its explanation."""
        menu = self.edit.createStandardContextMenu()
        menu.setParent(self.edit, menu.windowFlags())  # goes with the field, never outlives it
        first = menu.actions()[0] if menu.actions() else None
        if mark.replacement is not None and not self.edit.isReadOnly():
            fix = f"「{mark.replacement}」" if mark.replacement else self.tr("删除")
            action = menu.addAction(self.tr("改为") + fix)
            action.triggered.connect(lambda: self.fix_requested.emit(mark.finding))
            menu.insertAction(first, action)
        note = menu.addAction(mark.message)
        note.setEnabled(False)
        menu.insertAction(first, note)
        menu.insertSeparator(first)
        return menu
