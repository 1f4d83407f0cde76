"""The roll-forward checklist in the library: last year's plans, each with its 落实情况.

Rows live in the ``checklist`` table (schema v2). Like :mod:`models.store.tree_sql`, every
function takes an open connection; :class:`~models.store.Library` calls them inside its own
transactions, so this module never needs the Library (no import cycle).
"""

from __future__ import annotations

import sqlite3
from typing import Any

from models.errors import NotFoundError
from models.report import ChecklistItem
from models.store.dbfile import last_id, now
from models.text_chars import clean_text


def item_rows(conn: sqlite3.Connection, report_id: int, items: list[ChecklistItem]) -> list[dict[str, Any]]:
    """Rows for one bulk insert; each item gets the id AUTOINCREMENT would have given it."""
    first = last_id(conn, "checklist") + 1
    rows = []
    for position, item in enumerate(items):
        item.id = first + position
        rows.append(
            {
                "id": item.id,
                "report_id": report_id,
                "position": position,
                "text": clean_text(item.text)[0],
                "done": int(item.done),
                "note": clean_text(item.note)[0],
            }
        )
    return rows


def read_items(conn: sqlite3.Connection, report_id: int) -> list[ChecklistItem]:
    rows = conn.execute(
        "SELECT id, text, done, note FROM checklist WHERE report_id = ? ORDER BY position", (report_id,)
    ).fetchall()
    return [ChecklistItem(text=r["text"], done=bool(r["done"]), note=r["note"], id=r["id"]) for r in rows]


def update_item(conn: sqlite3.Connection, item_id: int, *, done: bool | None = None, note: str | None = None) -> None:
    """Tick an entry off and/or write its 落实情况; the report counts as edited."""
    row = conn.execute("SELECT report_id FROM checklist WHERE id = ?", (item_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"找不到编号为 {item_id} 的落实清单条目。")
    if done is not None:
        conn.execute("UPDATE checklist SET done = ? WHERE id = ?", (int(done), item_id))
    if note is not None:
        conn.execute("UPDATE checklist SET note = ? WHERE id = ?", (clean_text(note)[0], item_id))
    conn.execute("UPDATE reports SET modified = ? WHERE id = ?", (now(), row["report_id"]))


def delete_items(conn: sqlite3.Connection, report_id: int) -> None:
    conn.execute("DELETE FROM checklist WHERE report_id = ?", (report_id,))
