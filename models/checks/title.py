"""The report's title (GB/T 9704—2012 7.3.1): present, naming its 文种 (报告) and its year."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.checks.model import ADVICE, ERROR, Context, Hit, Rule, Where
from models.checks.sources import DUCHA_CONTENT, GBT9704
from models.report import Report

TITLE_FIELD = frozenset({"meta.title"})
_GENRE = ("报告", "報告")
_YEAR = re.compile(r"\d{4}\s*年")
_SUBJECT = "法治政府建设"


def check_title_present(report: Report, ctx: Context) -> Iterator[Hit]:
    if not report.meta.title.strip():
        yield Hit(0, 0, field="meta.title")


def with_genre(title: str) -> str | None:
    """``…建设情况`` → ``…建设情况的报告``; None when the words to add are not obvious."""
    return title + "的报告" if title.endswith("情况") else None


def check_title_genre(text: str, where: Where) -> Iterator[Hit]:
    if text.strip() and not any(word in text for word in _GENRE):
        yield Hit(
            0,
            len(text),
            f"标题“{text}”没有写文种，法治政府建设年度报告的标题应以“报告”结尾。",
            replacement=with_genre(text),
        )


def check_title_year(text: str, where: Where) -> Iterator[Hit]:
    if not text.strip() or _YEAR.search(text):
        return
    year = where.ctx.year
    fixed = None
    if year > 0 and _SUBJECT in text and "年" not in text:  # 二〇二三年度: say so, but do not add a second year
        at = text.index(_SUBJECT)
        fixed = f"{text[:at]}{year}年度{text[at:]}"
    yield Hit(
        0,
        len(text),
        f"标题“{text}”没有写明年度，应写成“…关于{year if year > 0 else 'XXXX'}年度法治政府建设情况的报告”。",
        replacement=fixed,
    )


RULES = (
    Rule(
        "title.missing",
        "genre",
        ERROR,
        f"{GBT9704} 7.3.1（标题）",
        "报告没有标题。请在报告信息中填写，如“某局关于2023年度法治政府建设情况的报告”。",
        check_title_present,
        scope="report",
    ),
    Rule(
        "title.genre",
        "genre",
        ERROR,
        f"{GBT9704} 7.3.1（标题由发文机关名称、事由和文种组成）",
        "标题应由发文机关名称、事由和文种组成，年度报告的文种是“报告”。",
        check_title_genre,
        fields=TITLE_FIELD,
        fixes_in_hits=True,
    ),
    Rule(
        "title.year",
        "genre",
        ADVICE,
        DUCHA_CONTENT,
        "年度报告的标题应写明报告年度，如“关于2023年度法治政府建设情况的报告”。",
        check_title_year,
        fields=TITLE_FIELD,
        fixes_in_hits=True,
    ),
)
