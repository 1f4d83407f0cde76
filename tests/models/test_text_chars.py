"""字数 and text hygiene."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from models.text_chars import clean_text, count_chars


@given(
    st.text(alphabet=st.sampled_from(" \t\n\r\u3000\xa0\u2028\x1c\x85\u200b\ufeff中文，。a1"), max_size=60) | st.text()
)
def test_every_character_but_whitespace_counts(text: str) -> None:
    assert count_chars(text) == sum(1 for ch in text if not ch.isspace())


def test_count_of_a_chinese_sentence() -> None:
    assert count_chars("全年办理 行政复议\n案件12件。\u3000") == 14


def test_clean_text_makes_line_ends_newlines_and_drops_illegal_characters() -> None:
    assert clean_text("甲\r\n乙\r丙\x00丁") == ("甲\n乙\n丙丁", 1)
