"""升一级 / 降一级 (Alt+Left / Alt+Right): the keyboard's way to move a part to another level,
which the mouse does by dragging. Both are one undoable 移动 through the session."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from models.report import SECTION

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class LevelMoves(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        window.actions_.outdent.triggered.connect(self.outdent_current)
        window.actions_.indent.triggered.connect(self.indent_current)

    def outdent_current(self) -> None:
        """Out of its section, just after it."""
        window, outline = self.window, self.window.session.outline
        node = window.current_node()
        parent = outline.parent_node(node) if node is not None else None
        if node is None or node.id is None or parent is None:
            return
        grandparent = outline.parent_node(parent)
        row = outline.index_of(parent).row() + 1
        if window.session.request_move([node.id], grandparent.id if grandparent else None, row):
            window.select_node(node)

    def indent_current(self) -> None:
        """Into the section just above it, as its last part."""
        window, outline = self.window, self.window.session.outline
        node = window.current_node()
        if node is None or node.id is None:
            return
        index = outline.index_of(node)
        above = outline.node(index.sibling(index.row() - 1, 0)) if index.row() > 0 else None
        if above is None or above.kind != SECTION or above.id is None:
            window.statusBar().showMessage(self.tr("上面没有可以放入的标题"), 6000)
            return
        if window.session.request_move([node.id], above.id, len(above.children)):
            window.select_node(node)
