"""Chinese numerals both ways, as reports use them: 一…九十九 in markers and dates, 二〇二四 in years.

Our own rather than ``cn2an``: we need 1–99 with "0 for nonsense" and digit-by-digit years
that accept ○ (a circle often typed for 〇); a general converter adds two packages for that.
"""

from __future__ import annotations

CN_DIGITS = "一二三四五六七八九十"  # what a marker or a month/day numeral is written with
YEAR_DIGITS = "〇○零一二三四五六七八九"  # 二〇二四年: one character per digit
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"  # ① … ⑳, the fifth level of markers
_ONES = "一二三四五六七八九"
_DIGIT_NAMES = "零" + _ONES
_YEAR_VALUES = str.maketrans(YEAR_DIGITS, "000123456789")


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 99 → 九十九; other numbers as Arabic digits."""
    if n <= 0 or n >= 100:
        return str(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGIT_NAMES[tens] + "十")
    return head + (_DIGIT_NAMES[ones] if ones else "")


def chinese_value(numeral: str) -> int:
    """一 → 1, 十 → 10, 一十 → 10, 十二 → 12, 二十 → 20, 九十九 → 99; 0 for nonsense such as 一一 or 十十."""
    if len(numeral) == 1 and numeral in _ONES:
        return _ONES.index(numeral) + 1
    tens, ten, ones = numeral.partition("十")
    if not ten or len(tens) > 1 or len(ones) > 1 or any(c not in _ONES for c in tens + ones):
        return 0
    return (_ONES.index(tens) + 1 if tens else 1) * 10 + (_ONES.index(ones) + 1 if ones else 0)


def year_value(numeral: str) -> int:
    """二〇二四 (or 二○二四, 二零二四) → 2024, digit by digit; -1 if any character is not a year digit."""
    digits = numeral.translate(_YEAR_VALUES)
    return int(digits) if digits.isascii() and digits.isdigit() else -1
