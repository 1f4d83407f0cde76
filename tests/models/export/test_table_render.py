"""Tables rendered by LibreOffice: a body table and the 数据台账 附件 span the 版心 (156 mm), a long
table repeats its header row on the next page, and the 附件 starts a page with its label."""

from __future__ import annotations

import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from models.export import ExportOptions, export_report
from models.ledger.values import CURRENT, PREVIOUS, Ledger
from models.report import PARAGRAPH, SECTION, Node, Report, ReportMeta, table_node
from tests.models.export.pdf_layout import (
    MM,
    TEXT_LEFT,
    TEXT_RIGHT,
    TEXT_TOP,
    Page,
    read_pages,
    render_pdfs,
    renderer_available,
)

pytestmark = [
    pytest.mark.render,
    pytest.mark.skipif(not renderer_available(), reason="LibreOffice/poppler not installed"),
]

HEADER = ["指标名称", "2024年", "2023年", "备注"]
ROWS = 60  # several pages at 4号


def _report() -> Report:
    rows = [HEADER] + [[f"第{i}项行政执法指标", str(i), str(i + 1), "无"] for i in range(1, ROWS + 1)]
    part = Node(
        SECTION,
        title="主要数据",
        children=[Node(PARAGRAPH, text="全年主要数据见下表。"), table_node(rows, title="主要数据表")],
    )
    ledger = Ledger(kind="department")
    ledger.set("recon_received", CURRENT, Decimal(35))
    ledger.set("recon_received", PREVIOUS, Decimal(30))
    meta = ReportMeta(
        year=2024, title="某局关于2024年度法治政府建设情况的报告", issuer="某局", signature="某局", date="2025-01-20"
    )
    return Report(meta=meta, body=[part], ledger=ledger)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> tuple[Path, list[Page]]:
    folder = tmp_path_factory.mktemp("tables")
    document = export_report(_report(), folder / "tables.docx", ExportOptions(edition="public", ledger_table=True))
    [pdf] = render_pdfs([document], folder)
    return pdf, read_pages(pdf)


def _longest_rule(pdf: Path, page: int, folder: Path) -> float:
    """Length in PDF points of the longest dark horizontal line on ``page`` (a table border)."""
    stem = folder / f"page{page}"
    subprocess.run(
        ["pdftoppm", "-r", "144", "-gray", "-f", str(page), "-l", str(page), str(pdf), str(stem)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    [image] = list(folder.glob(f"page{page}*.pgm"))
    _magic, size, _depth, pixels = image.read_bytes().split(b"\n", 3)  # binary PGM: P5, "w h", 255, bytes
    width, height = map(int, size.split())
    longest = 0
    for y in range(height):
        row = pixels[y * width : (y + 1) * width]
        run = best = 0
        for value in row:
            run = run + 1 if value < 128 else 0
            best = max(best, run)
        longest = max(longest, best)
    return longest / 2  # 144 dpi: two pixels a point


def _page_with(pages: list[Page], text: str) -> Page:
    return next(page for page in pages if text in page.text)


def test_the_body_table_and_the_attachment_span_the_text_area(rendered, tmp_path: Path) -> None:
    pdf, pages = rendered
    width = TEXT_RIGHT - TEXT_LEFT  # 156 mm
    body_page = _page_with(pages, "主要数据表").number
    attachment_page = _page_with(pages, "收到行政复议申请").number
    for number in (body_page, attachment_page):
        assert abs(_longest_rule(pdf, number, tmp_path) - width) < 1.5 * MM, f"page {number}"


def test_the_header_row_repeats_at_the_top_of_the_next_page(rendered) -> None:
    _, pages = rendered
    first = _page_with(pages, "第1项行政执法指标")
    following = pages[first.number]  # the next page
    assert "第30项" in following.text or "第40项" in following.text  # the table goes on there
    top = following.body[0]
    assert top.y0 < TEXT_TOP + 10 * MM
    assert all(cell in top.text for cell in HEADER), top.text


def test_the_attachment_starts_a_page_with_its_label_then_its_title(rendered) -> None:
    _, pages = rendered
    page = _page_with(pages, "收到行政复议申请")
    lines = [line.text for line in page.body]
    assert lines[0] == "附件"
    assert page.body[0].x0 < TEXT_LEFT + 2 * MM  # 顶格
    assert lines[1] == "数据台账"
    assert "附件：数据台账" in "".join(p.text for p in pages[: page.number - 1])
