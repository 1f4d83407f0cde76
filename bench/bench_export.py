"""Export benchmark (medians): build and save a 20-page report in process, and the whole
``python main.py export ID -o out.docx`` command as a fresh process.

Run: /work/venv/bin/python bench/bench_export.py [--runs N]
Goals (issue 3): ≤ 100 ms in process, ≤ 0.6 s as a whole process.
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

from bench.common import median_ms, sized_report  # noqa: E402
from models.export import ExportOptions, export_report  # noqa: E402
from models.export.docx_writer import build_docx  # noqa: E402
from models.report_text import plain_text  # noqa: E402
from models.store import Library  # noqa: E402
from models.text_chars import count_chars  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    report = sized_report(150)
    chars = count_chars(plain_text(report))
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        target = work / "report.docx"
        export_report(report, target)  # warm-up: imports, python-docx template
        print(f"report: {chars} characters")
        for edition in ("submit", "public"):
            options = ExportOptions(edition=edition)
            build = median_ms(lambda o=options: build_docx(report, o), runs)
            save = median_ms(lambda o=options: export_report(report, target, o), runs)
            print(f"{edition:6s} build in memory: median {build:.1f} ms; build + save (write_atomic): {save:.1f} ms")
        print(f"file size: {target.stat().st_size / 1024:.0f} KiB")
        _whole_process(work, report, max(5, runs // 3))


def _whole_process(work: Path, report, runs: int) -> None:
    db = work / "library.db"
    with Library(db) as lib:
        report_id = lib.create_report(report)
    env = {**os.environ, "NIANBAO_HOME": str(work / "home")}
    command = [
        sys.executable,
        str(ROOT / "main.py"),
        "--db",
        str(db),
        "export",
        str(report_id),
        "-o",
        str(work / "cli.docx"),
        "--force",
    ]
    subprocess.run(command, check=True, env=env, capture_output=True)  # warm the file cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, env=env, capture_output=True)
        times.append(time.perf_counter() - start)
    print(
        f"python main.py export ID -o out.docx: median {statistics.median(times) * 1000:.0f} ms "
        f"over {runs} runs (min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f})"
    )


if __name__ == "__main__":
    main()
