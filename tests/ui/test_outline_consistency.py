"""Random but repeatable sequences of what a clerk does to the outline (add, move, drag, change
level, delete, rename, type, undo, redo, save and restore versions, reopen): after every step
the in-memory tree, the editor and the library must agree."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QModelIndex, Qt

from models.report import PARAGRAPH, POINT, SECTION, Node
from ui.window.main_window import MainWindow

STEPS = 40
OPERATIONS = (
    "add",
    "shift",
    "indent",
    "outdent",
    "drop",
    "trash",
    "rename",
    "type",
    "title",
    "undo",
    "redo",
    "snapshot",
    "restore",
    "reopen",
)


def shape(nodes: list[Node]) -> list[tuple]:
    return [(n.id, n.kind, n.title, n.text, shape(n.children)) for n in nodes]


def assert_agree(window: MainWindow, step: str) -> None:
    session = window.session
    assert session.flush(), step
    assert shape(session.library.load_report(session.report_id).body) == shape(session.report.body), step
    node = window.node_form.node
    if window.editors.currentWidget() is window.node_form and node is not None:
        assert session.outline.index_of(node).isValid(), step
        assert window.node_form.edt_body.toPlainText() == node.text, step
        if node.kind != PARAGRAPH:
            assert window.node_form.edt_title.text() == node.title, step


def do(window: MainWindow, rng: random.Random, operation: str, step: int) -> None:
    session, model = window.session, window.session.outline
    nodes = list(session.report.walk())
    node = rng.choice(nodes)
    window.select_node(node)
    if operation == "add":
        window.tree_commands.add_node(rng.choice((SECTION, POINT, PARAGRAPH)), rng.choice((True, False, None)))
    elif operation == "shift":
        window.tree_commands.shift_current(rng.choice((-1, 1)))
    elif operation == "indent":
        window.levels.indent_current()
    elif operation == "outdent":
        window.levels.outdent_current()
    elif operation == "drop":
        target = rng.choice([n for n in nodes if n.kind == SECTION] + [None])
        parent = model.index_of(target) if target is not None else QModelIndex()
        row = rng.randint(-1, model.rowCount(parent))
        model.dropMimeData(model.mimeData([model.index_of(node)]), Qt.DropAction.MoveAction, row, 0, parent)
    elif operation == "trash" and len(nodes) > 10:
        window.tree_commands.trash_current()
    elif operation == "rename" and node.kind != PARAGRAPH:
        session.request_rename(node.id, f"改名{step}")
    elif operation == "type":
        window.node_form.edt_body.insertPlainText(f"第{step}步。")
    elif operation == "title" and node.kind != PARAGRAPH:
        window.node_form.edt_title.setText(f"标题{step}")
        window.node_form.edt_title.textEdited.emit(f"标题{step}")
    elif operation == "undo":
        window.actions_.undo.trigger()
    elif operation == "redo":
        window.actions_.redo.trigger()
    elif operation == "snapshot":
        session.create_revision(f"第{step}步")
    elif operation == "restore" and session.revisions():
        session.restore_revision(rng.choice(session.revisions()).id)
    elif operation == "reopen":
        report_id = session.report_id
        window.show_library()
        window.open_report(report_id)


@pytest.mark.parametrize("seed", range(6))
def test_tree_editor_and_library_agree_after_any_sequence(example_window: MainWindow, seed: int) -> None:
    window, rng = example_window, random.Random(seed)
    done = []
    for step in range(STEPS):
        operation = rng.choice(OPERATIONS)
        done.append(operation)
        do(window, rng, operation, step)
        assert_agree(window, " ".join(done))
    session = window.session
    steps = session.undo_stack.count()
    for index in range(steps):
        session.undo()
        assert_agree(window, f"{' '.join(done)} / undo {index + 1}")
    for index in range(steps):
        session.redo()
        assert_agree(window, f"{' '.join(done)} / redo {index + 1}")
