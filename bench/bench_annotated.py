"""审校稿 benchmark (medians): the ordinary .docx build against the 审校稿 build (the comments'
plan, the comments part, runs cut at each finding) for the sample report as scraped and for a
150-node report with a finding planted in every paragraph.

Run: /work/main/.venv/bin/python bench/bench_annotated.py [--runs N]
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import sized_report  # noqa: E402
from models.checks import run_checks  # noqa: E402
from models.export import ExportOptions  # noqa: E402
from models.export.annotated import build_annotated  # noqa: E402
from models.export.docx_writer import build_docx  # noqa: E402
from models.importing import import_file  # noqa: E402
from models.report import Report  # noqa: E402


def _median_ms(action, runs: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def _planted(report: Report) -> Report:
    """A bare law title (根据行政处罚法) at the end of every text: one finding per paragraph."""
    ids = itertools.count(1)
    for node in report.walk():
        node.id = next(ids)
        if node.text:
            node.text = node.text.rstrip("。") + "，根据行政处罚法办理。"
    return report


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    runs = parser.parse_args().runs
    sample = import_file(ROOT / "tests" / "data" / "seed-report-2023.txt").report
    ids = itertools.count(1)
    for node in sample.walk():
        node.id = next(ids)
    options = ExportOptions()
    for label, report in (("sample report as scraped", sample), ("150 nodes, planted", _planted(sized_report(150)))):
        findings = run_checks(report)
        build_annotated(report, findings, options)  # warm-up
        plain = _median_ms(lambda r=report: build_docx(r, options), runs)
        annotated = _median_ms(lambda r=report, f=findings: build_annotated(r, f, options), runs)
        print(f"{label}: {len(findings)} findings; ordinary .docx {plain:.1f} ms, 审校稿 {annotated:.1f} ms")


if __name__ == "__main__":
    main()
