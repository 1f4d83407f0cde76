"""The session: owns the open library, the report being edited, the undo stack and autosave.

Text edits land in the in-memory report at once and reach the database ~0.8 s after the
last keystroke (and on node switch, focus change and close, via :meth:`flush`). Tree edits
are QUndoCommands (ui.undo) that call the ``*_existing`` / ``insert_new`` methods here:
each writes the library first, then changes the in-memory tree through the model.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from models.errors import LibraryError, NianbaoError, ReadOnlyLibraryError
from models.fileio import os_error_reason
from models.paths import backup_dir, resource_dir
from models.report import PARAGRAPH, POINT, SECTION, TABLE, Node, Report, TableData
from models.store import Library, RevisionInfo
from models.text_chars import count_chars
from ui.auto_revision import AutoRevisions
from ui.outline_model import OutlineModel
from ui.settings import AppSettings, save_settings
from ui.undo import (
    AddNodeCommand,
    AssignCommand,
    EditTableCommand,
    EditTextCommand,
    LedgerCommand,
    MetaFieldCommand,
    MoveNodeCommand,
    RenameCommand,
    ReplaceTextCommand,
    TrashNodeCommand,
)

if TYPE_CHECKING:
    from models.ledger.editing import LedgerChanges
    from models.ledger.sheet import Problem, Sheet
    from models.ledger.values import Ledger
    from models.roundtrip.records import Note
    from models.store.backups import RestoreResult

log = logging.getLogger(__name__)

AUTOSAVE_DELAY_MS = 800
EXAMPLE_REPORT = "examples/example-report.json"
LAST_PART_SETTING = "last_part"  # per report, in the library: it travels with the report's library


def example_report() -> Report:
    """The built-in example (fictional issuer), for a first look at an empty library."""
    from models.interchange import read_file  # with the ledger and notes it reads: not at start

    return read_file(resource_dir() / EXAMPLE_REPORT)[0]


NEW_NODE_TITLES = {SECTION: "新标题", POINT: "新要点。", PARAGRAPH: "", TABLE: ""}
NEW_TABLE_SIZE = (3, 3)  # rows, columns of an inserted table


class FieldChange(Protocol):
    """One field's new value (models.checks.FieldChange, not imported at start-up)."""

    @property
    def node_id(self) -> int | None: ...
    @property
    def field(self) -> str: ...
    @property
    def old(self) -> str: ...
    @property
    def new(self) -> str: ...


class Session(QObject):
    report_opened = Signal()
    report_closed = Signal()
    saved = Signal(str)  # HH:MM:SS of the last successful write
    node_replaced = Signal(int)  # a node's title/text changed by undo/redo/rename, not by typing
    failed = Signal(str)  # a message for the clerk
    meta_replaced = Signal()  # metadata changed by undo/redo of a fix, not by typing in the form
    revision_created = Signal(int)  # any revision made through the session (manual, export, automatic)
    assignment_changed = Signal(int)  # 分工 of a part set, cleared, undone or redone
    edited = Signal()  # add, delete, move, rename, fixes, and their undo/redo (not typing)
    ledger_replaced = Signal()  # the 数据台账 changed (an edit, its undo or redo)
    library_lost = Signal()  # the library could not be reopened and the clerk chose not to: the program ends

    def __init__(
        self, library: Library, settings: AppSettings, read_only: bool = False, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.settings = settings
        self.read_only = read_only or library.read_only
        self.report: Report | None = None
        self.undo_stack = QUndoStack(self)
        self.outline = OutlineModel(self)
        self.outline.read_only = self.read_only
        self.outline.move_handler = self.request_move
        self.outline.rename_handler = self.request_rename
        self.outline.library_tag = str(library.path)
        for reshaped in (self.outline.rowsInserted, self.outline.rowsRemoved, self.outline.rowsMoved):
            reshaped.connect(self._reshaped)
        self.node_replaced.connect(self._reshaped)
        self.meta_replaced.connect(self._reshaped)
        self.ledger_replaced.connect(self._reshaped)  # the data. checks compare with the ledger
        self._sheet: tuple[Ledger, str, Sheet | None] | None = None  # the ledger laid out, for references
        self._pending_nodes: dict[int, dict[str, str]] = {}
        self._pending_meta: dict[str, Any] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self.last_saved = ""
        self._watched: tuple[Node, str, str] | None = None  # node in the editor, as it was when shown
        self._last_part: int | None = None  # the part last shown in the editor, reopened there next time
        self._stored_part: int | None = None  # what the library holds for it: written only when it differs
        self.auto_revisions = AutoRevisions(self, self)

    def _reshaped(self, *_args: object) -> None:
        self.edited.emit()

    # --- opening and closing ---

    @property
    def report_id(self) -> int | None:
        return self.report.id if self.report is not None else None

    def open_report(self, report_id: int) -> bool:
        if not self._flushed_before_leaving():
            return False
        try:
            report = self.library.load_report(report_id)
        except NianbaoError as exc:
            self.failed.emit(str(exc))
            return False
        self._remember_part()
        self._watched = None
        self.undo_stack.clear()
        self.report = report
        stored = self.report_setting(LAST_PART_SETTING)
        self._stored_part = self._last_part = stored if isinstance(stored, int) else None
        self.outline.set_report(report)
        self._remember(report_id)
        self.report_opened.emit()
        return True

    def _remember(self, report_id: int) -> None:
        """Recent reports and the one to reopen; the file is not rewritten when they are unchanged
        (reopening the last report at start)."""
        before = (self.settings.last_report, list(self.settings.recent_reports))
        self.settings.remember_report(report_id)
        if (self.settings.last_report, self.settings.recent_reports) != before:
            save_settings(self.settings)

    def new_report_defaults(self) -> tuple[str, int | None]:
        """Issuer of the most recent report and the year after the latest one (else none)."""
        summaries = self.library.list_reports()
        if not summaries:
            return "", None
        return summaries[0].issuer, max(s.year for s in summaries) + 1

    def close_report(self) -> bool:
        """False (the report stays open) while an edit cannot be written: it lives only here."""
        self.commit_typing()
        if not self._flushed_before_leaving():
            return False
        self._remember_part()
        self._watched = None
        self.undo_stack.clear()
        self.report = None
        self.outline.set_report(None)
        self.report_closed.emit()
        return True

    def _flushed_before_leaving(self) -> bool:
        if self.flush():
            return True
        self.failed.emit("有修改没能保存到资料库，为免丢失，当前报告先不关闭。请稍后再试。")
        return False

    def restore_whole_backup(self, backup: Path) -> RestoreResult:
        """Put a whole backup in the library's place (models.store.backups.restore_backup) and reopen.

        The open report is saved and closed and the library released first, since the restore takes
        the library's lock; refused or failed, the library is reopened as it was and the error raised."""
        from models.store.backups import restore_backup

        if self.read_only:
            raise ReadOnlyLibraryError("资料库以只读方式打开（另一个程序正在使用它），不能恢复备份。")
        if not self.close_report():
            raise LibraryError("有修改没能保存到资料库，为免丢失，没有恢复备份。请稍后再试。")
        path = self.library.path
        self.library.close()
        try:
            return restore_backup(path, backup)
        finally:  # reopening never raises: the restore's own result or error is what the caller sees
            self._reopen(path)  # the restored library, or the old one put back

    def _reopen(self, path: Path) -> None:
        """Open the library again after it was released; when it cannot be opened (its lock taken
        meanwhile, damaged, newer), the clerk gets what the start offers: read-only, 从备份恢复, or
        the program ends (library_lost) rather than working on a closed library."""
        try:
            self.library = Library(path)
            return
        except NianbaoError as exc:
            log.warning("library not reopened after a restore: %s", exc)
        from ui.library_open import open_library

        opened = open_library(path)
        if opened is None:
            self.library_lost.emit()
            return
        self.library, read_only = opened
        self.read_only = self.outline.read_only = read_only

    def shutdown(self) -> str | None:
        """Final flush, the day's backup, and release of the library (window close).

        Returns what the clerk must be told when the day's backup failed, else None."""
        if not self.library.is_open:  # lost (not reopened after a restore): nothing to save or back up
            return None
        self.flush()
        self._remember_part()
        save_settings(self.settings)
        failure = self._daily_backup()
        self.library.close()
        return failure

    def _daily_backup(self) -> str | None:
        """A copy of the library in backups/ on the first close of each day (the newest 10 kept);
        a failure is tried again at the next close and described for the clerk."""
        if self.read_only:
            return None
        today = date.today().isoformat()
        try:
            if self.library.get_setting("last_backup") != today:
                self.library.backup()
                self.library.set_setting("last_backup", today)
        except NianbaoError as exc:
            reason = str(exc)
        except OSError as exc:  # a file error not already worded by the library (defensive)
            reason = os_error_reason(exc)
        else:
            return None
        log.warning("backup on close failed: %s", reason)
        return (
            f"关闭时的每日备份没有成功：{reason}\n\n备份文件夹：{backup_dir(self.library.path)}\n\n"
            "你写的内容都已保存在资料库中，不受影响。下次关闭程序时会再试，"
            "也可以用「文件 › 备份资料库」立即再备份一次。"
        )

    # --- text edits (autosaved, not on the undo stack: the editors undo typing themselves) ---

    def edit_node(self, node_id: int, *, title: str | None = None, text: str | None = None) -> None:
        if self.read_only or self.report is None:
            return
        node = self.report.find(node_id)
        was_filled = bool(node.text.strip())
        pending = self._pending_nodes.setdefault(node_id, {})
        if title is not None and title != node.title:
            node.title = pending["title"] = title
            self.outline.node_changed(node)
        if text is not None and text != node.text:
            node.text = pending["text"] = text
            if was_filled != bool(text.strip()):
                self.outline.node_changed(node)
        self._timer.start()

    def edit_meta(self, **fields: Any) -> None:
        if self.read_only or self.report is None:
            return
        for name, value in fields.items():
            setattr(self.report.meta, name, value)
        self._pending_meta.update(fields)
        self._timer.start()

    def watch_node(self, node: Node | None) -> None:
        """The node now shown in the editor. Typing in it becomes one undoable step when the
        clerk leaves it or does any other undoable edit."""
        self.commit_typing()
        self._watched = (node, node.title, node.text) if node is not None else None
        if node is not None and node.id is not None:
            self._last_part = node.id

    @property
    def last_part(self) -> int | None:
        """The id of the part to show when the report opens: the one last shown in the editor."""
        return self._last_part

    def _remember_part(self) -> None:
        """Written on leaving the report (not on every click: the write loads sqlite-utils,
        which reopening the last report at start does without)."""
        if self.report is not None and self._last_part != self._stored_part:
            self.set_report_setting(LAST_PART_SETTING, self._last_part)
            self._stored_part = self._last_part

    def commit_typing(self) -> None:
        if self._watched is None or self.read_only:
            return
        node, title, text = self._watched
        if (node.title, node.text) == (title, text) or node.id is None:
            return
        self._watched = (node, node.title, node.text)
        self.flush()
        self.undo_stack.push(EditTextCommand(self, node, (title, text), (node.title, node.text)))

    def undo(self) -> None:
        self.commit_typing()
        self.undo_stack.undo()

    def redo(self) -> None:
        self.commit_typing()
        self.undo_stack.redo()

    def has_pending(self) -> bool:
        return bool(self._pending_nodes or self._pending_meta)

    def flush(self) -> bool:
        """Write every pending edit now. On failure the edits stay pending and the clerk is told."""
        self._timer.stop()
        if not self.has_pending() or self.report is None:
            return True
        try:
            for node_id in list(self._pending_nodes):
                self.library.update_node(node_id, **self._pending_nodes[node_id])
                del self._pending_nodes[node_id]
            if self._pending_meta:
                self.library.update_meta(self.report.id, **self._pending_meta)
                self._pending_meta.clear()
        except NianbaoError as exc:
            log.error("autosave failed: %s", exc)
            self.failed.emit(f"自动保存失败：{exc}")
            self._timer.start()
            return False
        self.last_saved = datetime.now().strftime("%H:%M:%S")
        self.saved.emit(self.last_saved)
        return True

    # --- word counts ---

    def report_chars(self) -> int:
        if self.report is None:
            return 0
        return sum(
            count_chars(self.shown_text(n.title))
            + count_chars(self.shown_text(n.text))
            + (sum(count_chars(cell) for cell in n.table.cell_texts()) if n.table else 0)
            for n in self.report.walk()
        )

    # --- the 数据台账 and the figures the text cites from it ---

    def sheet(self) -> Sheet | None:
        """The open report's ledger laid out (derived figures, problems); built again only after a
        change of the ledger or the issuer. None for a kind of ledger this program does not know."""
        if self.report is None:
            return None
        ledger, issuer = self.report.ledger, self.report.meta.issuer
        if self._sheet is None or self._sheet[0] is not ledger or self._sheet[1] != issuer:
            from models.ledger.refs import report_sheet

            self._sheet = (ledger, issuer, report_sheet(self.report))
        return self._sheet[2]

    def shown_value(self, key: str, column: str) -> str:
        """What a reference to ``key`` prints: the figure with its unit, or 【待填：名称】."""
        from models.ledger.refs import shown_value

        return shown_value(self.sheet(), key, column)

    def shown_text(self, text: str) -> str:
        """``text`` as printed: ledger references replaced by their figures (字数 counts these)."""
        if "{{ledger:" not in text:
            return text
        from models.ledger.refs import resolve_text

        return resolve_text(text, self.sheet())

    def change_ledger(self, changes: LedgerChanges, label: str) -> list[Problem]:
        """Apply ``changes`` as one undo step; the remaining soft problems are returned.

        Raises ``models.ledger.editing.LedgerEditError`` (a Chinese message) for a bad value or a new
        contradiction: then nothing changes."""
        from models.ledger.editing import apply_changes

        if self.read_only or self.report is None:
            return []
        old = self.report.ledger
        new, warnings = apply_changes(old, self.report.meta.issuer, changes)
        self.commit_typing()
        self.flush()
        self.undo_stack.push(LedgerCommand(self, old, new, label))
        return warnings

    def set_ledger(self, ledger: Ledger) -> bool:
        """The library first, then the open report; the ledger page and cited figures follow."""
        if self.report is None or self.read_only:
            return False
        report = self.report

        def step() -> None:
            self.library.save_ledger(report.id, ledger)
            report.ledger = ledger
            self.ledger_replaced.emit()

        return self._guarded("保存数据台账", step)

    # --- tree edits: public, undoable ---

    def request_add(self, kind: str, parent_id: int | None, position: int | None = None) -> Node | None:
        if self.read_only or self.report is None:
            return None
        parent = self.report.find(parent_id) if parent_id is not None else None
        if parent is not None and parent.kind != SECTION:
            self.failed.emit("只有标题部分可以包含下级内容。")
            return None
        siblings = parent.children if parent is not None else self.report.body
        node = Node(kind, title=NEW_NODE_TITLES[kind])
        if kind == TABLE:
            rows, columns = NEW_TABLE_SIZE
            node.table = TableData([[""] * columns for _ in range(rows)])
        label = {SECTION: "添加标题", POINT: "添加要点", PARAGRAPH: "添加段落", TABLE: "插入表格"}[kind]
        self._push(AddNodeCommand(self, node, parent_id, len(siblings) if position is None else position, label))
        return node if node.id is not None else None

    def request_trash(self, node_id: int) -> bool:
        if self.read_only or self.report is None:
            return False
        return self._push(TrashNodeCommand(self, self.report.find(node_id)))

    def request_move(self, node_ids: list[int], parent_id: int | None, row: int) -> bool:
        """Move nodes to ``row`` (an insert-before index in the current list, as a drop gives it)."""
        if self.read_only or self.report is None or not node_ids:
            return False
        target = self.report.find(parent_id) if parent_id is not None else None
        siblings = target.children if target is not None else self.report.body
        nodes = [self.report.find(i) for i in node_ids]
        self.commit_typing()  # before the macro: undoing the move must not also undo the typing
        moved = opened = False
        for node in nodes:
            current = next((i for i, n in enumerate(siblings) if n is node), None)
            final = row - 1 if current is not None and current < row else row
            row = final + 1
            if current == final:  # dropped back onto its own place: no undo step for nothing
                continue
            if not opened:
                self.undo_stack.beginMacro("移动")
                opened = True
            moved = self._push(MoveNodeCommand(self, node, parent_id, final)) or moved
        if opened:
            self.undo_stack.endMacro()
        return moved

    def request_shift(self, node_id: int, delta: int) -> bool:
        """Alt+Up / Alt+Down: move one place among the siblings."""
        if self.report is None:
            return False
        node = self.report.find(node_id)
        parent = self.outline.parent_node(node)
        row = self.outline.index_of(node).row() + delta
        siblings = parent.children if parent is not None else self.report.body
        if row < 0 or row >= len(siblings) or self.read_only:
            return False
        return self._push(MoveNodeCommand(self, node, parent.id if parent else None, row))

    def request_rename(self, node_id: int, title: str) -> bool:
        if self.read_only or self.report is None:
            return False
        return self._push(RenameCommand(self, self.report.find(node_id), title))

    def request_table_edit(self, node_id: int, table: TableData, label: str = "编辑表格") -> bool:
        """A change of a table's cells as one undo step, written at once."""
        if self.read_only or self.report is None:
            return False
        node = self.report.find(node_id)
        if node.kind != TABLE or node.table == table:
            return False
        return self._push(EditTableCommand(self, node, node.table or TableData(), table, label))

    def _push(
        self, command: AddNodeCommand | TrashNodeCommand | MoveNodeCommand | RenameCommand | EditTableCommand
    ) -> bool:
        self.commit_typing()
        self.flush()
        self.undo_stack.push(command)
        return not command.isObsolete()

    def apply_changes(self, changes: Sequence[FieldChange], label: str) -> bool:
        """Fixes (of 体检) as one undo step named ``label``; False when there is nothing to do."""
        if self.read_only or self.report is None or not changes:
            return False
        self.commit_typing()  # before the macro: undoing the fix must not also undo the typing
        self.flush()
        from models.search import cell_position  # a table cell's change: "cell.<row>.<column>"

        cells: dict[int, list[tuple[tuple[int, int], FieldChange]]] = {}
        self.undo_stack.beginMacro(label)
        for change in changes:
            position = cell_position(change.field)
            if position is not None and change.node_id is not None:
                cells.setdefault(change.node_id, []).append((position, change))
            else:
                self.undo_stack.push(self._change_command(change, label))
        for node_id, node_cells in cells.items():
            command = self._table_command(node_id, node_cells, label)
            if command is not None:
                self.undo_stack.push(command)
        self.undo_stack.endMacro()
        return True

    def _table_command(
        self, node_id: int, cells: list[tuple[tuple[int, int], FieldChange]], label: str
    ) -> EditTableCommand | None:
        """The changes of one table's cells as one table edit; a cell no longer as it was is left alone."""
        assert self.report is not None
        node = self.report.find(node_id)
        if node.table is None:
            return None
        table = node.table.copy()
        for (row, column), change in cells:
            if row < len(table.rows) and column < len(table.rows[row]) and table.rows[row][column] == change.old:
                table.rows[row][column] = change.new
        if table == node.table:
            return None
        return EditTableCommand(self, node, node.table, table, label)

    def request_assign(self, node_ids: Sequence[int], unit: str, due: str) -> bool:
        """分工 of some parts (``unit`` "" clears it) as one undo step."""
        if self.read_only or self.report is None or not node_ids:
            return False
        nodes = [self.report.find(node_id) for node_id in node_ids]
        label = f"分给{unit}" if unit else "取消分工"
        self.commit_typing()
        self.flush()
        self.undo_stack.beginMacro(label)
        for node in nodes:
            self.undo_stack.push(AssignCommand(self, node, unit, due if unit else "", label))
        self.undo_stack.endMacro()
        return all((node.unit, node.due) == (unit, due if unit else "") for node in nodes)

    def take_in_returned(
        self, label: str, step: str, changes: Sequence[tuple[int, str, str]], file_id: int | None, notes: list[Note]
    ) -> int | None:
        """A returned 填报文件 or 审阅稿: the report is saved as a revision named ``label`` (with the
        file's 批注 and, when ``file_id`` is given, its 已交回 mark), then ``changes``
        ``(node_id, "title"|"text", value)`` are applied as ONE undo step named ``step``.
        Returns the revision's id, None when nothing was done."""
        if self.read_only or self.report is None:
            return None
        self.commit_typing()
        if not self.flush():
            return None
        report_id = self.report.id
        assert report_id is not None
        try:
            revision = self.library.apply_round_trip(report_id, [], label, file_id, notes)
        except NianbaoError as exc:
            self.failed.emit(f"合并失败：{exc}")
            return None
        self.revision_created.emit(revision)
        if changes:
            self.undo_stack.beginMacro(step)
            for node_id, name, value in changes:
                node = self.report.find(node_id)
                new = (value, node.text) if name == "title" else (node.title, value)
                command = ReplaceTextCommand(self, node, (node.title, node.text), new)
                command.setText(step)
                self.undo_stack.push(command)
            self.undo_stack.endMacro()
        return revision

    def _change_command(self, change: FieldChange, label: str) -> MetaFieldCommand | ReplaceTextCommand:
        assert self.report is not None
        if change.node_id is None:
            return MetaFieldCommand(self, change.field.removeprefix("meta."), change.old, change.new, label)
        node = self.report.find(change.node_id)
        old = (node.title, node.text)
        new = (change.new, node.text) if change.field == "title" else (node.title, change.new)
        command = ReplaceTextCommand(self, node, old, new)
        command.setText(label)
        return command

    # --- tree edits: the steps the commands run (library first, then the model) ---

    def position_of(self, node: Node) -> tuple[int | None, int]:
        """The id of ``node``'s parent (None at the top) and its row among its siblings."""
        parent = self.outline.parent_node(node)
        return (parent.id if parent is not None else None), self.outline.index_of(node).row()

    def _guarded(self, action: str, step: Any) -> bool:
        try:
            step()
        except NianbaoError as exc:
            self.failed.emit(f"{action}失败：{exc}")
            return False
        return True

    def set_meta_field(self, name: str, value: str) -> bool:
        if self.report is None or self.read_only:
            return False
        self.edit_meta(**{name: value})
        ok = self.flush()
        self.meta_replaced.emit()
        return ok

    def _parent(self, parent_id: int | None) -> Node | None:
        return self.report.find(parent_id) if parent_id is not None and self.report else None

    def insert_new(self, node: Node, parent_id: int | None, position: int) -> bool:
        assert self.report is not None
        assert self.report.id is not None
        report_id = self.report.id

        def step() -> None:
            self.library.add_node(report_id, node, parent_id, position)
            self.outline.insert_node(node, self._parent(parent_id), position)

        return self._guarded("添加", step)

    def restore_trashed(self, node: Node, parent_id: int | None, position: int) -> bool:
        assert node.id is not None
        node_id = node.id

        def step() -> None:
            self.library.restore_node(node_id)
            self.outline.insert_node(node, self._parent(parent_id), position)

        return self._guarded("恢复", step)

    def trash_existing(self, node: Node) -> bool:
        assert node.id is not None
        node_id = node.id

        def step() -> None:
            self._pending_nodes.pop(node_id, None)
            self.library.trash_node(node_id)
            self.outline.remove_node(node)

        return self._guarded("删除", step)

    def move_existing(self, node: Node, parent_id: int | None, position: int) -> bool:
        assert node.id is not None
        node_id = node.id

        def step() -> None:
            self.library.move_node(node_id, parent_id, position)
            self.outline.move_node(node, self._parent(parent_id), position)

        return self._guarded("移动", step)

    def set_title(self, node: Node, title: str) -> bool:
        return self.set_text(node, title, node.text)

    def set_text(self, node: Node, title: str, text: str) -> bool:
        """Replace a node's title and text (rename, undo/redo of typing); the editor follows."""
        assert node.id is not None
        node_id = node.id

        def step() -> None:
            self._pending_nodes.pop(node_id, None)
            self.library.update_node(node_id, title=title, text=text)
            node.title, node.text = title, text
            if self._watched is not None and self._watched[0] is node:
                self._watched = (node, title, text)
            self.outline.node_changed(node)
            self.node_replaced.emit(node_id)

        return self._guarded("修改", step)

    def set_assignment(self, node: Node, unit: str, due: str) -> bool:
        assert node.id is not None
        node_id = node.id

        unit, due = unit.strip(), due.strip()

        def step() -> None:
            self.library.set_assignment(node_id, unit, due)
            node.unit, node.due = unit, due
            self.outline.node_changed(node)
            self.assignment_changed.emit(node_id)

        return self._guarded("分工", step)

    def set_table(self, node: Node, table: TableData) -> bool:
        """Replace a table's cells (an edit in the grid, its undo or redo); the editor follows."""
        assert node.id is not None
        node_id = node.id

        def step() -> None:
            self.library.update_node(node_id, table=table)
            node.table = table.copy()
            self.outline.node_changed(node)
            self.node_replaced.emit(node_id)

        return self._guarded("修改表格", step)

    # --- revisions and per-report settings ---

    def create_revision(self, label: str) -> int | None:
        if self.report is None or self.read_only or not self.flush():
            return None
        try:
            revision_id = self.library.create_revision(self.report.id, label)
        except NianbaoError as exc:
            self.failed.emit(f"保存版本失败：{exc}")
            return None
        self.revision_created.emit(revision_id)
        return revision_id

    def revisions(self) -> list[RevisionInfo]:
        return self.library.list_revisions(self.report.id) if self.report is not None else []

    def restore_revision(self, revision_id: int) -> bool:
        """Make a revision current; the replaced text is kept as a new revision by the library."""
        if self.report is None or self.read_only or not self.flush():
            return False
        report_id = self.report.id
        if not self._guarded("恢复历史版本", lambda: self.library.restore_revision(revision_id)):
            return False
        return self.open_report(report_id)

    def restore_from_trash(self, node_id: int) -> bool:
        """Put back a node deleted in an earlier session (the undo stack no longer holds it)."""
        if self.report is None or self.read_only or not self.flush():
            return False
        report_id = self.report.id
        if not self._guarded("恢复", lambda: self.library.restore_node(node_id)):
            return False
        return self.open_report(report_id)

    def report_setting(self, name: str, default: Any = None) -> Any:
        if self.report is None:
            return default
        return self.library.get_setting(f"report:{self.report.id}:{name}", default)

    def set_report_setting(self, name: str, value: Any) -> None:
        if self.report is None or self.read_only:
            return
        try:
            self.library.set_setting(f"report:{self.report.id}:{name}", value)
        except NianbaoError as exc:
            log.warning("report setting %s not saved: %s", name, exc)
