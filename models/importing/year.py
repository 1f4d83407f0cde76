"""The report's year, and where it was found.

In order: the title (关于2023年度…), the first paragraph (2023年，我局……), the level-1 part
titles (一、2023年工作情况; 三、2024年工作打算 means 2023), then the report's own date (a report
dated March 2024 covers 2023). A year inside a range (纲要（2021—2025年）) or a 文号 is not
the report's year, and neither is the web page's publication date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from models.report import SECTION, Report, valid_year

_YEAR = re.compile(r"(?<![0-9—–\-~～至到])(\d{4})\s*年(?!\s*[—–\-~～至到]\s*\d)")
_OPENING = re.compile(r"^\s*(\d{4})\s*年(?:度|以来|[，,、]|我|全|在|是)")
FIRST_PARAGRAPH_CHARS = 200


@dataclass(frozen=True)
class FoundYear:
    year: int
    source: str  # "标题", "第一段", "各部分标题", "成文日期"; "" when not found


def years_in(text: str) -> list[int]:
    return [int(m[1]) for m in _YEAR.finditer(text) if valid_year(int(m[1]))]


def detect_year(report: Report, date_from_page: bool) -> FoundYear:
    meta = report.meta
    title_years = years_in(meta.title)
    if title_years:
        return FoundYear(title_years[0], "标题")
    opening = _first_paragraph(report)
    found = _OPENING.match(opening) or (_YEAR.search(opening[:FIRST_PARAGRAPH_CHARS]) if opening else None)
    if found and valid_year(int(found[1])):
        return FoundYear(int(found[1]), "第一段")
    for node in report.body:
        if node.kind != SECTION:
            continue
        years = years_in(node.title)
        if years:
            return FoundYear(years[0] - 1 if node.key == "plans" else years[0], "各部分标题")
    if meta.date and not date_from_page:
        return FoundYear(int(meta.date[:4]) - 1, "成文日期")
    return FoundYear(0, "")


def _first_paragraph(report: Report) -> str:
    for node in report.walk():
        if node.text.strip():
            return node.text.strip()
        if node.kind == SECTION:
            return ""  # the first paragraph stands before the first heading, or there is none
    return ""
