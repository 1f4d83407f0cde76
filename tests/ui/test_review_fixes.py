"""Defects found in review of the desktop program, each pinned by the test that exposed it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from tests.ui.test_main_window import select, stored
from ui.main_window import MainWindow


def test_undo_of_a_drag_keeps_the_text_typed_before_it(example_window: MainWindow) -> None:
    window = example_window
    session, model = window.session, window.session.tree
    select(window, 2)
    node = window.current_node()
    window.node_form.edt_body.setPlainText("挪动前写的。")
    assert model.dropMimeData(model.mimeData([model.index(2, 0)]), Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    window.actions_.undo.trigger()  # undoes the move only
    assert model.index_of(node).row() == 2
    assert node.text == "挪动前写的。"
    assert stored(window).find(node.id).text == "挪动前写的。"
    assert session.undo_stack.undoText() == f"编辑“{node.title[:12]}”"
