"""A report's 数据台账 in the library (schema v3): figures in ``ledger_values``, the unit's own
indicators in ``ledger_indicators``, the kind in ``reports.ledger_kind``.

Like :mod:`models.store.checklist`, every function takes an open connection and is called by
:class:`~models.store.Library` inside its own transactions. A ledger is always written whole
(delete, then insert): it is a few dozen rows, and a whole write cannot leave half a ledger.
"""

from __future__ import annotations

import sqlite3
from decimal import Decimal

from models.ledger.values import Ledger, LedgerEntry, format_value
from models.text_chars import clean_text


def read_ledger(conn: sqlite3.Connection, report_id: int) -> Ledger:
    kind_row = conn.execute("SELECT ledger_kind FROM reports WHERE id = ?", (report_id,)).fetchone()
    entries = {
        row["key"]: LedgerEntry(_decimal(row["current"]), _decimal(row["previous"]))
        for row in conn.execute(
            "SELECT key, current, previous FROM ledger_values WHERE report_id = ? ORDER BY rowid", (report_id,)
        )
    }
    rows = conn.execute(
        "SELECT key, name, unit, definition FROM ledger_indicators WHERE report_id = ? ORDER BY position",
        (report_id,),
    ).fetchall()
    custom = []
    if rows:  # the definitions (and their formulas) only for a ledger with the unit's own indicators
        from models.ledger.definitions import CUSTOM_GROUP, Indicator

        custom = [
            Indicator(row["key"], row["name"], row["unit"], CUSTOM_GROUP, definition=row["definition"], custom=True)
            for row in rows
        ]
    return Ledger(kind=kind_row["ledger_kind"] if kind_row else "", entries=entries, custom=custom)


def write_ledger(conn: sqlite3.Connection, report_id: int, ledger: Ledger) -> None:
    conn.execute("UPDATE reports SET ledger_kind = ? WHERE id = ?", (ledger.kind, report_id))
    conn.execute("DELETE FROM ledger_values WHERE report_id = ?", (report_id,))
    conn.execute("DELETE FROM ledger_indicators WHERE report_id = ?", (report_id,))
    conn.executemany(
        "INSERT INTO ledger_values (report_id, key, current, previous) VALUES (?, ?, ?, ?)",
        [
            (report_id, key, _text(entry.current), _text(entry.previous))
            for key, entry in ledger.entries.items()
            if not entry.empty
        ],
    )
    conn.executemany(
        "INSERT INTO ledger_indicators (report_id, position, key, name, unit, definition) VALUES (?, ?, ?, ?, ?, ?)",
        [
            (report_id, position, i.key, clean_text(i.name)[0], clean_text(i.unit)[0], clean_text(i.definition)[0])
            for position, i in enumerate(ledger.custom)
        ],
    )


def _text(value: Decimal | None) -> str | None:
    return None if value is None else format_value(value)


def _decimal(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)
