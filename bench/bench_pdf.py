"""PDF export benchmark for the sample report (公开版 and 报送版).

Two figures per edition:
- whole process: ``main.py export ID -o X.pdf`` run as a clerk's script would run it, from a library
  holding the repaired sample (Python start, imports, reading the library, layout, fonts, writing);
- in process: layout and ``build_pdf`` alone, as the desktop program pays it (fonts' metrics warm).

Run: nice /work/main/.venv/bin/python bench/bench_pdf.py [--runs N]
Goal (issue 14): whole process ≤ 1 s for the sample report.
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
# The CJK fonts the tests map the GB font names onto (Noto Serif/Sans CJK, AR PL UKai).
os.environ.setdefault("FONTCONFIG_FILE", str(ROOT / "tests" / "fonts" / "fonts.conf"))

from models.edition import Edition  # noqa: E402
from models.export import ExportOptions, export_report  # noqa: E402
from models.export.pdf import build_pdf  # noqa: E402
from models.typeset import typeset  # noqa: E402
from tests.seed_report import seed_report  # noqa: E402

GOAL_S = 1.0


def whole_process(edition: Edition, runs: int, home: Path, report_id: str) -> tuple[list[float], int]:
    target = home / f"{edition.value}.pdf"
    command = [sys.executable, str(ROOT / "main.py"), "export", report_id, "-o", str(target), "--force"]
    command += ["--edition", edition.value]
    env = {**os.environ, "NIANBAO_HOME": str(home)}
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, env=env, capture_output=True, timeout=120)
        times.append(time.perf_counter() - start)
    return times, target.stat().st_size


def in_process(edition: Edition, runs: int) -> tuple[list[float], list[float], int]:
    report = seed_report(repaired=True)
    options = ExportOptions(edition=edition)
    layout, times, pages = [], [], 0
    for _ in range(runs):
        start = time.perf_counter()
        pages = len(typeset(report, options))
        layout.append(time.perf_counter() - start)
        start = time.perf_counter()
        build_pdf(report, options)
        times.append(time.perf_counter() - start)
    return layout, times, pages


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    typeset(seed_report(repaired=True), ExportOptions())  # fc-match and the fonts' metrics once
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        source = export_report(seed_report(repaired=True), home / "seed.json", ExportOptions())
        env = {**os.environ, "NIANBAO_HOME": str(home)}
        imported = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "import", str(source)], env=env, capture_output=True, text=True
        )
        report_id = imported.stdout.strip().splitlines()[-1]
        for edition in (Edition.PUBLIC, Edition.SUBMIT):
            wall, size = whole_process(edition, runs, home, report_id)
            layout, export, pages = in_process(edition, runs)
            median = statistics.median(wall)
            verdict = "met" if median <= GOAL_S else "MISSED"
            print(
                f"{edition.value}: {pages} pages, {size / 1024:.0f} KB; whole process median {median * 1000:.0f} ms "
                f"(min {min(wall) * 1000:.0f}, max {max(wall) * 1000:.0f}; goal ≤ {GOAL_S * 1000:.0f} ms: {verdict}); "
                f"in process {statistics.median(export) * 1000:.0f} ms, of which layout "
                f"{statistics.median(layout) * 1000:.0f} ms"
            )


if __name__ == "__main__":
    main()
