"""A report's figures: 本年 and 上年 per indicator key, the kind of ledger, the unit's own indicators.

Values are ``Decimal`` (never float: 99.56 stays 99.56). :func:`parse_value` is the one door a
typed figure goes through; it refuses text, negative numbers, fractions of a count and rates
over 100% with a Chinese message, so a bad value never reaches the ledger.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from models.errors import NianbaoError

if TYPE_CHECKING:  # not at run time: models.report imports this module on the start path
    from models.ledger.definitions import Indicator

CURRENT, PREVIOUS = "current", "previous"
COLUMN_NAMES = {CURRENT: "本年", PREVIOUS: "上年"}
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
_TYPED_JUNK = str.maketrans(
    {"，": "", ",": "", " ": "", "\u3000": "", "％": "%", "．": ".", **{chr(0xFF10 + d): str(d) for d in range(10)}}
)
MAX_DIGITS = 15  # figures beyond this are typing accidents, and SQLite text keeps them exactly anyway


class LedgerValueError(NianbaoError):
    pass


@dataclass
class LedgerEntry:
    current: Decimal | None = None
    previous: Decimal | None = None

    def get(self, column: str) -> Decimal | None:
        return self.current if column == CURRENT else self.previous

    @property
    def empty(self) -> bool:
        return self.current is None and self.previous is None


@dataclass
class Ledger:
    kind: str = ""  # the indicator set (sets.toml); "" = chosen by the issuer's name
    entries: dict[str, LedgerEntry] = field(default_factory=dict)
    custom: list[Indicator] = field(default_factory=list)  # the unit's own, in the order added

    @property
    def empty(self) -> bool:
        return not self.kind and not self.custom and all(e.empty for e in self.entries.values())

    def get(self, key: str, column: str = CURRENT) -> Decimal | None:
        entry = self.entries.get(key)
        return entry.get(column) if entry else None

    def column(self, column: str) -> dict[str, Decimal | None]:
        return {key: entry.get(column) for key, entry in self.entries.items()}

    def set(self, key: str, column: str, value: Decimal | None) -> None:
        entry = self.entries.setdefault(key, LedgerEntry())
        setattr(entry, column, value)
        if entry.empty:
            del self.entries[key]


def rolled(ledger: Ledger) -> Ledger:
    """Next year's ledger: this year's figures become 上年; the kind and own indicators stay."""
    entries = {
        key: LedgerEntry(previous=entry.current) for key, entry in ledger.entries.items() if entry.current is not None
    }
    return Ledger(kind=ledger.kind, entries=entries, custom=list(ledger.custom))


def parse_value(text: str, indicator: Indicator) -> Decimal | None:
    """What a clerk typed, as a figure of ``indicator``; "" clears it."""
    cleaned = text.translate(_TYPED_JUNK)
    if indicator.is_rate:
        cleaned = cleaned.removesuffix("%")
    elif indicator.unit and cleaned.endswith(indicator.unit):
        cleaned = cleaned.removesuffix(indicator.unit)
    if not cleaned:
        return None
    label = f"“{indicator.name}”"
    if not _NUMBER.fullmatch(cleaned):
        raise LedgerValueError(f"{label}应填数字，“{text.strip()}”不是数字。")
    try:
        value = Decimal(cleaned)
    except InvalidOperation as exc:  # pragma: no cover - the pattern admits only numbers
        raise LedgerValueError(f"{label}应填数字，“{text.strip()}”不是数字。") from exc
    return check_value(value, indicator)


def check_value(value: Decimal, indicator: Indicator) -> Decimal:
    """The same rules for a figure from a file (interchange JSON, the library)."""
    label = f"“{indicator.name}”"
    if not value.is_finite() or len(value.as_tuple().digits) > MAX_DIGITS:
        raise LedgerValueError(f"{label}的数值 {value} 位数太多，请核对。")
    if value < 0:
        raise LedgerValueError(f"{label}不能是负数（填了 {format_value(value)}）。")
    if indicator.whole and value != value.to_integral_value():
        raise LedgerValueError(f"{label}以“{indicator.unit}”计，应为整数（填了 {format_value(value)}）。")
    if indicator.is_rate and value > 100:
        raise LedgerValueError(f"{label}是比率，不能超过100%（填了 {format_value(value)}%）。")
    return Decimal(int(value)) if value == value.to_integral_value() else value


def format_value(value: Decimal | None) -> str:
    """A figure as it is written: no exponent, no trailing zeros (35, 99.6)."""
    if value is None:
        return ""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
