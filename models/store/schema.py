"""Library schema and its forward migrations. ``MIGRATIONS[n-1]`` takes version n-1 to n.

Append a function to add a version; never edit a released one. Each migration runs inside the
library's ``BEGIN IMMEDIATE`` transaction and gets the sqlite-utils ``Database`` on it.

Versions 1 and 2 stay as the SQL they were released with: that text is what existing files
hold in ``sqlite_master``, and sqlite-utils' public ``create()`` cannot write their
``AUTOINCREMENT`` or ``CHECK`` clauses. A new version should use sqlite-utils:
``db[name].create(...)``, ``db[name].add_column(...)``, ``db[name].create_index(...)`` all
nest in the open transaction as savepoints. ``db[name].transform(...)`` does too, except on a
table other tables reference with ``ON DELETE CASCADE`` (reports, nodes): there it refuses
inside a transaction, rightly, since dropping the old table would delete the children.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


def _run(db: Database, script: str) -> None:
    """Run statements one by one: ``executescript`` would commit the migration's transaction."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def _v1_initial(db: Database) -> None:
    _run(
        db,
        """
        CREATE TABLE reports (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            template TEXT NOT NULL DEFAULT 'fzzf-annual',
            year INTEGER NOT NULL,
            issuer TEXT NOT NULL DEFAULT '', title TEXT NOT NULL DEFAULT '',
            recipients TEXT NOT NULL DEFAULT '', doc_number TEXT NOT NULL DEFAULT '',
            signer TEXT NOT NULL DEFAULT '', signature TEXT NOT NULL DEFAULT '',
            date TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '', cc TEXT NOT NULL DEFAULT '',
            printed_by TEXT NOT NULL DEFAULT '', printed_on TEXT NOT NULL DEFAULT '',
            disclosure TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL, modified TEXT NOT NULL, trashed TEXT,
            chars INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE nodes (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            parent_id INTEGER REFERENCES nodes(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('section', 'point', 'paragraph')),
            title TEXT NOT NULL DEFAULT '', text TEXT NOT NULL DEFAULT '',
            key TEXT NOT NULL DEFAULT '', reference TEXT NOT NULL DEFAULT '',
            trashed TEXT
        );
        CREATE INDEX nodes_by_parent ON nodes (report_id, parent_id, position);
        CREATE INDEX nodes_parent ON nodes (parent_id);
        CREATE TABLE revisions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            created TEXT NOT NULL, label TEXT NOT NULL DEFAULT '',
            snapshot BLOB NOT NULL
        );
        CREATE INDEX revisions_by_report ON revisions (report_id, id);
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
    )


def _v2_checklist(db: Database) -> None:
    """Roll-forward: last year's planned tasks, each with 落实情况 to be written."""
    _run(
        db,
        """
        CREATE TABLE checklist (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            done INTEGER NOT NULL DEFAULT 0,
            note TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX checklist_by_report ON checklist (report_id, position);
    """,
    )


def _v3_ledger(db: Database) -> None:
    """数据台账: each report's figures (本年, 上年) and the unit's own indicators.

    SQL, like versions 1 and 2, for the one thing sqlite-utils' ``create()`` cannot write:
    ``ON DELETE CASCADE``, so purging a report takes its figures with it. Figures are TEXT
    (``Decimal`` as written, 99.56 stays 99.56); NULL is "not filled in". The ledger's kind is a
    column of the report (``add_column``), one value per report.
    """
    _run(
        db,
        """
        CREATE TABLE ledger_values (
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            current TEXT,
            previous TEXT,
            PRIMARY KEY (report_id, key)
        );
        CREATE TABLE ledger_indicators (
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            key TEXT NOT NULL,
            name TEXT NOT NULL,
            unit TEXT NOT NULL,
            definition TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (report_id, key)
        );
    """,
    )
    db["reports"].add_column("ledger_kind", str, not_null_default="")


def _roundtrip(db: Database) -> None:
    """The round trip (issue 16): 分工 on each node, the files sent out, the comments that came back.

    - ``nodes.unit`` / ``nodes.due``: the 科室 that writes a part and by when;
    - ``roundtrip_files``: each 填报文件 (``kind`` 'package') or 审阅稿 ('review') made, with the text
      every anchored area had when it was made (``base``, JSON), so a merge can tell the clerk's later
      edits from the colleague's; ``merged`` is when its changes were taken in;
    - ``notes``: 批注 read from a reviewed file, attached to a node and the characters they quote.

    The two tables are plain SQL: sqlite-utils' ``create()`` cannot write ``ON DELETE CASCADE``, and
    purging a report relies on it. ``node_id`` has no foreign key on purpose: restoring a revision
    deletes and re-inserts nodes under their old ids, which must not orphan or delete the notes.
    """
    nodes = db.table("nodes")
    nodes.add_column("unit", str, not_null_default="")
    nodes.add_column("due", str, not_null_default="")
    _run(
        db,
        """
        CREATE TABLE roundtrip_files (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('package', 'review')),
            unit TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            base TEXT NOT NULL,
            merged TEXT
        );
        CREATE INDEX roundtrip_files_by_report ON roundtrip_files (report_id, id);
        CREATE TABLE notes (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            node_id INTEGER,
            file_id INTEGER REFERENCES roundtrip_files(id) ON DELETE SET NULL,
            author TEXT NOT NULL DEFAULT '',
            written TEXT NOT NULL DEFAULT '',
            quote TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL DEFAULT '',
            resolved INTEGER NOT NULL DEFAULT 0,
            created TEXT NOT NULL
        );
        CREATE INDEX notes_by_report ON notes (report_id, id);
    """,
    )


def _v5_tables(db: Database) -> None:
    """Table nodes: ``nodes.kind`` may be 'table', whose cells are ``nodes.cells`` (JSON, NULL otherwise).

    The kind's ``CHECK`` is part of the v1 table, so the table is rebuilt. ``nodes`` references
    itself with ``ON DELETE CASCADE``, so the old one is renamed away first (SQLite renames its
    self-reference with it) and dropped only after its rows are copied: dropping a table the new
    one referenced would cascade the delete into the copy. No other table references ``nodes``.
    """
    _run(
        db,
        """
        ALTER TABLE nodes RENAME TO nodes_v4;
        CREATE TABLE nodes (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            parent_id INTEGER REFERENCES nodes(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('section', 'point', 'paragraph', 'table')),
            title TEXT NOT NULL DEFAULT '', text TEXT NOT NULL DEFAULT '',
            key TEXT NOT NULL DEFAULT '', reference TEXT NOT NULL DEFAULT '',
            trashed TEXT,
            unit TEXT NOT NULL DEFAULT '', due TEXT NOT NULL DEFAULT '',
            cells TEXT
        );
        INSERT INTO nodes (id, report_id, parent_id, position, kind, title, text, key, reference, trashed, unit, due)
            SELECT id, report_id, parent_id, position, kind, title, text, key, reference, trashed, unit, due
            FROM nodes_v4;
        DROP TABLE nodes_v4;
        CREATE INDEX nodes_by_parent ON nodes (report_id, parent_id, position);
        CREATE INDEX nodes_parent ON nodes (parent_id)
    """,
    )


def _v6_typed_dates(db: Database) -> None:
    """The 成文日期 and 印发日期 as the source wrote them (``2024年03月06日``), beside the ISO dates."""
    reports = db.table("reports")
    reports.add_column("date_typed", str, not_null_default="")
    reports.add_column("printed_on_typed", str, not_null_default="")


# The round-trip step is kept apart from the others so that a merge with another branch's new
# version only has to reorder this list and change ROUNDTRIP_VERSION (tests build a library
# one version older and upgrade it).
MIGRATIONS: list[Callable[[Database], None]] = [
    _v1_initial,
    _v2_checklist,
    _v3_ledger,
    _roundtrip,
    _v5_tables,
    _v6_typed_dates,
]
ROUNDTRIP_VERSION = 4
TABLES_VERSION = 5
TYPED_DATES_VERSION = 6
SCHEMA_VERSION = len(MIGRATIONS)
assert MIGRATIONS[ROUNDTRIP_VERSION - 1] is _roundtrip
assert MIGRATIONS[TABLES_VERSION - 1] is _v5_tables
assert MIGRATIONS[TYPED_DATES_VERSION - 1] is _v6_typed_dates
