"""The clean corpus (tests/data/clean) and the planted corpus derived from it (tests/data/planted),
for bench_recall and its tests.

A planted defect names a unique ``anchor`` in a clean report, the part of it that changes (``was``,
the whole anchor when omitted) and what the clerk or the website made of it (``text``); ``at`` is
where ``was`` starts in the clean text, recorded so the data file says where each defect sits and
checked here so it cannot drift. :func:`plant` derives a planted text from the clean one.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from models.checks import run_checks
from models.checks.model import Finding
from models.importing import import_file, import_text
from models.report import Report

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"  # read as files, like every bench fixture
CLEAN = DATA / "clean"
DEFECTS = DATA / "planted" / "defects.toml"


@dataclass(frozen=True)
class Defect:
    report: str
    kind: str
    anchor: str
    text: str
    at: int
    was: str | None = None  # None: the whole anchor; "": the text is inserted before the anchor
    note: str = ""

    @property
    def original(self) -> str:
        return self.anchor if self.was is None else self.was


def clean_names() -> list[str]:
    return sorted(p.stem for p in CLEAN.glob("*.txt"))


def clean_text(name: str) -> str:
    return (CLEAN / f"{name}.txt").read_text(encoding="utf-8")


def load_defects() -> list[Defect]:
    with DEFECTS.open("rb") as handle:
        return [Defect(**row) for row in tomllib.load(handle)["defect"]]


def locate(defect: Defect, clean: str) -> int:
    """Where the defect's ``was`` starts in the clean text; the anchor must occur exactly once."""
    if clean.count(defect.anchor) != 1:
        raise ValueError(f"{defect.report}: anchor occurs {clean.count(defect.anchor)} times: {defect.anchor!r}")
    inner = defect.anchor.find(defect.original)
    if inner < 0:
        raise ValueError(f"{defect.report}: {defect.original!r} is not inside its anchor")
    return clean.index(defect.anchor) + inner


def plant(clean: str, defects: list[Defect]) -> str:
    """The clean text with the defects applied (from the end, so earlier positions hold)."""
    spans = sorted((d.at, d.at + len(d.original)) for d in defects)
    if any(end > start for (_, end), (start, _) in pairwise(spans)):
        raise ValueError("planted defects overlap")
    for defect in defects:
        if locate(defect, clean) != defect.at:
            raise ValueError(f"{defect.report}: recorded at={defect.at}, found at {locate(defect, clean)}")
    planted = clean
    for defect in sorted(defects, key=lambda d: d.at, reverse=True):
        planted = planted[: defect.at] + defect.text + planted[defect.at + len(defect.original) :]
    return planted


def numbered(report: Report) -> Report:
    for number, node in enumerate(report.walk(), 1):
        node.id = number
    return report


def imported_file(name: str) -> Report:
    return numbered(import_file(CLEAN / f"{name}.txt").report)


def imported_text(text: str) -> Report:
    return numbered(import_text(text).report)


def chars(report: Report) -> int:
    return sum(len(n.title) + len(n.text) for n in report.walk())


def finding_keys(findings: list[Finding]) -> Counter[tuple[str, str]]:
    """(rule, excerpt) of every finding and of every place inside a grouped one."""
    keys: Counter[tuple[str, str]] = Counter()

    def add(rule: str, excerpt: str, places) -> None:  # type: ignore[no-untyped-def]
        keys[(rule, excerpt)] += 1
        for place in places:
            add(place.rule, place.excerpt, place.places)

    for finding in findings:
        add(finding.rule, finding.excerpt, finding.places)
    return keys


def observed(text: str, *, notes: bool = True) -> Counter[tuple[str, str]]:
    """What the clerk is told about a pasted text: each finding of 体检 (公开版) as (rule, excerpt), each
    place inside a grouped one, and each note of the import preview as ("import", note) — the
    importer reports some faults itself (a 成文日期 typed with leading zeros)."""
    result = import_text(text)
    keys = finding_keys(run_checks(numbered(result.report), edition="public"))
    if notes:
        keys.update(("import", note) for note in result.notes)
    return keys


def new_findings(
    defect: Defect, clean: str, baseline: Counter[tuple[str, str]], *, notes: bool = True
) -> list[tuple[str, str]]:
    """What the clerk is told about the clean text with this one defect planted, and not about the
    clean text: with a single defect in the text, whatever is new was raised by it."""
    return sorted(observed(plant(clean, [defect]), notes=notes) - baseline)


def recall_by_kind(*, notes: bool = True) -> dict[str, tuple[int, int, list[Defect]]]:
    """kind → (found, planted, the defects missed), each defect planted alone in its report;
    ``notes=False``: by the findings of 体检 alone, not counting the import preview's notes."""
    results: dict[str, tuple[int, int, list[Defect]]] = {}
    baselines: dict[str, tuple[str, Counter[tuple[str, str]]]] = {}
    for defect in load_defects():
        if defect.report not in baselines:
            text = clean_text(defect.report)
            baselines[defect.report] = (text, observed(text, notes=notes))
        clean, baseline = baselines[defect.report]
        found, total, missed = results.get(defect.kind, (0, 0, []))
        if new_findings(defect, clean, baseline, notes=notes):
            found += 1
        else:
            missed = [*missed, defect]
        results[defect.kind] = (found, total + 1, missed)
    return results
