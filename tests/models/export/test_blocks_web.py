"""Body blocks (numbering, run-in headings, points, empty parts) and the .html/.txt writers."""

from __future__ import annotations

from models.export.blocks import body_blocks, prune
from models.export.web import build_html, build_text
from models.report import PARAGRAPH, POINT, SECTION, Node, Report, ReportMeta
from tests.seed_report import seed_report


def _report(*body: Node) -> Report:
    return Report(
        meta=ReportMeta(title="关于2023年度法治政府建设情况的报告", issuer="某局", date="2024-03-06"), body=list(body)
    )


def test_untouched_template_parts_are_left_out_and_numbering_is_the_trees():
    report = _report(
        Node(
            SECTION,
            title="工作情况",
            children=[Node(SECTION, title="没写正文的部分。"), Node(SECTION, title="写了的部分。", text="正文。")],
        ),
        Node(SECTION, title="存在的不足和原因", key="shortcomings"),  # unfilled template part
        Node(SECTION, title="下一步工作打算", text="继续推进。"),
    )
    texts = [b.text for b in body_blocks(prune(report))]
    assert texts == [
        "一、工作情况",
        "（一）没写正文的部分。",
        "（二）写了的部分。正文。",
        "三、下一步工作打算",
        "继续推进。",
    ]


def test_points_inline_or_separate_and_paragraph_breaks():
    section = Node(
        SECTION,
        title="存在的主要问题",
        children=[
            Node(POINT, title="制度建设需要加强。"),
            Node(POINT, title="执法方式需要创新。", text="第一段。\n第二段。"),
        ],
    )
    report = prune(_report(section))
    inline = [b.text for b in body_blocks(report)]
    assert inline == ["一、存在的主要问题", "一是制度建设需要加强。二是执法方式需要创新。第一段。", "第二段。"]
    separate = [b.text for b in body_blocks(report, inline_points=False)]
    assert separate == ["一、存在的主要问题", "一是制度建设需要加强。", "二是执法方式需要创新。第一段。", "第二段。"]


def test_heading_levels_and_standalone_headings():
    report = prune(
        _report(
            Node(
                SECTION,
                title="甲",
                children=[
                    Node(SECTION, title="乙。", children=[Node(SECTION, title="丙。", text="丙文。")]),
                    Node(PARAGRAPH, text="段落。"),
                ],
            )
        )
    )
    blocks = body_blocks(report)
    assert [(b.text, b.heading) for b in blocks] == [
        ("一、甲", 1),
        ("（一）乙。", 2),
        ("1.丙。丙文。", 0),
        ("段落。", 0),
    ]
    assert [p.level for p in blocks[2].pieces] == [3, 0]


def test_html_keeps_punctuation_as_characters_with_headings():
    page = build_html(seed_report(repaired=True)).decode("utf-8")
    assert '<meta charset="utf-8">' in page
    assert page.startswith("<!DOCTYPE html>")
    assert "<h1>区城市管理局关于2023年度法治政府建设情况的报告</h1>" in page
    assert "<h2>一、2023年法治政府建设工作情况</h2>" in page
    assert "<h3>（一）深学笃用习近平法治思想和党的二十大精神，推动城市管理部门法治政府建设高质量发展。</h3>" in page
    assert "〔2023〕83号" in page
    assert "2020—2025年" in page
    assert "“八五”" in page
    assert "《" in page
    assert "&" not in page.replace("&amp;", "")
    assert '<p class="signature">2024年3月6日</p>' in page


def test_html_escapes_markup_in_text():
    page = build_html(_report(Node(PARAGRAPH, text="a<b>&c"))).decode("utf-8")
    assert "<p>a&lt;b&gt;&amp;c</p>" in page


def test_txt_has_bom_and_crlf_and_same_text_as_blocks():
    data = build_text(seed_report(repaired=True))
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "\n" not in text.replace("\r\n", "")
    assert text.startswith("区城市管理局关于2023年度法治政府建设情况的报告\r\n\r\n2023年，")
    assert (
        "（一）深学笃用习近平法治思想和党的二十大精神，推动城市管理部门法治政府建设高质量发展。一是多形式开展学习。"
        in text
    )
    assert text.endswith("重庆市九龙坡区城市管理局\r\n2024年3月6日\r\n")
