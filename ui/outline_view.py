"""The section tree's view: dragging a part reorders it unless it is dropped on a heading's middle.

Qt's own rule nests a part dropped anywhere on a heading's row except a thin strip at its edges,
so a clerk who means to reorder nests the part instead. Here the upper half of a row puts the
part before it and the lower half after it; only the middle third of a heading's row puts it
inside (as its last part). A thick line (or a frame, for "inside") shows where the part will
go, and ``drop_hint`` says it in words for the status bar. The move itself is the model's
``dropMimeData``: one undoable 移动 through the session.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QAbstractItemView, QTreeView

from ui.outline_model import OutlineModel
from ui.unit_badge import UnitBadgeDelegate

if TYPE_CHECKING:  # event types cost start-up time to set up; Qt hands them over at run time
    from PySide6.QtGui import QDragLeaveEvent, QDragMoveEvent, QDropEvent, QPaintEvent

NEST_BAND = 1 / 3  # the share of a heading's row, in its middle, that nests a dropped part
LINE_WIDTH = 3


class DropPlace(Enum):
    BEFORE = "before"
    AFTER = "after"
    INTO = "into"  # as the last part of the row's heading
    END = "end"  # below every row: last part of the report


def drop_place(offset: float, height: float, can_nest: bool) -> DropPlace:
    """Where a drop ``offset`` pixels below the top of a row ``height`` pixels tall goes."""
    middle = height / 2
    if can_nest and abs(offset - middle) < height * NEST_BAND / 2:
        return DropPlace.INTO
    return DropPlace.BEFORE if offset < middle else DropPlace.AFTER


class DropTarget:
    """A drop's destination as the model takes it: insert before ``row`` among ``parent``'s children."""

    __slots__ = ("anchor", "parent", "place", "row")

    def __init__(
        self, place: DropPlace, anchor: QPersistentModelIndex, parent: QPersistentModelIndex, row: int
    ) -> None:
        self.place = place
        self.anchor = anchor  # the row the pointer is on (invalid for END)
        self.parent = parent
        self.row = row


def drop_target(model: OutlineModel, index: QModelIndex, place: DropPlace, expanded: bool) -> DropTarget:
    """The destination of ``place`` on ``index``. Below an expanded heading the line is drawn
    above its first part, so that is where the part goes."""
    anchor = QPersistentModelIndex(index)
    if not index.isValid() or place is DropPlace.END:
        return DropTarget(DropPlace.END, QPersistentModelIndex(), QPersistentModelIndex(), model.rowCount())
    if place is DropPlace.INTO:
        return DropTarget(place, anchor, anchor, model.rowCount(index))
    if place is DropPlace.AFTER and expanded and model.rowCount(index) > 0:
        return DropTarget(place, anchor, anchor, 0)
    row = index.row() + (1 if place is DropPlace.AFTER else 0)
    return DropTarget(place, anchor, QPersistentModelIndex(index.parent()), row)


class OutlineView(QTreeView):
    drop_hint = Signal(str)  # what releasing the mouse here would do; "" when the drag ends

    def __init__(self, model: OutlineModel) -> None:
        super().__init__()
        self.setModel(model)
        self.outline = model
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(False)  # Qt's thin line follows Qt's rule; this view draws its own
        self.setItemDelegate(UnitBadgeDelegate(self))  # 分工: the 科室 at the row's right edge
        self._drop: DropTarget | None = None

    # --- where a drop goes ---

    def target_at(self, pos: QPoint) -> DropTarget:
        index = self.indexAt(pos)
        if not index.isValid():
            return drop_target(self.outline, index, DropPlace.END, False)
        rect = self.visualRect(index)
        can_nest = bool(self.outline.flags(index) & Qt.ItemFlag.ItemIsDropEnabled)
        place = drop_place(pos.y() - rect.top(), rect.height(), can_nest)
        return drop_target(self.outline, index, place, self.isExpanded(index))

    def _allowed(self, event: QDropEvent, target: DropTarget) -> bool:
        return self.outline.canDropMimeData(
            event.mimeData(), Qt.DropAction.MoveAction, target.row, 0, QModelIndex(target.parent)
        )

    def hint(self, target: DropTarget) -> str:
        if target.place is DropPlace.END:
            return self.tr("松开鼠标：移到全文最后")
        name = self.outline.data(QModelIndex(target.anchor))
        if target.place is DropPlace.INTO:
            return self.tr("松开鼠标：放进“{0}”之下，作为它的最后一项").replace("{0}", name)
        if target.parent == target.anchor:
            return self.tr("松开鼠标：放进“{0}”之下，作为它的第一项").replace("{0}", name)
        where = self.tr("之前") if target.place is DropPlace.BEFORE else self.tr("之后")
        text = self.tr("松开鼠标：移到“{0}”{1}").replace("{0}", name).replace("{1}", where)
        if self.outline.flags(QModelIndex(target.anchor)) & Qt.ItemFlag.ItemIsDropEnabled:
            text += self.tr("（拖到标题正中间可放进它之下）")
        return text

    # --- the drag ---

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        super().dragMoveEvent(event)  # scrolling near the edges
        target = self.target_at(event.position().toPoint())
        allowed = self._allowed(event, target)
        if allowed:
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
            self._show(target, self.hint(target))
            return
        event.ignore()
        if not self.outline.dropped_ids(event.mimeData()):  # a file, text, or another window's part
            self._show(None, self.tr("不能移到这里：只能拖动本报告目录中的部分"))
        else:
            self._show(None, self.tr("不能移到这里：标题不能放进它自己或它的下级"))

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        super().dragLeaveEvent(event)
        self._show(None, "")

    def dropEvent(self, event: QDropEvent) -> None:
        self.stopAutoScroll()
        self.setState(QAbstractItemView.State.NoState)
        target = self.target_at(event.position().toPoint())
        self._show(None, "")
        parent = QModelIndex(target.parent)
        if self.outline.dropMimeData(event.mimeData(), Qt.DropAction.MoveAction, target.row, 0, parent):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def drop_indicator(self) -> DropTarget | None:
        """The destination shown while dragging."""
        return self._drop

    def _show(self, target: DropTarget | None, hint: str) -> None:
        self._drop = target
        self.viewport().update()
        self.drop_hint.emit(hint)

    # --- drawing the indicator ---

    def indicator_rect(self, target: DropTarget) -> QRect:
        """A frame around the row (INTO), else the line's rectangle (its height is the pen's)."""
        right = self.viewport().width() - 1
        anchor = QModelIndex(target.anchor)
        if target.place is DropPlace.END:
            last = self._last_visible()
            y = self.visualRect(last).bottom() + 1 if last.isValid() else 0
            return QRect(0, y - LINE_WIDTH // 2, right, LINE_WIDTH)
        rect = self.visualRect(anchor)
        if target.place is DropPlace.INTO:
            return rect.adjusted(1, 0, 0, -1).intersected(QRect(0, rect.top(), right, rect.height()))
        left = rect.left() + (self.indentation() if target.parent == target.anchor else 0)
        y = rect.top() if target.place is DropPlace.BEFORE else rect.bottom() + 1
        return QRect(left, y - LINE_WIDTH // 2, right - left, LINE_WIDTH)

    def _last_visible(self) -> QModelIndex:
        index = self.outline.index(self.outline.rowCount() - 1, 0)
        while index.isValid() and self.isExpanded(index) and self.outline.rowCount(index) > 0:
            index = self.outline.index(self.outline.rowCount(index) - 1, 0, index)
        return index

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._drop is None:
            return
        rect = self.indicator_rect(self._drop)
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        color = self.palette().highlight().color()
        if self._drop.place is DropPlace.INTO:
            painter.setPen(QPen(color, 2))
            painter.drawRoundedRect(rect, 3, 3)
        else:
            painter.fillRect(rect, color)
            painter.setBrush(color)
            painter.setPen(Qt.PenStyle.NoPen)
            radius = LINE_WIDTH + 1
            painter.drawEllipse(rect.left(), rect.center().y() - radius, 2 * radius, 2 * radius)
        painter.end()
