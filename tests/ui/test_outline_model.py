"""The outline model (ui/outline_model.py): Qt's model checks, live numbering, and moves through the MIME path."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from models.report import POINT, SECTION
from ui.outline_model import MIME_TYPE, NODE_ID_ROLE, UNIT_ROLE
from ui.window.main_window import MainWindow


def titles(model, parent: QModelIndex = QModelIndex()) -> list[str]:  # noqa: B008
    return [model.index(row, 0, parent).data() for row in range(model.rowCount(parent))]


def test_model_passes_qt_model_tester(qtmodeltester, example_window: MainWindow) -> None:
    qtmodeltester.check(example_window.session.outline, force_py=True)


def test_numbering_is_shown_live(example_window: MainWindow) -> None:
    model = example_window.session.outline
    top = titles(model)
    assert top[0].startswith("2024年，某市某区示范局")  # the preamble paragraph carries no number
    assert top[1] == "一、2024年推进法治政府建设的主要举措和成效"
    assert top[2] == "二、党政主要负责人履行推进法治建设第一责任人职责情况"
    measures = model.index(1, 0)
    first_item = model.index(0, 0, measures)
    assert first_item.data().startswith("（一）坚持学用结合")
    assert model.index(1, 0, first_item).data() == "二是抓好全员培训。"


def _drop(model, source: QModelIndex, row: int, parent: QModelIndex) -> bool:
    mime = model.mimeData([source])
    assert mime.hasFormat(MIME_TYPE)
    assert model.canDropMimeData(mime, Qt.DropAction.MoveAction, row, 0, parent)
    return model.dropMimeData(mime, Qt.DropAction.MoveAction, row, 0, parent)


def test_drop_reorders_siblings_renumbers_and_is_stored(example_window: MainWindow) -> None:
    session, model = example_window.session, example_window.session.outline
    plans = model.index(4, 0)
    assert titles(model, plans) == ["一是深化学习培训。", "二是提升执法规范化水平。", "三是推进数字法治建设。"]
    assert _drop(model, model.index(2, 0, plans), 0, plans)
    assert titles(model, plans) == ["一是推进数字法治建设。", "二是深化学习培训。", "三是提升执法规范化水平。"]
    stored = session.library.load_report(session.report_id)
    assert [n.title for n in stored.body[4].children] == [
        "推进数字法治建设。",
        "深化学习培训。",
        "提升执法规范化水平。",
    ]
    session.undo_stack.undo()
    assert titles(model, plans)[0] == "一是深化学习培训。"


def test_drop_moves_between_levels(example_window: MainWindow) -> None:
    session, model = example_window.session, example_window.session.outline
    measures = model.index(1, 0)
    rules = model.index(2, 0, measures)  # （三）…制度体系, a second-level section
    rules_id = rules.data(NODE_ID_ROLE)
    before = model.rowCount()
    assert _drop(model, rules, 3, QModelIndex())  # onto the top level, before 三、
    assert model.rowCount() == before + 1
    moved = model.index(3, 0)
    assert moved.data(NODE_ID_ROLE) == rules_id
    assert moved.data().startswith("三、坚持规范管理")  # now numbered as a first-level heading
    assert model.index(4, 0).data().startswith("四、存在的不足和原因")
    assert model.index(2, 0, measures).data().startswith("（三）坚持依法决策")
    stored = session.library.load_report(session.report_id)
    assert stored.body[3].id == rules_id
    assert stored.body[3].kind == SECTION


def test_drop_onto_a_point_or_into_itself_is_refused(example_window: MainWindow) -> None:
    model = example_window.session.outline
    measures = model.index(1, 0)
    point = model.index(0, 0, model.index(0, 0, measures))
    assert point.data(Qt.ItemDataRole.UserRole + 2) == POINT
    mime = model.mimeData([model.index(2, 0)])
    assert not model.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, point)
    own_child = model.index(0, 0, measures)
    assert not model.canDropMimeData(model.mimeData([measures]), Qt.DropAction.MoveAction, 0, 0, own_child)
    assert not model.dropMimeData(model.mimeData([measures]), Qt.DropAction.MoveAction, 0, 0, own_child)


def test_foreign_mime_data_is_ignored(example_window: MainWindow) -> None:
    from PySide6.QtCore import QMimeData

    model = example_window.session.outline
    mime = QMimeData()
    mime.setData(MIME_TYPE, b"not json")
    assert not model.canDropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())


def test_completion_marks_follow_text(example_window: MainWindow) -> None:
    session, model = example_window.session, example_window.session.outline
    other = session.request_add(SECTION, None)
    assert other is not None
    index = model.index_of(other)
    assert "尚未填写正文" in index.data(Qt.ItemDataRole.ToolTipRole)
    session.edit_node(other.id, text="有内容了。")
    assert "已有正文" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_a_part_shows_its_unit_as_a_badge_and_in_its_tooltip(example_window: MainWindow) -> None:
    session, model = example_window.session, example_window.session.outline
    section = session.report.body[1]
    assert session.request_assign([section.id], "执法科", "2025-01-20")
    index = model.index_of(section)
    assert index.data(UNIT_ROLE) == "执法科"
    assert index.data(Qt.ItemDataRole.ToolTipRole).endswith("分工：执法科，2025-01-20 前交回")
    assert index.data() == "一、2024年推进法治政府建设的主要举措和成效"  # the name itself is unchanged
    session.undo()
    assert index.data(UNIT_ROLE) == ""
    assert "分工" not in index.data(Qt.ItemDataRole.ToolTipRole)


def test_the_badge_is_drawn_at_the_rows_right_edge_and_the_heading_is_shortened_first(
    example_window: MainWindow,
) -> None:
    """A long heading is elided before the badge: the 科室 stays readable in a narrow tree."""
    from PySide6.QtGui import QColor

    from ui.unit_badge import BADGE_FILL

    session, view = example_window.session, example_window.tree_view
    section = session.report.body[1]
    index = session.outline.index_of(section)
    view.resize(260, view.height())
    view.clearSelection()
    view.setCurrentIndex(session.outline.index_of(session.report.body[0]))

    def badge_pixels() -> int:
        rect = view.visualRect(index)
        image = view.viewport().grab(rect).toImage()
        right = [QColor(image.pixel(x, image.height() // 2)) for x in range(image.width() - 30, image.width())]
        return sum(1 for colour in right if colour == BADGE_FILL)

    assert badge_pixels() == 0
    session.request_assign([section.id], "执法科", "")
    assert badge_pixels() > 0
