"""Word files as offices write them, on made-up reports: manual line breaks (Shift+Enter) inside a
title or heading, the 版头 (发文机关标志, 文号 and 签发人) and the 版记 (抄送, 印发机关 and 印发日期)."""

from __future__ import annotations

from pathlib import Path

import docx

from models.importing import import_file, import_text
from models.report import PARAGRAPH, SECTION
from tests.models.importing.helpers import assert_nothing_lost

TITLE = "某县司法局关于2023年度法治政府建设情况的报告"
BODY = ["2023年，我局坚持依法行政。现将有关情况报告如下。", "一、主要举措和成效", "（一）加强学习。全年学法4次。"]


def write(path: Path, paragraphs: list[tuple[list[str], str | None]]) -> str:
    """Each paragraph as its lines (joined by manual line breaks) and its style; returns what a reader sees."""
    document = docx.Document()
    for lines, style in paragraphs:
        paragraph = document.add_paragraph(style=style)
        for index, line in enumerate(lines):
            run = paragraph.add_run(line)
            if index < len(lines) - 1:
                run.add_break()
    document.save(str(path))
    return "\n".join("".join(lines) for lines, _ in paragraphs)


def imported(path: Path, paragraphs: list[tuple[list[str], str | None]]):
    seen = write(path, paragraphs)
    result = import_file(path)
    assert_nothing_lost(seen, result)
    return result


def plain(*texts: str) -> list[tuple[list[str], None]]:
    return [([text], None) for text in texts]


def test_a_title_broken_by_a_line_break_is_one_title(tmp_path) -> None:
    result = imported(
        tmp_path / "t.docx", [(["某县司法局", "关于2023年度法治政府建设", "情况的报告"], None), *plain(*BODY)]
    )
    assert result.report.meta.title == TITLE
    assert result.report.body[0].kind == PARAGRAPH
    assert any("手动换行" in note and "某县司法局关于" in note for note in result.notes)


def test_a_heading_broken_by_a_line_break_is_one_heading(tmp_path) -> None:
    paragraphs = [
        ([TITLE], "Title"),
        ([BODY[0]], None),
        (["一、2023年法治政府建设", "主要举措和成效"], "Heading 1"),
        (["（一）加强学习。全年学法4次。"], None),
    ]
    result = imported(tmp_path / "h.docx", paragraphs)
    part = result.report.body[1]
    assert (part.kind, part.title) == (SECTION, "2023年法治政府建设主要举措和成效")
    assert [child.title for child in part.children] == ["加强学习。"]


def test_a_typed_numbered_heading_broken_by_a_line_break_is_one_heading(tmp_path) -> None:
    paragraphs = [
        ([TITLE], None),
        ([BODY[0]], None),
        (["一、2023年法治政府建设", "主要举措和成效"], None),
        (["（一）加强学习。全年学法4次。"], None),
    ]
    result = imported(tmp_path / "n.docx", paragraphs)
    assert result.report.body[1].title == "2023年法治政府建设主要举措和成效"


def test_a_heading_and_its_text_set_apart_by_a_line_break_stay_apart(tmp_path) -> None:
    paragraphs = [
        ([TITLE], None),
        ([BODY[0]], None),
        (["一、主要举措和成效", "全年学法4次。"], "Heading 1"),
        (["二、工作情况", "（一）加强学习。"], None),
    ]
    result = imported(tmp_path / "apart.docx", paragraphs)
    first, second = result.report.body[1:]
    assert (first.title, first.text) == ("主要举措和成效", "全年学法4次。")
    assert second.title == "工作情况"
    assert second.children[0].title == "加强学习。"
    assert not any("手动换行" in note for note in result.notes)


def test_lines_of_body_text_set_apart_by_line_breaks_stay_paragraphs(tmp_path) -> None:
    paragraphs = [([TITLE], None), (["我局全年依法行政", "取得了成效"], None), *plain(*BODY[1:])]
    result = imported(tmp_path / "p.docx", paragraphs)
    assert [n.text for n in result.report.body[:2]] == ["我局全年依法行政", "取得了成效"]


def test_redhead_and_colophon_of_a_word_file_go_into_the_metadata(tmp_path) -> None:
    title = "关于2023年度法治政府建设情况的报告"  # the issuer only in the 版头
    paragraphs = plain(
        "某县人民政府文件",
        "",
        "某府文〔2024〕3号\t\t签发人：王五　赵六",
        title,
        "市人民政府：",
        *BODY,
        "抄送：县委办公室，县人大常委会办公室。",
        "某县人民政府办公室\t\t2024年3月8日印发",
    )
    result = imported(tmp_path / "red.docx", paragraphs)
    meta = result.report.meta
    assert (meta.title, meta.recipients, meta.doc_number, meta.signer) == (
        title,
        "市人民政府",
        "某府文〔2024〕3号",
        "王五 赵六",
    )
    assert meta.issuer == "某县人民政府"
    assert (meta.cc, meta.printed_by, meta.printed_on) == (
        "县委办公室，县人大常委会办公室",
        "某县人民政府办公室",
        "2024-03-08",
    )
    assert [n.kind for n in result.report.body] == [PARAGRAPH, SECTION]
    notes = "\n".join(result.notes)
    for said in (
        "发文机关标志“某县人民政府文件”",
        "版头中的文号 某府文〔2024〕3号 和签发人 王五 赵六",
        "采用版头的发文机关标志“某县人民政府”",
        "版记中的抄送",
        "印发日期 2024-03-08",
    ):
        assert said in notes


def test_the_title_names_the_issuer_before_the_redhead_does() -> None:
    source = "\n".join(["某县人民政府办公室文件", "某府办文〔2024〕3号　　签发人：王五", TITLE, *BODY])
    result = import_text(source)
    assert (result.report.meta.issuer, result.report.meta.signer) == ("某县司法局", "王五")
    assert_nothing_lost(source, result)


def test_an_issuer_mark_next_to_the_title_is_not_taken_into_it() -> None:
    source = "\n".join(["某县司法局文件", "法治政府建设情况报告", *BODY])
    result = import_text(source)
    assert (result.report.meta.title, result.report.meta.issuer) == ("法治政府建设情况报告", "某县司法局")
    assert_nothing_lost(source, result)


def test_a_short_heading_and_a_short_line_of_text_stay_apart(tmp_path) -> None:
    paragraphs = [([TITLE], None), ([BODY[0]], None), (["一、基本情况", "全年办理案件126件"], None)]
    result = imported(tmp_path / "short.docx", paragraphs)
    assert (result.report.body[1].title, result.report.body[1].text) == ("基本情况", "全年办理案件126件")


def test_a_date_under_the_title_in_the_same_paragraph_is_the_date(tmp_path) -> None:
    paragraphs = [([TITLE, "（2024年3月6日）"], "Title"), *plain(*BODY)]
    result = imported(tmp_path / "dated.docx", paragraphs)
    assert (result.report.meta.title, result.report.meta.date) == (TITLE, "2024-03-06")


def test_a_spread_issuer_mark_and_old_subject_words_in_the_colophon(tmp_path) -> None:
    title = "关于2023年度法治政府建设情况的报告"
    paragraphs = plain(
        "某 县 司 法 局 文 件", "某司发〔2024〕3号", title, *BODY, "主题词：法治政府 年度报告", "抄送：县委办。"
    )
    result = imported(tmp_path / "old.docx", paragraphs)
    meta = result.report.meta
    assert (meta.issuer, meta.doc_number, meta.cc) == ("某县司法局", "某司发〔2024〕3号", "县委办")
    assert result.report.body[-1].children[0].title == "加强学习。"
    assert any("主题词" in note for note in result.notes)


def test_a_short_bold_heading_broken_by_a_line_break_is_one_heading(tmp_path) -> None:
    document = docx.Document()
    document.add_paragraph(TITLE)
    document.add_paragraph(BODY[0])
    heading = document.add_paragraph()
    first = heading.add_run("一、主要举措")
    first.bold = True
    first.add_break()
    heading.add_run("和成效").bold = True
    document.add_paragraph(BODY[2])
    path = tmp_path / "bold.docx"
    document.save(str(path))
    result = import_file(path)
    assert [n.title for n in result.report.body[1:]] == ["主要举措和成效"]
    assert_nothing_lost("\n".join([TITLE, *BODY]), result)


def test_text_in_a_text_box_is_named_in_the_notes(tmp_path) -> None:
    from docx.oxml import parse_xml

    document = docx.Document()
    anchor = document.add_paragraph()
    box = (
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
        ' xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        "<w:txbxContent><w:p><w:r><w:t>某县人民政府</w:t></w:r></w:p><w:p><w:r><w:t>某县司法局</w:t></w:r></w:p>"
        "</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r>"
        "<w:t>某县人民政府</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    anchor._p.append(parse_xml(box))
    for text in [TITLE, *BODY]:
        document.add_paragraph(text)
    path = tmp_path / "box.docx"
    document.save(str(path))
    result = import_file(path)
    assert result.report.meta.title == TITLE
    assert [n for n in result.notes if "文本框" in n] == [
        "文档的文本框中有文字“某县人民政府 某县司法局”，没有导入，请检查是否需要补入正文或报告信息。"
    ]


def test_a_colophon_laid_out_as_a_table_goes_into_the_metadata(tmp_path) -> None:
    """Many GB/T 9704 templates draw the 版记 as a borderless table: 抄送 in one row, 印发机关 and 印发日期
    in the cells of the next."""
    document = docx.Document()
    for text in [TITLE, *BODY]:
        document.add_paragraph(text)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "抄送：县委办公室，县人大常委会办公室。"
    table.cell(1, 0).text, table.cell(1, 1).text = "某县司法局办公室", "2024年3月8日印发"
    path = tmp_path / "colophon-table.docx"
    document.save(str(path))
    result = import_file(path)
    meta = result.report.meta
    assert (meta.cc, meta.printed_by, meta.printed_on) == (
        "县委办公室，县人大常委会办公室",
        "某县司法局办公室",
        "2024-03-08",
    )
    assert "印发" not in "".join(node.text for node in result.report.walk())
    assert_nothing_lost(
        "\n".join([TITLE, *BODY, "抄送：县委办公室，县人大常委会办公室。", "某县司法局办公室2024年3月8日印发"]), result
    )
