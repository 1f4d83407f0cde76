"""Structure and metadata recognition on small hand-written reports, tidy and untidy."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.importing import import_text
from models.importing.metadata import parse_date
from models.report import PARAGRAPH, POINT, SECTION, TABLE, TableData
from tests.models.importing.helpers import assert_nothing_lost

TITLE = "重庆市某区司法局关于2023年度法治政府建设情况的报告"


def imported(body: str, title: str = TITLE):
    source = f"{title}\n{body}"
    result = import_text(source)
    assert_nothing_lost(source, result)
    return result


def kinds(nodes) -> list[str]:
    return [n.kind for n in nodes]


@pytest.mark.parametrize(
    ("level3", "level4", "kept3", "kept4"),
    [("1.", "（1）", "", ""), ("1、", "(1)", "1、", "(1)"), ("１．", "（１）", "", "")],
)
def test_four_heading_levels_and_points(level3: str, level4: str, kept3: str, kept4: str) -> None:
    """Standard markers go (the program numbers); 1、 and (1) in a full-width text stay for 体检."""
    body = (
        f"一、总体情况\n（一）加强学习。\n{level3}组织学法\n{level4}党组学法。一是集中学。学了4次。二是自学。\n"
        f"{level4.replace('1', '2').replace('１', '２')}讲座\n①第一\n②第二"
    )
    result = imported(body)
    part = result.report.body[0]
    item = part.children[0]
    sub = item.children[0]
    assert (part.title, item.title, sub.title) == ("总体情况", "加强学习。", f"{kept3}组织学法")
    assert [c.title for c in sub.children] == [f"{kept4}党组学法。", f"{kept4.replace('1', '2')}讲座"]
    assert [(p.kind, p.title, p.text) for p in sub.children[0].children] == [
        (POINT, "集中学。", "学了4次。"),
        (POINT, "自学。", ""),
    ]
    assert [c.title for c in sub.children[1].children] == ["第一", "第二"]


def test_ascii_and_full_width_brackets_are_one_level() -> None:
    result = imported("一、情况\n(一)甲。\n（二）乙。\n(三)丙。")
    # one level; in a text written with full-width marks the ASCII ones are the clerk's, kept for 体检
    assert [(c.kind, c.title) for c in result.report.body[0].children] == [
        (SECTION, "(一)甲。"),
        (SECTION, "乙。"),
        (SECTION, "(三)丙。"),
    ]


def test_ascii_brackets_on_a_page_without_full_width_marks_are_markers() -> None:
    result = imported("一、情况\n(一)甲。\n(二)乙,丙。")
    assert [c.title for c in result.report.body[0].children] == ["甲。", "乙,丙。"]


def test_run_in_heading_with_points_and_lead_text() -> None:
    result = imported("一、主要举措。全年开展工作如下：一是抓学习。学了。二是抓制度。定了。\n补充说明一段。")
    part = result.report.body[0]
    assert part.title == "主要举措。"
    assert part.text == "全年开展工作如下："
    assert kinds(part.children) == [POINT, POINT, PARAGRAPH]
    assert part.children[1].title == "抓制度。"
    assert part.children[2].text == "补充说明一段。"


def test_points_starting_paragraphs_and_semicolon_points() -> None:
    result = imported("三、存在的问题\n一是制度不健全；二是队伍不强；\n三是保障不足。")
    part = result.report.body[0]
    assert kinds(part.children) == [POINT] * 3
    assert [p.title for p in part.children] == ["制度不健全；", "队伍不强；", "保障不足。"]


def test_words_containing_yi_shi_are_not_points() -> None:
    result = imported("一、情况\n坚持统一是关键，唯一是目标。")
    assert result.report.body[0].text == "坚持统一是关键，唯一是目标。"
    assert result.report.body[0].children == []


def test_standalone_heading_then_body_paragraphs_become_its_text() -> None:
    result = imported("一、总体情况\n四、下一步工作打算\n2024年，我局将重点推进以下工作。\n（一）深化改革。推进审批。")
    part = result.report.body[1]
    assert part.title == "四、下一步工作打算"  # 二、三、 are missing: the typed number stays for 体检
    assert part.text == "2024年，我局将重点推进以下工作。"
    assert part.children[0].title == "深化改革。"
    assert part.children[0].text == "推进审批。"
    assert part.key == "plans"


def test_duplicated_and_skipped_numbers_are_kept_and_noted() -> None:
    result = imported("一、情况\n（一）甲。\n（一）乙。\n（三）丙。\n（二）丁。")
    titles = [c.title for c in result.report.body[0].children]
    assert titles == ["甲。", "（一）乙。", "（三）丙。", "（二）丁。"]
    notes = "\n".join(result.notes)
    assert "重复出现" in notes
    assert "中间缺少编号" in notes
    assert "顺序有误" in notes


def test_missing_parent_heading() -> None:
    result = imported("（一）加强领导。组建小组。\n（二）完善制度。制定办法。")
    assert kinds(result.report.body) == [SECTION, SECTION]
    assert any("没有上一级标题" in note for note in result.notes)


def test_arabic_numbers_running_on_across_parts() -> None:
    result = imported("一、工作情况\n1.学习。\n2.制度。\n二、存在问题\n3.不足。\n4.短板。")
    one, two = result.report.body
    assert [c.title for c in one.children] == ["学习。", "制度。"]
    assert [c.title for c in two.children] == ["3.不足。", "短板。"]
    assert any("“3.”前面没有同级的第 1 项" in note for note in result.notes)


def test_traditional_characters_are_converted_to_simplified() -> None:
    title = "某市司法局關於2023年度法治政府建設情況的報告"
    result = import_text(f"{title}\n一、2023年法治政府建設工作情況\n（一）加強組織領導。一是健全機制。成立領導小組。")
    assert result.report.meta.title == "某市司法局关于2023年度法治政府建设情况的报告"
    part = result.report.body[0]
    assert part.title == "2023年法治政府建设工作情况"
    assert part.children[0].children[0].title == "健全机制。"
    assert part.children[0].children[0].text == "成立领导小组。"
    assert result.report.meta.year == 2023
    assert title in result.source_text


def test_no_numbers_at_all_imports_paragraphs_with_a_note() -> None:
    result = imported("我局全年依法行政。\n取得了成效。")
    assert kinds(result.report.body) == [PARAGRAPH, PARAGRAPH]
    assert any("没有识别到任何带编号的标题" in note for note in result.notes)


def test_submission_metadata_head_and_tail() -> None:
    source = "\n".join(
        [
            "某区司法局文件",
            "某司法发〔2024〕12号",
            "签发人：张三",
            "某区司法局2023年法治政府建设年度报告",
            "区委、区政府：",
            "2023年，我局坚持依法行政。现将有关情况报告如下。",
            "一、主要举措",
            "（一）学习。学了。",
            "某区司法局",
            "二〇二四年三月六日",
            "（联系人：李四，电话：12345678）",
            "抄送：市司法局。",
            "某区司法局办公室 2024年3月7日印发",
        ]
    )
    result = import_text(source)
    meta = result.report.meta
    assert meta.title == "某区司法局2023年法治政府建设年度报告"
    assert (meta.doc_number, meta.signer, meta.recipients) == ("某司法发〔2024〕12号", "张三", "区委、区政府")
    assert (meta.signature, meta.date, meta.note) == ("某区司法局", "2024-03-06", "联系人：李四，电话：12345678")
    assert (meta.cc, meta.printed_by, meta.printed_on) == ("市司法局", "某区司法局办公室", "2024-03-07")
    assert (meta.year, meta.issuer) == (2023, "某区司法局")
    assert kinds(result.report.body) == [PARAGRAPH, SECTION]
    assert any("某区司法局文件" in note for note in result.notes)
    assert_nothing_lost(source, result)


@pytest.mark.parametrize(
    "title",
    [
        "某局关于2023年度法治政府建设情况的报告",
        "某局关于2023年法治政府建设工作情况的报告",
        "某局2023年度法治政府建设工作报告",
        "某局2023年法治政府建设年度报告",
        "某局2023年度法治政府建设情况报告（公开版）",
    ],
)
def test_title_variants(title: str) -> None:
    result = imported("一、工作情况\n（一）学习。学了。\n某局\n2024年2月28日", title)
    assert result.report.meta.title == title
    assert result.report.meta.year == 2023
    assert result.report.meta.issuer == "某局"
    assert result.report.meta.date == "2024-02-28"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2024-03-06", "2024-03-06"),
        ("2024年3月6日", "2024-03-06"),
        ("二〇二四年三月六日", "2024-03-06"),
        ("二○二四年十二月三十一日", "2024-12-31"),
        ("2024/3/16", "2024-03-16"),
        ("2024年13月1日", ""),
        ("三月六日", ""),
    ],
)
def test_dates(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    ("typed", "why"),
    [("二〇二四年三月六日", "用了汉字"), ("2024年03月06日", "编了虚位"), ("2024-03-06", "分隔"), ("2024年3月6日", "")],
)
def test_a_date_typed_in_the_wrong_form_is_told_to_the_clerk(typed: str, why: str) -> None:
    result = imported(f"一、工作情况\n（一）学习。学了。\n某局\n{typed}", "某局关于2023年度法治政府建设情况的报告")
    assert result.report.meta.date == "2024-03-06"
    notes = [note for note in result.notes if "成文日期原文写作" in note]
    if not why:
        assert notes == []
        return
    assert len(notes) == 1
    assert typed in notes[0]
    assert why in notes[0]
    assert "2024年3月6日" in notes[0]


def test_a_date_under_the_title_typed_in_chinese_numerals_is_told_too() -> None:
    result = imported(
        "（二〇二四年三月六日）\n一、工作情况\n（一）学习。学了。", "某局关于2023年度法治政府建设情况的报告"
    )
    assert result.report.meta.date == "2024-03-06"
    assert any("二〇二四年三月六日" in note and "2024年3月6日" in note for note in result.notes)


def test_year_from_body_when_the_title_has_none() -> None:
    result = import_text("法治政府建设情况报告\n一、2022年工作情况\n（一）学习。学了。")
    assert result.report.meta.year == 2022


def test_unknown_year_is_guessed_with_a_note() -> None:
    result = import_text("一、工作情况\n（一）学习。学了。")
    assert result.report.meta.year > 2000
    assert any("没有识别到报告年度" in note for note in result.notes)


def test_control_characters_are_cleaned_and_noted() -> None:
    result = import_text("一、工作\x07情况\n（一）学\x00习。")
    assert result.report.body[0].title == "工作情况"
    assert any("控制字符" in note for note in result.notes)


def test_docx_tables_and_line_breaks(tmp_path) -> None:
    import docx

    from models.importing import import_file

    document = docx.Document()
    info = document.add_table(rows=2, cols=2)
    info.cell(0, 0).text, info.cell(0, 1).text = "索引号", "11500107MB1234567/2024-00012"
    info.cell(1, 0).text, info.cell(1, 1).text = "发布机构", "某区司法局"
    document.add_paragraph(TITLE)
    paragraph = document.add_paragraph("一、工作情况")
    paragraph.add_run().add_break()
    paragraph.add_run("（一）加强学习。一是集中学。")
    stats = document.add_table(rows=2, cols=2)
    stats.cell(0, 0).text, stats.cell(0, 1).text = "项目", "数量"
    stats.cell(1, 0).text, stats.cell(1, 1).text = "办理案件", "126件"
    path = tmp_path / "tables.docx"
    document.save(str(path))
    result = import_file(path)
    part = result.report.body[0]
    assert part.title == "工作情况"
    assert part.children[0].title == "加强学习。"
    assert part.children[0].children[0].title == "集中学。"
    [table] = part.children[0].children[1:]
    assert (table.kind, table.table) == (TABLE, TableData([["项目", "数量"], ["办理案件", "126件"]]))
    assert result.report.meta.title == TITLE
    notes = "\n".join(result.notes)
    assert "索引号" in notes  # the page's information table goes as clutter


def test_docx_bullets_stay_text_and_unusual_numbers_use_the_list_level(tmp_path) -> None:
    import docx

    from models.importing import import_file
    from tests.models.importing.helpers import number_paragraph

    document = docx.Document()
    numbering = document.part.numbering_part.element
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    definitions = (
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="91"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>'
        '<w:lvlText w:val="●"/></w:lvl></w:abstractNum>',
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="92"><w:lvl w:ilvl="0"><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="第%1部分"/></w:lvl></w:abstractNum>',
    )
    first_num = numbering.find(qn("w:num"))
    for xml in definitions:
        first_num.addprevious(parse_xml(xml))
    for num_id in ("91", "92"):
        numbering.append(
            parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>')
        )
    document.add_paragraph(TITLE)
    number_paragraph(document.add_paragraph("工作情况"), "92", 0)
    number_paragraph(document.add_paragraph("组织学法4次。"), "91", 0)
    number_paragraph(document.add_paragraph("存在问题"), "92", 0)
    path = tmp_path / "lists.docx"
    document.save(str(path))
    body = import_file(path).report.body
    assert [(n.kind, n.title, n.text) for n in body] == [
        (SECTION, "工作情况", "组织学法4次。"),
        (SECTION, "存在问题", ""),
    ]


def test_title_over_two_lines_bracketed_date_and_web_header_line() -> None:
    source = "\n".join(
        [
            "【字体：大 中 小】",
            "来源：某区司法局 发布时间：2024-03-08 浏览次数：321",
            "某区司法局关于2023年度",
            "法治政府建设情况的报告",
            "（2024年3月6日）",
            "一、工作情况",
            "（一）学习。学了。",
            "【打印本页】",
            "【关闭窗口】",
        ]
    )
    result = import_text(source)
    meta = result.report.meta
    assert meta.title == "某区司法局关于2023年度法治政府建设情况的报告"
    assert meta.date == "2024-03-06"
    assert meta.issuer == "某区司法局"
    assert [n.title for n in result.report.body] == ["工作情况"]
    assert_nothing_lost(source, result)


def test_web_date_found_inside_a_header_line() -> None:
    result = import_text(
        "来源：某局 发布时间：2024-03-08\n某局2023年法治政府建设年度报告\n一、工作情况\n（一）学习。学了。"
    )
    assert result.report.meta.date == "2024-03-08"


def test_a_header_line_that_runs_into_the_report_is_not_dropped() -> None:
    body = "2023年，我局依法行政，" * 20 + "一、工作情况。学了。"
    source = f"您当前的位置：首页>政务公开>{body}"
    result = import_text(source)
    assert "依法行政" in "".join(n.text for n in result.report.walk())
    assert_nothing_lost(source, result)


def test_a_closing_table_is_not_taken_for_a_site_menu() -> None:
    source = "一、工作情况\n（一）办案。情况如下。\n项目\t数量\n办理案件\t126件\n复议案件\t8件\n诉讼案件\t13件"
    result = import_text(source)
    item = result.report.body[0].children[0]
    assert item.text == "情况如下。\n项目\t数量\n办理案件\t126件\n复议案件\t8件\n诉讼案件\t13件"
    assert_nothing_lost(source, result)


def test_short_numbered_headings_at_the_end_are_not_taken_for_site_menus(tmp_path) -> None:
    """Found by the round-trip property test: three one-word headings numbered by Word's
    automatic list closed the document and were dropped as a website's menu."""
    from models.importing import import_file
    from models.report import SECTION, Node, Report, ReportMeta
    from tests.models.importing.helpers import write_structured_docx

    report = Report(
        ReportMeta(year=2023, issuer="某区某局", title="某区某局关于2023年度法治政府建设情况的报告"),
        [Node(SECTION, "习"), Node(SECTION, "学"), Node(SECTION, "习")],
    )
    path = tmp_path / "short.docx"
    write_structured_docx(report, path, "numpr")
    imported = import_file(path).report
    assert [(n.kind, n.title) for n in imported.body] == [(SECTION, "习"), (SECTION, "学"), (SECTION, "习")]


def _figures_docx(path: Path) -> Path:
    """A report with a table of figures after a heading, one before the title, and merged cells."""
    import docx

    document = docx.Document()
    ahead = document.add_table(rows=2, cols=2)
    ahead.cell(0, 0).text, ahead.cell(0, 1).text = "密级", "期限"
    ahead.cell(1, 0).text, ahead.cell(1, 1).text = "无", "长期"
    document.add_paragraph(TITLE)
    document.add_paragraph("一、行政复议工作")
    document.add_paragraph("全年行政复议案件情况如下。")
    figures = document.add_table(rows=4, cols=3)
    for row, values in enumerate(
        [("项目", "2024年", "2023年"), ("收到申请", "35件", "30件"), ("纠错率", "8.6%", "7.1%"), ("合计说明", "", "")]
    ):
        for column, value in enumerate(values):
            figures.cell(row, column).text = value
    figures.cell(3, 0).merge(figures.cell(3, 2)).text = "合计说明\t含行政应诉"
    document.add_paragraph("二、下一步打算")
    document.add_paragraph("继续做好复议工作。")
    document.save(str(path))
    return path


def test_a_docx_table_of_figures_stays_a_table_under_its_heading(tmp_path: Path) -> None:
    from models.importing import import_file

    result = import_file(_figures_docx(tmp_path / "figures.docx"))
    report = result.report
    assert report.meta.title == TITLE
    before, part, plans = report.body
    assert (before.kind, before.table) == (TABLE, TableData([["密级", "期限"], ["无", "长期"]]))  # kept, not lost
    assert part.title == "行政复议工作"
    assert part.text == "全年行政复议案件情况如下。"
    [table] = part.children
    assert table.kind == TABLE
    assert table.table.rows[:3] == [
        ["项目", "2024年", "2023年"],
        ["收到申请", "35件", "30件"],
        ["纠错率", "8.6%", "7.1%"],
    ]
    assert table.table.rows[3] == ["合计说明\t含行政应诉", "", ""]  # merged: its text once
    assert plans.title == "下一步打算"
    assert [c.text for c in plans.children] == []
    assert plans.text == "继续做好复议工作。"
    assert not any("表格" in note for note in result.notes)
    assert "收到申请\t35件\t30件" in result.source_text  # the preview's source pane shows the cells


def test_a_one_column_box_is_still_read_as_paragraphs(tmp_path: Path) -> None:
    import docx

    from models.importing import import_file

    document = docx.Document()
    document.add_paragraph(TITLE)
    document.add_paragraph("一、工作情况")
    box = document.add_table(rows=2, cols=1)
    box.cell(0, 0).text, box.cell(1, 0).text = "全年办理案件126件。", "复议案件8件。"
    path = tmp_path / "box.docx"
    document.save(str(path))
    result = import_file(path)
    [part] = result.report.body
    assert part.text == "全年办理案件126件。\n复议案件8件。"
    assert any("表格" in note for note in result.notes)
