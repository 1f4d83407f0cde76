"""升一级 / 降一级 (Alt+Left / Alt+Right): the keyboard's way to move a part to another level,
which the mouse does by dragging. Both are one undoable 移动 through the session."""

from __future__ import annotations

from PySide6.QtCore import QObject

from models.report import SECTION
from ui.session import Session
from ui.window.port import WindowPort


class LevelMoves(QObject):
    def __init__(self, window: WindowPort, session: Session) -> None:
        super().__init__(window.widget())
        self.window = window
        self.session = session

    def outdent_current(self) -> None:
        """Out of its section, just after it."""
        outline = self.session.outline
        node = self.window.current_node()
        parent = outline.parent_node(node) if node is not None else None
        if node is None or node.id is None or parent is None:
            return
        grandparent = outline.parent_node(parent)
        row = outline.index_of(parent).row() + 1
        if self.session.request_move([node.id], grandparent.id if grandparent else None, row):
            self.window.select_node(node)

    def indent_current(self) -> None:
        """Into the section just above it, as its last part."""
        outline = self.session.outline
        node = self.window.current_node()
        if node is None or node.id is None:
            return
        index = outline.index_of(node)
        above = outline.node(index.sibling(index.row() - 1, 0)) if index.row() > 0 else None
        if above is None or above.kind != SECTION or above.id is None:
            self.window.show_message(self.tr("上面没有可以放入的标题"))
            return
        if self.session.request_move([node.id], above.id, len(above.children)):
            self.window.select_node(node)
