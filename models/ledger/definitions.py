"""The indicator catalogue: ``resources/ledger/*.toml`` (described in its README.md).

One file per group of indicators, and ``sets.toml`` naming the groups each kind of issuer keeps
(a department, a township, a county, a city, a province). Read once, on first use, and checked
whole: unique keys, known units, formulas and constraints that name only known keys. A unit's
own indicators (:func:`custom_indicator`) are plain counts or amounts without a formula; their keys
start with ``x_``, which no standard key may, so a catalogue grown later never clashes with them.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from models.errors import NianbaoError
from models.fileio import os_error_reason, text_format_fault
from models.ledger.formula import Formula, FormulaError, parse
from models.paths import resource_dir

log = logging.getLogger(__name__)

PERCENT = "%"
AMOUNT_UNITS = ("万元", "元", "亿元", "万")
KEY_PATTERN = re.compile(r"[a-z][a-z0-9_]{1,47}")
OWN_PREFIX = "x_"  # a unit's own keys, so a standard key added later can never take one
CUSTOM_GROUP = "custom"
CUSTOM_GROUP_NAME = "本单位自定义"
OTHER_GROUP = "other"
SETS_FILE = "sets.toml"


class LedgerDefinitionError(NianbaoError):
    pass


@dataclass(frozen=True)
class Indicator:
    key: str
    name: str
    unit: str
    group: str
    definition: str = ""
    source: str = ""
    words: tuple[str, ...] = ()  # how a sentence names it; the name when none are given
    formula: Formula | None = None
    custom: bool = False  # the unit's own, stored with the report

    @property
    def is_rate(self) -> bool:
        return self.unit == PERCENT

    @property
    def whole(self) -> bool:
        """Counted in whole things (件, 次, 人次…): rates and amounts may have decimals."""
        return not self.is_rate and self.unit not in AMOUNT_UNITS

    @property
    def names(self) -> tuple[str, ...]:
        return self.words or (self.name,)


@dataclass(frozen=True)
class Constraint:
    left: Formula
    op: str  # "<=" or "=="
    right: Formula
    group: str

    @property
    def keys(self) -> frozenset[str]:
        return self.left.keys | self.right.keys


@dataclass(frozen=True)
class Group:
    id: str
    name: str
    order: int
    indicators: tuple[Indicator, ...]
    constraints: tuple[Constraint, ...] = ()


@dataclass(frozen=True)
class IndicatorSet:
    id: str
    name: str
    words: tuple[str, ...]  # an issuer whose name has one of these gets this set
    groups: tuple[Group, ...]

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        return tuple(i for g in self.groups for i in g.indicators)

    @property
    def constraints(self) -> tuple[Constraint, ...]:
        return tuple(c for g in self.groups for c in g.constraints)


@dataclass(frozen=True)
class Catalogue:
    groups: dict[str, Group]
    sets: tuple[IndicatorSet, ...]

    def set(self, kind: str) -> IndicatorSet:
        for candidate in self.sets:
            if candidate.id == kind:
                return candidate
        names = "、".join(f"{s.id}（{s.name}）" for s in self.sets)
        raise LedgerDefinitionError(f"没有“{kind}”这类台账，可选的有：{names}。")

    def guess_kind(self, issuer: str) -> str:
        """The set whose longest word the issuer's name contains; the first set otherwise."""
        best, length = self.sets[0].id, 0
        for candidate in self.sets:
            for word in candidate.words:
                if word in issuer and len(word) > length:
                    best, length = candidate.id, len(word)
        return best

    def indicator(self, key: str) -> Indicator | None:
        for group in self.groups.values():
            for indicator in group.indicators:
                if indicator.key == key:
                    return indicator
        return None


def ledger_dir() -> Path:
    return resource_dir() / "ledger"


@lru_cache(maxsize=4)
def load_catalogue(folder: Path | None = None) -> Catalogue:
    folder = folder or ledger_dir()
    groups: dict[str, Group] = {}
    for path in sorted(folder.glob("*.toml")):
        if path.name != SETS_FILE:
            group = _read_group(path)
            if group.id in groups:
                raise LedgerDefinitionError(f"台账定义文件 {path.name}：分组“{group.id}”重复。")
            groups[group.id] = group
    _check_keys(groups)
    sets = _read_sets(folder / SETS_FILE, groups)
    return Catalogue(dict(sorted(groups.items(), key=lambda item: item[1].order)), sets)


def _load_toml(path: Path) -> dict:
    import tomllib  # on first use: the catalogue is read only when a ledger is shown or checked

    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise LedgerDefinitionError(f"无法读取台账定义文件 {path}：{os_error_reason(exc)}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        log.warning("ledger definition %s: %s", path, exc)
        raise LedgerDefinitionError(f"台账定义文件 {path.name} 格式有误：{text_format_fault(exc)}") from exc


def _read_group(path: Path) -> Group:
    data = _load_toml(path)
    try:
        head = data["group"]
        group_id = str(head["id"])
        indicators = tuple(_indicator(entry, group_id) for entry in data.get("indicators", []))
        constraints = tuple(_constraint(entry, group_id) for entry in data.get("constraints", []))
        return Group(group_id, str(head["name"]), int(head.get("order", 0)), indicators, constraints)
    except KeyError as exc:
        raise LedgerDefinitionError(f"台账定义文件 {path.name} 缺少字段“{exc.args[0]}”。") from exc
    except (FormulaError, LedgerDefinitionError, TypeError, ValueError) as exc:
        raise LedgerDefinitionError(f"台账定义文件 {path.name} 有误：{exc}") from exc


def _indicator(data: dict, group: str) -> Indicator:
    key = str(data["key"])
    if not KEY_PATTERN.fullmatch(key):
        raise LedgerDefinitionError(f"指标代码“{key}”只能用小写字母、数字和下划线，以字母开头。")
    if key.startswith(OWN_PREFIX):
        raise LedgerDefinitionError(f"指标代码“{key}”以 {OWN_PREFIX} 开头：这个前缀留给各单位自己的指标。")
    unit = str(data["unit"]).strip()
    if not unit:
        raise LedgerDefinitionError(f"指标“{key}”没有写单位。")
    formula = parse(str(data["formula"])) if "formula" in data else None
    return Indicator(
        key=key,
        name=str(data["name"]),
        unit=unit,
        group=group,
        definition=str(data.get("definition", "")),
        source=str(data.get("source", "")),
        words=tuple(str(w) for w in data.get("words", ())),
        formula=formula,
    )


def _constraint(data: dict, group: str) -> Constraint:
    op = str(data.get("op", "<="))
    if op not in ("<=", "=="):
        raise LedgerDefinitionError(f"约束的 op 只能是 <= 或 ==，而不是“{op}”。")
    return Constraint(parse(str(data["left"])), op, parse(str(data["right"])), group)


def _check_keys(groups: dict[str, Group]) -> None:
    known: set[str] = set()
    for group in groups.values():
        for indicator in group.indicators:
            if indicator.key in known:
                raise LedgerDefinitionError(f"台账定义中指标代码“{indicator.key}”重复。")
            known.add(indicator.key)
    for group in groups.values():
        used = [k for i in group.indicators if i.formula for k in i.formula.keys]
        used += [k for c in group.constraints for k in c.keys]
        unknown = sorted(set(used) - known)
        if unknown:
            raise LedgerDefinitionError(f"台账分组“{group.name}”的公式或约束用了不存在的指标：{'、'.join(unknown)}。")


def _read_sets(path: Path, groups: dict[str, Group]) -> tuple[IndicatorSet, ...]:
    data = _load_toml(path)
    sets = []
    try:
        for entry in data["sets"]:
            missing = [g for g in entry["groups"] if g not in groups]
            if missing:
                raise LedgerDefinitionError(f"台账类型“{entry['id']}”列出了不存在的分组：{'、'.join(missing)}。")
            chosen = sorted((groups[g] for g in entry["groups"]), key=lambda g: g.order)
            sets.append(
                IndicatorSet(str(entry["id"]), str(entry["name"]), tuple(entry.get("words", ())), tuple(chosen))
            )
    except KeyError as exc:
        raise LedgerDefinitionError(f"台账定义文件 {path.name} 缺少字段“{exc.args[0]}”。") from exc
    if not sets:
        raise LedgerDefinitionError(f"台账定义文件 {path.name} 没有列出任何台账类型。")
    return tuple(sets)


def custom_indicator(key: str, name: str, unit: str, definition: str = "") -> Indicator:
    """A unit's own indicator, checked like a catalogue one (no formula)."""
    key, name, unit = key.strip(), name.strip(), unit.strip()
    if not KEY_PATTERN.fullmatch(key) or not key.startswith(OWN_PREFIX):
        raise LedgerDefinitionError(
            f"本单位指标的代码应以 {OWN_PREFIX} 开头，只用小写字母、数字和下划线，"
            f"如 {OWN_PREFIX}river_patrols；“{key}”不行。"
        )
    if not name:
        raise LedgerDefinitionError(f"指标“{key}”需要一个中文名称。")
    if not unit:
        raise LedgerDefinitionError(f"指标“{name}”需要写单位，如 件、次、%、万元。")
    return Indicator(key=key, name=name, unit=unit, group=CUSTOM_GROUP, definition=definition.strip(), custom=True)
