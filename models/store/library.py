"""The library: every report on this machine, in one SQLite database (docs/architecture.md, Storage).

Rules this module keeps:
- every write is one ``BEGIN IMMEDIATE`` transaction (so two writers queue, never deadlock);
- WAL journal + ``synchronous=NORMAL``: a killed process loses nothing that was committed;
- ``PRAGMA user_version`` is the schema version; older files are backed up, then migrated;
  newer ones are refused untouched;
- live siblings have positions 0..n-1; a trashed node keeps its old position for restore;
- numbering is never stored.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import models.store.checklist as checklist
import models.store.ledger_sql as ledger_sql
import models.store.roundtrip as roundtrip
import models.store.tree_sql as tree_sql
from models.errors import (
    LibraryError,
    NewerLibraryError,
    NotALibraryError,
    NotFoundError,
    ReadOnlyLibraryError,
    TreeError,
)
from models.fileio import os_error_reason
from models.ledger.values import Ledger
from models.paths import backup_dir
from models.report import META_FIELDS, SECTION, TABLE, ChecklistItem, Node, Report, ReportMeta, TableData
from models.store.dbfile import (
    backup_hint,
    backup_stem_pattern,
    check_file,
    connect,
    looks_whole,
    now,
    translated,
    write,
)
from models.store.lock import LibraryLock
from models.store.schema import MIGRATIONS, SCHEMA_VERSION
from models.text_chars import clean_text

if TYPE_CHECKING:
    import sqlite_utils

    from models.roundtrip.records import Area, Note, SentFile

log = logging.getLogger(__name__)

NODE_COLUMNS = "id, parent_id, position, kind, title, text, key, reference, unit, due, cells"


@dataclass(frozen=True)
class ReportSummary:
    id: int
    year: int
    issuer: str
    title: str
    template: str
    created: str
    modified: str
    trashed: str | None
    chars: int


@dataclass(frozen=True)
class RevisionInfo:
    id: int
    report_id: int
    created: str
    label: str


PART_SUFFIX = ".part"  # a backup being written; never a backup name (those end in .db)


def verify_copy(path: Path) -> bool:
    """A copy SQLite can read through, opened read-only (no byte of it written)."""
    try:
        conn = connect(path, read_only=True)
    except LibraryError:
        return False
    try:
        return bool(conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok")
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def _backup_failure(exc: sqlite3.Error) -> str:
    """Why SQLite could not write a backup, in words a clerk can act on."""
    text = str(exc).lower()
    if "full" in text or "disk i/o" in text:
        return "磁盘空间不足或磁盘出错，请清理磁盘后重试"
    if "unable to open" in text or "readonly" in text or "read-only" in text:
        return "无法在备份文件夹中写入文件（没有写入权限或文件夹被占用）"
    log.error("backup failed: %r", exc)
    return "资料库出错（详细信息已写入日志）"


def _remove_leftovers(folder: Path, stem: str) -> None:
    """What a backup of this library killed half-way left: its temporary copy and journals."""
    try:
        found = list(folder.glob(f".{stem}-*{PART_SUFFIX}*")) + list(folder.glob(f"{stem}-*.db-journal"))
    except OSError:
        return
    for leftover in found:
        if leftover.name.endswith((PART_SUFFIX, f"{PART_SUFFIX}-journal", ".db-journal")):
            _remove_quietly(leftover)


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        log.warning("could not remove %s: %s", path, exc)


class Library:
    """An open library. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: Path | str, *, lock: bool = True, lock_wait: float = 0.0) -> None:
        self.path = Path(path)
        existed = self.path.exists()
        self.read_only = check_file(self.path)
        self._lock = LibraryLock(self.path) if lock and not self.read_only else None
        if self._lock is not None:
            self._lock.acquire(lock_wait)
        try:
            self.conn = connect(self.path, self.read_only)
            self._prepare(existed)
        except BaseException:
            self.close()
            if self._lock is not None:
                self._lock.discard()
            raise

    # --- opening, closing, schema ---

    @cached_property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils on the same connection, made on first use: importing it costs about 0.1 s,
        more than half of a bare Qt window's start, and opening a report does not need it."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    @property
    def is_open(self) -> bool:
        """True from a successful open until :meth:`close`."""
        return getattr(self, "conn", None) is not None

    def close(self) -> None:
        conn = getattr(self, "conn", None)
        if conn is not None:
            conn.close()
            self.conn = None  # type: ignore[assignment]
        if self._lock is not None:
            self._lock.release()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _prepare(self, existed: bool = True) -> None:
        with translated(self.path):
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
            tables = self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
        if version > SCHEMA_VERSION:
            raise NewerLibraryError(
                f"资料库由更新版本的年报助手创建（格式版本 {version}），请升级本程序后再打开。文件未作任何改动。"
            )
        if version == 0 and (tables or existed):  # a new library only where no file was
            raise NotALibraryError(
                f"{self.path.name} 是一个 SQLite 数据库，但不是年报助手的资料库。文件未作任何改动。"
                + backup_hint(self.path)
            )
        if self.read_only:
            if version < SCHEMA_VERSION:
                raise ReadOnlyLibraryError("资料库需要升级格式，但文件是只读的。请把它复制到可写的文件夹后再打开。")
            return
        with translated(self.path):
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            if 0 < version < SCHEMA_VERSION:
                self.backup(label=f"v{version}-before-upgrade", keep=None)
            for target in range(version + 1, SCHEMA_VERSION + 1):
                with self._write():
                    MIGRATIONS[target - 1](self.db)
                    self.conn.execute(f"PRAGMA user_version={target}")
                log.info("library %s migrated to schema %d", self.path, target)

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; errors become LibraryError subclasses with Chinese messages."""
        if self.read_only:
            raise ReadOnlyLibraryError("资料库是只读的（文件或所在文件夹没有写入权限），不能保存修改。")
        with translated(self.path), write(self.conn) as conn:
            yield conn

    def _read(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        with translated(self.path):
            return self.conn.execute(sql, params).fetchall()

    def _rows(self, table: str, where: str | None = None, args: tuple = (), **options: Any) -> list[dict[str, Any]]:
        """A one-table read through sqlite-utils (``select``, ``order_by``); the rows are fetched
        here, inside the error translation, not later by the caller."""
        with translated(self.path):
            return list(self.db.table(table).rows_where(where, list(args), **options))

    # --- reports ---

    def list_reports(self, include_trashed: bool = False) -> list[ReportSummary]:
        rows = self._rows(
            "reports",
            None if include_trashed else "trashed IS NULL",
            select="id, year, issuer, title, template, created, modified, trashed, chars",
            order_by="year DESC, modified DESC",
        )
        return [ReportSummary(**row) for row in rows]

    def has_report(self, report_id: int) -> bool:
        """The report is in the library and not in the trash (asked at start: plain SQL, no sqlite-utils)."""
        return bool(self._read("SELECT 1 FROM reports WHERE id = ? AND trashed IS NULL", (report_id,)))

    def create_report(self, report: Report) -> int:
        with self._write() as conn:
            report_id = self._insert_report(report.meta)
            self._insert_nodes(conn, report_id, None, report.body)
            self._insert_checklist(conn, report_id, report.checklist)
            ledger_sql.write_ledger(conn, report_id, report.ledger)
            self._touch(conn, report_id)
        report.id = report_id
        return report_id

    def _insert_report(self, meta: ReportMeta) -> int:
        """Inside a write transaction (sqlite-utils then nests a savepoint; it never commits)."""
        values = {k: clean_text(v)[0] if isinstance(v, str) else v for k, v in meta.as_dict().items()}
        stamp = now()
        reports = self.db.table("reports").insert({**values, "created": stamp, "modified": stamp})
        return int(reports.last_rowid)

    def _insert_nodes(
        self,
        conn: sqlite3.Connection,
        report_id: int,
        parent_id: int | None,
        nodes: list[Node],
        start: int = 0,
        keep_ids: bool = False,
    ) -> None:
        """Insert whole subtrees in one bulk insert (import, duplicate, restore)."""
        rows = tree_sql.node_rows(conn, report_id, parent_id, nodes, start, keep_ids)
        self.db.table("nodes").insert_all(rows, pk="id")

    def _insert_checklist(self, conn: sqlite3.Connection, report_id: int, items: list[ChecklistItem]) -> None:
        self.db.table("checklist").insert_all(checklist.item_rows(conn, report_id, items), pk="id")

    @staticmethod
    def _touch(conn: sqlite3.Connection, report_id: int) -> None:
        """Record the edit time and the report's 字数 (kept for a fast library list)."""
        # Only nodes shown: the children of a trashed section are not trashed themselves.
        conn.execute(
            "WITH RECURSIVE shown(id, chars) AS ("
            f"SELECT id, {tree_sql.CHARS} FROM nodes WHERE report_id = ? AND parent_id IS NULL "
            f"AND trashed IS NULL UNION ALL SELECT n.id, {tree_sql.CHARS} FROM nodes n "
            "JOIN shown ON n.parent_id = shown.id WHERE n.trashed IS NULL) "
            "UPDATE reports SET modified = ?, chars = (SELECT coalesce(sum(chars), 0) FROM shown) WHERE id = ?",
            (report_id, now(), report_id),
        )

    def load_report(self, report_id: int) -> Report:
        meta_row = self._read(f"SELECT {', '.join(META_FIELDS)} FROM reports WHERE id = ?", (report_id,))
        if not meta_row:
            raise NotFoundError(f"资料库中没有编号为 {report_id} 的报告。")
        meta = ReportMeta(**dict(zip(META_FIELDS, meta_row[0], strict=True)))
        rows = self._read(
            f"SELECT {NODE_COLUMNS} FROM nodes WHERE report_id = ? AND trashed IS NULL ORDER BY parent_id, position",
            (report_id,),
        )
        with translated(self.path):
            items = checklist.read_items(self.conn, report_id)
            ledger = ledger_sql.read_ledger(self.conn, report_id)
        return Report(meta=meta, body=tree_sql.build_tree(rows), id=report_id, checklist=items, ledger=ledger)

    def update_meta(self, report_id: int, **changes: Any) -> None:
        unknown = set(changes) - set(META_FIELDS)
        if unknown:
            raise ValueError(f"unknown metadata fields: {sorted(unknown)}")
        values = {k: clean_text(v)[0] if isinstance(v, str) else v for k, v in changes.items()}
        with self._write() as conn:
            self._require_report(conn, report_id)
            assignments = ", ".join(f"{name} = :{name}" for name in values)
            conn.execute(f"UPDATE reports SET {assignments} WHERE id = :report_id", {**values, "report_id": report_id})
            self._touch(conn, report_id)

    def duplicate_report(self, report_id: int, title_suffix: str = "（副本）") -> int:
        report = self.load_report(report_id)
        report.meta.title += title_suffix
        for node in report.walk():
            node.id = None
        return self.create_report(report)

    def trash_report(self, report_id: int) -> None:
        self._set_report_trashed(report_id, now())

    def restore_report(self, report_id: int) -> None:
        self._set_report_trashed(report_id, None)

    def _set_report_trashed(self, report_id: int, stamp: str | None) -> None:
        with self._write() as conn:
            self._require_report(conn, report_id)
            conn.execute("UPDATE reports SET trashed = ? WHERE id = ?", (stamp, report_id))

    def purge_report(self, report_id: int) -> None:
        """Delete for good (nodes and revisions go with it). Only from the trash."""
        with self._write() as conn:
            row = self._require_report(conn, report_id)
            if row["trashed"] is None:
                raise LibraryError("只能彻底删除回收站中的报告，请先把它移入回收站。")
            conn.execute("DELETE FROM reports WHERE id = ?", (report_id,))

    @staticmethod
    def _require_report(conn: sqlite3.Connection, report_id: int) -> sqlite3.Row:
        row = conn.execute("SELECT id, trashed FROM reports WHERE id = ?", (report_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"资料库中没有编号为 {report_id} 的报告。")
        return row

    # --- the roll-forward checklist ---

    def load_checklist(self, report_id: int) -> list[ChecklistItem]:
        with translated(self.path):
            self._require_report(self.conn, report_id)  # a clear message for a missing report
            return checklist.read_items(self.conn, report_id)

    def update_checklist_item(self, item_id: int, *, done: bool | None = None, note: str | None = None) -> None:
        """Tick an entry off and/or write its 落实情况."""
        with self._write() as conn:
            checklist.update_item(conn, item_id, done=done, note=note)

    def replace_checklist(self, report_id: int, items: list[ChecklistItem]) -> None:
        with self._write() as conn:
            self._require_report(conn, report_id)
            checklist.delete_items(conn, report_id)
            self._insert_checklist(conn, report_id, items)

    # --- the 数据台账 ---

    def load_ledger(self, report_id: int) -> Ledger:
        with translated(self.path):
            self._require_report(self.conn, report_id)
            return ledger_sql.read_ledger(self.conn, report_id)

    def save_ledger(self, report_id: int, ledger: Ledger) -> None:
        """Replace the report's figures, kind and own indicators with ``ledger`` (checked by the caller)."""
        with self._write() as conn:
            self._require_report(conn, report_id)
            ledger_sql.write_ledger(conn, report_id, ledger)
            self._touch(conn, report_id)

    # --- nodes ---

    def update_node(
        self, node_id: int, *, title: str | None = None, text: str | None = None, table: TableData | None = None
    ) -> int:
        """The autosave path: store one node's title and/or text, or a table's cells. Returns
        characters cleaned out."""
        changes: dict[str, str] = {}
        removed = 0
        for name, value in (("title", title), ("text", text)):
            if value is not None:
                changes[name], count = clean_text(value)
                removed += count
        if table is not None:
            changes["cells"], count = tree_sql.cells_json(table)
            removed += count
        if not changes:
            return 0
        with self._write() as conn:
            row = self._node_row(conn, node_id)
            is_table = row["kind"] == TABLE
            if (table is not None and not is_table) or (is_table and text):
                raise TreeError("只有表格可以保存单元格，表格不能保存正文。")
            report_id = row["report_id"]
            assignments = ", ".join(f"{name} = :{name}" for name in changes)
            conn.execute(f"UPDATE nodes SET {assignments} WHERE id = :id", {**changes, "id": node_id})
            self._touch(conn, report_id)
        return removed

    def add_node(self, report_id: int, node: Node, parent_id: int | None = None, position: int | None = None) -> int:
        """Insert ``node`` (with its subtree) under ``parent_id`` at ``position`` (end if None)."""
        with self._write() as conn:
            self._require_report(conn, report_id)
            self._check_parent(conn, report_id, parent_id, node.kind)
            tree_sql.check_depth(conn, parent_id, tree_sql.height(node))
            count = tree_sql.live_count(conn, report_id, parent_id)
            position = count if position is None else max(0, min(position, count))
            tree_sql.shift(conn, report_id, parent_id, position, +1)
            self._insert_nodes(conn, report_id, parent_id, [node], start=position)
            self._touch(conn, report_id)
        assert node.id is not None
        return node.id

    def move_node(self, node_id: int, parent_id: int | None, position: int) -> None:
        """Move a live node (and its subtree) so that it ends up at index ``position`` among
        ``parent_id``'s children (counted after it left its old place)."""
        with self._write() as conn:
            row = self._node_row(conn, node_id)
            if row["trashed"] is not None:  # its siblings' positions would be shifted for a node not among them
                raise TreeError("这部分内容在回收站中，请先恢复再移动。")
            report_id = row["report_id"]
            self._check_parent(conn, report_id, parent_id, row["kind"])
            if parent_id is not None and node_id in tree_sql.ancestors(conn, parent_id, include_self=True):
                raise TreeError("不能把一个部分移到它自己的下级。")
            tree_sql.check_depth(conn, parent_id, tree_sql.stored_height(conn, node_id))
            tree_sql.shift(conn, report_id, row["parent_id"], row["position"] + 1, -1)
            conn.execute("UPDATE nodes SET position = -1 WHERE id = ?", (node_id,))  # out of the way
            count = tree_sql.live_count(conn, report_id, parent_id) - (parent_id == row["parent_id"])
            position = max(0, min(position, count))
            tree_sql.shift(conn, report_id, parent_id, position, +1)
            conn.execute("UPDATE nodes SET parent_id = ?, position = ? WHERE id = ?", (parent_id, position, node_id))
            self._touch(conn, report_id)

    def trash_node(self, node_id: int) -> None:
        with self._write() as conn:
            row = self._node_row(conn, node_id)
            if row["trashed"] is not None:
                return
            conn.execute("UPDATE nodes SET trashed = ? WHERE id = ?", (now(), node_id))
            tree_sql.shift(conn, row["report_id"], row["parent_id"], row["position"] + 1, -1)
            self._touch(conn, row["report_id"])

    def restore_node(self, node_id: int) -> None:
        """Put a trashed node back where it was (or at the end if its siblings shrank)."""
        with self._write() as conn:
            row = self._node_row(conn, node_id)
            if row["trashed"] is None:
                return
            tree_sql.require_live_ancestors(conn, node_id)
            count = tree_sql.live_count(conn, row["report_id"], row["parent_id"])
            position = min(row["position"], count)
            tree_sql.shift(conn, row["report_id"], row["parent_id"], position, +1)
            conn.execute("UPDATE nodes SET trashed = NULL, position = ? WHERE id = ?", (position, node_id))
            self._touch(conn, row["report_id"])

    def trashed_nodes(self, report_id: int) -> list[Node]:
        rows = self._rows(
            "nodes", "report_id = ? AND trashed IS NOT NULL", (report_id,), select=NODE_COLUMNS, order_by="trashed DESC"
        )
        return [tree_sql.node_of(r) for r in rows]

    @staticmethod
    def _node_row(conn: sqlite3.Connection, node_id: int) -> sqlite3.Row:
        row = conn.execute(
            "SELECT report_id, parent_id, position, kind, trashed FROM nodes WHERE id = ?", (node_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"找不到编号为 {node_id} 的内容，它可能已被彻底删除。")
        return row

    @staticmethod
    def _check_parent(conn: sqlite3.Connection, report_id: int, parent_id: int | None, kind: str) -> None:
        if parent_id is None:
            return
        parent = conn.execute("SELECT report_id, kind, trashed FROM nodes WHERE id = ?", (parent_id,)).fetchone()
        if parent is None or parent["report_id"] != report_id:
            raise TreeError("目标位置不属于这份报告。")
        if parent["kind"] != SECTION:
            raise TreeError("只有标题部分可以包含下级内容。")
        if parent["trashed"] is not None:
            raise TreeError("目标位置已被删除。")

    # --- revisions ---

    def create_revision(self, report_id: int, label: str = "") -> int:
        with self._write() as conn:
            return self._insert_revision(conn, report_id, label)

    def _insert_revision(self, conn: sqlite3.Connection, report_id: int, label: str) -> int:
        snapshot = tree_sql.pack(self.load_report(report_id))
        cursor = conn.execute(
            "INSERT INTO revisions (report_id, created, label, snapshot) VALUES (?, ?, ?, ?)",
            (report_id, now(), clean_text(label)[0], snapshot),
        )
        return int(cursor.lastrowid)

    def list_revisions(self, report_id: int) -> list[RevisionInfo]:
        rows = self._rows(
            "revisions", "report_id = ?", (report_id,), select="id, report_id, created, label", order_by="id DESC"
        )
        return [RevisionInfo(**row) for row in rows]

    def load_revision(self, revision_id: int) -> Report:
        rows = self._read("SELECT report_id, snapshot FROM revisions WHERE id = ?", (revision_id,))
        if not rows:
            raise NotFoundError(f"找不到编号为 {revision_id} 的历史版本。")
        report = tree_sql.unpack(rows[0]["snapshot"])
        report.id = rows[0]["report_id"]
        return report

    def restore_revision(self, revision_id: int) -> int:
        """Make a revision the current text. The text it replaces is kept as a new revision first,
        whose id is returned, so a restore is undone by restoring that one."""
        old = self.load_revision(revision_id)
        report_id = old.id
        assert report_id is not None
        blob = self._read("SELECT snapshot FROM revisions WHERE id = ?", (revision_id,))[0]["snapshot"]
        ledger = old.ledger if tree_sql.snapshot_has_ledger(blob) else self.load_ledger(report_id)
        with self._write() as conn:  # one transaction: a failed restore leaves no safety revision behind
            safety = self._insert_revision(conn, report_id, "恢复历史版本前自动保存")
            values = old.meta.as_dict()
            assignments = ", ".join(f"{name} = :{name}" for name in values)
            conn.execute(f"UPDATE reports SET {assignments} WHERE id = :report_id", {**values, "report_id": report_id})
            self._replace_live_tree(conn, report_id, old.body)
            ledger_sql.write_ledger(conn, report_id, ledger)
            self._touch(conn, report_id)
        return safety

    def _replace_live_tree(self, conn: sqlite3.Connection, report_id: int, body: list[Node]) -> None:
        """Swap the live tree for ``body``. The trash is not part of a revision, so it is lifted
        out first and hung back under its old parents where they exist again (else at top level)."""
        trashed = conn.execute(
            "SELECT id, parent_id FROM nodes WHERE report_id = ? AND trashed IS NOT NULL", (report_id,)
        ).fetchall()
        conn.execute("UPDATE nodes SET parent_id = NULL WHERE report_id = ? AND trashed IS NOT NULL", (report_id,))
        conn.execute("DELETE FROM nodes WHERE report_id = ? AND parent_id IS NULL AND trashed IS NULL", (report_id,))
        self._insert_nodes(conn, report_id, None, body, keep_ids=True)
        for row in trashed:
            conn.execute(
                "UPDATE nodes SET parent_id = ? WHERE id = ? AND EXISTS "
                "(SELECT 1 FROM nodes WHERE id = ? AND report_id = ?)",
                (row["parent_id"], row["id"], row["parent_id"], report_id),
            )

    # --- the round trip: 分工, files sent out, merges, 批注 ---

    def set_assignment(self, node_id: int, unit: str, due: str = "") -> None:
        """分工: the 科室 that writes this part (``""`` for none) and by when."""
        with self._write() as conn:
            report_id = self._node_row(conn, node_id)["report_id"]
            conn.execute(
                "UPDATE nodes SET unit = ?, due = ? WHERE id = ?",
                (clean_text(unit)[0].strip(), clean_text(due)[0].strip(), node_id),
            )
            self._touch(conn, report_id)

    def add_sent_file(self, report_id: int, kind: str, unit: str = "") -> int:
        """Record a 填报文件 or 审阅稿 about to be written; its id goes into the file's anchors."""
        with self._write() as conn:
            self._require_report(conn, report_id)
            return roundtrip.add_file(conn, report_id, kind, unit)

    def set_sent_file_areas(self, file_id: int, areas: list[Area], outside: str = "") -> None:
        with self._write() as conn:
            roundtrip.set_areas(conn, file_id, areas, outside)

    def discard_sent_file(self, file_id: int) -> None:
        """A file that could not be written leaves no record behind."""
        with self._write() as conn:
            roundtrip.delete_file(conn, file_id)

    def sent_file(self, file_id: int) -> SentFile | None:
        with translated(self.path):
            return roundtrip.read_file(self.conn, file_id)

    def sent_files(self, report_id: int) -> list[SentFile]:
        with translated(self.path):
            return roundtrip.read_files(self.conn, report_id)

    def apply_round_trip(
        self,
        report_id: int,
        changes: list[tuple[int, str, str]],
        label: str,
        file_id: int | None = None,
        notes: list[Note] | None = None,
    ) -> int:
        """Take a returned file in as one step: the report as it was is saved first as a revision
        labelled ``label`` (whose id is returned), then each ``(node_id, "title"|"text", value)`` is
        written, the file is marked merged and its 批注 are stored — all in one transaction."""
        with self._write() as conn:
            self._require_report(conn, report_id)
            revision = self._insert_revision(conn, report_id, label)
            for node_id, name, value in changes:
                if name not in ("title", "text"):
                    raise ValueError(f"unknown node field: {name}")
                row = self._node_row(conn, node_id)
                if row["report_id"] != report_id or row["trashed"] is not None:
                    raise TreeError("要合并的部分已不在这份报告中（可能已被删除），这次没有作任何改动。")
                conn.execute(f"UPDATE nodes SET {name} = ? WHERE id = ?", (clean_text(value)[0], node_id))
            if file_id is not None:
                roundtrip.mark_merged(conn, file_id)
            roundtrip.add_notes(conn, report_id, notes or [])
            self._touch(conn, report_id)
        return revision

    def apply_fixes(self, report_id: int, changes: list[tuple[int | None, str, str]], label: str) -> int:
        """体检's fixes as one step: the report as it was is saved first as a revision labelled
        ``label`` (its id is returned), then each ``(node_id, "title"|"text", value)`` or
        ``(None, "meta.<name>", value)`` is written — all in one transaction."""
        with self._write() as conn:
            self._require_report(conn, report_id)
            revision = self._insert_revision(conn, report_id, label)
            for node_id, name, value in changes:
                value = clean_text(value)[0]
                if node_id is None:
                    column = name.removeprefix("meta.")
                    if column not in META_FIELDS:
                        raise ValueError(f"unknown metadata field: {name}")
                    conn.execute(f"UPDATE reports SET {column} = ? WHERE id = ?", (value, report_id))
                    continue
                if name not in ("title", "text"):
                    raise ValueError(f"unknown node field: {name}")
                if self._node_row(conn, node_id)["report_id"] != report_id:
                    raise ValueError(f"node {node_id} is not in report {report_id}")
                conn.execute(f"UPDATE nodes SET {name} = ? WHERE id = ?", (value, node_id))
            self._touch(conn, report_id)
        return revision

    def notes(self, report_id: int) -> list[Note]:
        with translated(self.path):
            self._require_report(self.conn, report_id)
            return roundtrip.read_notes(self.conn, report_id)

    def set_note_resolved(self, note_id: int, resolved: bool = True) -> None:
        with self._write() as conn:
            roundtrip.set_resolved(conn, note_id, resolved)

    # --- backups and settings ---

    def backup(self, folder: Path | None = None, keep: int | None = 10, label: str = "") -> Path:
        """Copy the whole library with ``VACUUM INTO``; keep the newest ``keep`` automatic copies.

        The copy is written under a temporary name, checked (``PRAGMA integrity_check``, read-only)
        and only then given its backup name, so a failed or interrupted backup never looks like
        one; the rotation counts only whole copies, so such leftovers never push a good one out."""
        folder = folder or backup_dir(self.path)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        target = folder / f"{self.path.stem}-{stamp}{'-' + label if label else ''}.db"
        part = folder / f".{target.name}{PART_SUFFIX}"
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LibraryError(f"无法创建备份文件夹 {folder}：{os_error_reason(exc)}") from exc
        _remove_leftovers(folder, self.path.stem)
        try:
            try:
                self.conn.execute("VACUUM INTO ?", (str(part),))
            except sqlite3.Error as exc:  # not translated(): its words are about the clerk's edits
                raise LibraryError(
                    f"无法保存备份 {target.name}：{_backup_failure(exc)}。资料库本身不受影响，已有的备份都还在。"
                ) from exc
            if not verify_copy(part):
                raise LibraryError(
                    f"备份没有通过校验（写入的副本不完整），这次没有保存备份 {target.name}。"
                    "资料库本身不受影响，请检查磁盘后重试。"
                )
            os.replace(part, target)
        except OSError as exc:
            raise LibraryError(f"无法保存备份 {target}：{os_error_reason(exc)}") from exc
        finally:
            for leftover in (part, part.with_name(part.name + "-journal")):
                _remove_quietly(leftover)
        if keep is not None:
            pattern = backup_stem_pattern(self.path)
            automatic = sorted(
                p
                for p in folder.glob(f"{self.path.stem}-*.db")
                if p != target and (m := pattern.fullmatch(p.stem)) and m.group(1) is None and looks_whole(p)
            )
            for old in automatic[
                : max(0, len(automatic) - (max(keep, 1) - 1))
            ]:  # the copy just made is the other one kept
                _remove_quietly(old)  # held open (antivirus on Windows): the new copy still counts
        return target

    def get_setting(self, key: str, default: Any = None) -> Any:
        rows = self._read("SELECT value FROM settings WHERE key = ?", (key,))  # on the start path: no sqlite-utils
        return json.loads(rows[0]["value"]) if rows else default

    def set_setting(self, key: str, value: Any) -> None:
        with self._write():
            self.db.table("settings").upsert({"key": key, "value": json.dumps(value, ensure_ascii=False)}, pk="key")

    def integrity_ok(self) -> bool:
        return self._read("PRAGMA integrity_check")[0][0] == "ok"
