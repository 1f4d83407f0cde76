"""Start-up only: wall time from spawning a process until its window is shown, for the program
(reopening a 20-page report, as it does at start) and for a bare PySide6 window (QMainWindow
with a QTreeView and a QPlainTextEdit), alternating in the same run; medians and the ratio.

Run: QT_QPA_PLATFORM=offscreen python bench/bench_startup.py [--runs 9]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.bench_ui import APP_CHILD, BARE_CHILD, build_library, time_child  # noqa: E402


def measure(db: Path, runs: int, env: dict[str, str]) -> tuple[list[float], list[float]]:
    """(program seconds, bare-window seconds), one of each per round so load drifts hit both."""
    app_code = APP_CHILD.format(root=str(ROOT), db=str(db))
    time_child(BARE_CHILD, env)  # warm the file cache for both
    time_child(app_code, env)
    ours: list[float] = []
    bare: list[float] = []
    for _ in range(runs):
        bare.append(time_child(BARE_CHILD, env)[0])
        ours.append(time_child(app_code, env)[0])
    return ours, bare


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="nianbao-bench-") as scratch:
        os.environ["NIANBAO_HOME"] = str(Path(scratch) / "home")
        db, report_id, _big_id = build_library(Path(scratch))
        from ui.settings import AppSettings, save_settings

        save_settings(AppSettings(last_report=report_id))
        ours, bare = measure(db, args.runs, dict(os.environ))
    ours_s, bare_s = statistics.median(ours), statistics.median(bare)
    print(f"program, window shown with the report open: median {ours_s:.3f} s "
          f"(min {min(ours):.3f}, max {max(ours):.3f}) over {args.runs} processes")
    print(f"bare PySide6 window (QTreeView + QPlainTextEdit): median {bare_s:.3f} s "
          f"(min {min(bare):.3f}, max {max(bare):.3f})")
    print(f"ratio {ours_s / bare_s:.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
