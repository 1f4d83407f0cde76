"""The section tree as a QAbstractItemModel over the session's in-memory report.

The session changes the report only through this model's ``insert_node`` / ``remove_node``
/ ``move_node`` / ``node_changed`` / ``set_report`` so every change is announced to the
views with the proper begin/end calls. Numbering is computed live from positions.
Drag and drop carries node ids (stable database ids) as the MIME payload; a drop asks the
session (through ``move_handler``) to move the nodes as one undoable command.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from models.numbering import number_report
from models.report import PARAGRAPH, POINT, SECTION, TABLE, Node, Report
from models.text_chars import clean_text, count_chars, shorten

MIME_TYPE = "application/x-nianbao-node-ids"
NODE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
UNIT_ROLE = Qt.ItemDataRole.UserRole + 3  # 分工: the 科室 writing the part, drawn as a badge (ui.unit_badge)
PARAGRAPH_PREVIEW = 18

ModelIndex = QModelIndex | QPersistentModelIndex
MoveHandler = Callable[[list[int], int | None, int], bool]
RenameHandler = Callable[[int, str], bool]


def node_has_text(node: Node) -> bool:
    return bool(node.text.strip() or node.cells_text.strip()) or any(node_has_text(child) for child in node.children)


def _dot_icon(filled: bool) -> QIcon:
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    color = QColor("#2e8b57") if filled else QColor("#9a9a9a")
    painter.setPen(color)
    painter.setBrush(color if filled else Qt.GlobalColor.transparent)
    painter.drawEllipse(4, 4, 8, 8)
    painter.end()
    return QIcon(pixmap)


class OutlineModel(QAbstractItemModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.report: Report | None = None
        self.read_only = False
        self.move_handler: MoveHandler | None = None
        self.rename_handler: RenameHandler | None = None
        self.library_tag = ""  # the library's path, set by the session: node ids are per library
        self._parents: dict[int, Node | None] = {}
        self._markers: dict[int, str] = {}
        self._icons: dict[bool, QIcon] = {}

    # --- structure bookkeeping ---

    def _rebuild(self) -> None:
        self._parents = {}
        if self.report is None:
            self._markers = {}
            return

        def visit(nodes: list[Node], parent: Node | None) -> None:
            for node in nodes:
                self._parents[id(node)] = parent
                visit(node.children, node)

        visit(self.report.body, None)
        self._markers = number_report(self.report)

    def _children(self, parent: Node | None) -> list[Node]:
        if parent is not None:
            return parent.children
        return self.report.body if self.report is not None else []

    def node(self, index: ModelIndex) -> Node | None:
        return index.internalPointer() if index.isValid() else None

    def index_of(self, node: Node | None) -> QModelIndex:
        if node is None or id(node) not in self._parents:
            return QModelIndex()
        siblings = self._children(self._parents[id(node)])
        row = next(i for i, n in enumerate(siblings) if n is node)
        return self.createIndex(row, 0, node)

    def index_of_id(self, node_id: int) -> QModelIndex:
        if self.report is None:
            return QModelIndex()
        return self.index_of(next((n for n in self.report.walk() if n.id == node_id), None))

    def parent_node(self, node: Node) -> Node | None:
        return self._parents.get(id(node))

    def marker(self, node: Node) -> str:
        return self._markers.get(id(node), "")

    # --- QAbstractItemModel interface ---

    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        siblings = self._children(self.node(parent))
        if row >= len(siblings):
            return QModelIndex()
        return self.createIndex(row, 0, siblings[row])

    def parent(self, index: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self.node(index)
        if node is None:
            return QModelIndex()
        return self.index_of(self._parents.get(id(node)))

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children(self.node(parent)))

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display_text(node)
        if role == Qt.ItemDataRole.EditRole:
            return node.title if node.kind != PARAGRAPH else node.text
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(node_has_text(node))
        if role == Qt.ItemDataRole.ToolTipRole:
            state = "已有正文" if node_has_text(node) else "尚未填写正文"
            full = self.display_text(node) if node.kind != PARAGRAPH else node.text[:80]
            tip = f"{full}\n{self.kind_name(node)}，{state}，{count_chars(node.title + node.text + node.cells_text)} 字"
            return tip + (f"\n分工：{node.unit}" + (f"，{node.due} 前交回" if node.due else "") if node.unit else "")
        if role == NODE_ID_ROLE:
            return node.id
        if role == KIND_ROLE:
            return node.kind
        if role == UNIT_ROLE:
            return node.unit
        return None

    def _icon(self, filled: bool) -> QIcon:
        if filled not in self._icons:
            self._icons[filled] = _dot_icon(filled)
        return self._icons[filled]

    def display_text(self, node: Node) -> str:
        if node.kind == PARAGRAPH:
            preview = node.text.strip().replace("\n", " ")
            if not preview:
                return "（空段落）"
            return shorten(preview, PARAGRAPH_PREVIEW)
        if node.kind == TABLE:
            size = f"{len(node.table.rows)}×{node.table.column_count}" if node.table else ""
            return f"表格{size}：{node.title}" if node.title else f"表格{size}"
        return f"{self.marker(node)}{node.title or '（无标题）'}"

    @staticmethod
    def kind_name(node: Node) -> str:
        return {SECTION: "标题", POINT: "要点", PARAGRAPH: "段落", TABLE: "表格"}.get(node.kind, node.kind)

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        node = self.node(index)
        if node is None or role != Qt.ItemDataRole.EditRole or node.kind == PARAGRAPH or node.id is None:
            return False
        title = clean_text(str(value))[0].replace("\n", "").strip()  # a pasted line break or control character
        if not title or title == node.title or self.rename_handler is None:
            return False
        return self.rename_handler(node.id, title)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        node = self.node(index)
        if node is None:
            return Qt.ItemFlag.ItemIsDropEnabled if not self.read_only else Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        if self.read_only:
            return flags
        flags |= Qt.ItemFlag.ItemIsDragEnabled
        if node.kind == SECTION:
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        if node.kind != PARAGRAPH:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # --- drag and drop: node ids as payload, the session does the move ---

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        ids = [n.id for n in (self.node(i) for i in indexes) if n is not None and n.id is not None]
        mime = QMimeData()
        payload = {"origin": self._origin(), "ids": ids}
        mime.setData(MIME_TYPE, QByteArray(json.dumps(payload).encode("ascii")))
        return mime

    def _origin(self) -> str:
        """Where a drag started: another instance or report numbers its nodes independently."""
        report_id = self.report.id if self.report is not None else None
        return f"{os.getpid()}|{self.library_tag}|{report_id}"

    def dropped_ids(self, mime: QMimeData) -> list[int]:
        if not mime.hasFormat(MIME_TYPE):
            return []
        try:
            payload = json.loads(bytes(mime.data(MIME_TYPE).data()).decode("ascii"))
        except ValueError:
            return []
        if not isinstance(payload, dict) or payload.get("origin") != self._origin():
            return []
        ids = payload.get("ids")
        return [i for i in ids if isinstance(i, int)] if isinstance(ids, list) else []

    def canDropMimeData(
        self, mime: QMimeData, action: Qt.DropAction, row: int, column: int, parent: ModelIndex
    ) -> bool:
        if self.read_only or action != Qt.DropAction.MoveAction or self.report is None:
            return False
        target = self.node(parent)
        if target is not None and target.kind != SECTION:
            return False
        ids = self.dropped_ids(mime)
        nodes = [n for n in self.report.walk() if n.id in ids]
        if not nodes:
            return False
        return target is None or not any(any(d is target for d in n.walk()) for n in nodes)

    def dropMimeData(self, mime: QMimeData, action: Qt.DropAction, row: int, column: int, parent: ModelIndex) -> bool:
        # Returning True never lets the view remove source rows: this model has no removeRows.
        if not self.canDropMimeData(mime, action, row, column, parent) or self.move_handler is None:
            return False
        target = self.node(parent)
        row = len(self._children(target)) if row < 0 else row
        return self.move_handler(self.dropped_ids(mime), target.id if target else None, row)

    # --- changes, called by the session ---

    def set_report(self, report: Report | None) -> None:
        self.beginResetModel()
        self.report = report
        self._rebuild()
        self.endResetModel()

    def insert_node(self, node: Node, parent: Node | None, position: int) -> None:
        siblings = self._children(parent)
        position = max(0, min(position, len(siblings)))
        self.beginInsertRows(self.index_of(parent), position, position)
        siblings.insert(position, node)
        self._rebuild()
        self.endInsertRows()
        self._renumbered(parent)

    def remove_node(self, node: Node) -> tuple[Node | None, int]:
        parent = self._parents[id(node)]
        siblings = self._children(parent)
        row = next(i for i, n in enumerate(siblings) if n is node)
        self.beginRemoveRows(self.index_of(parent), row, row)
        del siblings[row]
        self._rebuild()
        self.endRemoveRows()
        self._renumbered(parent)
        return parent, row

    def move_node(self, node: Node, parent: Node | None, final_row: int) -> None:
        """Move ``node`` so it ends at ``final_row`` among ``parent``'s children."""
        old_parent = self._parents[id(node)]
        old_siblings = self._children(old_parent)
        old_row = next(i for i, n in enumerate(old_siblings) if n is node)
        new_siblings = self._children(parent)
        final_row = max(0, min(final_row, len(new_siblings) - (1 if old_parent is parent else 0)))
        if old_parent is parent and old_row == final_row:
            return
        qt_row = final_row + 1 if old_parent is parent and final_row > old_row else final_row
        moving = self.beginMoveRows(self.index_of(old_parent), old_row, old_row, self.index_of(parent), qt_row)
        del old_siblings[old_row]
        new_siblings.insert(final_row, node)
        self._rebuild()
        if moving:
            self.endMoveRows()
        self._renumbered(old_parent)
        if parent is not old_parent:
            self._renumbered(parent)

    def node_changed(self, node: Node) -> None:
        """Title or text of one node changed: repaint it and its ancestors (completion marks)."""
        current: Node | None = node
        while current is not None:
            index = self.index_of(current)
            self.dataChanged.emit(index, index)
            current = self._parents.get(id(current))

    def _renumbered(self, parent: Node | None) -> None:
        """Markers of every node below ``parent`` may have changed; repaint them."""

        def emit(nodes: list[Node], parent_index: QModelIndex) -> None:
            if not nodes:
                return
            self.dataChanged.emit(self.index(0, 0, parent_index), self.index(len(nodes) - 1, 0, parent_index))
            for row, child in enumerate(nodes):
                emit(child.children, self.index(row, 0, parent_index))

        emit(self._children(parent), self.index_of(parent))
        if parent is not None:
            self.node_changed(parent)
