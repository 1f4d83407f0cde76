"""Dragging in the section tree: the upper or lower part of a row reorders, only a heading's middle
nests; a clear line shows where the part goes and the status bar says it (ui/outline_view.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, QPoint, QPointF, Qt
from PySide6.QtGui import QDragLeaveEvent, QDragMoveEvent, QDropEvent

from tests.ui.test_outline_model import titles
from ui.outline_model import NODE_ID_ROLE
from ui.outline_view import LINE_WIDTH, DropPlace, drop_place
from ui.window.main_window import MainWindow

MOVE = Qt.DropAction.MoveAction
LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier


@pytest.mark.parametrize(
    ("offset", "can_nest", "place"),
    [
        (0, True, DropPlace.BEFORE),
        (5, True, DropPlace.BEFORE),  # Qt's own rule nests from 4 px on a 24 px row
        (8, True, DropPlace.BEFORE),
        (9, True, DropPlace.INTO),  # the middle third: 8 < offset < 16
        (12, True, DropPlace.INTO),
        (15, True, DropPlace.INTO),
        (16, True, DropPlace.AFTER),
        (19, True, DropPlace.AFTER),  # Qt's own rule nests up to 20 px
        (23, True, DropPlace.AFTER),
        (11, False, DropPlace.BEFORE),  # a point or paragraph takes nothing inside
        (12, False, DropPlace.AFTER),
    ],
)
def test_position_in_a_row_decides_the_drop(offset: int, can_nest: bool, place: DropPlace) -> None:
    assert drop_place(offset, 24, can_nest) is place


def _point(window: MainWindow, index: QModelIndex, share: float) -> QPoint:
    """A point ``share`` of the way down ``index``'s row, over its text."""
    rect = window.tree_view.visualRect(index)
    return QPoint(rect.left() + 20, rect.top() + int(rect.height() * share))


def _drag_over(window: MainWindow, source: QModelIndex, pos: QPoint) -> QDragMoveEvent:
    mime = window.session.outline.mimeData([source])
    event = QDragMoveEvent(QPointF(pos), MOVE, mime, LEFT, NONE)
    window.tree_view.dragMoveEvent(event)
    return event


def _drop(window: MainWindow, source: QModelIndex, pos: QPoint) -> QDropEvent:
    mime = window.session.outline.mimeData([source])
    event = QDropEvent(QPointF(pos), MOVE, mime, LEFT, NONE)
    window.tree_view.dropEvent(event)
    return event


def test_the_view_maps_positions_to_destinations(example_window: MainWindow) -> None:
    view, model = example_window.tree_view, example_window.session.outline
    preamble, measures, duties = model.index(0, 0), model.index(1, 0), model.index(2, 0)
    assert view.isExpanded(measures)
    above = view.target_at(_point(example_window, duties, 0.3))
    assert (above.place, QModelIndex(above.parent), above.row) == (DropPlace.BEFORE, QModelIndex(), 2)
    inside = view.target_at(_point(example_window, duties, 0.5))
    assert (inside.place, QModelIndex(inside.parent), inside.row) == (DropPlace.INTO, duties, model.rowCount(duties))
    below_open = view.target_at(_point(example_window, measures, 0.8))  # the line lies above its first part
    assert (below_open.place, QModelIndex(below_open.parent), below_open.row) == (DropPlace.AFTER, measures, 0)
    view.collapse(measures)
    below_shut = view.target_at(_point(example_window, measures, 0.8))
    assert (QModelIndex(below_shut.parent), below_shut.row) == (QModelIndex(), 2)
    middle_of_paragraph = view.target_at(_point(example_window, preamble, 0.55))
    assert (middle_of_paragraph.place, middle_of_paragraph.row) == (DropPlace.AFTER, 1)
    end = view.target_at(QPoint(20, view.viewport().height() - 2))
    assert (end.place, QModelIndex(end.parent), end.row) == (DropPlace.END, QModelIndex(), model.rowCount())


def test_a_drop_on_a_headings_upper_part_reorders_and_undoes(example_window: MainWindow) -> None:
    window = example_window
    session, model = window.session, window.session.outline
    measures, third = model.index(1, 0), model.index(3, 0)
    third_id, children_before = third.data(NODE_ID_ROLE), model.rowCount(measures)
    event = _drop(window, third, _point(window, measures, 0.3))  # Qt's rule would nest it in 一、
    assert event.isAccepted()
    assert model.index(1, 0).data(NODE_ID_ROLE) == third_id  # now 一、, a sibling before the old 一、
    assert titles(model)[1].startswith("一、")
    assert titles(model)[2] == "二、2024年推进法治政府建设的主要举措和成效"
    assert model.rowCount(model.index(2, 0)) == children_before
    assert session.library.load_report(session.report_id).body[1].id == third_id
    assert session.undo_stack.undoText() == "移动"
    window.actions_.undo.trigger()
    assert model.index(3, 0).data(NODE_ID_ROLE) == third_id


def test_a_drop_on_a_headings_middle_nests_it_as_the_last_part(example_window: MainWindow) -> None:
    window = example_window
    model = window.session.outline
    duties, third = model.index(2, 0), model.index(3, 0)
    duties_id, third_id, children = duties.data(NODE_ID_ROLE), third.data(NODE_ID_ROLE), model.rowCount(duties)
    assert _drop(window, third, _point(window, duties, 0.5)).isAccepted()
    duties = model.index_of_id(duties_id)
    assert model.rowCount(duties) == children + 1
    assert model.index(children, 0, duties).data(NODE_ID_ROLE) == third_id


def test_dragging_shows_a_line_and_says_what_the_drop_will_do(example_window: MainWindow) -> None:
    window = example_window
    view, model = window.tree_view, window.session.outline
    duties, third = model.index(2, 0), model.index(3, 0)
    assert _drag_over(window, third, _point(window, duties, 0.25)).isAccepted()
    target = view.drop_indicator()
    assert target is not None
    assert target.place is DropPlace.BEFORE
    line = view.indicator_rect(target)
    assert line.height() == LINE_WIDTH
    assert abs(line.center().y() - view.visualRect(duties).top()) <= 1
    pixel = view.viewport().grab().toImage().pixelColor(line.center().x(), line.center().y())
    assert pixel == view.palette().highlight().color()
    message = window.statusBar().currentMessage()
    assert message.startswith("松开鼠标：移到“二、")
    assert "之前" in message
    assert "拖到标题正中间可放进它之下" in message
    _drag_over(window, third, _point(window, duties, 0.5))
    assert window.statusBar().currentMessage().endswith("之下，作为它的最后一项")
    view.dragLeaveEvent(QDragLeaveEvent())
    assert view.drop_indicator() is None
    assert window.statusBar().currentMessage() == ""


def test_dragging_a_heading_into_its_own_part_is_refused_and_said(example_window: MainWindow) -> None:
    window = example_window
    model = window.session.outline
    measures = model.index(1, 0)
    own_part = model.index(0, 0, measures)
    assert not _drag_over(window, measures, _point(window, own_part, 0.5)).isAccepted()
    assert window.tree_view.drop_indicator() is None
    assert window.statusBar().currentMessage().startswith("不能移到这里")
    assert not _drop(window, measures, _point(window, own_part, 0.5)).isAccepted()
    assert model.index(1, 0) == measures


def test_dragging_something_else_over_the_tree_is_refused_and_said(example_window: MainWindow) -> None:
    window = example_window
    mime = QMimeData()
    mime.setText("一段文字")
    event = QDragMoveEvent(QPointF(_point(window, window.session.outline.index(2, 0), 0.3)), MOVE, mime, LEFT, NONE)
    window.tree_view.dragMoveEvent(event)
    assert not event.isAccepted()
    assert window.tree_view.drop_indicator() is None
    assert window.statusBar().currentMessage() == "不能移到这里：只能拖动本报告目录中的部分"
