"""Desktop-program benchmarks (medians on this machine; figures printed, nothing asserted).

1. Start-up: bench_startup.py's measurement (window shown with a 20-page report open, against a
   bare PySide6 window, over several fresh processes; the ratio is printed).
2. Keystroke: the UI-thread work after one keystroke in a 5,000-character section (key
   handling, model update, repaint), and the deferred work it triggers (autosave write,
   字数 update) — each measured on its own, the longest one reported.
3. Peak RSS of the start-up processes with that report open (also from bench_startup.py).

Run: QT_QPA_PLATFORM=offscreen python bench/bench_ui.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.bench_startup import BIG_SECTION_CHARS, measure, report, scratch_library  # noqa: E402


def bench_keystroke(db: Path, report_id: int, big_id: int, keys: int) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from ui.app import start

    started = start(["--db", str(db)])
    assert started is not None
    app, window = started
    window.tree_view.setCurrentIndex(window.session.outline.index_of_id(big_id))
    editor = window.node_form.edt_body
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    app.processEvents()
    key_ms, flush_ms, count_ms = [], [], []
    for i in range(keys):
        t0 = time.perf_counter()
        QTest.keyClick(editor, Qt.Key.Key_A if i % 2 else Qt.Key.Key_B)
        app.processEvents()  # includes the repaint of the editor and of the tree row
        key_ms.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        window.update_counts()  # what the 300 ms 字数 timer runs
        count_ms.append((time.perf_counter() - t0) * 1000)
        if i % 5 == 0:
            t0 = time.perf_counter()
            window.session.flush()  # what the 800 ms autosave timer runs: one update_node
            flush_ms.append((time.perf_counter() - t0) * 1000)
    assert window.session.report_id == report_id
    assert len(window.node_form.node.text) == BIG_SECTION_CHARS + keys
    for name, values in (
        ("keystroke handling + repaint", key_ms),
        ("autosave write (timer, after typing stops)", flush_ms),
        ("字数 update (timer)", count_ms),
    ):
        print(f"{name}: median {statistics.median(values):.2f} ms, max {max(values):.2f} ms")
    longest = max(statistics.median(v) for v in (key_ms, flush_ms, count_ms))
    print(f"longest UI-thread work after a keystroke (median of each step): {longest:.2f} ms")
    window.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keys", type=int, default=60)
    args = parser.parse_args()
    with scratch_library() as (db, report_id, big_id):
        report(*measure(db, args.runs, dict(os.environ)))
        bench_keystroke(db, report_id, big_id, args.keys)
    return 0


if __name__ == "__main__":
    sys.exit(main())
