"""The clean corpus: eight real reports repaired by hand, imported as files. The checks must stay
quiet on them: no 错误, at most one finding per 1,000 characters, in either edition."""

from __future__ import annotations

import pytest

from bench.corpus import chars, clean_names, imported_file
from models.checks import ERROR, run_checks


def test_the_clean_corpus_has_at_least_eight_reports() -> None:
    assert len(clean_names()) >= 8


@pytest.mark.parametrize("edition", ["submit", "public"])
@pytest.mark.parametrize("name", clean_names())
def test_clean_report_raises_no_error_and_little_advice(name: str, edition: str) -> None:
    report = imported_file(name)
    # page.odd-last-page: a printing reminder (blank page before the 版记) any odd-paged 报送版 gets.
    findings = run_checks(report, edition=edition, disabled={"page.odd-last-page"})
    described = [f"{f.severity} {f.rule} {f.excerpt[:30]!r}" for f in findings]
    assert not [f for f in findings if f.severity == ERROR], described
    assert 1000 * len(findings) / chars(report) <= 1.0, described


@pytest.mark.parametrize("name", clean_names())
def test_clean_report_imports_all_its_statutory_parts(name: str) -> None:
    """Each clean report was completed to carry every required part; the checks see them all."""
    from models.checks.structure import LEADER, MEASURES, PLANS, SHORTCOMINGS, parts

    found = parts(imported_file(name))
    assert {MEASURES, SHORTCOMINGS, LEADER, PLANS} <= set(found)
