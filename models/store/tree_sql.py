"""SQL helpers for the node tree of one report: sibling positions, ancestry, depth limits,
building the nested tree from rows, and packing revision snapshots.

Live siblings have positions 0..n-1; a trashed node keeps its old position for restore.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from typing import Any

from models.errors import TreeError
from models.report import TABLE, Node, Report, TableData
from models.store.dbfile import last_id
from models.text_chars import clean_text


def live_count(conn: sqlite3.Connection, report_id: int, parent_id: int | None) -> int:
    return conn.execute(
        "SELECT count(*) FROM nodes WHERE report_id = ? AND parent_id IS ? AND trashed IS NULL", (report_id, parent_id)
    ).fetchone()[0]


def shift(conn: sqlite3.Connection, report_id: int, parent_id: int | None, start: int, delta: int) -> None:
    """Shift live siblings at or after ``start`` by ``delta``."""
    conn.execute(
        "UPDATE nodes SET position = position + ? WHERE report_id = ? AND parent_id IS ? "
        "AND trashed IS NULL AND position >= ?",
        (delta, report_id, parent_id, start),
    )


def ancestors(conn: sqlite3.Connection, node_id: int, include_self: bool = False) -> set[int]:
    rows = conn.execute(
        "WITH RECURSIVE up(id, parent_id) AS (SELECT id, parent_id FROM nodes WHERE id = ? "
        "UNION ALL SELECT n.id, n.parent_id FROM nodes n JOIN up ON n.id = up.parent_id) "
        "SELECT id FROM up",
        (node_id,),
    ).fetchall()
    found = {r[0] for r in rows}
    return found if include_self else found - {node_id}


def height(node: Node) -> int:
    return 1 + max((height(child) for child in node.children), default=0)


def stored_height(conn: sqlite3.Connection, node_id: int) -> int:
    return conn.execute(
        "WITH RECURSIVE down(id, level) AS (SELECT ?, 1 UNION ALL "
        "SELECT n.id, down.level + 1 FROM nodes n JOIN down ON n.parent_id = down.id) "
        "SELECT max(level) FROM down",
        (node_id,),
    ).fetchone()[0]


def check_depth(conn: sqlite3.Connection, parent_id: int | None, height: int) -> None:
    """Revisions and the report file hold at most MAX_DEPTH levels: deeper, and they could not be read back."""
    from models import interchange  # (and the ledger definitions) not at start

    parent_depth = len(ancestors(conn, parent_id, include_self=True)) if parent_id is not None else 0
    if parent_depth + height > interchange.MAX_DEPTH:
        raise TreeError(f"层级太深：报告最多 {interchange.MAX_DEPTH} 级标题。")


def require_live_ancestors(conn: sqlite3.Connection, node_id: int) -> None:
    """A node restored under a trashed section would be live yet shown nowhere, not even in the trash."""
    above = tuple(ancestors(conn, node_id))
    if not above:
        return
    marks = ", ".join("?" * len(above))
    row = conn.execute(
        f"SELECT title FROM nodes WHERE id IN ({marks}) AND trashed IS NOT NULL LIMIT 1", above
    ).fetchone()
    if row is not None:
        raise TreeError(f"它所在的上级部分“{row['title'] or '（无标题）'}”也在回收站中，请先恢复上级部分。")


# A node's 字数 in SQL: its title and text, and for a table the text of every cell.
CHARS = (
    "(length(title) + length(text) + coalesce((SELECT sum(length(value)) FROM json_tree(cells) "
    "WHERE type = 'text'), 0))"
)


def cells_json(table: TableData) -> tuple[str, int]:
    """A table's cells as stored in ``nodes.cells``, cleaned; and how many characters were cleaned out."""
    from models import interchange  # (and the ledger definitions) not at start

    removed = 0
    rows: list[list[str]] = []
    for row in table.rows:
        cleaned_row = []
        for cell in row:
            cleaned, count = clean_text(cell)
            cleaned_row.append(cleaned)
            removed += count
        rows.append(cleaned_row)
    data = interchange.table_to_dict(TableData(rows, table.header_row))
    return json.dumps(data, ensure_ascii=False), removed


def table_of(cells: str | None) -> TableData | None:
    if cells is None:
        return None
    data = json.loads(cells)
    return TableData([list(row) for row in data["rows"]], bool(data["header_row"]))


def node_of(row: sqlite3.Row, children: list[Node] | None = None) -> Node:
    return Node(
        kind=row["kind"],
        title=row["title"],
        text=row["text"],
        id=row["id"],
        key=row["key"],
        reference=row["reference"],
        unit=row["unit"],
        due=row["due"],
        children=children or [],
        table=table_of(row["cells"]),
    )


def build_tree(rows: list[sqlite3.Row]) -> list[Node]:
    """Rows of live nodes → nested nodes. Children of trashed nodes are left out with them."""
    by_parent: dict[int | None, list[sqlite3.Row]] = {}
    for row in rows:
        by_parent.setdefault(row["parent_id"], []).append(row)

    def build(parent_id: int | None) -> list[Node]:
        return [node_of(r, build(r["id"])) for r in sorted(by_parent.get(parent_id, []), key=lambda r: r["position"])]

    return build(None)


def node_rows(
    conn: sqlite3.Connection,
    report_id: int,
    parent_id: int | None,
    nodes: list[Node],
    start: int = 0,
    keep_ids: bool = False,
) -> list[dict[str, Any]]:
    """Rows for ``nodes`` and their subtrees, parents first, ready for one bulk insert.

    Each node gets its id here: with ``keep_ids`` its own if no other node has it, else the id
    AUTOINCREMENT would have given (in the same order), so ids match one-by-one inserts."""
    taken = _existing_ids(conn, [node.id for node in _walk(nodes)]) if keep_ids else set()
    high = last_id(conn, "nodes")
    rows: list[dict[str, Any]] = []

    def add(parent: int | None, children: list[Node], first: int) -> None:
        nonlocal high
        for position, node in enumerate(children, first):
            if keep_ids and node.id is not None and node.id not in taken:
                high = max(high, node.id)
            else:
                high += 1
                node.id = high
            taken.add(node.id)
            rows.append(
                {
                    "id": node.id,
                    "report_id": report_id,
                    "parent_id": parent,
                    "position": position,
                    "kind": node.kind,
                    "title": clean_text(node.title)[0],
                    "text": clean_text(node.text)[0],
                    "key": node.key,
                    "reference": node.reference,
                    "unit": clean_text(node.unit)[0],
                    "due": clean_text(node.due)[0],
                    "cells": cells_json(node.table or TableData())[0] if node.kind == TABLE else None,
                }
            )
            add(node.id, node.children, 0)

    add(parent_id, nodes, start)
    return rows


def _walk(nodes: list[Node]) -> list[Node]:
    return [found for node in nodes for found in (node, *_walk(node.children))]


def _existing_ids(conn: sqlite3.Connection, ids: list[int | None]) -> set[int]:
    wanted = json.dumps([i for i in ids if i is not None])  # json_each: no limit on the number of ids
    rows = conn.execute("SELECT id FROM nodes WHERE id IN (SELECT value FROM json_each(?))", (wanted,))
    return {row[0] for row in rows}


def pack(report: Report) -> bytes:
    from models import interchange  # (and the ledger definitions) not at start

    data = interchange.report_to_dict(report)
    data["ids"] = [node.id for node in report.walk()]
    data["ledger"] = interchange.ledger_to_dict(report.ledger)  # even empty: see snapshot_has_ledger
    return zlib.compress(json.dumps(data, ensure_ascii=False).encode("utf-8"), 6)


def unpack(blob: bytes) -> Report:
    from models import interchange  # (and the ledger definitions) not at start

    data = json.loads(zlib.decompress(blob).decode("utf-8"))
    ids = data.pop("ids", [])
    report = interchange.report_from_dict(data)
    for node, node_id in zip(report.walk(), ids, strict=False):
        node.id = node_id
    return report


def snapshot_has_ledger(blob: bytes) -> bool:
    """Snapshots taken before schema v3 know nothing of the ledger: restoring one keeps today's figures."""
    return "ledger" in json.loads(zlib.decompress(blob).decode("utf-8"))
