"""Round-trip benchmark (medians): a 填报文件 for all parts, a 审阅稿, and the merge plan of each
as returned (untouched, so the whole file is read and compared) for a ~20-page report.

Run: python bench/bench_roundtrip.py [--runs N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import median_ms, sized_report  # noqa: E402
from models.report import SECTION  # noqa: E402
from models.roundtrip.merge import plan_merge  # noqa: E402
from models.roundtrip.package import make_package  # noqa: E402
from models.roundtrip.review import make_review  # noqa: E402
from models.store import Library  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        with Library(work / "library.db") as library:
            report_id = library.create_report(sized_report(150))
            report = library.load_report(report_id)
            parts = [node for node in report.body if node.kind == SECTION]
            package, review = work / "package.docx", work / "review.docx"
            make_package(library, report_id, parts, "执法科", package)  # warm-up
            nodes = sum(1 for _ in report.walk())
            print(f"report: {nodes} nodes, {len(parts)} top-level parts")
            made = median_ms(lambda: make_package(library, report_id, parts, "执法科", package), runs)
            print(f"填报文件 for every part: median {made:.0f} ms ({package.stat().st_size / 1024:.0f} KiB)")
            made = median_ms(lambda: make_review(library, report_id, review), runs)
            print(f"审阅稿: median {made:.0f} ms ({review.stat().st_size / 1024:.0f} KiB)")
            for name, path in (("填报文件", package), ("审阅稿", review)):
                planned = median_ms(lambda p=path: plan_merge(library, report_id, p), runs)
                print(f"merge plan of the returned {name}: median {planned:.0f} ms")


if __name__ == "__main__":
    main()
