"""Body tables in the typesetter without a renderer: the grid of cells, rows kept whole, the header
repeated on each page the table continues on, the 版记 still floating, each line's part."""

from __future__ import annotations

import itertools

import pytest

from models.export import ExportOptions
from models.report import Report, table_node
from models.typeset import Box, typeset
from models.typeset.paginate import FLOW_BOTTOM, TEXT_LEFT, TEXT_WIDTH
from tests.models.typeset.agreement import TEST_FONTS, seed_with_ledger
from tests.seed_report import seed_report

HEADER = ["指标名称", "2024年", "2023年", "备注"]


def _with_table(rows: int) -> Report:
    report = seed_report(repaired=True)
    cells = [HEADER] + [[f"第{i}项行政执法案件办理情况指标", str(i * 7), str(i * 5), "无"] for i in range(1, rows + 1)]
    table = table_node(cells, title="表1 行政执法案件情况")
    table.id = 1 + max(node.id or 0 for node in report.walk())  # as the store numbers it
    report.body[1].children.insert(1, table)
    return report


@pytest.fixture(scope="module")
def long_table():
    report = _with_table(45)
    return report, typeset(report, ExportOptions(), TEST_FONTS)


def _rows(page) -> list[list[Box]]:
    """The page's cell boxes grouped into rows (same top)."""
    rows: dict[float, list[Box]] = {}
    for box in page.boxes:
        rows.setdefault(round(box.y0, 2), []).append(box)
    return [sorted(row, key=lambda box: box.x0) for _, row in sorted(rows.items())]


def test_cells_span_the_text_area_in_the_writers_columns(long_table):
    _, pages = long_table
    page = next(page for page in pages if page.boxes)
    for row in _rows(page):
        assert len(row) == 4
        assert row[0].x0 == pytest.approx(TEXT_LEFT)
        assert row[-1].x1 == pytest.approx(TEXT_LEFT + TEXT_WIDTH)
        assert all(left.x1 == pytest.approx(right.x0) for left, right in itertools.pairwise(row))
        assert all(box.width == 0.5 for box in row)


def test_a_long_table_repeats_its_header_and_never_splits_a_row(long_table):
    _, pages = long_table
    table_pages = [page for page in pages if page.boxes]
    assert len(table_pages) >= 3
    seen = []
    for page in table_pages:
        rows = _rows(page)
        assert rows[-1][0].y1 <= FLOW_BOTTOM + 0.05  # a row that does not fit goes whole to the next page
        lines = [line for line in page.lines if rows[0][0].y0 <= line.top < rows[-1][0].y1]
        first_row = [line.text for line in lines if line.top < rows[0][0].y1]
        assert first_row == HEADER  # the header row heads every page of the table
        seen += [line.text for line in lines if line.text.startswith("第")]
    assert seen == [f"第{i}项行政执法案件办理情况指标" for i in range(1, 46)]  # each row once, in order


def test_cell_text_is_centred_in_its_row_and_inside_its_cell(long_table):
    _, pages = long_table
    page = next(page for page in pages if page.boxes)
    for row in _rows(page):
        for box in row:
            inside = [line for line in page.lines if box.y0 <= line.top < box.y1 and box.x0 < line.x0 < box.x1]
            assert len(inside) == 1
            line = inside[0]
            assert line.top - box.y0 == pytest.approx(box.y1 - line.top - line.height, abs=0.6)
            assert line.runs[-1].xs[-1] < box.x1 - 4  # the cell's right margin


def test_table_lines_belong_to_the_table_node(long_table):
    report, pages = long_table
    table = next(node for node in report.walk() if node.kind == "table")
    cells = [line for page in pages for line in page.lines if line.text.startswith("第") and "项行政" in line.text]
    assert cells
    assert {line.node for line in cells} == {table.id}


def test_the_imprint_still_floats_at_the_foot_of_the_last_page():
    pages = typeset(_with_table(3), ExportOptions(), TEST_FONTS)
    last = pages[-1]
    assert last.rules
    assert max(rule.y for rule in last.rules) > FLOW_BOTTOM - 2
    assert not last.boxes


def test_the_ledger_attachment_starts_a_page_and_lays_out_its_table():
    pages = typeset(seed_with_ledger(), ExportOptions(edition="public", ledger_table=True), TEST_FONTS)
    start = next(page for page in pages if page.lines and page.lines[0].text == "附件")
    assert start.boxes
    assert any("法治培训" in line.text for line in start.lines)
