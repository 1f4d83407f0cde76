"""The seed report as a clerk gets it — imported from the scraped web text, stored, then checked."""

from __future__ import annotations

import pytest

from models.checks import run_checks
from models.importing import import_file
from models.store import Library
from tests.conftest import SEED_REPORT
from tests.models.checks.helpers import flat


@pytest.fixture
def checked(library: Library):
    report_id = library.create_report(import_file(SEED_REPORT).report)
    report = library.load_report(report_id)
    return report, run_checks(report)


def rules_with(findings, rule: str) -> list[str]:
    return [f.excerpt for f in flat(findings) if f.rule == rule]


def folded_into(findings, rule: str) -> list[str]:
    return [f.excerpt for f in findings if rule in f.folded]


def test_imported_seed_findings(checked) -> None:
    report, findings = checked
    assert "〔202383号" in rules_with(findings, "citation.doc-number-scrape")
    assert any("20202025年" in excerpt for excerpt in folded_into(findings, "punct.time-range"))
    assert len(findings) <= 30
    assert "》、《" in rules_with(findings, "punct.serial-comma-titles")
    assert any(e.startswith("(") and e.endswith(")") for e in rules_with(findings, "punct.ascii-brackets"))
    part_one = report.body[1]
    last_point_of_item_seven = part_one.children[6].children[-1]  # 三是…办结率均为100% (no 。)
    assert [f.excerpt for f in findings if f.rule == "punct.final" and f.node_id == last_point_of_item_seven.id] == [
        "结率均为100%"
    ]
    problems = report.body[3]
    assert [f.node_id for f in findings if f.rule == "content.causes"] == [problems.id]


def test_imported_seed_dates_are_not_flagged(checked) -> None:
    report, findings = checked
    assert report.meta.date == "2024-03-06"
    date_rules = {"number.date-leading-zero", "number.date-form", "date.invalid", "date.after-year"}
    assert not [f for f in findings if f.rule in date_rules]
