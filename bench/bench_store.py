"""Library benchmarks (issue: foundation). Prints medians; not a test.

Builds (once, cached in the temp folder) a library of 500 reports × 150 nodes × 20 revisions, then
times the autosave path, opening + listing, loading a 300-node report, making a revision, and the
whole `python main.py list` process.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, show, sized_report, timings

from models.store import Library

REPORTS, NODES, REVISIONS = 500, 150, 20
CACHE = Path(tempfile.gettempdir()) / f"nianbao-bench-{REPORTS}x{NODES}x{REVISIONS}.db"


def build(path: Path) -> None:
    started = time.perf_counter()
    partial = path.with_suffix(".partial")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    with Library(partial) as lib:
        for n in range(REPORTS):
            report_id = lib.create_report(sized_report(NODES, year=2000 + n % 25))
            for r in range(REVISIONS):
                lib.create_revision(report_id, f"版本{r}")
    partial.rename(path)
    print(f"built {path} in {time.perf_counter() - started:.1f} s, {path.stat().st_size / 1e6:.0f} MB")


def main() -> None:
    if not CACHE.exists():
        build(CACHE)
    rng = random.Random(7)
    with Library(CACHE) as lib:
        node_ids = [r[0] for r in lib.conn.execute("SELECT id FROM nodes ORDER BY random() LIMIT 2000")]
        texts = iter([f"自动保存{i}：" + "文" * rng.randint(50, 2000) for i in range(2000)])
        saves = timings(lambda: lib.update_node(rng.choice(node_ids), text=next(texts)), 2000)
        show("save one node's text (autosave path)", saves, 2)
        print(f"{'':<48} p99 goal ≤ 10 ms: {'met' if sorted(saves)[int(0.99 * len(saves))] <= 0.010 else 'MISSED'}")
    show("open the library and list reports", timings(lambda: _open_and_list(CACHE), 30), 100)

    with tempfile.TemporaryDirectory() as folder, Library(Path(folder) / "lib.db") as lib:
        big = lib.create_report(sized_report(300))
        show("load a 300-node report", timings(lambda: lib.load_report(big), 50), 30)
        show("create a revision snapshot (300 nodes)", timings(lambda: lib.create_revision(big, "x"), 50), 20)

    env = {**os.environ, "NIANBAO_HOME": tempfile.mkdtemp()}
    command = [sys.executable, str(ROOT / "main.py"), "list", "--db", str(CACHE)]
    runs = timings(lambda: subprocess.run(command, env=env, capture_output=True, check=True), 15)
    show("`python main.py list` as a whole process", runs, 250)


def _open_and_list(path: Path) -> None:
    with Library(path) as lib:
        lib.list_reports()


if __name__ == "__main__":
    main()
