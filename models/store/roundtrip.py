"""The round trip in the library (schema ``ROUNDTRIP_VERSION``): files sent out, and 批注.

Like :mod:`models.store.checklist`, every function takes an open connection; the
:class:`~models.store.Library` calls them inside its own transactions.
"""

from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING

from models.errors import NotFoundError
from models.store.dbfile import now
from models.text_chars import clean_text

if TYPE_CHECKING:
    from models.roundtrip.records import Area, Note, SentFile

_FILE_COLUMNS = "id, report_id, kind, unit, created, base, merged"
_NOTE_COLUMNS = "id, report_id, node_id, file_id, author, written, quote, text, resolved, created"


def add_file(conn: sqlite3.Connection, report_id: int, kind: str, unit: str) -> int:
    """A record for a file about to be written; its areas are set once the file is made."""
    cursor = conn.execute(
        "INSERT INTO roundtrip_files (report_id, kind, unit, created, base) VALUES (?, ?, ?, ?, ?)",
        (report_id, kind, clean_text(unit)[0], now(), "{}"),
    )
    return int(cursor.lastrowid)


def set_areas(conn: sqlite3.Connection, file_id: int, areas: list[Area], outside: str) -> None:
    base = {"areas": [[a.node_id, a.role, a.text, a.marker] for a in areas], "outside": outside}
    conn.execute("UPDATE roundtrip_files SET base = ? WHERE id = ?", (json.dumps(base, ensure_ascii=False), file_id))


def delete_file(conn: sqlite3.Connection, file_id: int) -> None:
    conn.execute("DELETE FROM roundtrip_files WHERE id = ?", (file_id,))


def _file(row: sqlite3.Row) -> SentFile:
    from models.roundtrip.records import Area, SentFile  # not at start: no file is read to open a report

    base = json.loads(row["base"])
    areas = [Area(node_id, role, text, marker) for node_id, role, text, marker in base.get("areas", [])]
    return SentFile(
        id=row["id"],
        report_id=row["report_id"],
        kind=row["kind"],
        unit=row["unit"],
        created=row["created"],
        areas=areas,
        outside=base.get("outside", ""),
        merged=row["merged"],
    )


def read_file(conn: sqlite3.Connection, file_id: int) -> SentFile | None:
    row = conn.execute(f"SELECT {_FILE_COLUMNS} FROM roundtrip_files WHERE id = ?", (file_id,)).fetchone()
    return None if row is None else _file(row)


def read_files(conn: sqlite3.Connection, report_id: int) -> list[SentFile]:
    rows = conn.execute(
        f"SELECT {_FILE_COLUMNS} FROM roundtrip_files WHERE report_id = ? ORDER BY id", (report_id,)
    ).fetchall()
    return [_file(row) for row in rows]


def mark_merged(conn: sqlite3.Connection, file_id: int) -> None:
    conn.execute("UPDATE roundtrip_files SET merged = ? WHERE id = ?", (now(), file_id))


def add_notes(conn: sqlite3.Connection, report_id: int, notes: list[Note]) -> None:
    """Store the 批注 not stored yet: the same file merged again adds none twice."""
    stamp = now()
    stored = {note.identity for note in read_notes(conn, report_id)}
    for note in notes:
        if note.identity in stored:
            continue
        cursor = conn.execute(
            "INSERT INTO notes (report_id, node_id, file_id, author, written, quote, text, resolved, created) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                report_id,
                note.node_id,
                note.file_id,
                clean_text(note.author)[0],
                note.written,
                clean_text(note.quote)[0],
                clean_text(note.text)[0],
                int(note.resolved),
                stamp,
            ),
        )
        note.id, note.report_id, note.created = int(cursor.lastrowid), report_id, stamp


def read_notes(conn: sqlite3.Connection, report_id: int) -> list[Note]:
    from models.roundtrip.records import Note

    rows = conn.execute(f"SELECT {_NOTE_COLUMNS} FROM notes WHERE report_id = ? ORDER BY id", (report_id,)).fetchall()
    return [
        Note(
            text=r["text"],
            author=r["author"],
            written=r["written"],
            quote=r["quote"],
            node_id=r["node_id"],
            file_id=r["file_id"],
            resolved=bool(r["resolved"]),
            id=r["id"],
            report_id=r["report_id"],
            created=r["created"],
        )
        for r in rows
    ]


def set_resolved(conn: sqlite3.Connection, note_id: int, resolved: bool) -> None:
    if conn.execute("UPDATE notes SET resolved = ? WHERE id = ?", (int(resolved), note_id)).rowcount == 0:
        raise NotFoundError(f"找不到编号为 {note_id} 的批注。")
