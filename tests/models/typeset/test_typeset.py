"""The typesetter's pages without a renderer: the GB/T 9704 frame, the grid, the runs a painter draws."""

from __future__ import annotations

import pytest

from models.export import ExportOptions
from models.export.blocks import body_blocks, prune
from models.typeset import MM, WORD, TypesetSettings, typeset
from models.typeset.paginate import FLOW_BOTTOM, FLOW_TOP, TEXT_BOTTOM, TEXT_LEFT, TEXT_WIDTH
from tests.models.export.sample_report import stepped_report
from tests.models.typeset.agreement import TEST_FONTS
from tests.seed_report import seed_report

PITCH = 28.95


@pytest.fixture(scope="module")
def pages():
    return typeset(seed_report(repaired=True), ExportOptions(), TEST_FONTS)


def body_lines(page):
    return [line for line in page.lines if line.text and line.height == pytest.approx(PITCH)]


def test_page_numbers_odd_right_even_left_7mm_below_the_text_area(pages):
    assert len(pages) >= 5
    for page in pages:
        folio = page.folio
        assert folio.text == f"— {page.number} —"
        run = folio.runs[0]
        assert run.size == 14
        one_char = 14
        if page.odd:
            right = run.xs[-1] + 14 * 0.9  # the dash is about 0.9 em wide
            assert abs(TEXT_LEFT + TEXT_WIDTH - one_char - right) < 2
        else:
            assert run.xs[0] == pytest.approx(TEXT_LEFT + one_char)
        assert 5 * MM < folio.top - TEXT_BOTTOM < 8 * MM


def test_full_pages_hold_22_lines_on_the_grid(pages):
    for page in pages.pages[1:-1]:
        lines = [line for line in page.lines if line.height == pytest.approx(PITCH)]
        assert len(lines) == 22
        assert lines[0].top == pytest.approx(FLOW_TOP)
        assert lines[-1].top + PITCH <= FLOW_BOTTOM + 0.05


def test_every_character_of_the_body_is_laid_out_once(pages):
    report = seed_report(repaired=True)
    expected = "".join(block.text for block in body_blocks(prune(report)))
    laid = "".join(line.text for page in pages for line in page.lines)
    assert expected in laid
    assert laid.count("。") >= expected.count("。")


def test_runs_stay_in_the_text_area_and_carry_their_font(pages):
    for page in pages:
        for line in page.lines:
            for run in line.runs:
                assert len(run.xs) == len(run.text)
                assert list(run.xs) == sorted(run.xs)
                assert run.xs[0] >= TEXT_LEFT - 0.5
                assert run.xs[-1] <= TEXT_LEFT + TEXT_WIDTH
                assert line.top < run.baseline <= line.top + line.height
                assert run.family
    fonts = {run.family: run.font for page in pages for line in page.lines for run in line.runs}
    assert {"仿宋_GB2312", "黑体", "楷体_GB2312", "方正小标宋简体"} <= set(fonts)


def test_justified_lines_fill_the_width_and_the_first_line_is_indented_two_characters(pages):
    lines = body_lines(pages[2])
    full = [line for line in lines if line.x0 == pytest.approx(TEXT_LEFT) and len(line.text) == 28]
    assert full
    for line in full:
        last = line.runs[-1]
        assert last.xs[-1] + 16 == pytest.approx(TEXT_LEFT + TEXT_WIDTH, abs=0.6)
    indented = [line for line in lines if line.x0 == pytest.approx(TEXT_LEFT + 32)]
    assert indented


def test_masthead_rule_and_imprint_rules(pages):
    first, last = pages[0], pages[-1]
    assert [rule.color for rule in first.rules] == ["FF0000"]
    assert first.lines[0].runs[0].color == "FF0000"
    assert [rule.width for rule in last.rules] == [1.0, 0.75, 1.0]  # thick first and last, thin between (0.35/0.25 mm)
    lowest = max(last.rules, key=lambda rule: rule.y)
    assert lowest.y + lowest.width / 2 == pytest.approx(TEXT_BOTTOM)  # the last rule meets the 版心 edge
    assert any(line.text.startswith("抄送：") for line in last.lines)


def test_public_edition_has_no_masthead_or_imprint():
    pages = typeset(seed_report(repaired=True), ExportOptions(edition="public"), TEST_FONTS)
    assert not pages[0].rules
    assert not pages[-1].rules
    assert pages[0].lines[0].text == "区城市管理局关于2023年度"


def test_a_heading_never_ends_a_page():
    pages = typeset(stepped_report(), ExportOptions(), TEST_FONTS)
    headings = {block.text for block in body_blocks(prune(stepped_report())) if block.heading}
    for page in pages.pages[:-1]:
        assert body_lines(page)[-1].text not in headings


def test_word_rules_hang_marks_past_the_margin():
    pages = typeset(
        seed_report(repaired=True), ExportOptions(), TypesetSettings(rules=WORD, resolver=TEST_FONTS.resolver)
    )
    assert pages.renderer == "Word"
    lines = [line.text for page in pages for line in body_lines(page)]
    assert any(len(text) == 29 and text[-1] in "，。、；" for text in lines)


def test_an_empty_report_is_one_blank_page():
    from models.report import Report, ReportMeta

    pages = typeset(Report(meta=ReportMeta(year=2024), body=[]), ExportOptions(edition="public"), TEST_FONTS)
    assert len(pages) == 1
    assert not any(line.text for line in pages[0].lines)
    assert pages[0].folio.text == "— 1 —"


def test_latin_text_digits_and_a_long_address_lose_nothing():
    from models.report import PARAGRAPH, Node, Report, ReportMeta

    texts = [
        "Windows系统和Office软件共12345678901234567890台。",
        "网址https://www.example.gov.cn/" + "x" * 120 + "。",
        "2024" * 40,
    ]
    report = Report(meta=ReportMeta(year=2024), body=[Node(PARAGRAPH, text=t) for t in texts])
    pages = typeset(report, ExportOptions(edition="public"), TEST_FONTS)
    laid = "".join(line.text for page in pages for line in page.lines)
    assert laid == "".join(texts)
    for page in pages:
        for line in page.lines:
            for run in line.runs:
                assert run.xs[-1] < TEXT_LEFT + TEXT_WIDTH


def test_each_line_names_the_part_it_prints(pages):
    report = seed_report(repaired=True)
    order = [node.id for node in report.walk()]
    lines = [line for page in pages for line in page.lines if line.text]
    assert lines[0].node is None  # the 版头 belongs to no part
    assert next(line for line in lines if line.text.startswith("区城市管理局关于")).node is None  # nor the title
    signature = next(line for line in reversed(lines) if line.text.strip() == "重庆市九龙坡区城市管理局")
    assert signature.node is None
    assert lines[-1].node is None
    named = [order.index(line.node) for line in lines if line.node is not None]
    assert named == sorted(named)  # in reading order
    for node in report.walk():
        first = node.title or node.text
        mine = [index for index, line in enumerate(lines) if line.node == node.id]
        assert mine, first
        # A run-in part (一是…) may start inside the line of the part before it.
        text = "".join(lines[index].text for index in range(max(mine[0] - 1, 0), mine[-1] + 1))
        assert first[:6] in text, (node.id, first[:10])
