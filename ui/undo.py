"""Undoable edits. Each command calls its :class:`EditTarget` (the session), which writes the
library first and then updates the in-memory outline; a command whose first run fails is made
obsolete so it never sits on the stack."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QUndoCommand

from models.report import Node, TableData

if TYPE_CHECKING:
    from models.ledger.values import Ledger


class EditTarget(Protocol):
    """What the commands change; each step returns False (and tells the clerk) on failure."""

    def position_of(self, node: Node) -> tuple[int | None, int]: ...
    def insert_new(self, node: Node, parent_id: int | None, position: int) -> bool: ...
    def restore_trashed(self, node: Node, parent_id: int | None, position: int) -> bool: ...
    def trash_existing(self, node: Node) -> bool: ...
    def move_existing(self, node: Node, parent_id: int | None, position: int) -> bool: ...
    def set_title(self, node: Node, title: str) -> bool: ...
    def set_text(self, node: Node, title: str, text: str) -> bool: ...
    def set_meta_field(self, name: str, value: str) -> bool: ...
    def set_assignment(self, node: Node, unit: str, due: str) -> bool: ...
    def set_table(self, node: Node, table: TableData) -> bool: ...
    def set_ledger(self, ledger: Ledger) -> bool: ...


class _SessionCommand(QUndoCommand):
    def __init__(self, session: EditTarget, text: str) -> None:
        super().__init__(text)
        self.session = session
        self.done_once = False

    def redo(self) -> None:
        ok = self.apply() if not self.done_once else self.reapply()
        if not self.done_once and not ok:
            self.setObsolete(True)
        self.done_once = True

    def apply(self) -> bool:
        raise NotImplementedError

    def reapply(self) -> bool:
        return self.apply()


class AddNodeCommand(_SessionCommand):
    """First run inserts the node into the library; undo trashes it; redo restores it."""

    def __init__(self, session: EditTarget, node: Node, parent_id: int | None, position: int, text: str) -> None:
        super().__init__(session, text)
        self.node, self.parent_id, self.position = node, parent_id, position

    def apply(self) -> bool:
        return self.session.insert_new(self.node, self.parent_id, self.position)

    def reapply(self) -> bool:
        return self.session.restore_trashed(self.node, self.parent_id, self.position)

    def undo(self) -> None:
        self.session.trash_existing(self.node)


class TrashNodeCommand(_SessionCommand):
    def __init__(self, session: EditTarget, node: Node) -> None:
        super().__init__(session, f"删除“{(node.title or node.text)[:12]}”")
        self.node = node
        self.parent_id, self.position = session.position_of(node)

    def apply(self) -> bool:
        return self.session.trash_existing(self.node)

    def undo(self) -> None:
        self.session.restore_trashed(self.node, self.parent_id, self.position)


class MoveNodeCommand(_SessionCommand):
    """Move to ``position`` as the final index among the new parent's children."""

    def __init__(self, session: EditTarget, node: Node, parent_id: int | None, position: int) -> None:
        super().__init__(session, f"移动“{(node.title or node.text)[:12]}”")
        self.node, self.parent_id, self.position = node, parent_id, position
        self.old_parent_id, self.old_position = session.position_of(node)

    def apply(self) -> bool:
        return self.session.move_existing(self.node, self.parent_id, self.position)

    def undo(self) -> None:
        self.session.move_existing(self.node, self.old_parent_id, self.old_position)


class RenameCommand(_SessionCommand):
    def __init__(self, session: EditTarget, node: Node, title: str) -> None:
        super().__init__(session, f"改标题为“{title[:12]}”")
        self.node, self.new_title, self.old_title = node, title, node.title

    def apply(self) -> bool:
        return self.session.set_title(self.node, self.new_title)

    def undo(self) -> None:
        self.session.set_title(self.node, self.old_title)


class EditTextCommand(_SessionCommand):
    """Typing in one node, as one step: pushed when the clerk leaves the node (already applied)."""

    def __init__(self, session: EditTarget, node: Node, old: tuple[str, str], new: tuple[str, str]) -> None:
        super().__init__(session, f"编辑“{(new[0] or new[1])[:12]}”")
        self.node, self.old, self.new = node, old, new

    def apply(self) -> bool:
        return True  # the text is already in the node and the library

    def reapply(self) -> bool:
        return self.session.set_text(self.node, *self.new)

    def undo(self) -> None:
        self.session.set_text(self.node, *self.old)


class ReplaceTextCommand(EditTextCommand):
    """A text change made for the clerk (a 体检 fix): applied when pushed, unlike typing."""

    def apply(self) -> bool:
        return self.session.set_text(self.node, *self.new)


class MetaFieldCommand(_SessionCommand):
    """One metadata field set to a new value (a 体检 fix in 报告信息)."""

    def __init__(self, session: EditTarget, name: str, old: str, new: str, text: str) -> None:
        super().__init__(session, text)
        self.name, self.old, self.new = name, old, new

    def apply(self) -> bool:
        return self.session.set_meta_field(self.name, self.new)

    def undo(self) -> None:
        self.session.set_meta_field(self.name, self.old)


class AssignCommand(_SessionCommand):
    """分工: the 科室 and due date of one part."""

    def __init__(self, session: EditTarget, node: Node, unit: str, due: str, text: str) -> None:
        super().__init__(session, text)
        self.node, self.new, self.old = node, (unit, due), (node.unit, node.due)

    def apply(self) -> bool:
        return self.session.set_assignment(self.node, *self.new)

    def undo(self) -> None:
        self.session.set_assignment(self.node, *self.old)


class EditTableCommand(_SessionCommand):
    """One change of a table's cells (a cell typed, a row or column added or removed, a paste)."""

    def __init__(self, session: EditTarget, node: Node, old: TableData, new: TableData, text: str) -> None:
        super().__init__(session, text)
        self.node, self.old, self.new = node, old.copy(), new.copy()

    def apply(self) -> bool:
        return self.session.set_table(self.node, self.new)

    def undo(self) -> None:
        self.session.set_table(self.node, self.old)


class LedgerCommand(_SessionCommand):
    """The 数据台账 replaced by a checked copy (models.ledger.editing); sentences citing its figures
    show the new ones, and undo brings the old figures back into them."""

    def __init__(self, session: EditTarget, old: Ledger, new: Ledger, text: str) -> None:
        super().__init__(session, text)
        self.old, self.new = old, new

    def apply(self) -> bool:
        return self.session.set_ledger(self.new)

    def undo(self) -> None:
        self.session.set_ledger(self.old)
