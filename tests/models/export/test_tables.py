"""Tables in the export: a table node and the 数据台账 附件 in .docx (widths, fonts, header repeat,
borders), HTML and TXT; the body chunking keeps a long table whole."""

from __future__ import annotations

import io
from decimal import Decimal

import docx
import pytest
from docx.oxml.ns import qn

import models.export.layout as L
from models.export import ExportError, ExportOptions, render
from models.export.docx_table import column_widths
from models.ledger.values import CURRENT, PREVIOUS, Ledger
from models.report import PARAGRAPH, SECTION, Node, Report, ReportMeta, TableData, table_node
from tests.models.export.docx_xml import NS, attr, read_parts

FIGURES = [["项目", "2024年", "2023年"], ["收到行政复议申请", "35", "30"], ["纠错率", "8.6%", "7.1%"]]


def _report(*extra: Node, ledger: Ledger | None = None) -> Report:
    section = Node(
        SECTION,
        title="行政复议工作",
        children=[
            Node(PARAGRAPH, text="全年行政复议情况见下表。"),
            table_node(FIGURES, title="行政复议案件情况表"),
            *extra,
        ],
    )
    meta = ReportMeta(
        year=2024, title="某局关于2024年度法治政府建设情况的报告", issuer="某局", signature="某局", date="2025-01-20"
    )
    return Report(meta=meta, body=[section], ledger=ledger if ledger is not None else Ledger())


def _tables(data: bytes) -> list:
    """The body's tables, not the 版记 (a table floated to the foot of the last page)."""
    tables = read_parts(data).document.findall("w:body/w:tbl", NS)
    return [table for table in tables if table.find("w:tblPr/w:tblpPr", NS) is None]


def test_a_table_is_as_wide_as_the_text_area_in_every_width_element() -> None:
    [table] = _tables(render(_report(), ".docx", ExportOptions()))
    assert attr(table.find("w:tblPr/w:tblW", NS), "w") == str(L.TEXT_WIDTH)
    assert attr(table.find("w:tblPr/w:tblW", NS), "type") == "dxa"
    assert attr(table.find("w:tblPr/w:tblLayout", NS), "type") == "fixed"
    grid = [int(attr(col, "w")) for col in table.findall("w:tblGrid/w:gridCol", NS)]
    assert len(grid) == 3
    assert sum(grid) == L.TEXT_WIDTH == 8845
    for row in table.findall("w:tr", NS):
        assert [int(attr(w, "w")) for w in row.findall("w:tc/w:tcPr/w:tcW", NS)] == grid
    borders = table.find("w:tblPr/w:tblBorders", NS)
    assert {attr(b, "val") for b in borders} == {"single"}
    assert len(borders) == 6
    assert table.find("w:tblPr/w:tblCellMar/w:left", NS) is not None


def test_the_header_row_is_heiti_and_repeats_the_body_fangsong_4hao() -> None:
    [table] = _tables(render(_report(), ".docx", ExportOptions()))
    header, *body = table.findall("w:tr", NS)
    assert header.find("w:trPr/w:tblHeader", NS) is not None
    assert all(row.find("w:trPr/w:tblHeader", NS) is None for row in body)
    assert all(row.find("w:trPr/w:cantSplit", NS) is not None for row in (header, *body))
    header_fonts = {attr(f, "eastAsia") for f in header.iter(f"{{{NS['w']}}}rFonts")}
    body_fonts = {attr(f, "eastAsia") for row in body for f in row.iter(f"{{{NS['w']}}}rFonts")}
    assert (header_fonts, body_fonts) == ({"黑体"}, {"仿宋_GB2312"})
    sizes = {attr(s, "val") for s in table.iter(f"{{{NS['w']}}}sz")}
    assert sizes == {"28"}  # 4号


def test_the_title_is_centred_above_and_the_cells_read_back_with_python_docx() -> None:
    data = render(_report(), ".docx", ExportOptions())
    parts = read_parts(data)
    title = parts.exact_paragraph("行政复议案件情况表")
    assert title.getnext().tag == f"{{{NS['w']}}}tbl"
    assert attr(title.find("w:pPr/w:jc", NS), "val") == "center"
    document = docx.Document(io.BytesIO(data))
    assert [[c.text for c in row.cells] for row in document.tables[0].rows] == FIGURES


def test_a_header_less_table_repeats_nothing_and_an_empty_table_is_left_out() -> None:
    plain = table_node([["甲", "1"], ["乙", "2"]], header_row=False)
    empty = table_node([["", ""], ["", ""]])
    tables = _tables(render(_report(plain, empty), ".docx", ExportOptions()))
    assert len(tables) == 2
    assert not list(tables[1].iter(f"{{{NS['w']}}}tblHeader"))


def test_two_tables_in_a_row_stay_two_tables() -> None:
    second = table_node([["甲", "1"]])
    data = render(_report(second), ".docx", ExportOptions())
    assert len(_tables(data)) == 2


def test_a_long_table_is_written_in_chunks_and_stays_one_table() -> None:
    rows = [["指标", "本年"]] + [[f"第{i}项", str(i)] for i in range(6000 // 2)]
    data = render(_report(table_node(rows)), ".docx", ExportOptions())
    document = docx.Document(io.BytesIO(data))
    long = document.tables[1]
    assert len(long.rows) == len(rows)
    assert (long.rows[-1].cells[0].text, long.rows[-1].cells[1].text) == ("第2999项", "2999")


def test_column_widths_follow_the_longest_cell_and_sum_to_the_text_area() -> None:
    widths = column_widths(TableData([["名称很长很长的一个指标", "件"], ["x", "1"]]))
    assert sum(widths) == L.TEXT_WIDTH
    assert widths[0] > widths[1] * 4
    assert column_widths(TableData([["", "", ""]])) == [2948, 2948, 2949]


def test_html_has_a_table_with_caption_head_and_body() -> None:
    page = render(_report(), ".html", ExportOptions()).decode("utf-8")
    assert "<caption>行政复议案件情况表</caption>" in page
    assert "<thead><tr><th>项目</th><th>2024年</th><th>2023年</th></tr></thead>" in page
    assert "<tr><td>收到行政复议申请</td><td>35</td><td>30</td></tr>" in page


def test_txt_has_the_title_and_tab_separated_rows() -> None:
    text = render(_report(), ".txt", ExportOptions()).decode("utf-8-sig")
    assert "行政复议案件情况表\r\n项目\t2024年\t2023年\r\n收到行政复议申请\t35\t30\r\n纠错率\t8.6%\t7.1%" in text


def _ledger() -> Ledger:
    ledger = Ledger(kind="department")
    ledger.set("recon_received", CURRENT, Decimal(35))
    ledger.set("recon_received", PREVIOUS, Decimal(30))
    return ledger


def test_the_ledger_table_is_an_attachment_after_the_body() -> None:
    data = render(_report(ledger=_ledger()), ".docx", ExportOptions(ledger_table=True))
    parts = read_parts(data)
    note = parts.exact_paragraph("附件：数据台账")
    assert attr(note.find("w:pPr/w:ind", NS), "firstLineChars") == "200"  # 左空二字
    label = parts.exact_paragraph("附件")
    assert label.find("w:pPr/w:pageBreakBefore", NS) is not None
    assert {attr(f, "eastAsia") for f in label.iter(f"{{{NS['w']}}}rFonts")} == {"黑体"}
    assert {attr(s, "val") for s in label.iter(f"{{{NS['w']}}}sz")} == {"32"}  # 3号
    title = parts.exact_paragraph("数据台账")
    assert attr(title.find("w:pPr/w:jc", NS), "val") == "center"
    text = parts.body_text()
    assert text.index("全年行政复议情况") < text.index("附件：数据台账") < text.index("某局\n") < text.index("\n附件\n")
    document = docx.Document(io.BytesIO(data))
    body_tables = [t for t in document.tables if t._tbl.tblPr.find(qn("w:tblpPr")) is None]  # not the 版记
    ledger_table = body_tables[-1]
    rows = [[c.text for c in row.cells] for row in ledger_table.rows]
    assert rows == [["指标", "单位", "2024年", "2023年", "同比"], ["收到行政复议申请", "件", "35", "30", "增长16.67%"]]


def test_the_ledger_table_goes_into_html_and_txt_and_not_without_the_option() -> None:
    report = _report(ledger=_ledger())
    page = render(report, ".html", ExportOptions(ledger_table=True)).decode("utf-8")
    assert page.index("附件：数据台账") < page.index('class="signature"') < page.index("<h2>数据台账</h2>")
    assert "<td>收到行政复议申请</td><td>件</td><td>35</td><td>30</td><td>增长16.67%</td>" in page
    text = render(report, ".txt", ExportOptions(ledger_table=True)).decode("utf-8-sig")
    assert (
        "附件\r\n\r\n数据台账\r\n\r\n指标\t单位\t2024年\t2023年\t同比\r\n收到行政复议申请\t件\t35\t30\t增长16.67%"
        in text
    )
    assert "数据台账" not in render(report, ".html", ExportOptions()).decode("utf-8")


@pytest.mark.parametrize("suffix", [".docx", ".html", ".txt"])
def test_an_empty_ledger_is_refused_with_a_message(suffix: str) -> None:
    with pytest.raises(ExportError, match="数据台账中还没有填写任何数据"):
        render(_report(), suffix, ExportOptions(ledger_table=True))


def test_a_table_that_ends_the_body_keeps_its_last_row_with_the_signature() -> None:
    report = _report()
    [table] = _tables(render(report, ".docx", ExportOptions()))
    *others, last = table.findall("w:tr", NS)
    assert all(p.find("w:pPr/w:keepNext", NS) is not None for p in last.iter(f"{{{NS['w']}}}p"))
    assert all(p.find("w:pPr/w:keepNext", NS) is None for row in others for p in row.iter(f"{{{NS['w']}}}p"))
    report.body[0].children.append(Node(PARAGRAPH, text="最后一段。"))
    [table] = _tables(render(report, ".docx", ExportOptions()))
    assert not table.findall(".//w:keepNext", NS)
