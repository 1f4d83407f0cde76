"""Start-up: wall time from spawning a process until its window is shown, for the program
(reopening a 20-page report, as it does at start) and for a bare PySide6 window (QMainWindow
with a QTreeView and a QPlainTextEdit), alternating in the same run; medians, the ratio and the
peak RSS of both. The one start-up measurement: bench_ui.py calls measure() and report().

Run: QT_QPA_PLATFORM=offscreen python bench/bench_startup.py [--runs 9]
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
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
    process = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    )
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


def measure(db: Path, runs: int, env: dict[str, str]) -> tuple[list[tuple[float, int]], list[tuple[float, int]]]:
    """(program, bare window) as (seconds, peak RSS KiB) per process, one of each per round so load
    drifts hit both."""
    compile_sources()
    app_code = APP_CHILD.format(root=str(ROOT), db=str(db))
    time_child(BARE_CHILD, env)  # warm the file cache for both
    time_child(app_code, env)
    ours: list[tuple[float, int]] = []
    bare: list[tuple[float, int]] = []
    for _ in range(runs):
        bare.append(time_child(BARE_CHILD, env))
        ours.append(time_child(app_code, env))
    return ours, bare


def report(ours: list[tuple[float, int]], bare: list[tuple[float, int]]) -> None:
    ours_t, bare_t = [t for t, _ in ours], [t for t, _ in bare]
    ours_s, bare_s = statistics.median(ours_t), statistics.median(bare_t)
    print(
        f"program, window shown with the report open: median {ours_s:.3f} s "
        f"(min {min(ours_t):.3f}, max {max(ours_t):.3f}) over {len(ours)} processes"
    )
    print(
        f"bare PySide6 window (QTreeView + QPlainTextEdit): median {bare_s:.3f} s "
        f"(min {min(bare_t):.3f}, max {max(bare_t):.3f})"
    )
    print(f"ratio {ours_s / bare_s:.2f}×")
    print(
        f"peak RSS with the report open: median {statistics.median(r for _, r in ours) / 1024:.1f} MiB, "
        f"max {max(r for _, r in ours) / 1024:.1f} MiB (bare window {statistics.median(r for _, r in bare) / 1024:.1f} MiB)"
    )


@contextmanager
def scratch_library() -> Iterator[tuple[Path, int, int]]:
    """A throw-away app-data folder whose library the program reopens at start; (db, report, big section)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="nianbao-bench-") as scratch:
        os.environ["NIANBAO_HOME"] = str(Path(scratch) / "home")
        db, report_id, big_id = build_library(Path(scratch))
        from ui.settings import AppSettings, save_settings

        save_settings(AppSettings(last_report=report_id))
        yield db, report_id, big_id


def compile_sources(root: Path = ROOT) -> None:
    """Bytecode for every module, as an installed program has (PyInstaller bundles .pyc files).
    With PYTHONDONTWRITEBYTECODE set, a stale cache would be compiled again at every start and
    counted as start-up time."""
    for package in ("models", "ui"):
        compileall.compile_dir(root / package, quiet=1)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    with scratch_library() as (db, _report_id, _big_id):
        report(*measure(db, args.runs, dict(os.environ)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
