"""The editor for one node: a section (heading sentence + body), a point (lead phrase +
text, with 上移/下移 among its sibling points), a paragraph (text only) or a table (title and
a grid, :mod:`ui.editors.table_grid`). Last year's text
(roll-forward) is shown beside it, in ui.side_panel."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.numerals import chinese_numeral
from models.report import PARAGRAPH, POINT, SECTION, TABLE, Node
from ui.editors.finding_marks import FindingMarks
from ui.editors.reference_edit import ReferenceEdit
from ui.editors.text_edit import WrappedLineEdit
from ui.label_roles import as_hint

if TYPE_CHECKING:
    from ui.editors.table_grid import TableGrid

TITLE_LABELS = {
    SECTION: "标题句",
    POINT: "引导语（如“多形式开展学习。”）",
    TABLE: "表格标题（可不填；居中排在表格上方）",
}
BODY_LABELS = {
    SECTION: "正文（接在标题句之后；有下级要点时可以留空）",
    POINT: "要点内容",
    PARAGRAPH: "段落正文",
    TABLE: "表格（双击单元格编辑；可粘贴 Excel、WPS 表格中复制的单元格）",
}


def kind_label(node: Node, depth: int) -> str:
    if node.kind == SECTION:
        return f"{chinese_numeral(depth)}级标题"
    if node.kind == TABLE:
        return "表格"
    return "要点" if node.kind == POINT else "段落（不编号）"


class NodeForm(QWidget):
    """Emits ``edited(node_id, title, text)`` on every keystroke; ``None`` means unchanged; and
    ``table_edited(node_id, TableData)`` on every change of a table's cells."""

    edited = Signal(int, object, object)
    table_edited = Signal(int, object)
    focus_lost = Signal()
    shift_requested = Signal(int, int)  # node id, -1 up / +1 down
    add_point_requested = Signal(int)  # the section to hold it
    fix_requested = Signal(object)  # a Finding underlined in the body, whose fix the clerk chose
    table_refused = Signal(str)  # the table grid's message for the clerk (a paste too large…)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.node: Node | None = None
        self._loading = False
        self.lbl_path = QLabel()
        as_hint(self.lbl_path)
        self.lbl_path.setWordWrap(True)
        self.lbl_heading = QLabel()
        heading_font = QFont(self.lbl_heading.font())
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.25)
        heading_font.setBold(True)
        self.lbl_heading.setFont(heading_font)
        self.lbl_heading.setWordWrap(True)
        self.lbl_title = QLabel()
        self.edt_title = WrappedLineEdit()
        self.lbl_body = QLabel()
        self.edt_body = ReferenceEdit()  # ledger references shown as their figures
        self._table_grid: TableGrid | None = None  # made when a table is first shown
        self._read_only = False
        self.marks = FindingMarks(self.edt_body)
        self.title_marks = FindingMarks(self.edt_title)  # a WrappedLineEdit is a QPlainTextEdit too
        self.btn_up = QPushButton(self.tr("上移要点"))
        self.btn_down = QPushButton(self.tr("下移要点"))
        self.btn_add_point = QPushButton(self.tr("添加要点"))
        self._build_layout()
        self._connect()

    def _build_layout(self) -> None:
        self.lbl_title.setBuddy(self.edt_title)
        self.lbl_body.setBuddy(self.edt_body)
        buttons = QHBoxLayout()
        for button in (self.btn_up, self.btn_down, self.btn_add_point):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = self._box = QVBoxLayout(self)
        layout.addWidget(self.lbl_path)
        layout.addWidget(self.lbl_heading)
        layout.addWidget(self.lbl_title)
        layout.addWidget(self.edt_title)
        layout.addWidget(self.lbl_body)
        layout.addWidget(self.edt_body, 1)
        layout.addLayout(buttons)

    def _connect(self) -> None:
        self.edt_title.textEdited.connect(self._title_edited)
        self.edt_body.textChanged.connect(self._body_edited)
        self.edt_title.focus_lost.connect(self.focus_lost)
        self.edt_body.focus_lost.connect(self.focus_lost)
        self.btn_up.clicked.connect(lambda: self._shift(-1))
        self.btn_down.clicked.connect(lambda: self._shift(+1))
        self.btn_add_point.clicked.connect(self._add_point)
        self.marks.fix_requested.connect(self.fix_requested)
        self.title_marks.fix_requested.connect(self.fix_requested)

    @property
    def table_grid(self) -> TableGrid:
        """The grid for a table, made on first use: most reports have no table, and start-up skips it."""
        if self._table_grid is None:
            from ui.editors.table_grid import TableGrid

            grid = TableGrid()
            grid.hide()  # shown for a table only; while shown it widens the window's minimum
            grid.set_read_only(self._read_only)
            grid.changed.connect(self._table_edited)
            grid.refused.connect(self.table_refused)
            self._box.insertWidget(self._box.indexOf(self.edt_body) + 1, grid, 1)
            self._table_grid = grid
        return self._table_grid

    def load(self, node: Node, marker: str, path: list[str], depth: int) -> None:
        """``path``: the ancestors' numbered headings; ``depth``: 1 for a top-level node."""
        self._loading = True
        self.node = node
        self.set_position(marker, path, depth)
        has_title = node.kind != PARAGRAPH
        self.lbl_title.setVisible(has_title)
        self.edt_title.setVisible(has_title)
        self.lbl_title.setText(self.tr(TITLE_LABELS.get(node.kind, "")))
        self.edt_title.setText(node.title)
        self.lbl_body.setText(self.tr(BODY_LABELS[node.kind]))
        self.edt_body.set_stored_text(node.text)
        self.edt_body.document().clearUndoRedoStacks()
        is_table = node.kind == TABLE
        self.edt_body.setVisible(not is_table)
        if is_table or self._table_grid is not None:
            self.table_grid.setVisible(is_table)
        if is_table and node.table is not None:
            self.table_grid.load(node.table)
        self.marks.clear()
        self.title_marks.clear()
        self.btn_up.setVisible(node.kind == POINT)
        self.btn_down.setVisible(node.kind == POINT)
        self.btn_add_point.setVisible(node.kind == SECTION)
        self._loading = False

    def set_position(self, marker: str, path: list[str], depth: int) -> None:
        """Where the node sits (it may move while shown): its number and its ancestors."""
        if self.node is None:
            return
        self.lbl_path.setText(" › ".join(path))
        self.lbl_path.setVisible(bool(path))
        label = kind_label(self.node, depth)
        self.lbl_heading.setText(f"{marker}　{label}" if marker else label)

    def refresh(self) -> None:
        """The node's title or text changed elsewhere (rename in the tree, undo, redo)."""
        if self.node is None:
            return
        self._loading = True
        if self.edt_title.text() != self.node.title:
            self.edt_title.setText(self.node.title)
        if self.edt_body.stored_text() != self.node.text:
            self.edt_body.set_stored_text(self.node.text)
            self.edt_body.document().clearUndoRedoStacks()
        if self.node.kind == TABLE and self.node.table is not None and self.table_grid.table() != self.node.table:
            self.table_grid.load(self.node.table)
        self._loading = False

    def show_findings(self, findings: list) -> None:  # type: ignore[type-arg]
        """Underline the node's findings in its title and body (other nodes' are passed over)."""
        if self.node is not None and self.node.id is not None:
            self.marks.show(findings, self.node.id, "text")
            self.title_marks.show(findings, self.node.id, "title")

    def set_editor_font(self, font: QFont) -> None:
        for widget in (self.edt_title, self.edt_body):
            widget.setFont(font)

    def set_read_only(self, read_only: bool) -> None:
        self.edt_title.setReadOnly(read_only)
        self.edt_body.setReadOnly(read_only)
        self._read_only = read_only
        if self._table_grid is not None:
            self._table_grid.set_read_only(read_only)
        for button in (self.btn_up, self.btn_down, self.btn_add_point):
            button.setEnabled(not read_only)

    def _title_edited(self, text: str) -> None:
        if not self._loading and self.node is not None and self.node.id is not None:
            self.edited.emit(self.node.id, text, None)

    def _body_edited(self) -> None:
        if not self._loading and self.node is not None and self.node.id is not None:
            self.edited.emit(self.node.id, None, self.edt_body.stored_text())

    def insert_reference(self, key: str, column: str) -> None:
        """插入数据: a live ledger figure at the cursor of the body text."""
        if self.node is not None and not self.edt_body.isReadOnly():
            self.edt_body.insert_reference(key, column)
            self.edt_body.setFocus()

    def _table_edited(self, table: object) -> None:
        if not self._loading and self.node is not None and self.node.id is not None:
            self.table_edited.emit(self.node.id, table)

    def _shift(self, delta: int) -> None:
        if self.node is not None and self.node.id is not None:
            self.shift_requested.emit(self.node.id, delta)

    def _add_point(self) -> None:
        if self.node is not None and self.node.id is not None:
            self.add_point_requested.emit(self.node.id)
