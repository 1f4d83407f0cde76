"""Page rules (models/checks/pages.py): reports laid out so each rule fires, and ones where it must not."""

from __future__ import annotations

import shutil

import pytest

import models.export.layout as L
import models.typeset.typesetter as typesetter
from models.checks import RULES, run_checks
from models.edition import Edition
from models.export import ExportOptions
from models.report import PARAGRAPH, SECTION, Node, Report, table_node
from models.typeset import typeset
from models.typeset.fonts import DEFAULT_RESOLVER
from tests.models.export.pdf_layout import FONTS_CONF
from tests.seed_report import seed_report

pytestmark = pytest.mark.skipif(not shutil.which("fc-match"), reason="fontconfig not installed")


@pytest.fixture(autouse=True)
def test_fonts(monkeypatch) -> None:
    """The layout in the tests' font set (GB names → Noto CJK), as the agreement tests use."""
    monkeypatch.setattr(DEFAULT_RESOLVER, "fontconfig_file", FONTS_CONF)
    monkeypatch.setattr(DEFAULT_RESOLVER, "_cache", {})


def page_findings(report: Report, edition: Edition = Edition.SUBMIT) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for finding in run_checks(report, edition=edition):
        if finding.rule.startswith("page."):
            found.setdefault(finding.rule, []).append(finding.message)
    return found


def page_count(report: Report, edition: Edition = Edition.SUBMIT) -> int:
    return len(typeset(report, ExportOptions(edition=edition)))


def last_text_node(report: Report) -> Node:
    return [node for node in report.walk() if node.text.strip()][-1]


def with_odd_pages() -> Report:
    """The sample report, parts of its last section removed until the page count is odd."""
    report = seed_report(repaired=True)
    while page_count(report) % 2 == 0:
        report.body[-1].children.pop(0)
    return report


def with_signature_alone() -> Report | None:
    """The last paragraph long (so the writer lets it stay behind) and grown a line at a time
    until the 署名 and date are pushed onto a page of their own."""
    report = seed_report(repaired=True)
    last = last_text_node(report)
    for lines in range(24):
        last.text = "依法行政" * 30 + "法" * (28 * lines) + "。"
        pages = typeset(report, ExportOptions())
        signature_page = next(p for p in pages if any("2024年3月6日" in line.text for line in p.lines))
        if not any("依法行政" in line.text or "法法" in line.text for line in signature_page.lines):
            return report
    return None


def with_a_run_of_headings() -> Report:
    """Thirty standalone headings in a row: a keep-with-next chain longer than a page, so one of
    them has to end a page."""
    report = seed_report(repaired=True)
    part = report.body[1]
    part.children[1:1] = [Node(SECTION, title=f"第{index}项重点工作推进情况") for index in range(1, 31)]
    return report


def test_the_sample_report_has_no_page_findings() -> None:
    report = seed_report(repaired=True)
    assert page_count(report) % 2 == 0
    assert page_findings(report) == {}
    assert page_findings(report, Edition.PUBLIC) == {}


def test_an_odd_last_page_is_not_a_finding() -> None:
    """Whether the 版记 page should be even depends on printing double-sided, which the check cannot
    know: the print dialog asks then (ui/pages/printing.py), the 体检 stays quiet."""
    report = with_odd_pages()
    assert page_count(report) % 2 == 1
    assert page_findings(report) == {}
    # Cut this way, the 公开版's long last paragraph ends its page: the signature would go alone to the next, and
    # the last page is set tighter instead (models/typeset/typesetter.py settle), so nothing is left to report.
    assert page_findings(report, Edition.PUBLIC) == {}


@pytest.fixture
def no_tightening(monkeypatch: pytest.MonkeyPatch) -> None:
    """No pitch is allowed tighter than the grid's: a lone 署名 stays alone, as when tightening is not enough."""
    monkeypatch.setattr(typesetter, "MIN_PITCH", L.LINE_PITCH)


@pytest.mark.usefixtures("no_tightening")
def test_signature_alone_on_a_page_is_found() -> None:
    report = with_signature_alone()
    assert report is not None, "no length pushed the signature onto its own page"
    found = page_findings(report)
    assert "page.signature-alone" in found
    assert "单独排在第" in found["page.signature-alone"][0]
    assert "收紧到 23 磅也排不下" in found["page.signature-alone"][0]
    finding = next(f for f in run_checks(report) if f.rule == "page.signature-alone")
    assert finding.field == "meta.signature"
    assert finding.excerpt == report.meta.signature


def only(rule: str) -> set[str]:
    return {other.id for other in RULES if other.id != rule}


def test_a_short_last_paragraph_goes_with_the_signature() -> None:
    """The writer keeps a last paragraph of up to three lines with the signature, so however the
    text above fills the page, the signature never stands alone."""
    report = seed_report(repaired=True)
    part = report.body[-1].children
    for lines in range(23):
        part.append(Node(PARAGRAPH, text="法" * (28 * lines + 10) + "。"))
        part.append(Node(PARAGRAPH, text="依" * 80 + "。"))
        assert run_checks(report, disabled=only("page.signature-alone")) == [], lines
        del part[-2:]


def test_a_heading_ending_a_page_is_found_with_its_part() -> None:
    report = with_a_run_of_headings()
    findings = [f for f in run_checks(report) if f.rule == "page.heading-at-foot"]
    assert findings
    titles = {node.title for node in report.walk()}
    for finding in findings:
        assert finding.field == "title"
        assert finding.excerpt in titles
        assert finding.excerpt.startswith("第")
        assert "最后一行" in finding.message


def test_headings_followed_by_their_text_are_left_alone() -> None:
    report = seed_report(repaired=True)
    part = report.body[1]
    part.children[1:1] = [
        Node(SECTION, title=f"第{index}项重点工作推进情况", text="全年推进有关工作，取得实效。")
        for index in range(1, 31)
    ]
    assert "page.heading-at-foot" not in page_findings(report)


def _signature_page_has_no_body(report: Report) -> bool:
    pages = typeset(report, ExportOptions())
    page = next(p for p in pages if any("2024年3月6日" in line.text for line in p.lines))
    return not any("依法行政" in line.text or "法法" in line.text or line.text.startswith("第") for line in page.lines)


@pytest.mark.usefixtures("no_tightening")
def test_a_body_table_is_laid_out_for_the_page_rules() -> None:
    """Rows of a table in the body push the 署名 onto a page of its own: the rule sees it."""
    alone = together = None
    for rows in range(1, 40):
        report = seed_report(repaired=True)
        last_text_node(report).text = "依法行政" * 30 + "法" * 28 * 3 + "。"
        cells = [["项目", "数量"]] + [[f"第{i}项", str(i)] for i in range(1, rows + 1)]
        report.body[1].children.insert(1, table_node(cells, title="表1 案件"))
        if _signature_page_has_no_body(report):
            alone = alone or report
        else:
            together = together or report
        if alone and together:
            break
    assert alone is not None
    assert together is not None
    assert "page.signature-alone" in page_findings(alone)
    assert "page.signature-alone" not in page_findings(together)
    assert any(page.boxes for page in typeset(alone, ExportOptions()))


def test_page_rules_run_only_in_the_full_check() -> None:
    from models.checks import check_node

    report = with_odd_pages()
    for node in report.walk():
        assert not [f for f in check_node(report, node) if f.rule.startswith("page.")]
