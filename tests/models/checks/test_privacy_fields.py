"""Privacy rules look at every field the 公开版 prints, the metadata included."""

from __future__ import annotations

from dataclasses import fields

from models.checks import RULES, run_checks
from models.checks.privacy import PRIVACY_FIELDS
from models.report import Report, ReportMeta

NOT_TEXT = {
    "template",
    "year",
    "date",
    "printed_on",
    "date_typed",
    "printed_on_typed",
    "disclosure",
}  # numbers, dates, a fixed choice


def test_every_text_field_of_the_metadata_is_looked_at() -> None:
    text_fields = {f"meta.{f.name}" for f in fields(ReportMeta) if f.name not in NOT_TEXT}
    assert text_fields <= PRIVACY_FIELDS
    for rule in RULES:
        if rule.family == "privacy" and rule.scope == "field":
            assert rule.fields == PRIVACY_FIELDS, rule.id


def test_a_mobile_number_in_the_cc_line_and_the_note_is_found_in_the_public_edition_only() -> None:
    meta = ReportMeta(
        year=2023,
        title="某局关于2023年度法治政府建设情况的报告",
        cc="张明13812345678",
        note="联系人：李四，联系电话：13987654321",
    )
    report = Report(meta=meta, body=[])
    public = [(f.rule, f.field, f.excerpt) for f in run_checks(report, edition="public") if f.rule == "privacy.mobile"]
    assert public == [("privacy.mobile", "meta.cc", "13812345678"), ("privacy.mobile", "meta.note", "13987654321")]
    assert [f for f in run_checks(report, edition="submit") if f.family == "privacy"] == []
