"""Desktop-program benchmarks (medians on this machine; figures printed, nothing asserted).

1. Start-up: from process start to the main window shown with a 20-page report open, over
   several fresh processes, and the same for a bare PySide6 window (the ratio is printed).
2. Keystroke: the UI-thread work after one keystroke in a 5,000-character section (key
   handling, model update, repaint), and the deferred work it triggers (autosave write,
   字数 update) — each measured on its own, the longest one reported.
3. Peak RSS of the start-up processes with that report open.

Run: QT_QPA_PLATFORM=offscreen python bench/bench_ui.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGE_CHARS = 22 * 28  # a full GB/T 9704 body page
BIG_SECTION_CHARS = 5000

APP_CHILD = """
import sys, resource
sys.path.insert(0, {root!r})
from PySide6.QtCore import QTimer
from ui.app import start
app, window = start(["--db", {db!r}])  # reopens the last report, as the program does
def done():
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print("SHOWN", rss, window.session.report_id, len(list(window.session.report.walk())), flush=True)
    window.close()
    app.quit()
QTimer.singleShot(0, done)
app.exec()
"""

BARE_CHILD = """
import sys, resource
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit, QSplitter, QTreeView
app = QApplication(sys.argv[:1])
window = QMainWindow()
splitter = QSplitter()
splitter.addWidget(QTreeView())
splitter.addWidget(QPlainTextEdit())
window.setCentralWidget(splitter)
window.show()
def done():
    print("SHOWN", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
    app.quit()
QTimer.singleShot(0, done)
app.exec()
"""


def sentence(i: int) -> str:
    return f"全年办理各类事项{i * 7 + 3}件，比上年增长{i % 9 + 1}.{i % 7}%，群众满意率保持在99%以上。"


def filler(chars: int, seed: int) -> str:
    text, i = "", seed
    while len(text) < chars:
        text += sentence(i)
        i += 1
    return text[:chars]


def build_library(folder: Path) -> tuple[Path, int, int]:
    """A library holding one ~20-page report with a 5,000-character section; (path, report, section)."""
    from models.report import POINT, Node
    from models.store import Library
    from models.templates import load_template, new_report

    report = new_report(load_template("fzzf-annual"), 2024, "某市某区示范局")
    report.body[0].text = filler(300, 1)
    measures = report.body[1]
    big = measures.children[0]
    big.text = filler(BIG_SECTION_CHARS, 2)
    for n, section in enumerate(measures.children[1:], start=1):
        section.children = [Node(POINT, title=f"做法{k}。", text=filler(200, n * 10 + k)) for k in range(1, 4)]
    for n, part in enumerate(report.body[2:], start=20):
        part.children = [Node(POINT, title=f"事项{k}。", text=filler(180, n * 10 + k)) for k in range(1, 4)]
    path = folder / "library.db"
    with Library(path) as library:
        report_id = library.create_report(report)
        stored = library.load_report(report_id)
        chars = sum(len(n.title) + len(n.text) for n in stored.walk())
        print(f"report: {chars} characters ≈ {chars / PAGE_CHARS:.1f} full pages of body text")
        big_id = stored.body[1].children[0].id
    assert big_id is not None
    return path, report_id, big_id


def time_child(code: str, env: dict[str, str]) -> tuple[float, int]:
    """Seconds from spawning the process to its "SHOWN" line, and its peak RSS in KiB."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True, env=env)
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith("SHOWN"):
            elapsed = time.perf_counter() - started
            rss = int(line.split()[1])
            if "ui.app" in code and (len(line.split()) < 4 or line.split()[2] == "None"):
                raise RuntimeError("the program started without the report open")
            break
    else:
        raise RuntimeError("child never showed its window")
    process.wait(timeout=30)
    return elapsed, rss


def bench_startup(db: Path, report_id: int, runs: int, env: dict[str, str]) -> None:
    app_code = APP_CHILD.format(root=str(ROOT), db=str(db))
    time_child(BARE_CHILD, env)  # warm the file cache for both
    time_child(app_code, env)
    bare = [time_child(BARE_CHILD, env) for _ in range(runs)]
    ours = [time_child(app_code, env) for _ in range(runs)]
    bare_s = statistics.median(t for t, _ in bare)
    ours_s = statistics.median(t for t, _ in ours)
    print(f"start-up to window shown, 20-page report open: median {ours_s:.3f} s over {runs} processes "
          f"(min {min(t for t, _ in ours):.3f}, max {max(t for t, _ in ours):.3f})")
    print(f"bare PySide6 window: median {bare_s:.3f} s; ratio {ours_s / bare_s:.2f}×")
    print(f"peak RSS with the report open: median {statistics.median(r for _, r in ours) / 1024:.1f} MiB, "
          f"max {max(r for _, r in ours) / 1024:.1f} MiB (bare window {statistics.median(r for _, r in bare) / 1024:.1f} MiB)")


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
    for name, values in (("keystroke handling + repaint", key_ms), ("autosave write (timer, after typing stops)", flush_ms),
                         ("字数 update (timer)", count_ms)):
        print(f"{name}: median {statistics.median(values):.2f} ms, max {max(values):.2f} ms")
    longest = max(statistics.median(v) for v in (key_ms, flush_ms, count_ms))
    print(f"longest UI-thread work after a keystroke (median of each step): {longest:.2f} ms")
    window.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keys", type=int, default=60)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="nianbao-bench-") as scratch:
        os.environ["NIANBAO_HOME"] = str(Path(scratch) / "home")
        db, report_id, big_id = build_library(Path(scratch))
        from ui.settings import AppSettings, save_settings

        save_settings(AppSettings(last_report=report_id))
        bench_startup(db, report_id, args.runs, dict(os.environ))
        bench_keystroke(db, report_id, big_id, args.keys)
    return 0


if __name__ == "__main__":
    sys.exit(main())
