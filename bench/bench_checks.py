"""体检 speed: all rules over a 20-page report, and the re-check of one edited node.

Goals (issue 6): the whole report ≤ 50 ms in process; one node ≤ 5 ms. Prints medians, and what
the page rules (issue 14: they lay the report out, full check only) add.
Run: ``/work/venv/bin/python bench/bench_checks.py``
"""

from __future__ import annotations

import copy
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import EXAMPLE_REPORT, SEED_REPORT  # noqa: E402
from models import interchange  # noqa: E402
from models.checks import RULES, check_node, run_checks  # noqa: E402
from models.importing import import_file  # noqa: E402
from models.report import Report  # noqa: E402

PAGE_CHARS = 22 * 28  # GB/T 9704: 22 lines of 28 characters


def chars(report: Report) -> int:
    return sum(len(n.title) + len(n.text) for n in report.walk())


def twenty_pages() -> Report:
    """The scraped sample (many findings) and the clean example report, repeated to 20 pages."""
    seed, clean = import_file(SEED_REPORT).report, interchange.read_file(EXAMPLE_REPORT)[0]
    report = copy.deepcopy(seed)
    report.body = []
    while chars(report) < 20 * PAGE_CHARS:
        report.body.extend(copy.deepcopy(seed.body[1:]))
        report.body.extend(copy.deepcopy(clean.body[1:]))
    for number, node in enumerate(report.walk(), 1):
        node.id = number
    return report


def median_ms(action, runs: int) -> tuple[float, float]:
    """Median wall-clock and CPU milliseconds (CPU time is steadier on a shared machine)."""
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        action()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def main() -> None:
    report = twenty_pages()
    nodes = list(report.walk())
    edited = max(nodes, key=lambda n: len(n.text))
    run_checks(report)  # warm caches (template guidance, regex compilation)
    findings = run_checks(report)
    whole = median_ms(lambda: run_checks(report), 30)
    public = median_ms(lambda: run_checks(report, edition="public"), 30)

    def edit_and_recheck() -> None:
        edited.text += "新增一句。"
        check_node(report, edited)

    one = median_ms(edit_and_recheck, 200)
    # The page rules (models/checks/pages.py) lay the report out: their share of the full check.
    page_rules = {rule.id for rule in RULES if rule.family == "layout"}
    without_pages = median_ms(lambda: run_checks(report, disabled=page_rules), 30)
    print(
        f"report: {chars(report)} characters (~{chars(report) / PAGE_CHARS:.1f} pages), {len(nodes)} nodes, "
        f"{len(findings)} findings"
    )
    print(f"run_checks (报送版), median of 30:  wall {whole[0]:6.2f} ms, CPU {whole[1]:6.2f} ms   goal ≤ 50 ms")
    print(f"run_checks (公开版), median of 30:  wall {public[0]:6.2f} ms, CPU {public[1]:6.2f} ms   goal ≤ 50 ms")
    print(
        f"run_checks (报送版) without the page rules: wall {without_pages[0]:6.2f} ms, CPU {without_pages[1]:6.2f} ms"
        f"   (page rules add {whole[1] - without_pages[1]:.0f} ms CPU)"
    )
    print(
        f"check_node after an edit ({len(edited.text)} chars), median of 200:  "
        f"wall {one[0]:5.2f} ms, CPU {one[1]:5.2f} ms   goal ≤ 5 ms"
    )


if __name__ == "__main__":
    main()
