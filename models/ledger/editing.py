"""Changing a report's ledger from typed text (the command line; the 数据台账 page will use it too).

All changes are parsed and checked on a copy first; the copy is returned only when every figure
is acceptable and no new hard problem (a part larger than its total, a rate over 100%) appears,
so a bad value changes nothing.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from models.errors import NianbaoError
from models.ledger.definitions import Indicator, LedgerDefinitionError, custom_indicator, load_catalogue
from models.ledger.sheet import Problem, Sheet
from models.ledger.values import Ledger, LedgerValueError, parse_value


class LedgerEditError(NianbaoError):
    pass


@dataclass
class LedgerChanges:
    kind: str | None = None
    own: list[tuple[str, str, str]] = field(default_factory=list)  # (key, name, unit) to add
    figures: list[tuple[str, str, str]] = field(default_factory=list)  # (column, key, typed text)


def split_assignment(text: str) -> tuple[str, str]:
    """``KEY=VALUE`` as typed after --set."""
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise LedgerEditError(f"“{text}”应写成 指标代码=数值，如 recon_received=35。")
    return key.strip(), value.strip()


def split_own(text: str) -> tuple[str, str, str]:
    """``x_KEY=名称/单位`` as typed after --add: (key, name, unit)."""
    key, label = split_assignment(text)
    name, sep, unit = label.rpartition("/")
    if not sep or not name.strip() or not unit.strip():
        raise LedgerEditError(f"“{text}”应写成 指标代码=名称/单位，如 x_river_patrols=河道巡查/次。")
    return key, name.strip(), unit.strip()


def apply_changes(ledger: Ledger, issuer: str, changes: LedgerChanges) -> tuple[Ledger, list[Problem]]:
    """The changed ledger and its remaining soft problems (warnings); raises on anything bad."""
    changed = copy.deepcopy(ledger)
    try:
        if changes.kind is not None:
            changed.kind = load_catalogue().set(changes.kind).id if changes.kind else ""
        for key, name, unit in changes.own:
            if any(i.key == key for i in changed.custom):
                raise LedgerEditError(f"本单位已有代码为“{key}”的指标。")
            changed.custom.append(custom_indicator(key, name, unit))
        for column, key, text in changes.figures:
            changed.set(key, column, parse_value(text, _indicator(changed, issuer, key)))
    except (LedgerDefinitionError, LedgerValueError) as exc:
        raise LedgerEditError(str(exc)) from exc
    before = {p.message for p in Sheet(ledger, issuer).problems()}
    problems = Sheet(changed, issuer).problems()
    new_hard = [p for p in problems if p.hard and p.message not in before]
    if new_hard:
        raise LedgerEditError("；".join(p.message.rstrip("。") for p in new_hard) + "。")
    return changed, [p for p in problems if not p.hard]


def _indicator(ledger: Ledger, issuer: str, key: str) -> Indicator:
    sheet = Sheet(ledger, issuer)
    indicator = sheet.by_key.get(key) or load_catalogue().indicator(key)
    if indicator is None or not indicator.unit:
        raise LedgerEditError(
            f"台账中没有代码为“{key}”的指标。用 ledger 报告编号 列出全部指标；本单位自己的指标先用 --add 添加。"
        )
    return indicator
