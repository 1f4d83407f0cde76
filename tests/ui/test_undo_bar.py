"""Deleting a part the clerk wrote in shows 「已删除“…”（含 N 字）」 [撤销] until the next step;
deleting an untouched new part only says so in the status bar (ui/undo_bar.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from models.report import SECTION
from models.text_chars import count_chars
from tests.ui.test_main_window import select, stored
from ui.window.main_window import MainWindow


def _delete(window: MainWindow, *rows: int) -> None:
    select(window, *rows)
    window.tree_view.setFocus()
    window.actions_.delete.trigger()


def test_deleting_a_part_with_text_shows_an_undo_bar_until_the_next_step(example_window: MainWindow) -> None:
    window = example_window
    bar = window.undo_bar
    assert bar.isHidden()
    shortcomings = window.session.report.body[3]  # 三、存在的不足和原因, with its two points
    expected = sum(count_chars(n.title) + count_chars(n.text) for n in shortcomings.walk())
    assert expected > 0
    _delete(window, 3)
    assert bar.isVisible()
    assert bar.label.text() == f"已删除“三、存在的不足和原因”（含 2 个下级部分，共 {expected} 字）"
    assert all(n.id != shortcomings.id for n in stored(window).body)
    select(window, 1)  # looking around is not a step: the bar stays
    select(window, 0)
    assert bar.isVisible()
    window.actions_.add_sibling.trigger()  # the next step
    assert bar.isHidden()


def test_the_bars_undo_brings_the_part_back(example_window: MainWindow) -> None:
    window = example_window
    model, bar = window.session.outline, window.undo_bar
    title = model.index(3, 0).data()
    _delete(window, 3)
    QTest.mouseClick(bar.btn_undo, Qt.MouseButton.LeftButton)
    assert bar.isHidden()
    assert model.index(3, 0).data() == title
    assert stored(window).body[3].title == "存在的不足和原因"
    assert len(stored(window).body[3].children) == 2


def test_typing_closes_the_bar_so_its_undo_never_undoes_the_typing(example_window: MainWindow) -> None:
    window = example_window
    bar = window.undo_bar
    _delete(window, 3)
    assert bar.isVisible()
    select(window, 2)
    QTest.keyClicks(window.node_form.edt_title, "X")  # ASCII only: non-ASCII keyClicks aborts Qt
    assert bar.isHidden()
    typed = window.session.outline.index(2, 0).data()
    assert typed.endswith("X")
    bar.undo()  # a late click on a closed bar undoes nothing: neither the typing nor the deletion
    assert window.session.outline.index(2, 0).data() == typed
    assert all(n.title != "存在的不足和原因" for n in stored(window).body)


def test_undo_and_a_new_deletion_replace_the_bar(example_window: MainWindow) -> None:
    window = example_window
    bar = window.undo_bar
    _delete(window, 3)
    window.actions_.undo.trigger()
    assert bar.isHidden()
    _delete(window, 2)
    assert bar.label.text().startswith("已删除“二、党政主要负责人")
    _delete(window, 2)
    assert bar.label.text().startswith("已删除“二、")
    assert "党政主要负责人" not in bar.label.text()


def test_deleting_an_empty_new_part_shows_no_bar(example_window: MainWindow) -> None:
    window = example_window
    session, model, bar = window.session, window.session.outline, window.undo_bar
    rows = model.rowCount()
    added = session.request_add(SECTION, None)  # 「新标题」, nothing written in it
    assert added is not None
    _delete(window, rows)
    assert model.rowCount() == rows
    assert bar.isHidden()
    assert window.statusBar().currentMessage() == "已删除，可按 Ctrl+Z 撤销"


def test_typing_the_bar_did_not_see_is_never_what_its_undo_undoes(example_window: MainWindow) -> None:
    """Typing reaches the session without the form's signal (not yet an undo step): 撤销 makes it one
    and then undoes neither it nor the deletion behind it, and says so."""
    window = example_window
    session, bar = window.session, window.undo_bar
    _delete(window, 3)
    select(window, 2)
    node = session.report.body[2]
    session.edit_node(node.id, title=node.title + "X")  # pending typing, the bar still shown
    assert bar.isVisible()
    bar.undo()
    assert window.session.outline.index(2, 0).data().endswith("X")
    assert stored(window).body[2].title.endswith("X")
    assert all(n.title != "存在的不足和原因" for n in stored(window).body)
    assert bar.isVisible()
    assert not bar.btn_undo.isEnabled()
    assert "不能只撤销那次删除" in bar.label.text()
    window.actions_.undo.trigger()  # Ctrl+Z still works step by step: the typing first
    assert not window.session.outline.index(2, 0).data().endswith("X")
    assert bar.isHidden()
