"""settle: where 署名 and 成文日期 would begin a page without body text, the body's last page (or last
two) is set at a tighter exact pitch so they stay with it (GB/T 9704 7.3.5); the .docx says the
same, the text is unchanged, and 体检 speaks only when no allowed pitch does it."""

from __future__ import annotations

import dataclasses
import io

import docx
import pytest

import models.export.layout as L
import models.typeset.typesetter as typesetter
from models.checks import run_checks
from models.edition import Edition
from models.export import ExportOptions, render
from models.export.options import UNTIGHTENED
from models.report import Report
from models.typeset import MIN_PITCH, Pages, settle
from tests.models.typeset.agreement import CASES, TEST_FONTS
from tests.seed_report import seed_report

PUBLIC = ExportOptions(edition=Edition.PUBLIC)


def _signature_page(pages: Pages, report: Report) -> int:
    name = report.meta.signature or report.meta.issuer
    return next(page.number for page in pages for line in page.lines if line.text.strip() == name)


def _text_above_signature(pages: Pages, report: Report) -> list[str]:
    """The lines with text above 署名 on its page: the body's, if any."""
    name = report.meta.signature or report.meta.issuer
    lines = pages[_signature_page(pages, report) - 1].lines
    above = lines[: next(i for i, line in enumerate(lines) if line.text.strip() == name)]
    return [line.text for line in above if line.text.strip()]


def _untightened(report: Report, options: ExportOptions) -> Pages:
    return settle(report, dataclasses.replace(options, tighten=UNTIGHTENED), TEST_FONTS)[1]


@pytest.mark.parametrize(
    ("case", "pages_back"),
    [("example-public", 1), ("seed-sealed-tightened", 1), ("seed-sealed-tightened-two-pages", 2)],
)
def test_a_lone_signature_is_pulled_back_by_tighter_lines(case: str, pages_back: int) -> None:
    make, options = CASES[case]
    report = make()
    before = _untightened(report, options)
    assert _text_above_signature(before, report) == [], "the case no longer puts 署名 alone on a page"
    settled, after = settle(report, options, TEST_FONTS)
    tighten = settled.tighten
    assert tighten is not None
    assert tighten is not UNTIGHTENED
    assert MIN_PITCH <= tighten.pitch < L.LINE_PITCH
    page = _signature_page(after, report)
    assert _text_above_signature(after, report), "署名 still stands without body text"
    assert len(after) <= len(before)
    # The tightened lines are those of the body's last page (or two), not the whole report.
    tight = {line.block for pg in after for line in pg.lines if abs(line.height - tighten.pitch / 20) < 0.01}
    first_tight_page = min(pg.number for pg in after for line in pg.lines if line.block in tight)
    assert page - first_tight_page in (pages_back - 1, pages_back)
    assert "".join(line.text for pg in after for line in pg.lines) == "".join(
        line.text for pg in before for line in pg.lines
    )


def test_a_report_that_ends_well_is_not_tightened() -> None:
    report = seed_report(repaired=True)
    for options in (ExportOptions(), PUBLIC):
        settled, pages = settle(report, options, TEST_FONTS)
        assert settled.tighten is UNTIGHTENED
        assert _text_above_signature(pages, report)


def _paragraphs(data: bytes) -> list[tuple[str, str | None, bool]]:
    """(text, exact line spacing in twips, off the grid) of each body paragraph of a .docx."""
    out = []
    for paragraph in docx.Document(io.BytesIO(data)).paragraphs:
        ppr = paragraph._p.pPr
        spacing = ppr.find(docx.oxml.ns.qn("w:spacing")) if ppr is not None else None
        snap = ppr.find(docx.oxml.ns.qn("w:snapToGrid")) if ppr is not None else None
        line = spacing.get(docx.oxml.ns.qn("w:line")) if spacing is not None else None
        out.append((paragraph.text, line, snap is not None and snap.get(docx.oxml.ns.qn("w:val")) == "0"))
    return out


def test_the_docx_carries_the_tighter_lines_and_the_same_text() -> None:
    make, options = CASES["example-public"]
    report = make()
    settled, _ = settle(report, options, TEST_FONTS)
    tightened = _paragraphs(render(report, ".docx", settled))
    plain = _paragraphs(render(report, ".docx", dataclasses.replace(options, tighten=UNTIGHTENED)))
    assert [text for text, *_ in tightened] == [text for text, *_ in plain]
    pitch = str(settled.tighten.pitch)
    tight = [i for i, (_, line, off_grid) in enumerate(tightened) if line == pitch and off_grid]
    assert tight, "no paragraph carries the tighter pitch"
    assert tight == list(range(tight[0], tight[-1] + 1)), "the tightened paragraphs are not one run up to the end"
    signature = next(i for i, (text, *_) in enumerate(tightened) if text == report.meta.signature)
    assert tight[-1] < signature, "署名 keeps the grid's pitch"
    assert all(line != pitch for _, line, _ in plain)


def test_an_export_decides_the_same_as_the_layout_it_is_given() -> None:
    make, options = CASES["example-public"]
    report = make()
    settled, _ = settle(report, options, TEST_FONTS)
    assert settle(report, settled, TEST_FONTS)[0] is settled  # decided once, never again


def test_when_no_allowed_pitch_is_enough_the_check_says_so(monkeypatch) -> None:
    make, _ = CASES["example-public"]
    report = make()
    monkeypatch.setattr(typesetter, "MIN_PITCH", L.LINE_PITCH - 2)
    settled, pages = settle(report, PUBLIC, TEST_FONTS)
    assert settled.tighten is UNTIGHTENED
    assert _text_above_signature(pages, report) == []


def test_the_example_reports_public_edition_has_no_lone_signature_finding() -> None:
    make, _ = CASES["example-public"]
    findings = run_checks(make(), edition=Edition.PUBLIC)
    assert [f for f in findings if f.rule == "page.signature-alone"] == []
