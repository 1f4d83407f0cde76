"""Benchmark: the importer on the real corpus (tests/data/real/).

Prints, for every field of the expectation files, how many reports the importer got right,
the overall pass rate (reports right in every field), the reports that fail and why, the
same for the .docx cases made from them (bench/corpus_docx.py: clerks' Word layouts), and
the time to import 1 MB of text (the corpus texts concatenated, then repeated, to 1 MB;
goal < 1 s). Run:

    python bench/bench_corpus.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus_score import CORPUS, FIELDS, corpus_stems, score
from models.importing import import_file

MEGABYTE = 1_000_000
GOAL_SECONDS = 1.0


def report_recognition() -> None:
    stems = corpus_stems()
    wrong_fields: Counter[str] = Counter()
    failing: dict[str, list[str]] = {}
    for stem in stems:
        wrong = score(stem)[1]
        wrong_fields.update(wrong.keys())
        if wrong:
            failing[stem] = sorted(wrong)
    total = len(stems)
    print(f"real corpus: {total} reports")
    for name in FIELDS:
        right = total - wrong_fields[name]
        print(f"  {name:<12} {right:>3}/{total}  {right / total:6.1%}")
    passed = total - len(failing)
    print(f"  {'all fields':<12} {passed:>3}/{total}  {passed / total:6.1%}")
    for stem, names in failing.items():
        print(f"  failing: {stem}: {', '.join(names)}")


def report_docx_recognition() -> None:
    from bench.corpus_docx import CASES
    from bench.corpus_docx import score as score_docx

    failing: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for case in CASES:
            wrong = score_docx(case, Path(folder))[2]
            if wrong:
                failing[case.name] = sorted(wrong)
    passed = len(CASES) - len(failing)
    print(f"real corpus as .docx: {len(CASES)} files, {passed} right in every field ({passed / len(CASES):.1%})")
    for name, fields in failing.items():
        print(f"  failing: {name}: {', '.join(fields)}")


def megabyte_of_text() -> str:
    texts = [(CORPUS / f"{stem}.txt").read_text(encoding="utf-8") for stem in corpus_stems()]
    joined = "\n".join(texts)
    repeated = joined * (MEGABYTE // len(joined.encode("utf-8")) + 1)
    return repeated.encode("utf-8")[:MEGABYTE].decode("utf-8", errors="ignore")


def report_speed(runs: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "corpus-1mb.txt"
        path.write_text(megabyte_of_text(), encoding="utf-8")
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            import_file(path)
            times.append(time.perf_counter() - start)
    median = statistics.median(times)
    verdict = "met" if median < GOAL_SECONDS else "MISSED"
    print(
        f"import 1 MB of corpus text: median {median:.2f} s, best {min(times):.2f} s over {runs} runs "
        f"(goal < {GOAL_SECONDS:g} s: {verdict})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    report_recognition()
    report_docx_recognition()
    report_speed(args.runs)


if __name__ == "__main__":
    main()
