"""The roll-forward checklist in the library: last year's plans, each with its 落实情况.

Rows live in the ``checklist`` table (schema v2). Like :mod:`models.store.tree_sql`, every
function takes an open connection; :class:`~models.store.Library` calls them inside its own
transactions, so this module never needs the Library (no import cycle).
"""

from __future__ import annotations

import sqlite3

from models.errors import NotFoundError
from models.report import ChecklistItem
from models.store.dbfile import now
from models.text import clean_text


def insert_items(conn: sqlite3.Connection, report_id: int, items: list[ChecklistItem]) -> None:
    for position, item in enumerate(items):
        cursor = conn.execute(
            "INSERT INTO checklist (report_id, position, text, done, note) VALUES (?, ?, ?, ?, ?)",
            (report_id, position, clean_text(item.text)[0], int(item.done), clean_text(item.note)[0]))
        item.id = int(cursor.lastrowid)


def read_items(conn: sqlite3.Connection, report_id: int) -> list[ChecklistItem]:
    rows = conn.execute("SELECT id, text, done, note FROM checklist WHERE report_id = ? ORDER BY position",
                        (report_id,)).fetchall()
    return [ChecklistItem(text=r[1], done=bool(r[2]), note=r[3], id=r[0]) for r in rows]


def update_item(conn: sqlite3.Connection, item_id: int, *, done: bool | None = None,
                note: str | None = None) -> None:
    """Tick an entry off and/or write its 落实情况; the report counts as edited."""
    row = conn.execute("SELECT report_id FROM checklist WHERE id = ?", (item_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"找不到编号为 {item_id} 的落实清单条目。")
    if done is not None:
        conn.execute("UPDATE checklist SET done = ? WHERE id = ?", (int(done), item_id))
    if note is not None:
        conn.execute("UPDATE checklist SET note = ? WHERE id = ?", (clean_text(note)[0], item_id))
    conn.execute("UPDATE reports SET modified = ? WHERE id = ?", (now(), row["report_id"]))


def replace_items(conn: sqlite3.Connection, report_id: int, items: list[ChecklistItem]) -> None:
    conn.execute("DELETE FROM checklist WHERE report_id = ?", (report_id,))
    insert_items(conn, report_id, items)
