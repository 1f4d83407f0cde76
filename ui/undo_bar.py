"""The bar under the section tree after a part the clerk wrote in was deleted: 「已删除“…”（含 N 字）」 [撤销].

Deleting asks nothing (the clerk deletes on purpose far more often than by mistake), but a part
with text (a heading's title counts: a titled part is content) must not vanish silently: the bar names it and what it held, and stays until the next
undoable step (or typing, which becomes one), so 撤销 always undoes this deletion and nothing else.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton

from models.report import Node
from models.text_chars import count_chars
from ui.session import NEW_NODE_TITLES, Session

NAME_CHARS = 16
BAR_COLOUR = "#fff4d6"


def tr(text: str) -> str:
    return QCoreApplication.translate("UndoBar", text)


def written_chars(node: Node) -> int:
    """字数 the clerk wrote in ``node`` and its sub-parts: a title left as a new part's is none."""
    return sum(
        count_chars(n.text)
        + count_chars(n.cells_text)
        + (count_chars(n.title) if n.title != NEW_NODE_TITLES.get(n.kind) else 0)
        for n in node.walk()
    )


def deleted_summary(name: str, node: Node) -> str:
    """「已删除“name”（含 N 字）」, naming the sub-parts that went with it."""
    chars = written_chars(node)
    parts = sum(1 for _ in node.walk()) - 1
    name = name if len(name) <= NAME_CHARS else name[:NAME_CHARS] + "…"
    held = (tr("含 %1 个下级部分，共 %2 字").replace("%1", str(parts)) if parts else tr("含 %2 字")).replace(
        "%2", str(chars)
    )
    return tr("已删除“%1”（%2）").replace("%2", held).replace("%1", name)


class UndoBar(QFrame):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self._index = -1  # the undo stack's index just after the deletion shown
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(BAR_COLOUR))
        self.setPalette(palette)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.btn_undo = QPushButton(self.tr("撤销"))
        self.btn_close = QToolButton()
        self.btn_close.setText("×")
        self.btn_close.setToolTip(self.tr("关闭提示（删除照旧可按 Ctrl+Z 撤销）"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.btn_undo)
        layout.addWidget(self.btn_close)
        self.btn_undo.clicked.connect(self.undo)
        self.btn_close.clicked.connect(self.dismiss)
        session.undo_stack.indexChanged.connect(self._stack_moved)
        session.report_opened.connect(self.dismiss)
        session.report_closed.connect(self.dismiss)
        self.hide()

    def show_deleted(self, summary: str) -> None:
        """Call right after the deletion was pushed on the undo stack."""
        self._index = self.session.undo_stack.index()
        self.label.setText(summary)
        self.btn_undo.setEnabled(True)
        self.show()

    def undo(self) -> None:
        """Undo the deletion shown, and nothing else: typing not yet an undo step is made one first,
        and when that (or anything) came after the deletion, nothing is undone and the bar says why."""
        deletion = self._index
        if not self.isVisible() or deletion < 0:
            self.dismiss()
            return
        self.session.commit_typing()
        stack = self.session.undo_stack
        if stack.index() == deletion:
            stack.undo()
            self.dismiss()
            return
        self.dismiss()
        self._index = stack.index()  # the next step closes the note
        self.label.setText(self.tr("删除之后又有了修改，这里不能只撤销那次删除；需要时可按 Ctrl+Z 逐步撤销。"))
        self.btn_undo.setEnabled(False)
        self.show()

    def dismiss(self, *_args: object) -> None:
        self._index = -1
        self.hide()

    def _stack_moved(self, index: int) -> None:
        if index != self._index:
            self.dismiss()
