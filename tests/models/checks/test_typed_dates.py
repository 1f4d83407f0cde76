"""The 成文日期 and 印发日期 as the source typed them: kept by the import, reported by 体检 as 错误
on the date, fixed by forgetting the typed form; export and interchange keep their own forms."""

from __future__ import annotations

import pytest

from models import interchange
from models.checks import run_checks
from models.checks.labels import FIELD_NAMES
from models.checks.model import ERROR
from models.checks.runner import apply_all
from models.edition import Edition
from models.errors import InterchangeError
from models.export import ExportOptions, render
from models.export.annotated import build_annotated
from models.importing import import_text
from models.importing.roll import roll_forward
from tests.models.export.test_annotated import anchored_texts, open_docx
from tests.seed_report import with_ids

TITLE = "某局关于2023年度法治政府建设情况的报告"
DATE_RULES = {"number.date-form", "number.date-leading-zero"}


def imported(date_line: str, tail: str = ""):
    body = f"{TITLE}\n一、工作情况\n（一）学习。全年组织学习4次。\n某局\n{date_line}\n{tail}".rstrip()
    return import_text(body).report


def date_findings(report, field: str = "meta.date_typed"):
    return [f for f in run_checks(report) if f.rule in DATE_RULES and f.field == field]


@pytest.mark.parametrize(
    ("typed", "rule", "why"),
    [
        ("2024年03月06日", "number.date-leading-zero", "编了虚位"),
        ("2024年3月06日", "number.date-leading-zero", "编了虚位"),
        ("二〇二四年三月六日", "number.date-form", "用了汉字"),
        ("2024-03-06", "number.date-form", "分隔"),
        ("2024.3.6", "number.date-form", "分隔"),
    ],
)
def test_a_date_typed_in_another_form_is_kept_and_reported_as_an_error(typed: str, rule: str, why: str) -> None:
    report = imported(typed)
    assert (report.meta.date, report.meta.date_typed) == ("2024-03-06", typed)
    [finding] = date_findings(report)
    assert (finding.rule, finding.severity, finding.excerpt) == (rule, ERROR, typed)
    assert FIELD_NAMES[finding.field] == "成文日期"
    assert why in finding.message
    assert "2024年3月6日" in finding.message
    assert "导出时" in finding.message
    fixed = apply_all(report, [finding])
    assert (fixed.meta.date, fixed.meta.date_typed) == ("2024-03-06", "")
    assert date_findings(fixed) == []


def test_a_date_in_the_printed_form_keeps_nothing_and_raises_nothing() -> None:
    report = imported("2024年3月6日")
    assert (report.meta.date, report.meta.date_typed) == ("2024-03-06", "")
    assert [f for f in run_checks(report) if f.rule in DATE_RULES] == []


def test_a_printing_date_typed_with_leading_zeros_is_reported_on_the_printing_date() -> None:
    report = imported("2024年3月6日", "抄送：区委依法治区办。\n某局办公室 2024年03月08日印发")
    assert (report.meta.printed_on, report.meta.printed_on_typed) == ("2024-03-08", "2024年03月08日")
    [finding] = date_findings(report, "meta.printed_on_typed")
    assert FIELD_NAMES[finding.field] == "印发日期"
    assert finding.message.startswith("印发日期原文写作")
    assert date_findings(report) == []


def test_a_bracketed_date_under_the_title_is_kept_as_typed() -> None:
    report = import_text(f"{TITLE}\n（二〇二四年三月六日）\n一、工作情况\n（一）学习。学了。").report
    assert (report.meta.date, report.meta.date_typed) == ("2024-03-06", "二〇二四年三月六日")
    assert [f.rule for f in date_findings(report)] == ["number.date-form"]


@pytest.mark.parametrize("suffix", [".txt", ".html"])
def test_export_prints_the_canonical_date_never_the_typed_form(suffix: str) -> None:
    report = imported("二〇二四年三月六日", "某局办公室 2024年03月08日印发")
    text = render(report, suffix, ExportOptions()).decode("utf-8")
    assert "2024年3月6日" in text
    assert "二〇二四年三月六日" not in text
    assert "03月08日" not in text


def test_interchange_keeps_the_typed_form_and_leaves_it_out_when_empty() -> None:
    report = imported("2024年03月06日")
    data = interchange.report_to_dict(report)
    assert data["meta"]["date_typed"] == "2024年03月06日"
    assert "printed_on_typed" not in data["meta"]
    assert interchange.report_from_dict(data).meta == report.meta
    plain = imported("2024年3月6日")
    assert "date_typed" not in interchange.report_to_dict(plain)["meta"]


def test_interchange_refuses_a_typed_form_that_is_not_text() -> None:
    data = interchange.report_to_dict(imported("2024年03月06日"))
    data["meta"]["date_typed"] = 20240306
    with pytest.raises(InterchangeError, match=r"meta\.date_typed"):
        interchange.report_from_dict(data)


def test_next_years_report_starts_without_last_years_typed_dates() -> None:
    report = imported("2024年03月06日", "某局办公室 2024年03月08日印发")
    report.meta.year = 2023
    rolled = roll_forward(report, 2024)
    assert (rolled.meta.date_typed, rolled.meta.printed_on_typed) == ("", "")


def test_the_public_edition_reports_it_too() -> None:
    report = imported("2024年03月06日")
    assert [f.rule for f in run_checks(report, edition=Edition.PUBLIC) if f.field == "meta.date_typed"] == [
        "number.date-leading-zero"
    ]


def test_the_review_copy_comments_on_the_printed_date() -> None:
    report = with_ids(imported("2024年03月06日"))
    findings = [f for f in run_checks(report) if f.field == "meta.date_typed"]
    document = open_docx(build_annotated(report, findings, ExportOptions()))
    [comment] = list(document.comments)
    assert "2024年03月06日" in comment.text
    assert anchored_texts(document)[comment.comment_id] == "2024年3月6日"
