"""The section tree's commands: add, rename, delete, move up/down, and selecting a node.

Each change goes through the session (one undo step, autosaved); this class only decides
where a new node goes and keeps the tree's selection and the editor's focus on the node
the clerk is working on. The tree's right-click menu carries the same actions, so their
shortcuts (Insert, F2, Delete, …) also work while the tree has the focus.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView

from models.report import PARAGRAPH, POINT, SECTION, TABLE, Node
from ui.actions import Actions
from ui.outline_view import OutlineView
from ui.session import Session
from ui.window.port import WindowPort

if TYPE_CHECKING:
    from ui.undo_bar import UndoBar


class TreeCommands(QObject):
    def __init__(
        self,
        window: WindowPort,
        session: Session,
        actions: Actions,
        tree_view: OutlineView,
        undo_bar: Callable[[], UndoBar],
    ) -> None:
        super().__init__(window.widget())
        self.window = window
        self.session = session
        self.tree_view = tree_view
        self.undo_bar = undo_bar  # built on first use (start-up time)
        self._build_context_menu(actions)
        self._connect(actions)
        tree_view.drop_hint.connect(self._show_drop_hint)

    def _build_context_menu(self, acts: Actions) -> None:
        for action in (
            acts.add_sibling,
            acts.add_child,
            acts.add_point,
            acts.add_paragraph,
            acts.add_table,
            None,
            acts.rename,
            acts.delete,
            None,
            acts.move_up,
            acts.move_down,
            acts.outdent,
            acts.indent,
            None,
            acts.assign,
        ):
            if action is None:
                action = QAction(self.tree_view)
                action.setSeparator(True)
            self.tree_view.addAction(action)
        self.tree_view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def _connect(self, acts: Actions) -> None:
        acts.add_sibling.triggered.connect(lambda: self.add_node(SECTION, sibling=True))
        acts.add_child.triggered.connect(lambda: self.add_node(SECTION, sibling=False))
        acts.add_point.triggered.connect(lambda: self.add_node(POINT, sibling=None))
        acts.add_paragraph.triggered.connect(lambda: self.add_node(PARAGRAPH, sibling=None))
        acts.add_table.triggered.connect(lambda: self.add_node(TABLE, sibling=None))
        acts.rename.triggered.connect(self.rename_current)
        acts.delete.triggered.connect(self.trash_current)
        acts.move_up.triggered.connect(lambda: self.shift_current(-1))
        acts.move_down.triggered.connect(lambda: self.shift_current(+1))

    def _show_drop_hint(self, text: str) -> None:
        """While dragging, the status bar says where the part would go (cleared when the drag ends)."""
        self.window.show_message(text, 0)

    def add_node(self, kind: str, sibling: bool | None) -> None:
        """sibling=True: after the current node; False: as its last child; None: child of a
        section, or after a point/paragraph."""
        node = self.current_node()
        outline = self.session.outline
        if node is None:
            parent, position = None, None
        elif sibling is True or (sibling is None and node.kind != SECTION):
            parent, position = outline.parent_node(node), outline.index_of(node).row() + 1
        else:
            parent, position = (node, None) if node.kind == SECTION else (outline.parent_node(node), None)
        added = self.session.request_add(kind, parent.id if parent else None, position)
        if added is not None:
            self.select_node(added)
            field, length = ("text", 0) if kind == PARAGRAPH else ("title", len(added.title))
            self.window.reveal(added.id, field, 0, length)  # the title selected, to type over

    def current_node(self) -> Node | None:
        return self.session.outline.node(self.tree_view.currentIndex())

    def select_node(self, node: Node) -> None:
        index = self.session.outline.index_of(node)
        self.tree_view.expand(index.parent())
        self.tree_view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def rename_current(self) -> None:
        index = self.tree_view.currentIndex()
        if index.isValid() and not self.session.read_only:
            self.tree_view.edit(index)

    def finish_rename(self) -> None:
        """A rename typed in the tree (F2) without Enter is kept, not dropped with the editor."""
        editor = self.tree_view.indexWidget(self.tree_view.currentIndex())
        if editor is not None and self.tree_view.state() == QAbstractItemView.State.EditingState:
            self.tree_view.commitData(editor)
            self.tree_view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def trash_current(self) -> None:
        node = self.current_node()
        if node is None or node.id is None:
            return
        from ui.undo_bar import deleted_summary, written_chars

        index = self.tree_view.currentIndex()
        name, had_text = self.session.outline.display_text(node), written_chars(node) > 0
        if self.session.request_trash(node.id):
            neighbour = self.session.outline.index(max(0, index.row() - 1), 0, index.parent())
            self.tree_view.setCurrentIndex(neighbour if neighbour.isValid() else index.parent())
            if had_text:  # text must not vanish unseen: a bar with 撤销 until the next step
                self.undo_bar().show_deleted(deleted_summary(name, node))
            else:
                self.window.show_message(self.tr("已删除，可按 Ctrl+Z 撤销"))

    def shift_current(self, delta: int) -> None:
        node = self.current_node()
        if node is not None and node.id is not None and self.session.request_shift(node.id, delta):
            self.select_node(node)
