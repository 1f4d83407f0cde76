"""The grid editor of a table node: cells, rows and columns added or removed, the header-row
switch, and cells pasted from Excel or WPS (tab-separated text). Every change is emitted whole as
``changed(TableData)``; the session makes it one undo step and writes it at once."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.report import MAX_TABLE_COLUMNS, MAX_TABLE_ROWS, TableData, rows_from_tab_text


class _Grid(QTableWidget):
    """Ctrl+V pastes a block of cells at the current cell instead of into one cell."""

    paste_requested = Signal()

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_requested.emit()
            return
        super().keyPressEvent(event)


class TableGrid(QWidget):
    changed = Signal(object)  # the whole TableData after an edit
    refused = Signal(str)  # a message for the clerk (a paste too large…)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self._read_only = False
        self.chk_header = QCheckBox(self.tr("首行为表头（黑体，跨页时重复）"))
        self.grid = _Grid()
        self.btn_add_row = QPushButton(self.tr("插入行"))
        self.btn_remove_row = QPushButton(self.tr("删除行"))
        self.btn_add_column = QPushButton(self.tr("插入列"))
        self.btn_remove_column = QPushButton(self.tr("删除列"))
        self.btn_paste = QPushButton(self.tr("粘贴表格"))
        self.btn_paste.setToolTip(self.tr("把从 Excel 或 WPS 表格复制的单元格粘贴到当前单元格起的位置"))
        buttons = QHBoxLayout()
        for button in (
            self.btn_add_row,
            self.btn_remove_row,
            self.btn_add_column,
            self.btn_remove_column,
            self.btn_paste,
        ):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.chk_header)
        layout.addWidget(self.grid, 1)
        layout.addLayout(buttons)
        self.grid.itemChanged.connect(self._cell_edited)
        self.grid.paste_requested.connect(self.paste_clipboard)
        self.chk_header.toggled.connect(self._emit)
        self.btn_add_row.clicked.connect(self.add_row)
        self.btn_remove_row.clicked.connect(self.remove_row)
        self.btn_add_column.clicked.connect(self.add_column)
        self.btn_remove_column.clicked.connect(self.remove_column)
        self.btn_paste.clicked.connect(self.paste_clipboard)

    # --- showing a table ---

    def load(self, table: TableData) -> None:
        self._loading = True
        rows = table.squared().rows
        self.grid.clear()
        self.grid.setRowCount(len(rows))
        self.grid.setColumnCount(max(1, table.column_count))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.grid.setItem(r, c, QTableWidgetItem(text))
        self.chk_header.setChecked(table.header_row)
        self._mark_header()
        self._loading = False

    def table(self) -> TableData:
        rows = [[self._text(r, c) for c in range(self.grid.columnCount())] for r in range(self.grid.rowCount())]
        return TableData(rows, self.chk_header.isChecked())

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        triggers = (
            QTableWidget.EditTrigger.NoEditTriggers
            if read_only
            else QTableWidget.EditTrigger.DoubleClicked
            | QTableWidget.EditTrigger.EditKeyPressed
            | QTableWidget.EditTrigger.AnyKeyPressed
        )
        self.grid.setEditTriggers(triggers)
        for widget in (
            self.chk_header,
            self.btn_add_row,
            self.btn_remove_row,
            self.btn_add_column,
            self.btn_remove_column,
            self.btn_paste,
        ):
            widget.setEnabled(not read_only)

    # --- edits ---

    def add_row(self) -> None:
        if self.grid.rowCount() >= MAX_TABLE_ROWS:
            self.refused.emit(self.tr("表格最多 %n 行。", "", MAX_TABLE_ROWS))
            return
        at = self.grid.currentRow() + 1 if self.grid.currentRow() >= 0 else self.grid.rowCount()
        self._reshape(lambda rows, width: [*rows[:at], [""] * width, *rows[at:]])
        self.grid.setCurrentCell(at, max(0, self.grid.currentColumn()))

    def remove_row(self) -> None:
        at = self.grid.currentRow()
        if at < 0 or self.grid.rowCount() <= 1:
            return
        self._reshape(lambda rows, _width: rows[:at] + rows[at + 1 :])

    def add_column(self) -> None:
        if self.grid.columnCount() >= MAX_TABLE_COLUMNS:
            self.refused.emit(self.tr("表格最多 %n 列。", "", MAX_TABLE_COLUMNS))
            return
        at = self.grid.currentColumn() + 1 if self.grid.currentColumn() >= 0 else self.grid.columnCount()
        self._reshape(lambda rows, _width: [[*row[:at], "", *row[at:]] for row in rows])
        self.grid.setCurrentCell(max(0, self.grid.currentRow()), at)

    def remove_column(self) -> None:
        at = self.grid.currentColumn()
        if at < 0 or self.grid.columnCount() <= 1:
            return
        self._reshape(lambda rows, _width: [row[:at] + row[at + 1 :] for row in rows])

    def paste_clipboard(self) -> None:
        if not self._read_only:
            self.paste_text(QGuiApplication.clipboard().text())

    def paste_text(self, text: str) -> None:
        """Cells from Excel/WPS written from the current cell on; the table grows to hold them."""
        pasted = rows_from_tab_text(text)
        if not pasted:
            return
        top, left = max(0, self.grid.currentRow()), max(0, self.grid.currentColumn())
        height = max(self.grid.rowCount(), top + len(pasted))
        width = max(self.grid.columnCount(), left + max(len(row) for row in pasted))
        if height > MAX_TABLE_ROWS or width > MAX_TABLE_COLUMNS:
            self.refused.emit(
                self.tr("粘贴的内容太多：表格最多 {rows} 行、{columns} 列，没有粘贴。").format(
                    rows=MAX_TABLE_ROWS, columns=MAX_TABLE_COLUMNS
                )
            )
            return

        def placed(rows: list[list[str]], old_width: int) -> list[list[str]]:
            grown = [row + [""] * (width - old_width) for row in rows]
            grown += [[""] * width for _ in range(height - len(rows))]
            for r, row in enumerate(pasted):
                grown[top + r][left : left + len(row)] = row
            return grown

        self._reshape(placed)

    # --- internals ---

    def _reshape(self, change) -> None:  # change(rows, width) -> rows
        current = self.table()
        rows = change(current.rows, self.grid.columnCount())
        row, column = self.grid.currentRow(), self.grid.currentColumn()
        self.load(TableData(rows, current.header_row))
        if rows:
            self.grid.setCurrentCell(min(max(row, 0), len(rows) - 1), min(max(column, 0), len(rows[0]) - 1))
        self._emit()

    def _cell_edited(self, _item: QTableWidgetItem) -> None:
        self._emit()

    def _emit(self, *_args: object) -> None:
        if self._loading:
            return
        self._mark_header()
        self.changed.emit(self.table())

    def _mark_header(self) -> None:
        """The header row in bold, as it is printed in 黑体."""
        was = self._loading
        self._loading = True
        for c in range(self.grid.columnCount()):
            item = self.grid.item(0, c)
            if item is not None:
                font = QFont(item.font())
                font.setBold(self.chk_header.isChecked())
                item.setFont(font)
        self._loading = was

    def _text(self, row: int, column: int) -> str:
        item = self.grid.item(row, column)
        return item.text() if item is not None else ""
