"""Report year and deadlines: a report on year N describes N's work, plans N+1, is dated
after N ends, submitted by (N+1)-03-01 and public by (N+1)-04-01 (督察规定)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from models.checks.model import ADVICE, ERROR, NAME, NODE_FIELDS, Context, Hit, Rule, Where
from models.checks.patterns import book_title_spans, inside
from models.checks.sources import DUCHA_CONTENT, DUCHA_PUBLISH, DUCHA_SUBMIT
from models.checks.structure import MEASURES, PLANS
from models.dates import chinese_form
from models.report import Report

_YEAR = re.compile(r"(?<![\d〔\[（(—\-～~])((?:19|20)\d{2})(?=年)(?![^\n]{0,1}[—\-～~]\d)")
_COMPARISON_BEFORE = re.compile("(较|比|同比|相比|与|自|从|在|截至|截止|于)$")
_COMPARISON_AFTER = re.compile("^年?(以来|相比|同期|基础|水平|底前)")
_PROVINCE = (
    "(?:河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海"
    "|台湾)省|(?:内蒙古|广西壮族|西藏|宁夏回族|新疆维吾尔)自治区|(?:北京|天津|上海|重庆)市"
)
_PROVINCIAL = re.compile(f"(?:中共)?(?:{_PROVINCE})(?:人民政府|委员会|委|党委)")


def report_years(text: str, year_min: int = 2000) -> Iterator[re.Match[str]]:
    """Four-digit years ("2023年") outside cited titles, 文号 and ranges."""
    titles = book_title_spans(text)
    for m in _YEAR.finditer(text):
        if int(m.group(1)) >= year_min and not inside(m.start(), titles) and text[m.end() + 1 : m.end() + 2] != "—":
            yield m


def _comparison(text: str, m: re.Match[str]) -> bool:
    return bool(
        _COMPARISON_BEFORE.search(text[max(0, m.start() - 2) : m.start()])
        or _COMPARISON_AFTER.match(text[m.end() : m.end() + 4])
    )


def check_title_year(text: str, where: Where) -> Iterator[Hit]:
    year = where.ctx.year
    if year <= 0:
        return
    expected = None
    if where.field == "meta.title" or (where.depth == 1 and where.part == MEASURES):
        expected = year
    elif where.depth == 1 and where.part == PLANS:
        expected = year + 1
    if expected is None:
        return
    for m in report_years(text):
        if int(m.group(1)) != expected:
            what = (
                "报告标题"
                if where.field == "meta.title"
                else ("工作情况部分的标题" if expected == year else "工作安排部分的标题")
            )
            yield Hit(
                m.start(), m.end(), f"{what}应写{expected}年，这里写的是{m.group(1)}年。", replacement=str(expected)
            )


def check_measures_years(text: str, where: Where) -> Iterator[Hit]:
    year = where.ctx.year
    if year <= 0 or where.part != MEASURES or (where.field == "title" and where.depth == 1):
        return
    for m in report_years(text):
        found = int(m.group(1))
        if found != year and not _comparison(text, m):
            yield Hit(
                m.start(),
                m.end(),
                f"工作情况部分应写{year}年的工作，这里出现了{found}年，请核对（沿用去年的文字时常见）。",
            )


def check_plans_years(text: str, where: Where) -> Iterator[Hit]:
    year = where.ctx.year
    if year <= 0 or where.part != PLANS or (where.field == "title" and where.depth == 1):
        return
    for m in report_years(text):
        found = int(m.group(1))
        opening = (
            found == year and (m.start() == 0 or text[m.start() - 1] == "\n") and text[m.end() : m.end() + 2] == "年，"
        )
        if (found < year or opening) and not _comparison(text, m):
            yield Hit(m.start(), m.end(), f"工作安排部分写的是{year + 1}年的打算，这里出现了{found}年，请核对。")


def _report_date(report: Report) -> date | None:
    try:
        return date.fromisoformat(report.meta.date) if report.meta.date else None
    except ValueError:
        return None


def check_date_valid(report: Report, ctx: Context) -> Iterator[Hit]:
    value = report.meta.date
    if value and _report_date(report) is None:
        yield Hit(0, len(value), f"成文日期“{value}”无法识别，请在报告信息中重新选择日期。", field="meta.date")


def check_date_after_year(report: Report, ctx: Context) -> Iterator[Hit]:
    when = _report_date(report)
    if when and ctx.year > 0 and when <= date(ctx.year, 12, 31):
        yield Hit(
            0,
            len(report.meta.date),
            f"成文日期{_cn(when)}还在报告年度（{ctx.year}年）之内，年度报告应在年度结束后成文。",
            field="meta.date",
        )


def is_provincial(issuer: str) -> bool:
    """A provincial Party committee or government (省、自治区、直辖市党委和政府), possibly both:
    they report by 4月1日; their departments and every lower level by 3月1日."""
    names = [name for name in re.split(r"[、，,\s]+", issuer.strip()) if name]
    return bool(names) and all(_PROVINCIAL.fullmatch(name) for name in names)


def _submit_deadline(report: Report, year: int) -> date:
    return date(year + 1, 4, 1) if is_provincial(report.meta.issuer or report.meta.signature) else date(year + 1, 3, 1)


def check_submit_deadline(report: Report, ctx: Context) -> Iterator[Hit]:
    when = _report_date(report)
    if not when or ctx.year <= 0:
        return
    deadline, publish = _submit_deadline(report, ctx.year), date(ctx.year + 1, 4, 1)
    if deadline < when <= publish:  # later than 4月1日: date.publish-deadline says both
        yield Hit(
            0,
            len(report.meta.date),
            f"成文日期{_cn(when)}晚于{ctx.year + 1}年3月1日，政府部门和市县乡各级应在"
            "3月1日前报告上一年度法治政府建设情况。",
            field="meta.date",
        )


def check_publish_deadline(report: Report, ctx: Context) -> Iterator[Hit]:
    when = _report_date(report)
    if when and ctx.year > 0 and when > date(ctx.year + 1, 4, 1):
        also = "" if is_provincial(report.meta.issuer or report.meta.signature) else "，也晚于3月1日的报告期限"
        yield Hit(
            0,
            len(report.meta.date),
            f"成文日期{_cn(when)}晚于{ctx.year + 1}年4月1日{also}。"
            "年度报告应在每年4月1日前向社会公开，成文晚于这一天就无法按时公开。",
            field="meta.date",
        )


def _cn(when: date) -> str:
    return chinese_form((when.year, when.month, when.day))


RULES = (
    Rule(
        "year.title",
        "years",
        ERROR,
        DUCHA_CONTENT,
        "报告标题和“工作情况”部分写报告年度，“工作安排”部分写下一年度。",
        check_title_year,
        fields=frozenset({"meta.title", "title"}),
        fixes_in_hits=True,
        specificity=NAME,
    ),
    Rule(
        "year.measures-text",
        "years",
        ADVICE,
        DUCHA_CONTENT,
        "“主要举措和成效”部分写的是报告年度的工作，出现其他年份时请核对。",
        check_measures_years,
        fields=NODE_FIELDS,
    ),
    Rule(
        "year.plans-text",
        "years",
        ADVICE,
        DUCHA_CONTENT,
        "“下一年度主要安排”部分写的是下一年度的打算，出现往年年份时请核对。",
        check_plans_years,
        fields=NODE_FIELDS,
    ),
    Rule(
        "date.invalid", "years", ERROR, "GB/T 9704—2012 7.3.5.4", "成文日期无法识别。", check_date_valid, scope="report"
    ),
    Rule(
        "date.after-year",
        "years",
        ERROR,
        DUCHA_CONTENT,
        "年度报告报告的是上一年度的情况，成文日期应在报告年度结束之后。",
        check_date_after_year,
        scope="report",
    ),
    Rule(
        "date.submit-deadline",
        "years",
        ADVICE,
        DUCHA_SUBMIT,
        "县级以上政府部门和省级以下各级党委、政府应在每年3月1日前报告上一年度法治政府建设情况"
        "（省级党委和政府为4月1日前）。成文日期不一定是报送日期，请核对。",
        check_submit_deadline,
        scope="report",
    ),
    Rule(
        "date.publish-deadline",
        "years",
        ERROR,
        DUCHA_PUBLISH,
        "年度报告应在每年4月1日前通过报刊、网站等向社会公开。",
        check_publish_deadline,
        scope="report",
    ),
)
