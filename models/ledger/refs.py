"""Live references to ledger figures in the body text: ``{{ledger:KEY}}`` (本年) or
``{{ledger:KEY:previous}}`` (上年), stored in the node's text as typed ASCII.

The stored text keeps the reference, so it survives the library, revisions and the interchange
JSON unchanged, and a change to the ledger reaches every sentence that uses it. Everything that
reads the text as prose — export, 体检, 字数 — sees it resolved: the figure with its unit
(``35件``, ``99.5%``), or ``【待填：名称】`` when the ledger has no value for it yet.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from models.ledger.definitions import LedgerDefinitionError
from models.ledger.values import CURRENT, PREVIOUS, format_value

if TYPE_CHECKING:
    from models.ledger.sheet import Sheet
    from models.report import Node, Report

TOKEN = re.compile(r"\{\{ledger:(?P<key>[a-z][a-z0-9_]{1,47})(?::(?P<column>previous))?\}\}")
MISSING = re.compile(r"【待填：(?P<name>[^】\n]{1,40})】")  # what an unfilled reference shows
MARK = "{{ledger:"  # a cheap test before the pattern runs


@dataclass(frozen=True)
class Reference:
    start: int
    end: int
    key: str
    column: str  # CURRENT or PREVIOUS

    @property
    def token(self) -> str:
        return token(self.key, self.column)


def token(key: str, column: str = CURRENT) -> str:
    return f"{{{{ledger:{key}{':previous' if column == PREVIOUS else ''}}}}}"


def find_references(text: str) -> Iterator[Reference]:
    if MARK not in text:
        return
    for m in TOKEN.finditer(text):
        yield Reference(m.start(), m.end(), m.group("key"), PREVIOUS if m.group("column") else CURRENT)


def has_references(text: str) -> bool:
    return MARK in text and TOKEN.search(text) is not None


def shown_value(sheet: Sheet | None, key: str, column: str = CURRENT) -> str:
    """The figure as the sentence prints it (``35件``, ``99.5%``); ``【待填：名称】`` when unknown."""
    indicator = sheet.by_key.get(key) if sheet is not None else None
    value = sheet.value(key, column) if sheet is not None else None
    if indicator is None or value is None:
        name = indicator.name if indicator is not None else _catalogue_name(key)
        return f"【待填：{name}{'（上年）' if column == PREVIOUS else ''}】"
    return f"{format_value(value)}{indicator.unit}"


def _catalogue_name(key: str) -> str:
    from models.ledger.definitions import load_catalogue

    try:
        indicator = load_catalogue().indicator(key)
    except LedgerDefinitionError:
        return key
    return indicator.name if indicator is not None else key


def resolve_text(text: str, sheet: Sheet | None) -> str:
    """``text`` with every reference replaced by the figure it shows."""
    if MARK not in text:
        return text
    return TOKEN.sub(lambda m: shown_value(sheet, m.group("key"), PREVIOUS if m.group("column") else CURRENT), text)


def report_sheet(report: Report) -> Sheet | None:
    """The report's ledger laid out; None for a kind this program does not know."""
    from models.ledger.sheet import Sheet

    try:
        return Sheet(report.ledger, report.meta.issuer)
    except LedgerDefinitionError:
        return None


def report_has_references(report: Report) -> bool:
    return any(has_references(node.text) or has_references(node.title) for node in report.walk())


def resolved_report(report: Report) -> Report:
    """A copy whose titles and texts show the figures (export, 体检); the same report when it has
    no references. Node ids are kept, so findings on the copy point into the original."""
    if not report_has_references(report):
        return report
    sheet = report_sheet(report)
    result = copy.copy(report)
    result.body = [resolved_node(node, sheet) for node in report.body]
    return result


def resolved_node(node: Node, sheet: Sheet | None) -> Node:
    result = copy.copy(node)
    result.title = resolve_text(node.title, sheet)
    result.text = resolve_text(node.text, sheet)
    result.children = [resolved_node(child, sheet) for child in node.children]
    return result
