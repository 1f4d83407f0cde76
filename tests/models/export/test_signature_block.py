"""The 署名 and 成文日期 block: a wide signature keeps its date on the page; a long issuer splits between words."""

from __future__ import annotations

import io

import docx
import pytest

from models.export import ExportOptions, render
from models.export import layout as L
from models.report import SECTION, Node, Report, ReportMeta


@pytest.mark.parametrize("sealed", [True, False])
def test_date_under_a_signature_wider_than_the_line_stays_on_the_page(sealed: bool) -> None:
    # A joint report signed by several bodies can have a 署名 longer than one line.
    signature = "中共重庆市某区委员会办公室　重庆市某区人民政府办公室　重庆市某区司法局"
    report = Report(
        meta=ReportMeta(
            year=2023, issuer="某局", title="关于2023年度法治政府建设情况的报告", signature=signature, date="2024-03-06"
        ),
        body=[Node(SECTION, "一部分", "正文。")],
    )
    document = docx.Document(io.BytesIO(render(report, ".docx", ExportOptions(sealed=sealed))))
    date = next(p for p in document.paragraphs if p.text == "2024年3月6日")
    right = date.paragraph_format.right_indent or 0
    assert right.twips + L.body_width_twips("2024年3月6日") <= L.TEXT_WIDTH


@pytest.mark.parametrize("issuer", ["中共重庆市九龙坡区委全面依法治区委员会办公室", ""])
def test_long_issuer_name_is_split_between_bodies_not_inside_a_word(issuer: str) -> None:
    from models.export.titles import split_title

    title = "中共重庆市九龙坡区委全面依法治区委员会办公室关于2023年度法治政府建设情况的报告"
    # Two lines would need 办公室关于2023年度法治政府建设情况的报告 on one, 20.4 characters wide where the digits are
    # not half-width (Noto Serif CJK Bold): three lines in a diamond instead.
    assert split_title(title, issuer) == [
        "中共重庆市九龙坡区委",
        "全面依法治区委员会办公室关于2023年度",
        "法治政府建设情况的报告",
    ]
