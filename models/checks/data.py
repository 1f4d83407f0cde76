"""数据台账 checks: the figures in the text against the ledger, and against each other.

A figure is a word naming an indicator, its number and unit (:mod:`models.ledger.extract`).
Two rules need no ledger: a rate its parts in the same sentence contradict, and a total smaller
than the items listed under it (其中…). Three compare with the ledger (本年, 上年): a figure the
ledger contradicts, last year's figure left in this year's text, and a 同比 claim the two years'
figures contradict. Figures in the 下一年度安排 part are targets and are not compared; nor are
approximate ones (余, 约, 近). Rates allow the last printed digit (reports round, some truncate).

They are report rules (run by ``run_checks``, not by the quick per-node re-check): the ledger is
the report's, and one sheet of indicators serves every node of a run.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from decimal import ROUND_HALF_UP, Decimal

from models.checks.model import ADVICE, ERROR, Context, Hit, Rule, Where
from models.ledger.definitions import LedgerDefinitionError
from models.ledger.extract import CLAUSE_ENDS, UNIT_SYNONYMS, Figure, sentence_bounds
from models.ledger.refs import MISSING
from models.ledger.sheet import Sheet, year_on_year
from models.ledger.values import CURRENT, PREVIOUS, format_value
from models.report import Report

PLANS_PART = 4
SOURCE = "数据台账（同一数字全文一致、与台账一致）"
_LAST_YEAR = re.compile(r"上年|去年|上一年|上年度|同期")
_YEAR = re.compile(r"(?<!\d)(\d{4})年")
_CLAIM = re.compile(
    r"(?:同比|比上年度?|较上年度?|比去年|较去年|与上年相比|比上一年)(?:同期)?[，,]?"
    r"(?P<verb>增长|增加|上升|提高|提升|下降|减少|降低|回落)了?"
    r"(?P<number>\d+(?:\.\d+)?)(?P<unit>%|个百分点)"
)
_UP = ("增长", "增加", "上升", "提高", "提升")
_TOTAL = re.compile(
    r"(?:共|共计|总计|合计)[^，。；,;\d]{0,12}?(?<![\d.])(?P<number>\d+)(?P<approx>余|多)?(?P<unit>件|次|份|项|条|个|人次|名|人|卷|宗|起|场次|场)"
)
_ITEM = re.compile(
    r"(?<![\d.])(?P<number>\d+)(?P<approx>余|多)?(?P<unit>件|次|份|项|条|个|人次|名|人|卷|宗|起|场次|场)"
)

_last_sheet: tuple[object, Sheet | None] | None = None


def _sheet(where: Where) -> Sheet | None:
    """The report's sheet, built once per check run (the context is new for each run)."""
    global _last_sheet
    cached = _last_sheet
    if cached is not None and cached[0] is where.ctx:
        return cached[1]
    report = where.ctx.report
    try:
        sheet: Sheet | None = Sheet(report.ledger, report.meta.issuer)
    except LedgerDefinitionError:  # a kind this program does not know: no ledger checks
        sheet = None
    _last_sheet = (where.ctx, sheet)
    return sheet


def _tolerance(number: str, approximate: bool = False) -> Decimal:
    """One unit of the last printed digit (a rate may be rounded or truncated); 0.5 more for 约."""
    decimals = len(number.partition(".")[2])
    return Decimal(1).scaleb(-decimals) + (Decimal("0.5") if approximate else 0)


def _agrees(figure: Figure, value: Decimal, is_rate: bool) -> bool:
    if is_rate:
        return abs(figure.value - value) < _tolerance(figure.number, figure.approximate)
    return figure.value == value


def _written(value: Decimal, like: str) -> str:
    """``value`` with as many decimals as the figure it replaces."""
    decimals = len(like.partition(".")[2])
    return format(value.quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP), "f")


def _column(text: str, figure: Figure, year: int) -> str | None:
    """Which year a figure speaks of: CURRENT, PREVIOUS, or None (another year: not compared)."""
    start = max(text.rfind(ch, 0, figure.word_start) for ch in CLAUSE_ENDS) + 1
    before = text[start : figure.start]
    years = {int(y) for y in _YEAR.findall(before)}
    if _LAST_YEAR.search(before) or years == {year - 1}:
        return PREVIOUS
    if years - {year}:
        return None
    return CURRENT


def _ledger_figures(text: str, where: Where) -> Iterator[tuple[Sheet, Figure, str]]:
    """The exact figures of a field that the ledger has a value for, with the column they speak of."""
    sheet = _sheet(where)
    if sheet is None or not sheet.ledger.entries or where.part == PLANS_PART:
        return
    for figure in sheet.finder.find(text):
        column = _column(text, figure, where.ctx.year)
        if column is not None and not figure.approximate:
            yield sheet, figure, column


def _figure_hit(figure: Figure, message: str, ledger_value: Decimal | None = None) -> Hit:
    """A hit on ``figure``'s number, fixed to ``ledger_value`` (when given) written in the figure's style."""
    fix = _written(ledger_value, figure.number) if ledger_value is not None and _exact_number(figure) else None
    return Hit(figure.start, figure.start + len(figure.number), message, replacement=fix)


def _exact_number(figure: Figure) -> bool:
    """The figure is written as its value (no 万 scaling), so its digits can be replaced."""
    return Decimal(figure.number) == figure.value


def check_ledger_mismatch(text: str, where: Where) -> Iterator[Hit]:
    for sheet, figure, column in _ledger_figures(text, where):
        indicator = sheet.by_key[figure.key]
        value, other = sheet.value(figure.key, column), sheet.value(figure.key, PREVIOUS)
        if value is None or _agrees(figure, value, indicator.is_rate):
            continue
        if column == CURRENT and other is not None and _agrees(figure, other, indicator.is_rate):
            continue  # data.last-year-figure says it better
        label = "本年" if column == CURRENT else "上年"
        yield _figure_hit(
            figure,
            f"台账中{label}“{indicator.name}”为{format_value(value)}{indicator.unit}，"
            f"这里写的是{figure.number}{indicator.unit if indicator.is_rate else ''}，请核对。",
            value,
        )


def check_last_year_figure(text: str, where: Where) -> Iterator[Hit]:
    for sheet, figure, column in _ledger_figures(text, where):
        indicator = sheet.by_key[figure.key]
        current, previous = sheet.value(figure.key), sheet.value(figure.key, PREVIOUS)
        if column != CURRENT or current is None or previous is None:
            continue
        if _agrees(figure, previous, indicator.is_rate) and not _agrees(figure, current, indicator.is_rate):
            yield _figure_hit(
                figure,
                f"{figure.number}是台账中上年“{indicator.name}”的数字，本年为{format_value(current)}"
                f"{indicator.unit}：是否沿用了去年的数字？",
                current,
            )
    yield from _copied_from_reference(text, where)


def _copied_from_reference(text: str, where: Where) -> Iterator[Hit]:
    """Without a 本年 figure in the ledger: the same figure as last year's text of this part."""
    node, sheet = where.node, _sheet(where)
    if node is None or not node.reference or sheet is None or where.part == PLANS_PART:
        return
    last_year = {(f.key, f.value) for f in sheet.finder.find(node.reference) if not f.approximate}
    for figure in sheet.finder.find(text):
        if (
            (figure.key, figure.value) in last_year
            and sheet.value(figure.key) is None
            and not figure.approximate
            and _column(text, figure, where.ctx.year) == CURRENT
        ):
            indicator = sheet.by_key[figure.key]
            yield _figure_hit(
                figure,
                f"去年报告的这一部分也写“{indicator.name}”{figure.number}{indicator.unit}："
                "请核对是否已换成本年的数字（可在数据台账中填写本年数）。",
            )


def _sentence_figures(text: str, where: Where) -> Iterator[tuple[Sheet, list[Figure]]]:
    sheet = _sheet(where)
    if sheet is None:
        return
    by_sentence: dict[int, list[Figure]] = {}
    for figure in sheet.finder.find(text):
        by_sentence.setdefault(sentence_bounds(text, figure.start)[0], []).append(figure)
    for figures in by_sentence.values():
        yield sheet, figures


def check_rate_parts(text: str, where: Where) -> Iterator[Hit]:
    for sheet, figures in _sentence_figures(text, where):
        exact = {}
        for figure in figures:
            if not figure.approximate:
                exact.setdefault(figure.key, figure.value)
        for figure in figures:
            indicator = sheet.by_key[figure.key]
            if indicator.formula is None or not indicator.formula.keys <= exact.keys():
                continue
            computed = indicator.formula.evaluate(exact)
            if computed is None or abs(computed - figure.value) < _tolerance(figure.number, figure.approximate):
                continue
            parts = "、".join(
                f"{sheet.by_key[k].name}{format_value(exact[k])}{sheet.by_key[k].unit}"
                for k in sorted(indicator.formula.keys)
            )
            shown = _written(computed, figure.number)
            yield Hit(
                figure.start,
                figure.start + len(figure.number),
                f"“{indicator.name}”写的是{figure.number}%，按本句的{parts}算是{shown}%，请核对分子分母。",
                replacement=shown,
            )


def check_total_items(text: str, where: Where) -> Iterator[Hit]:
    yield from _listed_items(text)
    for sheet, figures in _sentence_figures(text, where):
        exact = {}
        for figure in figures:
            if not figure.approximate:
                exact.setdefault(figure.key, figure)
        for constraint in sheet.constraints:
            if constraint.op != "<=" or not constraint.keys <= exact.keys():
                continue
            values = {k: f.value for k, f in exact.items()}
            left, right = constraint.left.evaluate(values), constraint.right.evaluate(values)
            if left is not None and right is not None and left > right:
                first = exact[sorted(constraint.left.keys, key=lambda k: exact[k].start)[0]]
                yield Hit(
                    first.start,
                    first.end,
                    f"本句中{sheet.label(constraint.left)}（{format_value(left)}）"
                    f"大于{sheet.label(constraint.right)}（{format_value(right)}），部分不能大于总数。",
                )


def _listed_items(text: str) -> Iterator[Hit]:
    """共X件，其中A件、B件…: the items (same unit, in the 其中 clause) cannot add up to more than X."""
    for total in _TOTAL.finditer(text):
        if total.group("approx"):
            continue
        sentence_end = sentence_bounds(text, total.start())[1]
        rest = text[total.end() : sentence_end]
        marker = rest.find("其中")
        if marker == -1:
            continue
        start = total.end() + marker
        clause_end = min([i for i in (text.find(ch, start) for ch in "，。；,;\n") if i != -1] or [len(text)])
        unit = total.group("unit")
        items = [
            Decimal(m.group("number"))
            for m in _ITEM.finditer(text, start, clause_end)
            if not m.group("approx") and m.group("unit") in UNIT_SYNONYMS.get(unit, (unit,))
        ]
        value = Decimal(total.group("number"))
        if items and sum(items) > value:
            listed = "＋".join(format_value(i) for i in items)
            yield Hit(
                total.start("number"),
                total.end("unit"),
                f"总数{format_value(value)}{unit}，其中所列各项合计{listed}＝{format_value(sum(items))}{unit}，"
                "比总数还多，请核对。",
            )


def check_yoy_claim(text: str, where: Where) -> Iterator[Hit]:
    sheet = _sheet(where)
    if sheet is None or where.part == PLANS_PART:
        return
    figures = sheet.finder.find(text)
    for claim in _CLAIM.finditer(text):
        sentence_start = sentence_bounds(text, claim.start())[0]
        before = [f for f in figures if sentence_start <= f.start and f.end <= claim.start()]
        if not before:
            continue
        figure = before[-1]
        indicator = sheet.by_key[figure.key]
        points = claim.group("unit") == "个百分点"
        current, previous = sheet.value(figure.key), sheet.value(figure.key, PREVIOUS)
        change = year_on_year(indicator, current, previous)
        if indicator.is_rate and not points:
            shown = f"{'提高' if change > 0 else '下降'}{format_value(abs(change))}个百分点" if change else None
            yield Hit(
                claim.start("verb"),
                claim.end(),
                f"“{indicator.name}”是比率，两年之差应写作“个百分点”{'，按台账为' + shown if shown else ''}。",
                replacement=shown,
            )
            continue
        if change is None or points != indicator.is_rate:
            continue
        stated = Decimal(claim.group("number")) * (1 if claim.group("verb") in _UP else -1)
        if abs(stated - change) < _tolerance(claim.group("number")):
            continue
        verb = claim.group("verb") if (stated > 0) == (change > 0) else ("增长" if change > 0 else "下降")
        unit = claim.group("unit")
        right = f"{verb}{_written(abs(change), claim.group('number'))}{unit}" if change else "持平"
        yield Hit(
            claim.start("verb"),
            claim.end(),
            f"按台账，“{indicator.name}”本年{format_value(current)}{indicator.unit}、上年"
            f"{format_value(previous)}{indicator.unit}，同比应为{right}。",
            replacement=right,
        )


FieldCheck = Callable[[str, Where], Iterator[Hit]]


def over_nodes(check: FieldCheck) -> Callable[[Report, Context], Iterator[Hit]]:
    """A report rule running ``check`` over every node's title and text."""

    def run(report: Report, ctx: Context) -> Iterator[Hit]:
        for node in report.walk():
            for name in ("title", "text"):
                text = getattr(node, name)
                if text and any(ch.isdigit() for ch in text):
                    for hit in check(text, Where(ctx, name, node)):
                        yield Hit(hit.start, hit.end, hit.message, hit.replacement, node=node, field=name)

    return run


def _rule(rule_id: str, source: str, explanation: str, check: FieldCheck, fixes: bool = True) -> Rule:
    return Rule(rule_id, "data", ADVICE, source, explanation, over_nodes(check), scope="report", fixes_in_hits=fixes)


def check_missing_value(text: str, where: Where) -> Iterator[Hit]:
    """A sentence citing a ledger figure that has no value yet prints 【待填：名称】 (models.ledger.refs)."""
    for m in MISSING.finditer(text):
        yield Hit(m.start(), m.end(), f"句中引用的“{m.group('name')}”在数据台账中还没有填数，请在数据台账中填写。")


RULES = (
    Rule(
        "data.missing-value",
        "data",
        ERROR,
        SOURCE,
        "正文引用了数据台账中还没有填写的数字（显示为【待填：名称】）。",
        check_missing_value,
    ),
    _rule("data.ledger-mismatch", SOURCE, "句中写出的数字与数据台账中的数字不一致。", check_ledger_mismatch),
    _rule(
        "data.last-year-figure",
        SOURCE,
        "句中的数字是上一年度的数字，可能是沿用去年报告时没有更新。",
        check_last_year_figure,
    ),
    _rule(
        "data.rate-parts",
        "实务（比率＝分子÷分母，与同句的件数一致）",
        "句中的比率与同一句里的分子、分母算出的不一致。",
        check_rate_parts,
    ),
    _rule(
        "data.total-items",
        "实务（部分不大于总数）",
        "总数比其中所列各项之和还小，或部分大于总数。",
        check_total_items,
        fixes=False,
    ),
    _rule(
        "data.yoy-claim",
        "数据台账（同比按两年数字计算；比率之差用“个百分点”）",
        "同比增长、下降的说法与本年、上年的数字不符。",
        check_yoy_claim,
    ),
)
