"""How far the typesetter agrees with LibreOffice's render of our own .docx (test helper and script).

A line agrees when the same characters stand on the same line of the same page in both; the
figure is the matched lines over the longer of the two line lists (blank lines and page numbers
left out). Run ``nice python -m tests.models.typeset.agreement`` to print the figures per document.
"""

from __future__ import annotations

import difflib
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from models.export import ExportOptions, export_report
from models.importing import import_file
from models.report import Report
from models.typeset import FontResolver, Pages, TypesetSettings, typeset
from tests.models.export.pdf_layout import FONTS_CONF, read_pages, render_pdfs
from tests.seed_report import seed_report

REAL = Path(__file__).resolve().parents[2] / "data" / "real"
# Every real report (province, city, county, departments; each the first ~2000 characters).
REAL_REPORTS = tuple(sorted(path.stem for path in REAL.glob("*.txt")))
TEST_FONTS = TypesetSettings(resolver=FontResolver(fontconfig_file=FONTS_CONF))

Lines = list[tuple[int, str]]  # (page number, text without spaces)


def _seed() -> Report:
    return seed_report(repaired=True)


def _seed_without_note() -> Report:
    report = seed_report(repaired=True)
    report.meta.note = ""
    return report


def _real(name: str) -> Callable[[], Report]:
    return lambda: import_file(REAL / f"{name}.txt").report


CASES: dict[str, tuple[Callable[[], Report], ExportOptions]] = {
    "seed-submit": (_seed, ExportOptions()),
    "seed-public": (_seed, ExportOptions(edition="public")),
    "seed-unsealed-separate": (_seed, ExportOptions(sealed=False, points="separate")),
    "seed-submit-no-note": (_seed_without_note, ExportOptions()),
    **{f"{name}-public": (_real(name), ExportOptions(edition="public")) for name in REAL_REPORTS},
    **{f"{name}-submit": (_real(name), ExportOptions()) for name in REAL_REPORTS[:4]},
}


def our_lines(pages: Pages) -> Lines:
    return [(page.number, text) for page in pages for line in page.lines if (text := _squeeze(line.text))]


def rendered_lines(pdf: Path) -> tuple[int, Lines]:
    pages = read_pages(pdf)
    lines = [
        (page.number, text)
        for page in pages
        for line in page.lines
        if line not in page.footer and (text := _squeeze(line.text))
    ]
    return len(pages), lines


def _squeeze(text: str) -> str:
    return "".join(text.split())


@dataclass
class Agreement:
    name: str
    our_pages: int
    their_pages: int
    ours: Lines
    theirs: Lines
    differing: list[str] = field(default_factory=list)

    @property
    def matched(self) -> int:
        matcher = difflib.SequenceMatcher(None, self.ours, self.theirs, autojunk=False)
        return sum(block.size for block in matcher.get_matching_blocks())

    @property
    def ratio(self) -> float:
        return self.matched / max(len(self.ours), len(self.theirs), 1)

    def describe_differences(self, limit: int = 12) -> list[str]:
        matcher = difflib.SequenceMatcher(None, self.ours, self.theirs, autojunk=False)
        out = []
        for tag, a0, a1, b0, b1 in matcher.get_opcodes():
            if tag != "equal":
                out.append(f"{tag}: ours {self.ours[a0:a1]} | LibreOffice {self.theirs[b0:b1]}")
        return out[:limit]


def compare(names: list[str], folder: Path) -> list[Agreement]:
    """Export each case, render all in one LibreOffice run, typeset each and compare."""
    documents, layouts = [], []
    for name in names:
        make, options = CASES[name]
        report = make()
        documents.append(export_report(report, folder / f"{name}.docx", options))
        layouts.append(typeset(report, options, TEST_FONTS))
    pdfs = render_pdfs(documents, folder)
    results = []
    for name, pages, pdf in zip(names, layouts, pdfs, strict=True):
        their_count, theirs = rendered_lines(pdf)
        results.append(Agreement(name, len(pages), their_count, our_lines(pages), theirs))
    return results


def main(argv: list[str]) -> int:
    names = argv or list(CASES)
    with tempfile.TemporaryDirectory() as folder:
        results = compare(names, Path(folder))
    print(f"{'document':44} {'pages ours/LO':>13} {'lines':>6} {'agree':>7}")
    for result in results:
        print(
            f"{result.name:44} {result.our_pages:>6}/{result.their_pages:<6} {len(result.theirs):>6} "
            f"{result.ratio:>7.1%}"
        )
        for line in result.describe_differences(6):
            print("    ", line)
    matched = sum(result.matched for result in results)
    total = sum(max(len(result.ours), len(result.theirs)) for result in results)
    same_pages = sum(result.our_pages == result.their_pages for result in results)
    print(
        f"all: {matched}/{total} lines agree ({matched / max(total, 1):.1%}); "
        f"page count equal in {same_pages}/{len(results)} documents"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
