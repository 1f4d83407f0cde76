"""One dates module and one numerals module: every written form, both directions."""

from __future__ import annotations

import pytest

from models.dates import chinese_date, digit_date, is_calendar_date, is_date_line, iso_form, word_date
from models.numerals import chinese_numeral, chinese_value, year_value


def test_numerals_round_trip() -> None:
    assert all(chinese_value(chinese_numeral(n)) == n for n in range(1, 100))
    assert chinese_value("一十") == 10


@pytest.mark.parametrize("nonsense", ["", "一一", "十十", "十零", "零", "百", "一二三"])
def test_nonsense_numerals_are_zero(nonsense: str) -> None:
    assert chinese_value(nonsense) == 0


def test_year_digits() -> None:
    assert [year_value(y) for y in ("二〇二四", "二○二四", "二零二四", "二十")] == [2024, 2024, 2024, -1]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("2024-03-06", (2024, 3, 6)),
        ("2024/3/6", (2024, 3, 6)),
        ("2024.3.6", (2024, 3, 6)),
        (" 2024 年 3 月 6 日 ", (2024, 3, 6)),
        ("2024-13-01", None),
        ("三月六日", None),
    ],
)
def test_digit_dates(text: str, parts: tuple[int, int, int] | None) -> None:
    assert digit_date(text) == parts


def test_word_dates() -> None:
    assert word_date("二〇二四年十二月三十一日") == (2024, 12, 31)
    assert word_date("二〇二四年十三月一日") is None
    assert word_date("二〇二四年三月十十日") is None


def test_date_lines_and_forms() -> None:
    assert is_date_line("2024年13月1日")  # the shape of a date line, whatever the numbers
    assert not is_date_line("2024年3月6日印发")
    assert not is_calendar_date((2024, 2, 30))
    assert iso_form((2024, 3, 6)) == "2024-03-06"
    assert chinese_date(" 2024-03-06 ") == "2024年3月6日"
    assert chinese_date("二〇二四年三月六日") == "二〇二四年三月六日"  # the export prints word dates as typed
