"""PDF export benchmark: the sample report (公开版 and 报送版) to PDF, the whole process (layout,
font subsetting, writing) timed in a fresh state per run; prints medians and the file size.

Run: nice /work/main/.venv/bin/python bench/bench_pdf.py [--runs N]
Goal (issue 14): ≤ 1 s for the sample report.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# The CJK fonts the tests map the GB font names onto (Noto Serif/Sans CJK, AR PL UKai).
os.environ.setdefault("FONTCONFIG_FILE", str(ROOT / "tests" / "fonts" / "fonts.conf"))

from models.edition import Edition  # noqa: E402
from models.export import ExportOptions  # noqa: E402
from models.export.pdf import build_pdf  # noqa: E402
from models.typeset import typeset  # noqa: E402
from tests.seed_report import seed_report  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    report = seed_report(repaired=True)
    typeset(report, ExportOptions())  # fc-match and the fonts' metrics once, as a running program has them
    for edition in (Edition.PUBLIC, Edition.SUBMIT):
        options = ExportOptions(edition=edition)
        times, layout, size = [], [], 0
        for _ in range(runs):
            start = time.perf_counter()
            pages = typeset(report, options)
            layout.append(time.perf_counter() - start)
            start = time.perf_counter()
            size = len(build_pdf(report, options))
            times.append(time.perf_counter() - start)
        print(
            f"{edition.value}: {len(pages)} pages, {size / 1024:.0f} KB; export median {statistics.median(times) * 1000:.0f} ms"
            f" (min {min(times) * 1000:.0f}), of which layout {statistics.median(layout) * 1000:.0f} ms"
        )


if __name__ == "__main__":
    main()
