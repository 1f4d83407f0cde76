"""体检 recall on the planted corpus, and noise on the clean corpus it was planted in.

For each defect of tests/data/planted/defects.toml: plant it alone in its clean report, import the
text, run the checks (公开版) and count it found when a finding (or a place inside a grouped one)
appears that the clean report does not have. Prints recall per defect kind, the defects missed,
then findings per 1,000 characters on each clean report (imported from its file, both editions).
Run: ``/work/main/.venv/bin/python bench/bench_recall.py``
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import chars, clean_names, imported_file, recall_by_kind  # noqa: E402
from models.checks import run_checks  # noqa: E402


def print_recall() -> None:
    results = recall_by_kind()
    alone = recall_by_kind(notes=False)
    found = sum(f for f, _, _ in results.values())
    planted = sum(t for _, t, _ in results.values())
    by_checks = sum(f for f, _, _ in alone.values())
    print(
        f"recall on the planted corpus: {found}/{planted} = {100 * found / planted:.1f}% "
        f"(体检 findings alone, without the import preview's notes: {by_checks}/{planted})"
    )
    for kind, (hits, total, missed) in sorted(results.items()):
        note = f"  (体检 alone {alone[kind][0]}/{total})" if alone[kind][0] != hits else ""
        print(f"  {kind:<22} {hits:>3}/{total:<3} {100 * hits / total:6.1f}%{note}")
        for defect in missed:
            print(f"      missed in {defect.report}: {defect.text[:40]!r}")


def print_noise() -> None:
    total_chars = total_findings = 0
    for name in clean_names():
        report = imported_file(name)
        size = chars(report)
        for edition in ("submit", "public"):
            findings = run_checks(report, edition=edition)
            rules = ", ".join(f"{r}×{n}" for r, n in Counter(f.rule for f in findings).most_common())
            print(
                f"  {name:<40} {edition:<6} {size:>5} chars {len(findings):>2} findings "
                f"{1000 * len(findings) / size:5.2f}/1000  {rules}"
            )
            if edition == "public":
                total_chars += size
                total_findings += len(findings)
    print(
        f"clean corpus (公开版): {total_findings} findings in {total_chars} chars = "
        f"{1000 * total_findings / total_chars:.2f} per 1,000 characters"
    )


def main() -> None:
    print_recall()
    print_noise()


if __name__ == "__main__":
    main()
