"""Find and replace, the 全文 text and the font list: how long each takes on a long report.

The find dock searches again after each pause in typing and each autosave while it is open, so a
whole-report search should stay well under a frame budget (goal ≤ 30 ms for 100 pages). Prints medians.
Run: ``/work/main/.venv/bin/python bench/bench_search.py``
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import show, sized_report, timings  # noqa: E402
from models.export import font_check  # noqa: E402
from models.export.web import text_paragraphs  # noqa: E402
from models.search import SearchOptions, find, replacements  # noqa: E402

PAGE_CHARS = 22 * 28


def main() -> None:
    report = sized_report(720)
    for number, node in enumerate(report.walk(), 1):
        node.id = number
    chars = sum(len(n.title) + len(n.text) for n in report.walk())
    print(f"report: {sum(1 for _ in report.walk())} parts, {chars} characters ≈ {chars / PAGE_CHARS:.0f} pages")
    hits = find(report, "执法")
    print(f"“执法”: {len(hits)} hits; “，”: {len(find(report, '，'))} hits")
    show("find 执法 (width-insensitive)", timings(lambda: find(report, "执法"), 30), goal_ms=30)
    show("find ，  (every comma)", timings(lambda: find(report, "，"), 30), goal_ms=30)
    whole = SearchOptions(whole_phrase=True)
    show("find 12.5 whole phrase", timings(lambda: find(report, "12.5", whole), 30), goal_ms=30)
    show("replacements for every 执法", timings(lambda: replacements(report, hits, "执法工作", "执法"), 30))
    show("全文 paragraphs (text export)", timings(lambda: text_paragraphs(report), 10))
    start = time.perf_counter()
    installed = font_check.installed_families()
    first = (time.perf_counter() - start) * 1000
    print(
        f"font list of this machine (first call, then cached): {first:.1f} ms, "
        f"{len(installed) if installed is not None else 'unknown'} names"
    )


if __name__ == "__main__":
    main()
