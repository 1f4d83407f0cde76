"""Citing laws, regulations and central documents by their exact titles.

The registry of titles is data (``resources/checks/citations.toml``), read once on first use.
Rules: a law's name written without 《》; a short title (《行政复议法》) where the report names the
law for the first time; a core document with a period it never had (《…纲要（2020—2025年）》).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from models.checks.model import ADVICE, ERROR, NODE_FIELDS, PROSE_FIELDS, Context, Hit, Rule, Where
from models.checks.patterns import book_title_spans, inside
from models.checks.rule_data import load
from models.checks.sources import GBT15834
from models.report import Report

# 行政处罚法定, 安全生产法律法规, 统计法规: the name is part of another word (but 行政复议法规定 is the law)
_NOT_A_TITLE_AFTER = "律治制定学院庭官"
_LOCAL_PREFIX = frozenset("省市县区州盟旗镇乡街道")  # 某市法治政府建设实施纲要: a local document, its own period
_QUOTED = re.compile(r"“[^“”\n]*”")
_SP = "[ \u3000]{0,3}"  # bounded: long runs of spaces must not make the pattern backtrack
_YEARS = rf"[(（]{_SP}(\d{{4}}){_SP}年?{_SP}[—\-–~－～至到]?{_SP}(\d{{4}}){_SP}年?{_SP}[)）]"


@dataclass(frozen=True)
class Law:
    title: str  # exact, without 《》
    short: tuple[str, ...]
    bare: bool  # its names are flagged when written without 《》


@dataclass(frozen=True)
class PeriodDocument:
    name: str  # the title up to its period
    title: str  # with {start} and {end}
    editions: tuple[tuple[int, int], ...]

    def titled(self, edition: tuple[int, int]) -> str:
        return self.title.format(start=edition[0], end=edition[1])


@cache
def laws() -> tuple[Law, ...]:
    return tuple(
        Law(item["title"], tuple(item.get("short", ())), item.get("bare", True)) for item in load("citations")["law"]
    )


@cache
def period_documents() -> tuple[PeriodDocument, ...]:
    return tuple(
        PeriodDocument(item["name"], item["title"], tuple(tuple(e) for e in item["editions"]))
        for item in load("citations")["document"]
    )


@cache
def _names() -> dict[str, Law]:
    """Every way a law is named (full title, short forms) → the law."""
    return {name: law for law in laws() for name in (law.title, *law.short)}


@cache
def _bare_pattern() -> re.Pattern[str]:
    names = sorted((name for name, law in _names().items() if law.bare), key=len, reverse=True)
    return re.compile(f"(?:{'|'.join(map(re.escape, names))})(?![{_NOT_A_TITLE_AFTER}]|规(?!定))")


@cache
def _period_pattern() -> re.Pattern[str]:
    names = "|".join(re.escape(doc.name) for doc in period_documents())
    return re.compile(f"({names}){_SP}{_YEARS}")


# --- names without 《》 ---


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of “…”: a slogan or theme quoted as written (“学习贯彻安全生产法”) is left as it is."""
    return [m.span() for m in _QUOTED.finditer(text)] if "“" in text else []


def bare_names(text: str, titles: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """Names of registered laws and documents written without 《》 (``titles``: the text's 《…》 spans)."""
    skipped = titles + quoted_spans(text)
    for m in _bare_pattern().finditer(text):
        before = text[m.start() - 1 : m.start()]
        if not (inside(m.start(), skipped) or before == "〈" or before in _LOCAL_PREFIX):
            yield m  # (a local prefix: 重庆市优化营商环境条例 is a regulation with a title of its own)


def check_bare_titles(text: str, where: Where) -> Iterator[Hit]:
    for m in bare_names(text, book_title_spans(text)):
        name = m.group(0)
        yield Hit(
            m.start(), m.end(), f"法律、法规和文件的名称应加书名号，写成“《{name}》”。", replacement=f"《{name}》"
        )


# --- short titles at the first mention ---


def _mentions(text: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, name, cited) of each registered law named in ``text``, in order."""
    names = _names()
    titles = book_title_spans(text)
    cited = [
        (start, end, text[start + 1 : end - 1], True) for start, end in titles if text[start + 1 : end - 1] in names
    ]
    bare = [(m.start(), m.end(), m.group(0), False) for m in bare_names(text, titles)]
    return sorted(cited + bare)


def check_short_titles(report: Report, ctx: Context) -> Iterator[Hit]:
    """The first time a law is named, a short title in 《》 should be the full one."""
    seen: set[str] = set()
    for node in report.walk():
        for field in ("title", "text"):
            text = getattr(node, field)
            if not text or not any(ch in text for ch in "法例规"):
                continue
            for start, end, name, cited in _mentions(text):
                law = _names()[name]
                if law.title in seen:
                    continue
                seen.add(law.title)
                if cited and name != law.title:
                    yield Hit(
                        start,
                        end,
                        f"第一次引用应写全称“《{law.title}》”，之后可用简称“《{name}》”。",
                        replacement=f"《{law.title}》",
                        node=node,
                        field=field,
                    )


# --- periods of the core documents ---


def _nearest_edition(doc: PeriodDocument, start: int, end: int) -> tuple[int, int]:
    def score(edition: tuple[int, int]) -> tuple[int, int]:
        return ((edition[0] == start) + (edition[1] == end), edition[1])

    return max(doc.editions, key=score)


def _within_another_title(m: re.Match[str], text: str, titles: list[tuple[int, int]]) -> bool:
    """A local plan's own title (《某市法治政府建设实施纲要（2016—2020年）》, 《贯彻落实〈纲要〉实施方案》)."""
    if text[m.start(1) - 1 : m.start(1)] in _LOCAL_PREFIX:
        return True
    enclosing = [(start, end) for start, end in titles if start < m.start(1) and m.end() < end]
    return any(start + 1 < m.start(1) or m.end() < end - 1 for start, end in enclosing)


# Words that say the report is carrying a document out, not recalling it.
_CARRYING_OUT = re.compile("(?:贯彻落实|贯彻|落实|按照|根据|围绕|对照|依据)[^。，；《]{0,4}《?$")


def _expired_edition(
    doc: PeriodDocument, years: tuple[int, int], m: re.Match[str], text: str, where: Where
) -> Iterator[Hit]:
    """认真贯彻落实《法治政府建设实施纲要（2015—2020年）》 in a report on 2021: the edition had ended."""
    later = [e for e in doc.editions if e[0] > years[1] and e[0] <= where.ctx.year <= e[1]]
    if not later or years[1] >= where.ctx.year or not _CARRYING_OUT.search(text[max(0, m.start(1) - 10) : m.start(1)]):
        return
    current = doc.titled(later[0])
    if current in text:
        return  # both editions named side by side: the clerk knows which is which
    yield Hit(
        m.start(1),
        m.end(),
        f"《{doc.titled(years)}》已经到期，{where.ctx.year}年贯彻落实的是《{current}》。",
        replacement=current,
    )


def check_period_years(text: str, where: Where) -> Iterator[Hit]:
    if "纲要" not in text and "规划" not in text and "计划" not in text:
        return
    docs = {doc.name: doc for doc in period_documents()}
    titles = book_title_spans(text)
    for m in _period_pattern().finditer(text):
        if _within_another_title(m, text, titles):
            continue  # 《贯彻落实〈纲要（2016—2020年）〉实施方案》: a local plan's own period
        doc = docs[m.group(1)]
        years = (int(m.group(2)), int(m.group(3)))
        if years in doc.editions:
            yield from _expired_edition(doc, years, m, text, where)
            continue
        right = _nearest_edition(doc, *years)
        period = doc.titled(right)[len(doc.name) :]
        yield Hit(
            m.start(1),
            m.end(),
            f"“{doc.name}”的时段是{right[0]}—{right[1]}年，应写“《{doc.titled(right)}》”。",
            replacement=doc.name + period,
        )


RULES = (
    Rule(
        "citation.bare-title",
        "citations",
        ERROR,
        f"{GBT15834} 4.15（书名号标示文件名）",
        "引用法律、法规和文件应加书名号，如“《中华人民共和国行政复议法》”。",
        check_bare_titles,
        fields=NODE_FIELDS,
        fixes_in_hits=True,
    ),
    Rule(
        "citation.short-title",
        "citations",
        ADVICE,
        "实务（先写全称，再注明“以下简称”）",
        "第一次引用法律时写全称，如“《中华人民共和国行政复议法》（以下简称《行政复议法》）”。",
        check_short_titles,
        scope="report",
        fixes_in_hits=True,
    ),
    Rule(
        "citation.period-years",
        "citations",
        ERROR,
        "《法治政府建设实施纲要（2021—2025年）》等文件标题",
        "核心文件的时段写错了，如《法治政府建设实施纲要（2021—2025年）》不是“2020—2025年”。",
        check_period_years,
        fields=PROSE_FIELDS,
        fixes_in_hits=True,
    ),
)
