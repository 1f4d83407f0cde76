"""Numbers and dates (GB/T 15835—2011; 成文日期 per GB/T 9704—2012 7.3.5.4)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

from models.checks.model import ADVICE, ERROR, HYGIENE, NAME, NODE_FIELDS, PROSE_FIELDS, Group, Hit, Rule, Where
from models.checks.patterns import lines_with_offsets, regex_hits
from models.checks.sources import GBT9704, GBT15834, GBT15835
from models.dates import (
    ISO_IN_TEXT,
    WORD_DATE_IN_TEXT,
    chinese_form,
    is_calendar_date,
    is_date_line,
    typed_date_message,
    typed_fault,
    word_date,
)

_LEADING_ZERO = re.compile(r"(?<=\d年)0[1-9](?=月)|(?<=\d月)0[1-9](?=日)")
_SHORT_YEAR = re.compile(r"(?<![\d〔—～~\-./:])[’']?(\d{2})年(?=度|底|初|末|上半年|下半年|[1-9]\d?月)")
_HAO = re.compile(r"(?<!\d)\d{1,2}月\d{1,2}号(?![文令楼院室])")
_FULL_DIGITS = re.compile("[０-９％]+(?:．[０-９]+%?)?")
_RATE = re.compile(r"(?<![增涨])率[^，。；！？\d%\n]{0,6}?(\d+(?:\.\d+)?)%")
_GROWTH_WORDS = ("增长", "增加", "提高", "提升", "上升", "同比", "环比")
_QIAN_BAI = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)([千百])(?=万|亿)")
# 23年，/ 于23年 / 23年全年: a two-digit year where a sentence or a time phrase begins.
_SHORT_YEAR_OPENING = re.compile(r"(?:^|(?<=[\n。；！？于在自从]))[’']?(\d{2})年(?=[，,]|全年)", re.M)
_SHORT_YEAR_SINCE = re.compile(r"(?<=[自从])[’']?(\d{2})年(?=以来|起)")
# 四、24年推进法治建设的主要安排: a heading that opens with a two-digit year (judged against the report's).
_SHORT_YEAR_HEADING = re.compile(r"^[’']?(\d{2})年(?=[\u4e00-\u9fff])(?![来间内])")
_COUNT_UNITS = "余多人件次名户家个元份场起项条所位辆"
_MIXED_UNITS = re.compile(rf"(?<![\d.])\d+(?:千(?:\d百)?(?:\d十)?|百(?:\d十)?)(?=[{_COUNT_UNITS}])")
_MIXED_PARTS = re.compile(r"(?:(\d+)千)?(?:(\d+)百)?(?:(\d)十)?")
# “3.15”: a day named by its month and date takes the 间隔号, “3·15”.
_EVENT_DOT = re.compile(r"(?<=“)(1[0-2]|[1-9])\.(3[01]|[12]\d|[1-9])(?=”(?![个万亿%％倍元件人次分]))")
_FULL_TO_HALF = str.maketrans("０１２３４５６７８９％．", "0123456789%.")
FULLWIDTH_GROUP = Group("fullwidth", "全角数字", "应改为半角数字，可一次全部修正。")
ZERO_GROUP = Group("leading-zero", "日期虚位“0”", "应删去，如“3月6日”。")


def iso_to_chinese(excerpt: str) -> str | None:
    m = ISO_IN_TEXT.fullmatch(excerpt)
    if not m:
        return None
    parts = int(m.group(1)), int(m.group(3)), int(m.group(4))
    return chinese_form(parts) if is_calendar_date(parts) else None


def cn_date_to_arabic(excerpt: str) -> str | None:
    parts = word_date(excerpt)
    return chinese_form(parts) if parts and is_calendar_date(parts) else None


# The dates as the source typed them (ReportMeta.date_typed…), with the name of the date for messages.
TYPED_DATE_LABELS = {"meta.date_typed": "成文日期", "meta.printed_on_typed": "印发日期"}
DATE_FIELDS = PROSE_FIELDS | frozenset(TYPED_DATE_LABELS)


def check_typed_date(text: str, where: Where, leading_zero: bool) -> Iterator[Hit]:
    """A 成文日期 or 印发日期 the source typed as 2024年03月06日 (``leading_zero``) or 二〇二四年三月六日 /
    2024-03-06 (not): one finding on the whole date; its fix forgets the typed form, since the
    date is stored as a date and export already prints 2024年3月6日."""
    fault = typed_fault(text)
    if fault is None or (fault[0].startswith("月、日编了虚位") != leading_zero):
        return
    message = typed_date_message(text, TYPED_DATE_LABELS[where.field]) + "修正后不再保留原文写法，日期不变。"
    yield Hit(0, len(text), message, replacement="")


def check_date_form(text: str, where: Where) -> Iterator[Hit]:
    """A 成文日期 line (GB/T 9704 7.3.5.4) is 错误; a date in the running text is practice (建议)."""
    if where.field in TYPED_DATE_LABELS:
        yield from check_typed_date(text, where, leading_zero=False)
        return
    date_lines = [
        (offset, offset + len(line)) for offset, line in lines_with_offsets(text) if is_date_line(line.strip())
    ]
    for m in ISO_IN_TEXT.finditer(text):
        if iso_to_chinese(m.group(0)):
            severity = None if any(s <= m.start() < e for s, e in date_lines) else ADVICE
            yield Hit(
                m.start(), m.end(), f"日期应写成“{iso_to_chinese(m.group(0))}”，不用“-”“/”“.”分隔。", severity=severity
            )
    for start, end in date_lines:
        for m in WORD_DATE_IN_TEXT.finditer(text, start, end):
            yield Hit(
                m.start(),
                m.end(),
                "成文日期用阿拉伯数字书写年月日，不用汉字。",
                replacement=cn_date_to_arabic(m.group(0)),
            )


def check_leading_zero(text: str, where: Where) -> Iterator[Hit]:
    """错误 on a 成文日期 line (GB/T 9704 7.3.5.4: 月、日不编虚位); 建议 in the running text."""
    if where.field in TYPED_DATE_LABELS:
        yield from check_typed_date(text, where, leading_zero=True)
        return
    if "年0" not in text and "月0" not in text:
        return
    date_lines = [
        (offset, offset + len(line)) for offset, line in lines_with_offsets(text) if is_date_line(line.strip())
    ]
    for m in _LEADING_ZERO.finditer(text):
        severity = None if any(s <= m.start() < e for s, e in date_lines) else ADVICE
        yield Hit(m.start(), m.end(), severity=severity)


def check_short_year(text: str, where: Where) -> Iterator[Hit]:
    if "年" not in text:
        return
    found = (
        *_SHORT_YEAR.finditer(text),
        *_SHORT_YEAR_OPENING.finditer(text),
        *_SHORT_YEAR_SINCE.finditer(text),
        *_heading_short_years(text, where),
    )
    matches = sorted({m.start(): m for m in found}.values(), key=lambda m: m.start())
    for m in matches:
        yy = int(m.group(1))
        full = (2000 if yy <= 69 else 1900) + yy
        yield Hit(m.start(), m.end(), f"年份不要简写，应写“{full}年”。", replacement=f"{full}年")


def _heading_short_years(text: str, where: Where) -> list[re.Match[str]]:
    if where.field != "title" or where.node is None or not where.ctx.year:
        return []
    m = _SHORT_YEAR_HEADING.match(text)
    if m and where.ctx.year - 5 <= 2000 + int(m.group(1)) <= where.ctx.year + 2:
        return [m]
    return []


def check_rate(text: str, where: Where) -> Iterator[Hit]:
    for m in _RATE.finditer(text):
        before = text[max(0, m.start() - 3) : m.start()]
        if any(word in before + m.group(0) for word in _GROWTH_WORDS):
            continue
        if Decimal(m.group(1)) > 100:
            yield Hit(m.start(1), m.end(), f"“{m.group(0)}”：这类比率不会超过100%，请核对数字。")


def qian_bai(excerpt: str) -> str | None:
    m = re.fullmatch(r"(\d+(?:\.\d+)?)([千百])", excerpt)
    if not m:
        return None
    try:
        value = Decimal(m.group(1)) * (1000 if m.group(2) == "千" else 100)
    except InvalidOperation:
        return None
    return format(value.normalize(), "f")


def mixed_units(excerpt: str) -> str | None:
    """``5千9百`` → ``5900``; ``3千`` → ``3000``; None when the excerpt is not such a number."""
    m = _MIXED_PARTS.fullmatch(excerpt)
    if not m or not any(m.groups()):
        return None
    thousands, hundreds, tens = (int(part) if part else 0 for part in m.groups())
    return str(thousands * 1000 + hundreds * 100 + tens * 10)


RULES = (
    Rule(
        "number.date-leading-zero",
        "numbers",
        ERROR,
        f"{GBT9704} 7.3.5.4",
        "日期中的月、日不编虚位：写“3月6日”，不写“03月06日”。",
        check_leading_zero,
        fields=DATE_FIELDS,
        fix=lambda e: e[1:],
        group=ZERO_GROUP,
    ),
    Rule(
        "number.date-form",
        "numbers",
        ERROR,
        f"{GBT9704} 7.3.5.4",
        "日期用阿拉伯数字写全年、月、日，如“2024年3月6日”。",
        check_date_form,
        fields=DATE_FIELDS,
        fix=iso_to_chinese,
        specificity=NAME,
    ),
    Rule(
        "number.short-year",
        "numbers",
        ADVICE,
        f"{GBT15835}（年份一般不用简写）",
        "年份应写全四位，如“2023年”，不写“23年”。",
        check_short_year,
        fields=NODE_FIELDS,
        fixes_in_hits=True,
    ),
    Rule(
        "number.hao-for-ri",
        "numbers",
        ADVICE,
        "实务（公文日期用“日”）",
        "公文中日期用“日”，不用口语的“号”，如“4月1日”。",
        lambda text, where: regex_hits(_HAO, text),
        fields=NODE_FIELDS,
        fix=lambda e: e[:-1] + "日",
    ),
    Rule(
        "number.fullwidth",
        "numbers",
        ADVICE,
        "实务（阿拉伯数字用半角）",
        "阿拉伯数字和百分号用半角字符，如“123”“%”。",
        lambda text, where: regex_hits(_FULL_DIGITS, text),
        fields=PROSE_FIELDS,
        fix=lambda e: e.translate(_FULL_TO_HALF),
        specificity=HYGIENE,
        group=FULLWIDTH_GROUP,
    ),
    Rule(
        "number.rate-over-100",
        "numbers",
        ADVICE,
        "实务（比率不超过100%）",
        "办结率、出庭率等比率不会超过100%，请核对数字。",
        check_rate,
        fields=NODE_FIELDS,
    ),
    Rule(
        "number.qian-bai",
        "numbers",
        ADVICE,
        "实务（“万”“亿”前不用“千”“百”）",
        "“万”“亿”前面不用“千”“百”作单位，如“3000万元”，不写“3千万元”。",
        lambda text, where: regex_hits(_QIAN_BAI, text),
        fields=NODE_FIELDS,
        fix=qian_bai,
    ),
    Rule(
        "number.mixed-units",
        "numbers",
        ADVICE,
        "实务（数字和“千”“百”不混写）",
        "计数用阿拉伯数字写全，不与“千”“百”混写：写“5900余人”，不写“5千9百余人”。",
        lambda text, where: regex_hits(_MIXED_UNITS, text) if ("千" in text or "百" in text) else (),
        fields=NODE_FIELDS,
        fix=mixed_units,
    ),
    Rule(
        "number.event-dot",
        "numbers",
        ERROR,
        f"{GBT15834} 4.14（间隔号）",
        "以月、日命名的事件或节日，月、日之间用间隔号，如“3·15”“12·4”，不用下脚点。",
        lambda text, where: regex_hits(_EVENT_DOT, text) if "“" in text else (),
        fields=PROSE_FIELDS,
        fix=lambda e: e.replace(".", "·"),
    ),
)
