"""Titled parts are content: exported with the tree's own numbering, even without body text.

Only template placeholders the clerk never touched are left out, and they can be listed.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from models import export
from models.export import ExportOptions, render
from models.export.blocks import body_blocks, prune
from models.importing import import_file
from models.numbering import number_report
from models.report import SECTION, Node, Report

ISSUE = Path(__file__).resolve().parents[2] / "data" / "titled-parts-without-text.txt"

ISSUE_BODY = [
    "一、主要举措和成效",
    "我局推进依法行政，全年办理行政复议案件十二件。",
    "二、存在的不足和原因",
    "（一）法治意识不强。",
    "（二）执法队伍建设有待加强。",
    "三、下一年度工作安排",
    "（一）加强法治学习培训。",
    "（二）深化行政执法体制改革。",
]


@pytest.fixture
def imported() -> Report:
    return import_file(ISSUE).report


def _tree_headings(report: Report) -> list[str]:
    markers = number_report(report)
    return [f"{markers[id(n)]}{n.title}" for n in report.walk() if n.kind == SECTION and n.title]


def _docx_texts(report: Report, **options: object) -> list[str]:
    document = docx.Document(io.BytesIO(render(report, ".docx", ExportOptions(**options))))
    return [p.text for p in document.paragraphs]


def _contains_in_order(texts: list[str], expected: list[str]) -> bool:
    start = next((i for i, t in enumerate(texts) if t == expected[0]), None)
    return start is not None and texts[start : start + len(expected)] == expected


def test_imported_parts_without_body_text_are_exported_to_docx(imported):
    texts = _docx_texts(imported)
    assert _contains_in_order(texts, ISSUE_BODY), texts
    assert _tree_headings(imported) == [t for t in ISSUE_BODY if t != ISSUE_BODY[1]]


def test_imported_parts_without_body_text_are_exported_to_txt_and_html(imported):
    text = render(imported, ".txt", ExportOptions()).decode("utf-8-sig")
    assert "\r\n\r\n".join(ISSUE_BODY) in text
    page = render(imported, ".html", ExportOptions()).decode("utf-8")
    for line in (
        "<h2>二、存在的不足和原因</h2>",
        "<h3>（二）执法队伍建设有待加强。</h3>",
        "<h2>三、下一年度工作安排</h2>",
        "<h3>（一）加强法治学习培训。</h3>",
    ):
        assert line in page


def test_a_heading_that_is_the_whole_item_is_one_run_in_paragraph(imported):
    blocks = body_blocks(prune(imported))
    item = next(b for b in blocks if b.text == "（一）法治意识不强。")
    assert item.heading == 0  # a paragraph, not a standalone heading
    assert [p.level for p in item.pieces] == [2]  # in the heading's font
    assert next(b for b in blocks if b.text == "三、下一年度工作安排").heading == 1
    assert export.left_out_parts(imported) == []
    assert export.left_out_notice(imported) == ""


def test_untouched_template_parts_are_left_out_and_listed(template_report):
    measures, _leader, shortcomings, plans, _other = (n for n in template_report.body if n.kind == SECTION)
    rules = next(c for c in measures.children if c.key == "rules")
    rules.text = "全年审核规范性文件12件。"
    plans.children.append(Node(SECTION, title="加强法治学习培训。"))
    shortcomings.title = "存在的问题"  # retitled by the clerk: no longer the template's placeholder
    texts = render(template_report, ".txt", ExportOptions()).decode("utf-8-sig").split("\r\n\r\n")
    # The numbers are the tree's: （三） and 四、 even though parts before them are left out.
    assert texts[1:6] == [
        "一、2024年推进法治政府建设的主要举措和成效",
        "（三）完善依法行政制度体系",
        "全年审核规范性文件12件。",
        "三、存在的问题",
        "四、2025年推进法治政府建设的主要安排",
    ]
    assert texts[6] == "（一）加强法治学习培训。"
    assert not any(t.startswith(("二、", "五、")) for t in texts)
    left = export.left_out_parts(template_report)
    assert [n.key for n in left] == [
        "thought",
        "functions",
        "decisions",
        "enforcement",
        "emergencies",
        "disputes",
        "oversight",
        "digital",
        "leader",
        "other",
    ]
    notice = export.left_out_notice(template_report)
    assert "（一）深入学习贯彻习近平法治思想" in notice
    assert "二、党政主要负责人履行推进法治建设第一责任人职责情况" in notice
    assert "五、其他需要报告的情况" in notice
    docx_texts = _docx_texts(template_report)
    assert _contains_in_order(docx_texts, ["一、2024年推进法治政府建设的主要举措和成效", "（三）完善依法行政制度体系"])
    assert "三、存在的问题" in docx_texts
    assert not any(t.startswith("二、") for t in docx_texts)


def test_an_untouched_template_exports_no_body(template_report):
    texts = render(template_report, ".txt", ExportOptions()).decode("utf-8-sig").split("\r\n\r\n")
    assert texts[0] == "重庆市某区某局关于2024年度法治政府建设情况的报告"
    assert texts[1].startswith("重庆市某区某局")  # the signature follows the title: no heading at all
    assert [n.key for n in export.left_out_parts(template_report)] == [
        "measures",
        "leader",
        "shortcomings",
        "plans",
        "other",
    ]


def test_exported_numbering_is_the_tree_numbering_for_an_empty_point_and_a_bare_part():
    from models.report import POINT, ReportMeta

    report = Report(
        meta=ReportMeta(title="关于2023年度法治政府建设情况的报告", year=2023),
        body=[
            Node(SECTION, title="没写正文的部分"),
            Node(SECTION, title="工作情况", children=[Node(POINT, title=""), Node(POINT, title="制度建设需要加强。")]),
        ],
    )
    texts = [b.text for b in body_blocks(prune(report))]
    assert texts == ["一、没写正文的部分", "二、工作情况", "二是制度建设需要加强。"]
