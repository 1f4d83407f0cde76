"""Typesetter benchmark (medians): lay out a 20-page and a 100-page report, fonts already loaded;
and the first layout in a process, which reads the font files (fc-match, fontTools).

Run: nice /work/main/.venv/bin/python bench/bench_typeset.py [--runs N]
Goal (issue 14): ≤ 300 ms for 20 pages.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# The CJK fonts a report prints with (their large cmaps are what costs), as the tests map them.
os.environ.setdefault("FONTCONFIG_FILE", str(ROOT / "tests" / "fonts" / "fonts.conf"))

from bench.common import show, sized_report, timings  # noqa: E402
from models.export import ExportOptions  # noqa: E402
from models.typeset import typeset  # noqa: E402


def report_of_pages(pages: int):
    """A sized report grown until it lays out on ``pages`` pages (or just over)."""
    nodes = 4 * pages
    while True:
        report = sized_report(nodes)
        count = len(typeset(report, ExportOptions()))
        if count >= pages:
            return report, count
        nodes += max(1, (pages - count) * 4)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs
    start = time.perf_counter()
    typeset(sized_report(10), ExportOptions())
    print(f"first layout in the process (fonts read): {(time.perf_counter() - start) * 1000:.0f} ms")
    for pages, goal in ((20, 300), (100, None)):
        report, count = report_of_pages(pages)
        show(f"typeset {count} pages (报送版)", timings(lambda r=report: typeset(r, ExportOptions()), runs), goal)
        public = ExportOptions(edition="public")
        show(f"typeset {count} pages (公开版)", timings(lambda r=report, o=public: typeset(r, o), runs), goal)


if __name__ == "__main__":
    main()
