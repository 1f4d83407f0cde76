"""Title splitting (梯形/菱形, ≤ 20 characters, never inside 《》) and GB date formatting."""

from __future__ import annotations

import pytest

from models.dates import chinese_date
from models.export.layout import text_width
from models.export.titles import split_title


def test_seed_title_splits_after_the_year_upper_line_longer():
    lines = split_title("区城市管理局关于2023年度法治政府建设情况的报告", "九龙坡区城市管理局")
    assert lines == ["区城市管理局关于2023年度", "法治政府建设情况的报告"]


def test_short_title_stays_on_one_line():
    assert split_title("关于2023年度法治政府建设情况的报告") == ["关于2023年度法治政府建设情况的报告"]
    assert split_title("   ") == []


def test_long_issuer_breaks_after_the_issuer_name():
    issuer = "重庆市九龙坡区城市管理局"
    lines = split_title(f"{issuer}关于2023年度法治政府建设情况的报告", issuer)
    assert all(text_width(line) <= 20 for line in lines)
    assert "".join(lines) == f"{issuer}关于2023年度法治政府建设情况的报告"
    assert lines[0].startswith(issuer)
    assert len(lines) == 2
    assert text_width(lines[0]) >= text_width(lines[1])


def test_book_title_marks_are_never_split_and_three_lines_form_a_diamond():
    title = "重庆市九龙坡区人民政府关于《法治政府建设实施纲要（2021—2025年）》落实情况的报告"
    lines = split_title(title, "重庆市九龙坡区人民政府")
    assert "".join(lines) == title
    assert any(line.startswith("《") and line.endswith("》") for line in lines)
    widths = [text_width(line) for line in lines]
    assert max(widths) <= 20
    assert len(lines) == 3
    assert widths[1] >= widths[0]
    assert widths[1] >= widths[2]


@pytest.mark.parametrize("length", [21, 40, 60, 95])
def test_any_long_title_fits_twenty_characters_a_line(length):
    title = ("法治政府建设情况" * 20)[:length]
    lines = split_title(title)
    assert "".join(lines) == title
    assert all(text_width(line) <= 20 for line in lines)
    assert len(lines) == -(-length // 20)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-06", "2024年3月6日"),
        ("2024-12-31", "2024年12月31日"),
        ("2024/3/6", "2024年3月6日"),
        ("2024年03月06日", "2024年3月6日"),
        ("", ""),
        ("三月初", "三月初"),
        ("2024-13-01", "2024-13-01"),
    ],
)
def test_chinese_date_no_leading_zeros(value, expected):
    assert chinese_date(value) == expected


@pytest.mark.parametrize(
    "issuer",
    ["测试局", "重庆市九龙坡区城市管理局", "中共重庆市九龙坡区委全面依法治区委员会办公室", "某市某区示范局"],
)
def test_each_title_line_is_set_as_one_line_where_digits_are_not_half_width(issuer: str) -> None:
    """Laid out in the tests' fonts (digits 0.59 em in Noto Serif CJK Bold), no title line wraps: 测试局关于2024年度
    法治政府建设情况的报告 once did, leaving 告 alone on a line."""
    from models.edition import Edition
    from models.export import ExportOptions
    from models.report import SECTION, Node, Report, ReportMeta
    from models.typeset import typeset
    from tests.models.typeset.agreement import TEST_FONTS

    title = f"{issuer}关于2024年度法治政府建设情况的报告"
    report = Report(meta=ReportMeta(year=2024, issuer=issuer, title=title), body=[Node(SECTION, "一部分", "正文。")])
    pages = typeset(report, ExportOptions(edition=Edition.PUBLIC), TEST_FONTS)
    title_block = pages[0].lines[0].block
    set_lines = [line.text for line in pages[0].lines if line.block == title_block]
    assert set_lines == split_title(title, issuer)
