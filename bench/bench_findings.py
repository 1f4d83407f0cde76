"""体检 noise: findings per 1,000 characters, and how many places they stand for.

Prints, for the scraped sample as imported, the same report after every safe fix (``fix_all``)
and the example report: findings (错误 / 建议), the places inside grouped findings, findings per
1,000 characters and the rules that fired. A figure to watch, not a timing.
Run: ``/work/main/.venv/bin/python bench/bench_findings.py``
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import EXAMPLE_REPORT, SEED_REPORT  # noqa: E402
from models import interchange  # noqa: E402
from models.checks import fix_all, run_checks  # noqa: E402
from models.importing import import_file  # noqa: E402
from models.report import Report  # noqa: E402


def chars(report: Report) -> int:
    return sum(len(n.title) + len(n.text) for n in report.walk())


def places(finding) -> int:
    """The single faults a finding stands for (a paragraph of a report-wide finding counts its marks)."""
    if not finding.places:
        return 1
    return sum(len(p.places) or 1 for p in finding.places)


def numbered(report: Report) -> Report:
    for number, node in enumerate(report.walk(), 1):
        node.id = number
    return report


def line(name: str, report: Report, edition: str) -> str:
    findings = run_checks(report, edition=edition)
    errors = sum(1 for f in findings if f.severity == "错误")
    per_k = 1000 * len(findings) / max(chars(report), 1)
    rules = ", ".join(f"{rule}×{n}" for rule, n in Counter(f.rule for f in findings).most_common())
    return (
        f"{name:<26} {edition:<6} {chars(report):>6} chars  {len(findings):>3} findings "
        f"(错误 {errors:>2}, 建议 {len(findings) - errors:>2}) for {sum(map(places, findings)):>4} places  "
        f"{per_k:5.2f}/1000  {rules}"
    )


def main() -> None:
    scraped = numbered(import_file(SEED_REPORT).report)
    reports = {
        "sample as scraped": scraped,
        "sample after fix_all": fix_all(scraped),
        "example report": numbered(interchange.read_file(EXAMPLE_REPORT)[0]),
    }
    for name, report in reports.items():
        for edition in ("submit", "public"):
            print(line(name, report, edition))


if __name__ == "__main__":
    main()
