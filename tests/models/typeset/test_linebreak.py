"""Line breaking on its own: the forbidden rules, whole numbers and words, hanging marks."""

from __future__ import annotations

import pytest

from models.typeset.linebreak import LIBREOFFICE, WORD, break_paragraph, units_of

CELL = 15.7  # a 3号 character with the grid's −0.3 pt spacing
ROOM = 28 * CELL + 2


def lines(text: str, rules=LIBREOFFICE, room: float = ROOM) -> list[str]:
    advances = [CELL / 2 if ch.isascii() else CELL for ch in text]
    spans = break_paragraph(text, advances, (room, room), rules, [0.0] * len(text))
    return [text[span.start : span.end] for span in spans]


def test_28_cells_a_line():
    assert [len(line) for line in lines("甲" * 60)] == [28, 28, 4]


@pytest.mark.parametrize("mark", list("，。、；：？！）》”’"))
def test_no_line_starts_with_a_closing_mark(mark):
    text = "甲" * 27 + "乙" + mark + "丙" * 10
    first, second = lines(text)[:2]
    assert first == "甲" * 27  # 乙 goes down with the mark (LibreOffice hangs nothing here)
    assert second.startswith("乙" + mark)


@pytest.mark.parametrize("mark", list("（《“‘"))
def test_no_line_ends_with_an_opening_mark(mark):
    text = "甲" * 27 + mark + "乙" * 10
    first, second = lines(text)[:2]
    assert first == "甲" * 27
    assert second.startswith(mark + "乙")


def test_numbers_and_latin_words_are_not_split():
    assert lines("甲" * 26 + "1234567甲")[1].startswith("1234567")
    assert lines("甲" * 26 + "Windows系统")[1].startswith("Windows")
    assert lines("甲" * 25 + "增长15.3%甲")[1].startswith("15.3%")
    assert units_of("增长15.3%") == [(0, 1), (1, 2), (2, 7)]


def test_a_number_stays_with_the_closing_mark_before_it():
    assert units_of("开。2025年") == [(0, 1), (1, 6), (6, 7)]


def test_word_hangs_a_comma_past_the_margin():
    text = "甲" * 28 + "，" + "乙" * 5
    assert lines(text, WORD)[0] == "甲" * 28 + "，"
    assert lines(text, LIBREOFFICE)[0] == "甲" * 27


def test_a_line_of_unbreakable_text_still_breaks():
    assert lines("“" * 40)[0] == "“" * 28


def test_a_word_longer_than_a_line_is_cut_where_the_line_ends():
    url = "https://www.example.gov.cn/" + "abcdefghij" * 15
    result = lines("见" + url + "。")
    assert "".join(result) == "见" + url + "。"
    assert all(len(line) * CELL / 2 <= ROOM for line in result[1:-1])
    assert len(result) >= 3


def test_empty_text_gives_no_line():
    assert lines("") == []
