"""Run the rules over a report, build findings, apply fixes. Pure functions over a Report."""

from __future__ import annotations

import copy
from collections.abc import Collection, Iterable
from dataclasses import dataclass

import models.checks.citations as citations
import models.checks.content as content
import models.checks.genre as genre
import models.checks.hygiene as hygiene
import models.checks.laws as laws
import models.checks.numbering as numbering
import models.checks.numbers as numbers
import models.checks.privacy as privacy
import models.checks.punctuation as punctuation
import models.checks.title as title
import models.checks.typos as typos
import models.checks.years as years
from models.checks.model import Context, Finding, Fix, Hit, Rule, Where
from models.checks.structure import build_context
from models.edition import Edition
from models.report import Node, Report

RULES: tuple[Rule, ...] = (
    *content.RULES, *years.RULES, *numbering.RULES, *punctuation.RULES,
    *numbers.RULES, *citations.RULES, *genre.RULES, *privacy.RULES,
    *laws.RULES, *title.RULES, *hygiene.RULES, *typos.RULES,
)
RULES_BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}
assert len(RULES_BY_ID) == len(RULES), "duplicate rule id"

IgnoreKey = tuple[str, "int | None", str]
_SEVERITY_ORDER = {"错误": 0, "建议": 1}


def run_checks(report: Report, *, edition: Edition = Edition.SUBMIT, disabled: Collection[str] = frozenset(),
               ignored: Collection[IgnoreKey] = frozenset()) -> list[Finding]:
    """Every finding of every enabled rule, in reading order (report-wide, metadata, then nodes)."""
    ctx = build_context(report, edition)
    rules = _active(edition, disabled)
    by_field = _field_rules(rules)
    findings: list[Finding] = []
    for rule in rules:
        if rule.scope == "report":
            findings.extend(_from_report_hits(rule, rule.check(report, ctx), report))
    for name in sorted(f for f in by_field if f.startswith("meta.")):
        findings.extend(_check_field(by_field, ctx, None, name, _meta_value(report, name)))
    for node in report.walk():
        findings.extend(_check_node_fields(by_field, ctx, node))
    return _sorted(_drop_ignored(findings, ignored), report)


def check_node(report: Report, node: Node, *, edition: Edition = Edition.SUBMIT, disabled: Collection[str] = frozenset(),
               ignored: Collection[IgnoreKey] = frozenset(), context: Context | None = None) -> list[Finding]:
    """The field rules over one node (the quick re-check after an edit).

    Report-wide rules (statutory parts, 纲要 coverage, dates) are left to :func:`run_checks`.
    Pass ``context`` when re-checking many nodes of an unchanged tree.
    """
    ctx = context or build_context(report, edition)
    findings = list(_check_node_fields(_field_rules(_active(edition, disabled)), ctx, node))
    return _drop_ignored(findings, ignored)


def _active(edition: str, disabled: Collection[str]) -> list[Rule]:
    return [r for r in RULES if edition in r.editions and r.id not in disabled]


def _field_rules(rules: list[Rule]) -> dict[str, list[Rule]]:
    by_field: dict[str, list[Rule]] = {}
    for rule in rules:
        if rule.scope == "field":
            for name in rule.fields:
                by_field.setdefault(name, []).append(rule)
    return by_field


def _check_node_fields(by_field: dict[str, list[Rule]], ctx: Context, node: Node) -> Iterable[Finding]:
    yield from _check_field(by_field, ctx, node, "title", node.title)
    yield from _check_field(by_field, ctx, node, "text", node.text)


def _check_field(by_field: dict[str, list[Rule]], ctx: Context, node: Node | None, name: str,
                 text: str) -> Iterable[Finding]:
    if not text:
        return
    where = Where(ctx, name, node)
    for rule in by_field.get(name, ()):
        yield from _from_hits(rule, rule.check(text, where), node, name, text)


def _from_report_hits(rule: Rule, hits: Iterable[Hit], report: Report) -> Iterable[Finding]:
    for hit in hits:
        name = hit.field or "body"
        if hit.node is not None:
            text = getattr(hit.node, name)
        else:
            text = _meta_value(report, name) if name.startswith("meta.") else ""
        yield from _from_hits(rule, (hit,), hit.node, name, text)


def _from_hits(rule: Rule, hits: Iterable[Hit], node: Node | None, name: str, text: str) -> Iterable[Finding]:
    for hit in hits:
        excerpt = text[hit.start:hit.end]
        yield Finding(
            rule=rule.id, severity=rule.severity, node_id=node.id if node is not None else None,
            field=name, start=hit.start, end=hit.end, excerpt=excerpt,
            message=hit.message or rule.explanation, fix=_fix_for(rule, hit, excerpt),
            family=rule.family, source=rule.source,
        )


def _fix_for(rule: Rule, hit: Hit, excerpt: str) -> Fix | None:
    replacement = hit.replacement
    if replacement is None and rule.fix is not None and excerpt:
        replacement = rule.fix(excerpt)
    if replacement is None or replacement == excerpt:
        return None
    return Fix(hit.start, hit.end, replacement)


def _meta_value(report: Report, name: str) -> str:
    value = getattr(report.meta, name.removeprefix("meta."), "")
    return value if isinstance(value, str) else str(value)


def _drop_ignored(findings: list[Finding], ignored: Collection[IgnoreKey]) -> list[Finding]:
    if not ignored:
        return findings
    keys = set(ignored)
    return [f for f in findings if f.ignore_key not in keys]


def _sorted(findings: list[Finding], report: Report) -> list[Finding]:
    order = {node.id: i for i, node in enumerate(report.walk()) if node.id is not None}

    def key(f: Finding) -> tuple:
        place = -2 if f.field == "body" else (-1 if f.node_id is None else order.get(f.node_id, 0))
        return (place, f.field, f.start, _SEVERITY_ORDER.get(f.severity, 2), f.rule)
    return sorted(findings, key=key)


# --- fixes ---

def apply_fix(text: str, fix: Fix) -> str:
    return text[:fix.start] + fix.replacement + text[fix.end:]


@dataclass(frozen=True)
class FieldChange:
    """The new value of one field; the UI turns each into one undoable edit."""

    node_id: int | None
    field: str
    old: str
    new: str


def planned_changes(report: Report, findings: Iterable[Finding]) -> list[FieldChange]:
    """Apply the findings' fixes per field, right to left; a fix overlapping one already
    taken in the same field is skipped (re-check and apply again to pick it up)."""
    by_field: dict[tuple[int | None, str], list[Fix]] = {}
    for f in findings:
        if f.fix is not None and f.field != "body":
            by_field.setdefault((f.node_id, f.field), []).append(f.fix)
    changes = []
    for (node_id, name), fixes in by_field.items():
        old = _current(report, node_id, name)
        if old is None:
            continue
        new = old
        taken_start = len(old) + 1
        for fix in sorted(set(fixes), key=lambda x: (x.start, -x.end), reverse=True):
            if fix.end <= taken_start and fix.end <= len(old):
                new, taken_start = apply_fix(new, fix), fix.start
        if new != old:
            changes.append(FieldChange(node_id, name, old, new))
    return changes


def _current(report: Report, node_id: int | None, name: str) -> str | None:
    if node_id is None:
        return _meta_value(report, name) if name.startswith("meta.") else None
    node = next((n for n in report.walk() if n.id == node_id), None)
    return getattr(node, name) if node is not None and name in ("title", "text") else None


def apply_changes(report: Report, changes: Iterable[FieldChange]) -> None:
    """Write the changes into ``report`` (in place)."""
    nodes = {n.id: n for n in report.walk() if n.id is not None}
    for change in changes:
        if change.node_id is None:
            setattr(report.meta, change.field.removeprefix("meta."), change.new)
        elif change.node_id in nodes:
            setattr(nodes[change.node_id], change.field, change.new)


def apply_all(report: Report, findings: Iterable[Finding]) -> Report:
    """A copy of ``report`` with the findings' fixes applied (one pass; see planned_changes)."""
    fixed = copy.deepcopy(report)
    apply_changes(fixed, planned_changes(report, findings))
    return fixed


def fix_all(report: Report, *, edition: Edition = Edition.SUBMIT, disabled: Collection[str] = frozenset(),
            ignored: Collection[IgnoreKey] = frozenset(), max_rounds: int = 50) -> Report:
    """Check and fix until no fixable finding is left (overlapping fixes need a second round)."""
    current = report
    for _ in range(max_rounds):
        findings = [f for f in run_checks(current, edition=edition, disabled=disabled, ignored=ignored) if f.fix]
        changes = planned_changes(current, findings)
        if not changes:
            return current
        current = copy.deepcopy(current)
        apply_changes(current, changes)
    return current
