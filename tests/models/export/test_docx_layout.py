"""XML-level checks of the .docx: every GB/T 9704 number the exporter writes."""

from __future__ import annotations

import io

import docx
import pytest

from models.export import ExportOptions
from models.export.docx_writer import build_docx
from models.export.layout import body_width_twips
from models.export.titles import split_title
from tests.models.export.docx_xml import NS, W, attr, ppr_value, read_parts, run_font, run_value
from tests.seed_report import seed_report


@pytest.fixture(scope="module")
def submit():
    return read_parts(build_docx(seed_report(repaired=True), ExportOptions()))


@pytest.fixture(scope="module")
def public():
    return read_parts(build_docx(seed_report(repaired=True), ExportOptions(edition="public")))


def test_page_size_margins_and_line_grid(submit):
    sect = submit.document.find("w:body/w:sectPr", NS)
    size, margins, grid = (sect.find(f"w:{t}", NS) for t in ("pgSz", "pgMar", "docGrid"))
    assert (attr(size, "w"), attr(size, "h")) == ("11906", "16838")
    assert [attr(margins, k) for k in ("top", "bottom", "left", "right")] == ["2098", "1984", "1587", "1474"]
    assert (attr(grid, "type"), attr(grid, "linePitch"), attr(grid, "charSpace")) == ("lines", "579", None)


def test_defaults_are_16pt_fangsong_without_theme_fonts(submit):
    defaults = submit.styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    fonts = defaults.find("w:rFonts", NS)
    assert attr(defaults.find("w:sz", NS), "val") == "32"
    assert (attr(fonts, "eastAsia"), attr(fonts, "ascii")) == ("仿宋_GB2312", "Times New Roman")
    theme_attributes = [
        a for el in submit.styles.iter(f"{{{W}}}rFonts") for a in el.attrib if "Theme" in a or a.endswith("cstheme")
    ]
    assert theme_attributes == []


def test_every_run_has_an_east_asian_font_and_body_runs_the_grid_spacing(submit):
    runs = list(submit.document.iter(f"{{{W}}}r"))
    assert runs
    assert all(run_font(r)["eastAsia"] for r in runs)
    body_runs = [r for r in runs if run_value(r, "sz") == "32"]
    assert len(body_runs) > 100
    assert {run_value(r, "spacing") for r in body_runs} == {"-6"}
    rpr_order = [child.tag.split("}")[1] for child in body_runs[0].find("w:rPr", NS)]
    assert rpr_order.index("spacing") < rpr_order.index("sz")


def test_ambiguous_punctuation_takes_the_cjk_face(submit):
    for mark in "“”—":
        runs = submit.runs_with(mark)
        assert runs, mark
        for run in runs:
            font = run_font(run)
            assert font["hint"] == "eastAsia"
            assert font["ascii"] == font["eastAsia"] != "Times New Roman"


def test_body_paragraphs_exact_579_and_two_character_indent(submit):
    paragraph = submit.find_paragraph("2023年，九龙坡区城市管理局")
    assert (ppr_value(paragraph, "spacing", "line"), ppr_value(paragraph, "spacing", "lineRule")) == ("579", "exact")
    assert (ppr_value(paragraph, "ind", "firstLineChars"), ppr_value(paragraph, "ind", "firstLine")) == ("200", "640")
    assert ppr_value(paragraph, "jc") == "both"
    assert ppr_value(paragraph, "widowControl") == "0"


def test_title_split_centred_off_grid_in_xiaobiaosong(submit):
    title = submit.find_paragraph("区城市管理局关于")
    assert submit.paragraph_text(title).split("\n") == ["区城市管理局关于2023年度", "法治政府建设情况的报告"]
    assert ppr_value(title, "jc") == "center"
    assert ppr_value(title, "snapToGrid") == "0"
    for run in title.findall("w:r", NS):
        assert run_value(run, "sz") == "44"
        assert run_font(run)["eastAsia"] == "方正小标宋简体"


def test_heading_levels_fonts(submit):
    def face_of(prefix: str) -> str:
        return run_font(submit.find_paragraph(prefix).find("w:r", NS))["eastAsia"]

    assert face_of("一、2023年法治政府建设工作情况") == "黑体"
    assert face_of("（一）深学笃用") == "楷体_GB2312"
    assert ppr_value(submit.find_paragraph("一、2023年"), "outlineLvl") == "0"
    # The level-2 heading runs into its paragraph: the points follow in 仿宋 in the same paragraph.
    run_in = submit.find_paragraph("（一）深学笃用")
    assert "一是多形式开展学习。" in submit.paragraph_text(run_in)
    faces = {run_font(r)["eastAsia"] for r in run_in.findall("w:r", NS)}
    assert faces == {"楷体_GB2312", "仿宋_GB2312"}


def test_fallback_fonts_swap_only_the_gb2312_faces():
    parts = read_parts(build_docx(seed_report(repaired=True), ExportOptions(fallback_fonts=True)))
    faces = {run_font(r)["eastAsia"] for r in parts.document.iter(f"{{{W}}}r")}
    assert "仿宋" in faces
    assert "楷体" in faces
    assert not any(face.endswith("GB2312") for face in faces)
    assert "方正小标宋简体" in faces
    assert "黑体" in faces


def test_points_separate_are_own_paragraphs():
    parts = read_parts(build_docx(seed_report(repaired=True), ExportOptions(points="separate")))
    assert parts.paragraph_text(parts.find_paragraph("（一）深学笃用")).endswith("高质量发展。")
    point = parts.find_paragraph("二是结合实际贯彻落实。")
    assert ppr_value(point, "ind", "firstLine") == "640"


@pytest.mark.parametrize(("kind", "side", "indent_attr"), [("default", "right", "right"), ("even", "left", "left")])
def test_page_numbers_odd_right_even_left_with_page_field(submit, kind, side, indent_attr):
    assert submit.settings.find("w:evenAndOddHeaders", NS) is not None
    footer = submit.footers[kind]
    paragraph = footer.find("w:p", NS)
    assert ppr_value(paragraph, "jc") == side
    assert ppr_value(paragraph, "ind", indent_attr) == "280"
    kinds = [attr(f, "fldCharType") for f in footer.iter(f"{{{W}}}fldChar")]
    assert kinds == ["begin", "separate", "end"]
    assert "".join(footer.xpath("//w:instrText/text()", namespaces=NS)).strip() == "PAGE"
    text = "".join(footer.xpath("//w:t/text()", namespaces=NS))
    assert text == "— 1 —"
    runs = footer.findall(".//w:r", NS)
    assert {run_value(r, "sz") for r in runs} == {"28"}
    assert {run_font(r)["eastAsia"] for r in runs} == {"宋体"}
    assert {run_font(r)["ascii"] for r in runs} == {"宋体"}


def test_footer_distance_puts_the_number_about_7mm_below_the_text(submit):
    margins = submit.document.find("w:body/w:sectPr/w:pgMar", NS)
    assert attr(margins, "footer") == "1240"


def test_masthead_red_mark_number_left_signer_right(submit):
    mark = submit.find_paragraph("重庆市九龙坡区城市管理局文件")
    assert {run_value(r, "color") for r in mark.findall("w:r", NS)} == {"FF0000"}
    assert ppr_value(mark, "spacing", "before") == "1984"
    line = submit.find_paragraph("九龙坡城管文〔2024〕12号")
    assert submit.paragraph_text(line) == "九龙坡城管文〔2024〕12号\t签发人：某某某"
    assert ppr_value(line, "ind", "left") == "320"
    tab = line.find("w:pPr/w:tabs/w:tab", NS)
    assert (attr(tab, "val"), attr(tab, "pos")) == ("right", str(8845 - 320))
    signer = submit.runs_with("某某某")[0]
    assert run_font(signer)["eastAsia"] == "楷体_GB2312"
    rule = line.getnext()
    border = rule.find("w:pPr/w:pBdr/w:bottom", NS)
    assert (attr(border, "color"), attr(border, "sz")) == ("FF0000", "8")


def test_no_header_option_drops_the_masthead():
    parts = read_parts(build_docx(seed_report(repaired=True), ExportOptions(header=False)))
    assert "文件" not in parts.body_text().split("\n")[0]
    assert "签发人" not in parts.body_text()
    assert "区委、区政府：" in parts.body_text()


def test_recipients_with_full_width_colon_and_note(submit):
    assert ppr_value(submit.find_paragraph("区委、区政府："), "ind", "firstLine") == "0"
    note = submit.find_paragraph("（此件公开发布）")
    assert ppr_value(note, "ind", "firstLine") == "640"


def test_sealed_signature_date_right_four_name_centred_over_it(submit):
    name, date = "重庆市九龙坡区城市管理局", "2024年3月6日"
    date_p, name_p = submit.exact_paragraph(date), submit.exact_paragraph(name)
    assert ppr_value(date_p, "jc") == ppr_value(name_p, "jc") == "right"
    assert ppr_value(date_p, "ind", "right") == "1280"
    expected = 1280 + (body_width_twips(date) - body_width_twips(name)) // 2
    assert ppr_value(name_p, "ind", "right") == str(max(0, expected))
    # Two blank lines for the seal between the last body paragraph and the name.
    blanks = [name_p.getprevious(), name_p.getprevious().getprevious()]
    assert [submit.paragraph_text(p) for p in blanks] == ["", ""]


def test_unsealed_signature_right_two_date_two_characters_in():
    parts = read_parts(build_docx(seed_report(repaired=True), ExportOptions(sealed=False)))
    name, date = "重庆市九龙坡区城市管理局", "2024年3月6日"
    name_p, date_p = parts.exact_paragraph(name), parts.exact_paragraph(date)
    assert ppr_value(name_p, "ind", "right") == "640"
    assert ppr_value(date_p, "ind", "right") == str(body_width_twips(name) - body_width_twips(date))
    assert parts.paragraph_text(name_p.getprevious()) == ""
    assert parts.paragraph_text(name_p.getprevious().getprevious()) != ""


def test_imprint_table_156mm_thick_outer_thin_inner_rules(submit):
    table = submit.document.find("w:body/w:tbl", NS)
    assert attr(table.find("w:tblPr/w:tblW", NS), "w") == "8845"
    assert attr(table.find("w:tblPr/w:tblW", NS), "type") == "dxa"
    assert attr(table.find("w:tblGrid/w:gridCol", NS), "w") == "8845"
    position = table.find("w:tblPr/w:tblpPr", NS)
    assert (attr(position, "vertAnchor"), attr(position, "tblpYSpec")) == ("margin", "bottom")
    rows = table.findall("w:tr", NS)
    assert len(rows) == 2
    sizes = [
        (attr(r.find(".//w:tcBorders/w:top", NS), "sz"), attr(r.find(".//w:tcBorders/w:bottom", NS), "sz"))
        for r in rows
    ]
    assert sizes == [("8", "6"), ("6", "8")]
    texts = [submit.paragraph_text(r.find(".//w:p", NS)) for r in rows]
    assert texts == ["抄送：市城市管理局，区委依法治区办。", "重庆市九龙坡区城市管理局办公室\t2024年3月6日印发"]
    assert {run_value(r, "sz") for r in table.iter(f"{{{W}}}r")} == {"28"}
    assert ppr_value(rows[0].find(".//w:p", NS), "spacing", "lineRule") == "auto"  # single spacing in tables


def test_imprint_does_not_depend_on_a_note():
    """GB/T 9704 7.4: 抄送 and 印发机关/日期 print whether or not the report has a 附注."""
    report = seed_report(repaired=True)
    report.meta.note = ""
    parts = read_parts(build_docx(report, ExportOptions()))
    table = parts.document.find("w:body/w:tbl", NS)
    assert table is not None
    texts = [parts.paragraph_text(r.find(".//w:p", NS)) for r in table.findall("w:tr", NS)]
    assert texts[0].startswith("抄送：")
    assert texts[-1].endswith("印发")
    assert "此件公开发布" not in parts.body_text()


def test_public_edition_has_no_masthead_recipients_note_or_imprint(public):
    text = public.body_text()
    for absent in ("城市管理局文件", "签发人", "九龙坡城管文", "区委、区政府：", "此件公开发布", "抄送", "日印发"):
        assert absent not in text, absent
    assert public.document.find("w:body/w:tbl", NS) is None
    assert "重庆市九龙坡区城市管理局\n2024年3月6日" in text
    assert not any(run_value(r, "color") for r in public.document.iter(f"{{{W}}}r"))


def test_title_lines_never_exceed_20_characters(submit):
    title = seed_report(repaired=True).meta.title
    assert split_title(title) == submit.paragraph_text(submit.find_paragraph("区城市管理局")).split("\n")


def test_file_properties_are_the_reports_not_the_templates():
    properties = docx.Document(io.BytesIO(build_docx(seed_report(repaired=True), ExportOptions()))).core_properties
    assert properties.title == "区城市管理局关于2023年度法治政府建设情况的报告"
    assert properties.author == "重庆市九龙坡区城市管理局"
    assert "python-docx" not in properties.comments + properties.author
    assert properties.created.year >= 2024


def test_third_and_fourth_levels_in_fangsong_run_in():
    from models.report import SECTION, Node, Report

    deep = Node(
        SECTION,
        title="甲",
        children=[
            Node(
                SECTION,
                title="乙。",
                children=[
                    Node(SECTION, title="丙。", text="丙文。", children=[Node(SECTION, title="丁。", text="丁文。")])
                ],
            )
        ],
    )
    parts = read_parts(build_docx(Report(seed_report(repaired=True).meta, [deep]), ExportOptions()))
    for prefix, text in (("1.丙。", "1.丙。丙文。"), ("（1）丁。", "（1）丁。丁文。")):
        paragraph = parts.find_paragraph(prefix)
        assert parts.paragraph_text(paragraph) == text
        assert {run_font(r)["eastAsia"] for r in paragraph.findall("w:r", NS)} == {"仿宋_GB2312"}
        assert {run_value(r, "sz") for r in paragraph.findall("w:r", NS)} == {"32"}
    assert run_font(parts.find_paragraph("（一）乙。").find("w:r", NS))["eastAsia"] == "楷体_GB2312"
    assert ppr_value(parts.find_paragraph("（一）乙。"), "outlineLvl") == "1"  # standalone: nothing runs in


def test_signature_block_keeps_together_and_takes_a_short_last_paragraph_along():
    from models.report import PARAGRAPH, Node, Report

    def keeps(text: str) -> list[bool]:
        parts = read_parts(
            build_docx(Report(seed_report(repaired=True).meta, [Node(PARAGRAPH, text=text)]), ExportOptions())
        )
        last = parts.exact_paragraph(text)
        chain = [
            last,
            last.getnext(),
            last.getnext().getnext(),
            parts.exact_paragraph("重庆市九龙坡区城市管理局"),
            parts.exact_paragraph("2024年3月6日"),
        ]
        return [p.find("w:pPr/w:keepNext", NS) is not None for p in chain]

    assert keeps("短段落。") == [True, True, True, True, True]  # the date keeps with the 附注
    assert keeps("长" * 200 + "。") == [False, True, True, True, True]


@pytest.mark.parametrize("edition", ["submit", "public"])
def test_headings_and_title_keep_with_the_next_line(edition):
    from models.export.blocks import body_blocks, prune
    from tests.models.export.sample_report import stepped_report

    report = seed_report(repaired=True)
    report.body += stepped_report(2).body
    parts = read_parts(build_docx(report, ExportOptions(edition=edition)))
    blocks = body_blocks(prune(report))
    headings = {block.text for block in blocks if block.heading}
    assert {text[:2] for text in headings} >= {"一、", "（一", "1."}
    paragraphs = {parts.paragraph_text(p): p for p in parts.paragraphs()}

    def keeps(paragraph) -> bool:
        order = [child.tag.split("}")[1] for child in paragraph.find("w:pPr", NS)]
        if "keepNext" not in order:
            return False
        assert order.index("keepNext") == 0 or order[:2] == ["pStyle", "keepNext"], order
        return True

    assert all(keeps(paragraphs[text]) for text in headings)
    body = [block.text for block in blocks if not block.heading]
    assert not any(keeps(paragraphs[text]) for text in body[:-1])  # the last one may keep with the signature
    # The title, the blank line after it and 主送 keep with the first line of the body.
    title = parts.find_paragraph(split_title(report.meta.title, report.meta.issuer)[0])
    chain = [title]
    while parts.paragraph_text(chain[-1]) != body[0] and parts.paragraph_text(chain[-1]) not in headings:
        chain.append(chain[-1].getnext())
    assert len(chain) == (4 if edition == "submit" else 3)
    assert all(keeps(p) for p in chain[:-1])
