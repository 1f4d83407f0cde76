"""The editor's live re-check: time to re-check one edited node on a 100-page report, as
ChecksController.recheck_node does it on the UI thread after each keystroke (the field rules over
that node, with the tree's context kept), then find its marks (ui.editors.finding_marks.marks_for).

A 公文 page holds 22 lines of 28 characters; the report is the clean corpus repeated to 100 pages.
Prints p50, p99 and the worst time over every node that has text, and the full check for scale.
Run: ``/work/main/.venv/bin/python bench/bench_live_marks.py``
"""

from __future__ import annotations

import copy
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import chars, clean_names, imported_file, numbered  # noqa: E402
from models.checks import check_node, run_checks  # noqa: E402
from models.checks.structure import build_context  # noqa: E402
from models.report import Report  # noqa: E402
from ui.editors.finding_marks import marks_for  # noqa: E402

PAGE = 22 * 28
PAGES = 100


def hundred_pages() -> Report:
    reports = [imported_file(name) for name in clean_names()]
    body: list = []
    report = Report(meta=reports[0].meta, body=body)
    while chars(report) < PAGE * PAGES:
        for source in reports:
            body.extend(copy.deepcopy(source.body))
    return numbered(report)


def main() -> None:
    report = hundred_pages()
    context = build_context(report, "submit")
    nodes = [n for n in report.walk() if n.text]
    times = []
    for _ in range(3):
        for node in nodes:
            start = time.perf_counter()
            findings = check_node(report, node, context=context)
            marks_for(findings, node.id, "text", node.text)
            times.append(1000 * (time.perf_counter() - start))
    times.sort()
    p99 = times[int(len(times) * 0.99)]
    print(f"report: {chars(report)} characters ({chars(report) / PAGE:.0f} pages), {len(nodes)} nodes with text")
    print(
        f"re-check one node + marks: p50 {statistics.median(times):.2f} ms, p99 {p99:.2f} ms, "
        f"worst {times[-1]:.2f} ms over {len(times)} re-checks"
    )
    start = time.perf_counter()
    build_context(report, "submit")
    print(f"rebuilding the tree's context (after a full check): {1000 * (time.perf_counter() - start):.2f} ms")
    start = time.perf_counter()
    run_checks(report)
    print(f"full check (background thread): {1000 * (time.perf_counter() - start):.0f} ms")


if __name__ == "__main__":
    main()
