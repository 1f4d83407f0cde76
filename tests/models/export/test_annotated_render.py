"""The 审校稿 opened by LibreOffice: it converts to PDF, and its pages print exactly as the ordinary
export's do (comments are not printed; cut runs change no line break)."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.checks import run_checks
from models.export import ExportOptions, export_report
from models.export.annotated import export_annotated
from tests.models.export.pdf_layout import read_pages, render_pdfs, renderer_available
from tests.seed_report import seed_report

pytestmark = [
    pytest.mark.render,
    pytest.mark.skipif(not renderer_available(), reason="LibreOffice/poppler not installed"),
]


def test_libreoffice_opens_the_annotated_copy_and_prints_the_same_pages(tmp_path: Path) -> None:
    report = seed_report()
    options = ExportOptions(fallback_fonts=True)
    findings = run_checks(report)
    annotated = export_annotated(report, tmp_path / "审校稿.docx", findings, options)
    plain = export_report(report, tmp_path / "报告.docx", options)
    annotated_pdf, plain_pdf = render_pdfs([annotated, plain], tmp_path)
    annotated_pages, plain_pages = read_pages(annotated_pdf), read_pages(plain_pdf)
    assert len(annotated_pages) >= 2
    assert [p.text for p in annotated_pages] == [p.text for p in plain_pages]
    assert [[line.text for line in p.lines] for p in annotated_pages] == [
        [line.text for line in p.lines] for p in plain_pages
    ]
