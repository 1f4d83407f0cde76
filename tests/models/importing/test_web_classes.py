"""The failure classes of real published reports (issue 12), each on made-up examples."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from models.checks import run_checks
from models.importing import import_text
from models.report import POINT, SECTION, is_whole_item
from tests.models.importing.helpers import assert_nothing_lost
from tests.seed_report import with_ids

ROOT = Path(__file__).resolve().parents[3]
TITLE = "某区司法局关于2023年度法治政府建设情况的报告"
BODY = "2023年，我局坚持依法行政。现将有关情况报告如下。\n一、2023年工作情况\n（一）强化组织领导。召开会议3次。\n二、存在的问题\n（一）法治意识不强。\n三、2024年工作打算\n（一）加强学习。"


def imported(source: str):
    result = import_text(source)
    assert_nothing_lost(source, result)
    return result


def titles(result) -> list[str]:
    return [n.title for n in result.report.body if n.kind == SECTION]


def joined_notes(result) -> str:
    return "\n".join(result.notes)


# --- cover letters and front matter ---


def test_cover_letter_goes_into_the_metadata_and_the_report_stays_whole() -> None:
    source = (
        "某卫〔2024〕3号《关于2023年度法治政府建设情况的报告》\n关于2023年度法治政府建设情况的报告\n某卫〔2024〕3号\n"
        "省委、省政府：\n某省卫生健康委员会\n2024年3月1日\n某省卫生健康委员会关于2023年度法治政府建设情况的报告\n"
        + BODY
    )
    result = imported(source)
    meta = result.report.meta
    assert meta.title == "某省卫生健康委员会关于2023年度法治政府建设情况的报告"
    assert (meta.doc_number, meta.recipients, meta.signature, meta.date) == (
        "某卫〔2024〕3号",
        "省委、省政府",
        "某省卫生健康委员会",
        "2024-03-01",
    )
    assert titles(result) == ["2023年工作情况", "存在的问题", "2024年工作打算"]
    assert result.report.body[0].text.startswith("2023年，我局")
    assert "已采用最完整的“某省卫生健康委员会关于2023年度法治政府建设情况的报告”" in joined_notes(result)


def test_cover_letter_sentence_before_the_report_title_is_front_matter() -> None:
    source = (
        "某卫〔2024〕3号\n签发人：李四\n某省卫生健康委员会关于报送2023年度法治政府建设情况报告的函\n省委、省政府：\n"
        "现将《某省卫生健康委员会关于2023年度法治政府建设情况的报告》报送给你们，请审阅。\n某省卫生健康委员会\n2024年3月1日\n"
        "某省卫生健康委员会关于2023年度法治政府建设情况的报告\n" + BODY
    )
    result = imported(source)
    meta = result.report.meta
    assert meta.title == "某省卫生健康委员会关于2023年度法治政府建设情况的报告"
    assert (meta.doc_number, meta.signer, meta.recipients, meta.date) == (
        "某卫〔2024〕3号",
        "李四",
        "省委、省政府",
        "2024-03-01",
    )
    assert result.report.body[0].text.startswith("2023年，我局")
    assert any(note.startswith("正文前的“现将《某省卫生") for note in result.notes)


def test_doc_number_run_into_the_title_and_a_short_title_after_the_full_one() -> None:
    source = f"某卫〔2024〕3号《{TITLE}》\n2023年法治政府建设年度报告\n某区司法局\n{BODY}"
    result = imported(source)
    meta = result.report.meta
    assert (meta.title, meta.doc_number, meta.signature) == (TITLE, "某卫〔2024〕3号", "某区司法局")
    assert result.report.body[0].text.startswith("2023年，我局")
    assert f"标题出现了 2 次，已采用最完整的“{TITLE}”，略去了“2023年法治政府建设年度报告”。" in result.notes


def test_report_end_date_wins_over_the_letter_date() -> None:
    source = "某卫〔2024〕3号\n省委、省政府：\n2024年3月9日\n" + TITLE + "\n" + BODY + "\n某区司法局\n2024年3月1日"
    meta = imported(source).report.meta
    assert (meta.date, meta.signature, meta.doc_number) == ("2024-03-01", "某区司法局", "某卫〔2024〕3号")


# --- titles ---


@pytest.mark.parametrize(
    ("head", "title"),
    [
        ("某区2023年度法治政府\n建设情况报告", "某区2023年度法治政府建设情况报告"),
        ("某区人民政府\n关于2023年度法治政府\n建设情况的报告", "某区人民政府关于2023年度法治政府建设情况的报告"),
        ("某区人民政府关于2023年度法治政府建设情况的报告。", "某区人民政府关于2023年度法治政府建设情况的报告"),
        ("【2022年】某区人民政府关于2022年度法治政府建设情况的报告", "某区人民政府关于2022年度法治政府建设情况的报告"),
        ("某区人民政府关于2023年度法治政府建设 情况的报告", "某区人民政府关于2023年度法治政府建设情况的报告"),
        (
            "2023年法治政府建设年度报告\n某区人民政府关于2023年度法治政府建设情况的报告",
            "某区人民政府关于2023年度法治政府建设情况的报告",
        ),
    ],
)
def test_title_assembled_and_the_fullest_chosen(head: str, title: str) -> None:
    result = imported(f"{head}\n{BODY}")
    assert result.report.meta.title == title
    assert titles(result) == ["2023年工作情况", "存在的问题", "2024年工作打算"]


def test_title_notes_say_what_was_chosen() -> None:
    result = imported(f"{TITLE}\n发布时间：2024-01-15\n某区司法局关于2023年度法治政府\n建设情况的报告\n{BODY}")
    assert result.report.meta.title == TITLE
    assert f"标题“{TITLE}”重复出现了 2 次，已只保留一个。" in result.notes
    result = imported(f"某区2023年度法治政府\n建设情况报告\n{BODY}")
    assert "标题分在 2 行，已合并为“某区2023年度法治政府建设情况报告”。" in result.notes
    result = imported(f"【2022年】某区关于2022年度法治政府建设情况的报告\n{BODY}")
    assert "标题前的“【2022年】”已略去。" in result.notes


# --- 主送 ---


@pytest.mark.parametrize(
    "head",
    [
        f"您当前的位置：首页>政务公开\n{TITLE}\n发布时间：2024-03-06\n区委、区政府:",
        f"某司法〔2024〕5号\n签发人：张三\n{TITLE}\n区委、区政府：",
        f"{TITLE}\n某司法〔2024〕5号\n区委、区政府:",
        f"区委、区政府:\n{TITLE}",
    ],
)
def test_recipients_with_either_colon_anywhere_before_the_body(head: str) -> None:
    result = imported(f"{head}\n{BODY}")
    assert result.report.meta.recipients == "区委、区政府"
    assert result.report.meta.title == TITLE
    assert result.report.body[0].text.startswith("2023年，我局")


def test_a_body_line_ending_in_a_colon_is_not_the_recipients() -> None:
    result = imported(f"{TITLE}\n现将有关情况报告如下：\n一、2023年工作情况\n做了。")
    assert result.report.meta.recipients == ""
    assert result.report.body[0].text == "现将有关情况报告如下："


# --- web chrome ---


@pytest.mark.parametrize(
    "chrome",
    [
        "[索引号] 11500107MB1F90 [发布机构] 某区司法局",
        "• 发文字号：无 • 成文日期：2024-03-06",
        "- 主题分类：综合政务",
        "| 索引号 | 11500107 | 发布机构 | 某区司法局 |",
        "文章来源:某区司法局 更新时间：2024-03-06 浏览次数：123",
        "信息来源：某区司法局",
        "【打印本页】【关闭窗口】",
        "分享到：",
        "您是第 12345 位访问者",
        "發布時間：2024-03-06 信息來源：某區司法局",
    ],
)
def test_web_chrome_lines_in_any_style_are_removed(chrome: str) -> None:
    result = imported(f"{TITLE}\n{chrome}\n{BODY}")
    assert chrome in result.removed
    assert result.report.meta.title == TITLE
    assert titles(result) == ["2023年工作情况", "存在的问题", "2024年工作打算"]
    assert "已略去网页上的无关内容" in joined_notes(result)


def test_site_footer_after_the_print_links_goes_and_the_date_above_it_is_found() -> None:
    footer = "【打印本页】【关闭窗口】\n网站地图\n联系我们\n版权所有：某区人民政府\n渝ICP备12345号"
    result = imported(f"{TITLE}\n{BODY}\n某区司法局\n2024年3月6日\n{footer}")
    assert set(footer.split("\n")) <= set(result.removed)
    assert (result.report.meta.date, result.report.meta.signature) == ("2024-03-06", "某区司法局")
    assert result.report.body[-1].children[-1].title == "加强学习。"


def test_sentences_that_start_like_page_links_are_kept() -> None:
    body = BODY.replace("召开会议3次。", "召开会议3次。\n关闭违法企业12家。\n无障碍设施改造完成30处。")
    result = imported(f"{TITLE}\n{body}")
    assert result.report.body[1].children[0].text == "召开会议3次。\n关闭违法企业12家。\n无障碍设施改造完成30处。"


def test_doc_number_from_the_page_table_only_when_the_report_has_none() -> None:
    result = imported(f"发文字号：\n某司法发〔2024〕5号\n成文日期：2024-03-06\n{TITLE}\n{BODY}")
    assert (result.report.meta.doc_number, result.report.meta.date) == ("某司法发〔2024〕5号", "2024-03-06")
    assert "正文前没有文号，已采用网页信息表中的发文字号 某司法发〔2024〕5号，请核对。" in result.notes
    own = imported(f"[发文字号] 某司法发〔2024〕5号\n某司法发〔2024〕9号\n{TITLE}\n{BODY}")
    assert own.report.meta.doc_number == "某司法发〔2024〕9号"


def test_font_size_control_split_over_lines_and_site_name_are_removed() -> None:
    result = imported(f"某区人民政府门户网站\n{TITLE}\n字号：\n大\n中\n小\n{BODY}")
    assert {"某区人民政府门户网站", "字号：", "大", "中", "小"} <= set(result.removed)
    assert result.report.meta.title == TITLE


def test_chrome_after_the_title_on_one_line_is_cut_off() -> None:
    result = imported(f"{TITLE} 发布时间：2024-03-06 浏览次数：99\n{BODY}")
    assert result.report.meta.title == TITLE
    assert "发布时间：2024-03-06 浏览次数：99" in [piece.strip() for piece in result.removed]


def test_index_table_with_values_on_their_own_lines_and_a_time_stamp_line() -> None:
    source = (
        "某市人民政府门户网站\n首页 > 信息公开 > 法定主动公开内容\n索引号：\n000014349/2024-00012\n发布机构：\n某市司法局\n"
        f"{TITLE}\n某区司法局\n2024-03-20 10:00 来源：某市司法局 浏览次数：\n字号：\n大\n中\n小\n区委、区政府：\n{BODY}"
    )
    result = imported(source)
    meta = result.report.meta
    assert (meta.title, meta.recipients, meta.date) == (TITLE, "区委、区政府", "2024-03-20")
    assert {"000014349/2024-00012", "某市司法局", "2024-03-20 10:00 来源：某市司法局 浏览次数："} <= set(result.removed)
    assert result.report.body[0].text.startswith("2023年，我局")
    assert titles(result) == ["2023年工作情况", "存在的问题", "2024年工作打算"]


def test_watermark_inside_a_sentence_is_removed_and_a_cited_site_kept() -> None:
    result = imported(
        f"{TITLE}\n{BODY}\n四、其他\n落实某某公文网www.example.com责任人制度。在区政府网站www.qu.gov.cn公开。"
    )
    other = result.report.body[-1]
    assert other.text == "落实责任人制度。在区政府网站www.qu.gov.cn公开。"
    assert "某某公文网www.example.com" in result.removed


def test_page_date_is_the_date_only_when_the_report_has_none_and_never_the_year() -> None:
    result = imported(f"{TITLE}\n发布时间：2025-01-06\n{BODY}")
    assert result.report.meta.date == "2025-01-06"
    assert "网页上的发布日期" in joined_notes(result)
    dated = imported(f"{TITLE}\n发布时间：2025-01-06\n{BODY}\n某区司法局\n2024年3月1日")
    assert dated.report.meta.date == "2024-03-01"
    untitled = imported("发布时间：2025-01-06\n法治工作汇总\n一、工作情况\n做了。")
    assert untitled.report.meta.year != 2024  # the page date says nothing about the report's year
    assert not untitled.year_found


# --- year ---


@pytest.mark.parametrize(
    ("source", "year", "where"),
    [
        (f"某区法治政府建设情况报告\n{BODY}", 2023, "第一段"),
        (
            "某区法治政府建设情况报告\n根据《法治政府建设实施纲要（2021—2025年）》，我局开展工作。\n一、2022年工作情况\n做了。",
            2022,
            "各部分标题",
        ),
        (
            "某区法治政府建设情况报告\n我局开展工作。\n一、工作情况\n做了。\n二、2024年工作打算\n学。",
            2023,
            "各部分标题",
        ),
        ("某区法治政府建设情况报告\n我局开展工作。\n一、工作情况\n做了。\n某区司法局\n2024年3月1日", 2023, "成文日期"),
    ],
)
def test_year_found_outside_the_title_says_where(source: str, year: int, where: str) -> None:
    result = imported(source)
    assert result.report.meta.year == year
    assert result.year_found
    assert f"已按{where}认定为 {year} 年度" in joined_notes(result)


def test_year_not_found_is_flagged() -> None:
    result = imported("某区法治政府建设情况报告\n我局开展工作。\n一、工作情况\n做了。")
    assert not result.year_found
    assert "没有识别到报告年度" in joined_notes(result)


# --- traditional characters ---


def test_traditional_report_is_converted_and_the_notes_say_so() -> None:
    source = "某區司法局關於2023年度法治政府建設情況的報告\n發布時間：2024-03-06\n2023年，我局堅持依法行政。\n一、2023年工作情況\n（一）強化組織領導。"
    result = import_text(source)
    assert result.report.meta.title == "某区司法局关于2023年度法治政府建设情况的报告"
    assert titles(result) == ["2023年工作情况"]
    assert result.report.body[1].children[0].title == "强化组织领导。"
    assert "原文是繁体字，已用 OpenCC 转换为简体字" in joined_notes(result)
    assert result.source_text == source  # the original stays to compare
    assert "發布時間：2024-03-06" not in result.report.body[0].text


def test_traditional_report_without_opencc_is_imported_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "opencc", None)  # the converter is missing: import raises ImportError
    source = "某區司法局關於2023年度法治政府建設情況的報告\n2023年，我局堅持依法行政。\n一、2023年工作情況\n（一）強化組織領導。"
    result = imported(source)
    assert result.report.meta.title == "某區司法局關於2023年度法治政府建設情況的報告"
    assert "原文像是繁体字，但本机缺少繁简转换组件（OpenCC），已按原样导入，请核对。" in result.notes


def test_opencc_is_loaded_only_for_traditional_text() -> None:
    code = (
        "import sys\nfrom models.importing import import_text\n"
        "import_text('某局关于2023年度法治政府建设情况的报告\\n一、工作情况\\n做了。')\nprint('opencc' in sys.modules)\n"
        "import_text('某局關於2023年度法治政府建設情況的報告\\n一、工作情況\\n做了。')\nprint('opencc' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "True"]


def test_simplified_report_with_a_rare_name_is_left_alone() -> None:
    result = imported(f"{TITLE}\n2023年，我局在张喆同志带领下坚持依法行政。\n一、2023年工作情况\n做了。")
    assert "繁体" not in joined_notes(result)
    assert "张喆" in result.report.body[0].text


# --- run-in level-1 headings ---


def test_level1_headings_run_into_the_body_are_split() -> None:
    source = (
        f"{TITLE}\n2023年，我局坚持依法行政，现将有关情况报告如下。一、2023年工作情况（一）强化组织领导。召开会议3次。"
        "（二）完善制度。制定办法2件。二、存在的问题（一）法治意识不强。三、2024年工作打算（一）加强学习。"
    )
    result = imported(source)
    assert titles(result) == ["2023年工作情况", "存在的问题", "2024年工作打算"]
    first = result.report.body[1]
    assert [c.title for c in first.children] == ["强化组织领导。", "完善制度。"]
    assert first.children[0].text == "召开会议3次。"


def test_run_in_level1_titles_stop_at_the_part_name() -> None:
    source = (
        f"{TITLE}\n2023年，我局坚持依法行政，现将有关情况报告如下。一、主要做法和成效全年召开会议5次，研究议题12个。"
        "二、存在的问题一是学习不够。二是制度不全。三、2024年工作打算继续加强学习。"
    )
    result = imported(source)
    assert titles(result) == ["主要做法和成效", "存在的问题", "2024年工作打算"]
    assert result.report.body[1].text == "全年召开会议5次，研究议题12个。"
    assert [p.title for p in result.report.body[2].children] == ["学习不够。", "制度不全。"]


# --- statutory parts ---


def test_thematic_parts_are_mapped_to_the_statutory_items() -> None:
    source = (
        f"{TITLE}\n2023年，我局坚持依法行政。\n一、坚持党的领导，统筹推进法治建设\n做了。\n二、2022年法治政府建设主要措施\n做了。\n"
        "三、主要负责人履行第一责任人职责情况\n做了。\n四、存在的不足\n不足。\n五、下一步工作打算\n学。\n六、其他需要报告的情况\n无。"
    )
    result = imported(source)
    assert [key for _node, key in result.statutory_parts()] == [
        "measures",
        "measures",
        "leader",
        "shortcomings",
        "plans",
        "other",
    ]
    assert any(note.startswith("“坚持党的领导，统筹推进法治建设”的标题没有写明") for note in result.notes)


def test_measures_that_mention_problems_or_arrangements_stay_measures() -> None:
    source = (
        f"{TITLE}\n2023年，我局坚持依法行政。\n一、统筹安排部署，压实工作责任\n做了。\n二、着力解决群众反映强烈的问题\n做了。\n"
        "三、存在的主要问题\n不足。\n四、原因分析\n原因。\n五、2024年工作安排\n学。"
    )
    result = imported(source)
    assert [key for _node, key in result.statutory_parts()] == [
        "measures",
        "measures",
        "shortcomings",
        "shortcomings",
        "plans",
    ]


# --- numbered one-sentence items ---


def test_one_sentence_items_are_items_with_text() -> None:
    body = BODY.replace("（一）法治意识不强。", "（一）法治意识不强。\n(二)队伍力量不足；")
    result = imported(f"{TITLE}\n{body}")
    problems = result.report.body[2].children
    assert [(p.kind, p.title, p.children) for p in problems] == [
        (SECTION, "法治意识不强。", []),
        (SECTION, "(二)队伍力量不足；", []),  # (二) among full-width marks: the clerk's, kept for 体检
    ]
    assert is_whole_item(problems[0])
    report = with_ids(result.report)
    flagged = {f.node_id for f in run_checks(report) if f.rule == "content.empty-section"}
    assert problems[0].id not in flagged


# --- ASCII punctuation ---


def test_ascii_punctuation_keeps_headings_recipients_and_dates() -> None:
    source = (
        f"{TITLE}\n区委、区政府:\n2023年,我局坚持依法行政.现将有关情况报告如下:\n一、2023年工作情况\n(一)强化组织领导.召开会议3次,罚款1.5万元."
        "\n(二)完善制度。\n二、存在的问题\n(一)法治意识不强。\n某区司法局\n2024.3.1"
    )
    result = imported(source)
    assert result.report.meta.recipients == "区委、区政府"
    assert titles(result) == ["2023年工作情况", "存在的问题"]
    assert [c.title for c in result.report.body[1].children] == ["强化组织领导.", "完善制度。"]
    assert result.report.body[1].children[0].text == "召开会议3次,罚款1.5万元."
    assert result.report.meta.date == "2024-03-01"
    assert result.report.meta.year == 2023
    assert not [n for n in result.report.walk() if n.kind == POINT]


# --- lone page words, leading watermarks, run-in titles, 工作情况 titles, lost brackets ---


@pytest.mark.parametrize("word", ["logo", "LOGO", "政府信息公开", "二维码"])
def test_a_lone_page_word_is_not_the_first_body_paragraph(word) -> None:
    result = imported(f"首页 > 政务公开\n{TITLE}\n{word}\n{BODY}")
    assert result.report.body[0].text.startswith("2023年，我局")
    assert any(piece.strip() == word for piece in result.removed)


def test_the_same_word_inside_a_sentence_is_kept() -> None:
    result = imported(f"{TITLE}\n我局在网站设立政府信息公开专栏，更新logo。\n{BODY}")
    assert result.report.body[0].text == "我局在网站设立政府信息公开专栏，更新logo。"


def test_a_bullet_metadata_list_with_empty_values_goes_and_keeps_the_title_after_it() -> None:
    source = (
        "政府信息公开\n• 索引号:\n• 发文字号: 〔〕 号\n• 公文种类:\n• 成文日期:\n• 主题分类:\n"
        "某市教育局2024年法治政府建设工作情况\n发布时间:2025-02-28 浏览次数:\n" + BODY
    )
    result = imported(source)
    meta = result.report.meta
    assert (meta.title, meta.recipients, meta.doc_number, meta.year) == (
        "某市教育局2024年法治政府建设工作情况",
        "",
        "",
        2024,
    )
    assert result.year_found
    assert result.report.body[0].text.startswith("2023年，我局")
    assert "不以“报告”结尾" in joined_notes(result)


def test_a_part_title_in_the_work_form_is_not_taken_for_the_report_title() -> None:
    result = imported(f"{TITLE}\n2023年法治政府建设工作情况\n{BODY}")
    assert result.report.meta.title == TITLE


def test_a_site_name_and_address_before_the_title_are_removed() -> None:
    source = f"某某之家—全网资源每日更新www.example.com{TITLE}2023年，我局坚持依法行政。一、2023年工作情况（一）强化组织领导。"
    result = imported(source)
    assert result.report.meta.title == TITLE
    assert "某某之家—全网资源每日更新www.example.com" in result.removed


def test_a_cited_address_at_the_start_of_a_later_paragraph_is_kept() -> None:
    result = imported(f"{TITLE}\n{BODY}\n网上办事大厅www.example.gov.cn全年受理申请120件。")
    assert "网上办事大厅" in result.report.body[-1].children[-1].title + result.report.body[-1].children[-1].text


def test_a_level1_title_run_into_its_first_sentence_is_cut_before_it() -> None:
    source = (
        f"{TITLE}2023年，我局坚持依法行政。一、坚持党的领导，压实法治建设责任坚持“学习在先”，"
        "以习近平法治思想引领工作。一是深化学习。二是健全制度。"
    )
    result = imported(source)
    assert titles(result) == ["坚持党的领导，压实法治建设责任"]
    part = result.report.body[-1]
    assert part.text.startswith("坚持“学习在先”")
    assert [p.kind for p in part.children] == [POINT, POINT]
    assert "与正文连在一起" in joined_notes(result)


def test_a_long_level1_sentence_without_a_quotation_stays_whole() -> None:
    long_title = "全面推进严格规范公正文明执法持续提升行政执法质量和效能确保各项任务落到实处。"
    result = imported(f"{TITLE}2023年，我局坚持依法行政。一、{long_title}二、存在的问题")
    assert titles(result)[0] == long_title


@pytest.mark.parametrize("marker", ["一)", "一）"])
def test_a_level2_marker_that_lost_its_opening_bracket_is_an_item(marker) -> None:
    source = f"{TITLE}\n2023年，我局坚持依法行政。\n一、2023年工作情况\n{marker}强化组织领导\n召开会议3次。\n（二）推进依法决策\n审查文件5件。"
    result = imported(source)
    part = result.report.body[1]
    # a section all the same; the faulty marker stays before its title for 体检
    assert [c.title for c in part.children if c.kind == SECTION] == [f"{marker}强化组织领导", "推进依法决策"]


def test_a_lost_bracket_inside_a_sentence_is_not_a_marker() -> None:
    result = imported(f"{TITLE}\n一、2023年工作情况\n（一）强化组织领导\n做到思想统一)行动一致。")
    part = result.report.body[0]
    assert [c.title for c in part.children if c.kind == SECTION] == ["强化组织领导"]
