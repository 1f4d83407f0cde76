"""A writer process for the fault tests: saves numbered edits and acknowledges each on stdout.

Usage: python -m tests.models.store.writer_process LIBRARY NODE_ID TAG [LOCK_WAIT]
Prints "ready" once open, then "<n>" after every save that returned.
"""

from __future__ import annotations

import sys
from pathlib import Path

from models.report import PARAGRAPH, Node
from models.store import Library


def main() -> None:
    path, node_id, tag = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    lock_wait = float(sys.argv[4]) if len(sys.argv) > 4 else -1.0
    with Library(path, lock=lock_wait >= 0, lock_wait=max(lock_wait, 0.0)) as lib:
        report_id = lib.conn.execute("SELECT report_id FROM nodes WHERE id = ?", (node_id,)).fetchone()[0]
        print("ready", flush=True)
        for n in range(1, 100_000):
            lib.update_node(node_id, text=f"{tag}:{n}:" + "文" * (n % 500))
            if n % 7 == 0:  # structural edits and snapshots too, so kills land inside them
                extra = lib.add_node(report_id, Node(PARAGRAPH, text=f"{tag}-{n}"))
                lib.move_node(extra, None, 0)
            if n % 25 == 0:
                lib.create_revision(report_id, f"{tag}-{n}")
            print(n, flush=True)
            if len(sys.argv) > 5 and n >= int(sys.argv[5]):
                break


if __name__ == "__main__":
    main()
