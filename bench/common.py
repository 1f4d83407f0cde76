"""Helpers shared by the benchmarks: timing, medians, a realistic report."""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from models.report import POINT, SECTION, Node, Report, ReportMeta  # noqa: E402

# The same fixtures the tests use, read as files (bench/ never imports tests/).
SEED_REPORT = ROOT / "tests" / "data" / "seed-report-2023.txt"
EXAMPLE_REPORT = ROOT / "resources" / "examples" / "example-report.json"

SENTENCE = "坚持以习近平法治思想为指导，全面落实行政执法“三项制度”，全年办理行政许可1262件，同比增长12.5%。"


def timings(action: Callable[[], object], runs: int) -> list[float]:
    result = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        result.append(time.perf_counter() - start)
    return result


def median_ms(action: Callable[[], object], runs: int) -> float:
    """The median time of ``runs`` calls, in milliseconds."""
    return statistics.median(timings(action, runs)) * 1000


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def show(name: str, seconds: list[float], goal_ms: float | None = None) -> None:
    p50, p99 = statistics.median(seconds) * 1000, percentile(seconds, 0.99) * 1000
    goal = f"  (goal ≤ {goal_ms:g} ms: {'met' if p50 <= goal_ms else 'MISSED'})" if goal_ms else ""
    print(f"{name:<48} p50 {p50:8.2f} ms   p99 {p99:8.2f} ms   n={len(seconds)}{goal}")


def sized_report(nodes: int, year: int = 2024, issuer: str = "某市某区某局") -> Report:
    """A report of about ``nodes`` nodes: parts → items → points, with realistic text lengths."""
    body: list[Node] = []
    count = 0
    part = 0
    while count < nodes:
        part += 1
        section = Node(SECTION, f"第{part}部分的标题", key="measures" if part == 1 else "")
        count += 1
        for item in range(8):
            if count >= nodes:
                break
            child = Node(SECTION, f"第{item + 1}项工作的概括句。", SENTENCE)
            count += 1
            for _ in range(3):
                if count >= nodes:
                    break
                child.children.append(Node(POINT, "具体做法。", SENTENCE * 2))
                count += 1
            section.children.append(child)
        body.append(section)
    title = f"{issuer}关于{year}年度法治政府建设情况的报告"
    return Report(ReportMeta(year=year, issuer=issuer, title=title, signature=issuer, date=f"{year + 1}-03-01"), body)
