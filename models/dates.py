"""Dates as clerks write them, and as GB/T 9704—2012 7.3.5.4 prints them: 2024年3月6日.

Written forms: 2024-03-06, 2024/3/6, 2024.3.6, 2024年3月6日 (digit dates, spaces allowed)
and 二〇二四年三月六日 (a word date). Every date pattern of the import, the checks and
the export is here, so they agree on what a date is.
"""

from __future__ import annotations

import re
from datetime import date

from models.numerals import CN_DIGITS, YEAR_DIGITS, chinese_value, year_value

# A date written with digits; the groups are year, month, day.
DIGIT_DATE = r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
# A date written with Chinese numerals; the groups are year, month, day.
WORD_DATE = f"([{YEAR_DIGITS}]{{4}})年([{CN_DIGITS}]{{1,2}})月([{CN_DIGITS}]{{1,3}})日"
# 2024-03-06 in running text: one separator throughout, not part of a longer number or a version.
ISO_IN_TEXT = re.compile(r"(?<![\d.\-/])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d.\-/])")
WORD_DATE_IN_TEXT = re.compile(WORD_DATE)
# A mention of a year or date, for telling a dated line from site menu text.
DATE_MENTION = re.compile(rf"\d{{4}}\s*年|[〇○零][{YEAR_DIGITS}]{{2,}}年|\d{{4}}-\d{{1,2}}-\d{{1,2}}")

_PRINTED_FORM = re.compile(r"\d{4}年[1-9]\d?月[1-9]\d?日")  # GB/T 9704—2012 7.3.5.4
_DIGIT_WHOLE = re.compile(rf"\s*{DIGIT_DATE}\s*")
_WORD_WHOLE = re.compile(rf"\s*{WORD_DATE}\s*")

Parts = tuple[int, int, int]  # year, month, day


def is_date_line(line: str) -> bool:
    """A line that is only a date, however written (a 成文日期 paragraph); no range check."""
    return bool(_DIGIT_WHOLE.fullmatch(line) or _WORD_WHOLE.fullmatch(line))


def digit_date(text: str) -> Parts | None:
    """The date ``text`` holds whole in digits, month 1–12 and day 1–31; else None."""
    found = _DIGIT_WHOLE.fullmatch(text)
    return _plausible(int(found[1]), int(found[2]), int(found[3])) if found else None


def word_date(text: str) -> Parts | None:
    """The date ``text`` holds whole in Chinese numerals, month 1–12 and day 1–31; else None."""
    found = _WORD_WHOLE.fullmatch(text)
    return _plausible(year_value(found[1]), chinese_value(found[2]), chinese_value(found[3])) if found else None


def _plausible(year: int, month: int, day: int) -> Parts | None:
    return (year, month, day) if 1 <= month <= 12 and 1 <= day <= 31 else None


def is_calendar_date(parts: Parts) -> bool:
    """Whether the day exists (no 2月30日)."""
    try:
        date(*parts)
    except ValueError:
        return False
    return True


def chinese_form(parts: Parts) -> str:
    """(2024, 3, 6) → 2024年3月6日: Arabic numerals, no leading zeros."""
    year, month, day = parts
    return f"{year}年{month}月{day}日"


def chinese_date(value: str) -> str:
    """``2024-03-06`` → ``2024年3月6日`` for printing; empty stays empty; anything else is kept as typed."""
    parts = digit_date(value or "")
    return chinese_form(parts) if parts else (value or "").strip()


def iso_form(parts: Parts) -> str:
    """(2024, 3, 6) → 2024-03-06, as dates are stored."""
    year, month, day = parts
    return f"{year:04d}-{month:02d}-{day:02d}"


def typed_fault(text: str) -> tuple[str, Parts] | None:
    """Why a date typed as ``text`` is not in the printed form 2024年3月6日, and its parts;
    None when it is in that form or is not a date."""
    typed = text.strip().replace(" ", "")
    parts = digit_date(typed) or word_date(typed)
    if not parts or _PRINTED_FORM.fullmatch(typed):
        return None
    if word_date(typed):
        return "用了汉字", parts
    if re.search(r"[-/.]", typed):
        return "用了“-”“/”“.”分隔", parts
    return "月、日编了虚位（前面加了0）", parts


def typed_form(text: str) -> str:
    """What the clerk typed, kept beside the stored date when it is not the printed form; '' otherwise.

    The date itself is stored as ``2024-03-06``; this keeps ``2024年03月06日`` or ``二〇二四年三月六日``
    so the checks can still see how it was written."""
    return text.strip() if typed_fault(text) else ""


def typed_date_message(text: str, label: str = "成文日期") -> str:
    """How a date typed as ``text`` breaks GB/T 9704—2012 7.3.5.4, and that export prints it right; '' if it does not."""
    fault = typed_fault(text)
    if fault is None:
        return ""
    why, parts = fault
    return (
        f"{label}原文写作“{text.strip().replace(' ', '')}”，{why}；GB/T 9704—2012 7.3.5.4 要求用阿拉伯数字写作"
        f"“{chinese_form(parts)}”，导出时已按此格式书写。"
    )


def typed_date_note(text: str) -> str:
    """A note for the clerk when a 成文日期 was typed in another form than 2024年3月6日; '' otherwise.

    The importer stores the date as a date and keeps the typed form (``ReportMeta.date_typed``) for 体检."""
    return typed_date_message(text)
