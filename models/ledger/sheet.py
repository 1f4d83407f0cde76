"""A report's ledger laid out for reading: its indicators (the set for its kind, the unit's own,
and any key with figures but no definition), derived figures, 同比, and what breaks a rule.

Rates derived by a formula are computed from their parts unless a figure was typed for them;
a typed rate that its parts contradict is a problem (±0.01: reports round, some truncate).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property

from models.ledger.definitions import (
    CUSTOM_GROUP,
    CUSTOM_GROUP_NAME,
    OTHER_GROUP,
    Constraint,
    Indicator,
    IndicatorSet,
    load_catalogue,
)
from models.ledger.extract import FigureFinder
from models.ledger.formula import Formula
from models.ledger.values import COLUMN_NAMES, CURRENT, PREVIOUS, Ledger, format_value

RATE_TOLERANCE = Decimal("0.01")
TWO_PLACES = Decimal("0.01")


@dataclass(frozen=True)
class Problem:
    key: str  # the indicator the clerk should look at
    column: str  # CURRENT or PREVIOUS
    message: str
    hard: bool = True  # a figure that cannot be right; False: a typed rate on another base than its parts


@dataclass(frozen=True)
class Row:
    indicator: Indicator
    current: Decimal | None
    previous: Decimal | None
    computed: bool  # the 本年 figure comes from the formula, not typed

    @property
    def change(self) -> Decimal | None:
        return year_on_year(self.indicator, self.current, self.previous)


def year_on_year(indicator: Indicator, current: Decimal | None, previous: Decimal | None) -> Decimal | None:
    """同比: a rate's change in 百分点; a count's in per cent of last year (None if last year was 0)."""
    if current is None or previous is None:
        return None
    if indicator.is_rate:
        return (current - previous).quantize(TWO_PLACES, ROUND_HALF_UP)
    if previous == 0:
        return None
    return (100 * (current - previous) / previous).quantize(TWO_PLACES, ROUND_HALF_UP)


def describe_change(indicator: Indicator, change: Decimal | None) -> str:
    if change is None:
        return ""
    unit = "个百分点" if indicator.is_rate else "%"
    if change == 0:
        return "持平"
    return f"{'增长' if change > 0 else '下降'}{format_value(abs(change))}{unit}"


class Sheet:
    def __init__(self, ledger: Ledger, issuer: str = "") -> None:
        self.ledger = ledger
        catalogue = load_catalogue()
        self.kind = ledger.kind or catalogue.guess_kind(issuer)
        self.set: IndicatorSet = catalogue.set(self.kind)
        listed = list(self.set.indicators) + list(ledger.custom)
        known = {i.key for i in listed}
        # Figures whose key this kind of ledger does not list are kept and shown, never dropped.
        for key in ledger.entries:
            if key not in known:
                listed.append(catalogue.indicator(key) or Indicator(key, key, "", OTHER_GROUP))
                known.add(key)
        self.indicators: list[Indicator] = listed
        self.by_key = {i.key: i for i in listed}
        self.constraints: tuple[Constraint, ...] = self.set.constraints

    def group_name(self, group_id: str) -> str:
        if group_id == CUSTOM_GROUP:
            return CUSTOM_GROUP_NAME
        group = load_catalogue().groups.get(group_id)
        return group.name if group else "其他"

    @cached_property
    def finder(self) -> FigureFinder:
        """Figures of this sheet's indicators in a text (memoised per text, for one check run)."""
        return FigureFinder(self.indicators)

    @cached_property
    def values(self) -> dict[str, dict[str, Decimal | None]]:
        return {column: self._column(column) for column in (CURRENT, PREVIOUS)}

    def _column(self, column: str) -> dict[str, Decimal | None]:
        typed = self.ledger.column(column)
        result = dict(typed)
        for indicator in self.indicators:
            if indicator.formula is not None and typed.get(indicator.key) is None:
                result[indicator.key] = _rounded(indicator.formula.evaluate(typed))
        return result

    def value(self, key: str, column: str = CURRENT) -> Decimal | None:
        return self.values[column].get(key)

    def rows(self) -> list[Row]:
        typed = self.ledger.column(CURRENT)
        return [
            Row(
                i,
                self.value(i.key),
                self.value(i.key, PREVIOUS),
                i.formula is not None and typed.get(i.key) is None and self.value(i.key) is not None,
            )
            for i in self.indicators
        ]

    def as_dict(self) -> dict[str, object]:
        """The sheet for scripts (``ledger --json``): every indicator with its figures, 同比 and problems."""
        rows = [
            {
                "key": r.indicator.key,
                "name": r.indicator.name,
                "unit": r.indicator.unit,
                "group": self.group_name(r.indicator.group),
                "definition": r.indicator.definition,
                "current": json_number(r.current),
                "previous": json_number(r.previous),
                "computed": r.computed,
                "change": json_number(r.change),
                "change_text": describe_change(r.indicator, r.change),
                "own": r.indicator.custom,
            }
            for r in self.rows()
        ]
        problems = [{"key": p.key, "column": p.column, "message": p.message, "hard": p.hard} for p in self.problems()]
        return {"kind": self.kind, "kind_name": self.set.name, "indicators": rows, "problems": problems}

    def label(self, formula: Formula) -> str:
        """A side of a constraint in words: “受理行政复议案件” or “优秀案卷 + 合格案卷”."""
        text = formula.text
        for key in sorted(formula.keys, key=len, reverse=True):
            indicator = self.by_key.get(key) or load_catalogue().indicator(key)
            text = text.replace(key, f"“{indicator.name}”" if indicator else key)
        return text

    def problems(self) -> list[Problem]:
        found: list[Problem] = []
        for column in (CURRENT, PREVIOUS):
            found += self._rate_problems(column)
            found += self._constraint_problems(column)
        return found

    def _rate_problems(self, column: str) -> list[Problem]:
        typed = self.ledger.column(column)
        found = []
        for indicator in self.indicators:
            value = self.value(indicator.key, column)
            if indicator.is_rate and value is not None and value > 100:
                found.append(
                    Problem(
                        indicator.key,
                        column,
                        f"{COLUMN_NAMES[column]}“{indicator.name}”为"
                        f"{format_value(value)}%，比率不能超过100%，请核对其分子分母。",
                    )
                )
            if indicator.formula is None or typed.get(indicator.key) is None:
                continue
            computed = _rounded(indicator.formula.evaluate(typed))
            if computed is not None and abs(computed - typed[indicator.key]) > RATE_TOLERANCE:
                parts = "、".join(
                    f"“{self.by_key[k].name}”" for k in sorted(indicator.formula.keys) if k in self.by_key
                )
                found.append(
                    Problem(
                        indicator.key,
                        column,
                        f"{COLUMN_NAMES[column]}“{indicator.name}”填的是"
                        f"{format_value(typed[indicator.key])}{indicator.unit}，由{parts}算出的是"
                        f"{format_value(computed)}{indicator.unit}。",
                        hard=False,
                    )
                )
        return found

    def _constraint_problems(self, column: str) -> list[Problem]:
        values = self.values[column]
        found = []
        for constraint in self.constraints:
            left, right = constraint.left.evaluate(values), constraint.right.evaluate(values)
            if left is None or right is None:
                continue
            key = sorted(constraint.left.keys)[0]
            unit = self.by_key[key].unit if key in self.by_key else ""
            where = COLUMN_NAMES[column]
            if constraint.op == "<=" and left > right:
                found.append(
                    Problem(
                        key,
                        column,
                        f"{where}{self.label(constraint.left)}（{format_value(left)}{unit}）"
                        f"大于{self.label(constraint.right)}（{format_value(right)}{unit}），部分不能大于总数。",
                    )
                )
            elif constraint.op == "==" and left != right:
                found.append(
                    Problem(
                        key,
                        column,
                        f"{where}{self.label(constraint.left)}（{format_value(left)}{unit}）"
                        f"与{self.label(constraint.right)}（{format_value(right)}{unit}）应当相等。",
                    )
                )
        return found


def json_number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _rounded(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(TWO_PLACES, ROUND_HALF_UP)
