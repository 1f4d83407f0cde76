"""Live ledger references in the text: found, resolved, printed by every export format, seen by
the checks as figures (never as tokens), kept through the interchange JSON, and a reference with
no figure yet reported as unfinished text."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from docx import Document

from models import interchange
from models.checks import run_checks
from models.edition import Edition
from models.export import ExportOptions, export_report
from models.ledger.refs import find_references, resolve_text, resolved_report, token
from models.ledger.sheet import Sheet
from models.ledger.values import CURRENT, PREVIOUS, Ledger, LedgerEntry
from models.report import PARAGRAPH, SECTION, Node, Report, ReportMeta
from models.text_chars import count_chars

SENTENCE = f"全年共收到行政复议申请{token('recon_received')}，上年为{token('recon_received', PREVIOUS)}。"


def make_report(received: Decimal | None = Decimal(35)) -> Report:
    ledger = Ledger(kind="county", entries={"recon_received": LedgerEntry(received, Decimal(30))})
    body = [
        Node(SECTION, title="一、主要举措和成效", id=1, children=[Node(PARAGRAPH, text=SENTENCE, id=2)]),
    ]
    return Report(meta=ReportMeta(year=2024, issuer="某县人民政府", title="报告"), body=body, id=1, ledger=ledger)


def test_tokens_are_found_with_their_column() -> None:
    found = list(find_references(SENTENCE))
    assert [(r.key, r.column) for r in found] == [("recon_received", CURRENT), ("recon_received", PREVIOUS)]
    assert SENTENCE[found[0].start : found[0].end] == "{{ledger:recon_received}}"
    assert list(find_references("{{ledger:Bad Key}} {{other:x}}")) == []


def test_resolved_text_shows_figures_with_units_and_rates_and_derived_values() -> None:
    ledger = Ledger(
        kind="county",
        entries={"recon_closed": LedgerEntry(Decimal(40)), "recon_corrected": LedgerEntry(Decimal(3))},
    )
    sheet = Sheet(ledger, "")
    text = f"审结{token('recon_closed')}，纠错率{token('recon_correction_rate')}。"
    assert resolve_text(text, sheet) == "审结40件，纠错率7.5%。"


def test_a_reference_without_a_figure_prints_a_fill_in_mark() -> None:
    report = make_report(received=None)
    shown = resolved_report(report).body[0].children[0].text
    assert shown == "全年共收到行政复议申请【待填：收到行政复议申请】，上年为30件。"
    assert report.body[0].children[0].text == SENTENCE  # the stored text keeps the reference


def test_every_export_format_prints_the_number(tmp_path: Path) -> None:
    report = make_report()
    txt = export_report(report, tmp_path / "r.txt").read_text(encoding="utf-8")
    html = export_report(report, tmp_path / "r.html").read_text(encoding="utf-8")
    docx = "\n".join(p.text for p in Document(str(export_report(report, tmp_path / "r.docx"))).paragraphs)
    for printed in (txt, html, docx):
        assert "收到行政复议申请35件，上年为30件。" in printed
        assert "{{" not in printed
        assert "ledger:" not in printed


def test_interchange_json_keeps_the_reference(tmp_path: Path) -> None:
    report = make_report()
    path = export_report(report, tmp_path / "r.json", ExportOptions())
    back, _notes = interchange.read_file(path)
    assert back.body[0].children[0].text == SENTENCE
    assert back.ledger.get("recon_received") == Decimal(35)


def test_checks_see_the_figure_not_the_token() -> None:
    report = make_report()
    report.ledger.set("recon_received", CURRENT, Decimal(36))  # the reference follows the ledger
    findings = run_checks(report, edition=Edition.SUBMIT)
    assert not [f for f in findings if f.rule == "data.ledger-mismatch"]
    assert not [f for f in findings if "{" in f.excerpt]
    # the same sentence typed with a stale figure is caught
    report.body[0].children[0].text = "全年共收到行政复议申请33件。"
    assert [f.excerpt for f in run_checks(report) if f.rule == "data.ledger-mismatch"]


def test_a_missing_value_is_an_error_in_both_editions() -> None:
    report = make_report(received=None)
    for edition in (Edition.SUBMIT, Edition.PUBLIC):
        missing = [f for f in run_checks(report, edition=edition) if f.rule == "data.missing-value"]
        assert len(missing) == 1
        assert missing[0].severity == "错误"
        assert missing[0].excerpt == "【待填：收到行政复议申请】"
        assert missing[0].node_id == 2


def test_no_fix_is_offered_over_a_field_holding_references() -> None:
    report = make_report()
    report.body[0].children[0].text = SENTENCE + "全年,共办理案件。"  # half-width comma: a fixable fault
    findings = [f for f in run_checks(report) if f.node_id == 2 and f.field == "text"]
    assert findings
    assert all(f.fix is None and all(p.fix is None for p in f.places) for f in findings)


def test_word_count_counts_the_number() -> None:
    report = make_report()
    shown = resolved_report(report).body[0].children[0].text
    assert count_chars(shown) == count_chars("全年共收到行政复议申请35件，上年为30件。")


def test_the_plain_text_for_reading_shows_the_figures() -> None:
    from models.report_text import plain_text

    assert "全年共收到行政复议申请35件，上年为30件。" in plain_text(make_report())
