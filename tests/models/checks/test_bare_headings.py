"""The bare-heading rule: a heading with text or points to run into is not bare; one standing alone is."""

from __future__ import annotations

from pathlib import Path

from models import interchange
from models.checks import run_checks
from models.report import POINT, SECTION, Node, Report, ReportMeta
from tests.seed_report import with_ids

EXAMPLE = Path(__file__).resolve().parents[3] / "resources" / "examples" / "example-report.json"


def _bare_heading_findings(report: Report) -> list[str]:
    return [f.excerpt for f in run_checks(report) if f.rule == "punct.heading-bare"]


def test_heading_that_points_run_into_is_not_a_bare_heading() -> None:
    # Exported with inline points as "（一）多形式开展学习。一是…", so its 句号 is right.
    sub = Node(SECTION, "深入学习贯彻习近平法治思想。", children=[Node(POINT, "抓好学习。", "全年学习6次。")])
    report = with_ids(Report(meta=ReportMeta(year=2023), body=[Node(SECTION, "主要举措和成效", children=[sub])]))
    assert _bare_heading_findings(report) == []


def test_heading_standing_alone_above_subsections_is_still_flagged() -> None:
    sub = Node(SECTION, "深入学习贯彻习近平法治思想。", children=[Node(SECTION, "抓好学习", "全年学习6次。")])
    report = with_ids(Report(meta=ReportMeta(year=2023), body=[Node(SECTION, "主要举措和成效", children=[sub])]))
    assert _bare_heading_findings(report) == ["。"]


def test_example_report_has_no_bare_heading_false_alarms() -> None:
    report, _ = interchange.read_file(EXAMPLE)
    with_ids(report)
    assert _bare_heading_findings(report) == []
