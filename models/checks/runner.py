"""Run the rules over a report, build findings, apply fixes. Pure functions over a Report."""

from __future__ import annotations

import copy
from bisect import bisect_right
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace

import models.checks.citations as citations
import models.checks.content as content
import models.checks.data as data
import models.checks.genre as genre
import models.checks.hygiene as hygiene
import models.checks.laws as laws
import models.checks.numbering as numbering
import models.checks.numbers as numbers
import models.checks.pages as pages
import models.checks.privacy as privacy
import models.checks.punctuation as punctuation
import models.checks.title as title
import models.checks.typos as typos
import models.checks.years as years
from models.checks.model import ERROR, Context, Finding, Fix, Hit, Place, Rule, Where
from models.checks.structure import build_context
from models.edition import Edition
from models.ledger.refs import has_references, report_has_references, report_sheet, resolved_node, resolved_report
from models.report import META_FIELDS, Node, Report

RULES: tuple[Rule, ...] = (
    *content.RULES,
    *years.RULES,
    *numbering.RULES,
    *punctuation.RULES,
    *numbers.RULES,
    *citations.RULES,
    *genre.RULES,
    *privacy.RULES,
    *data.RULES,
    *laws.RULES,
    *title.RULES,
    *hygiene.RULES,
    *typos.RULES,
    *pages.RULES,
)
RULES_BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}
assert len(RULES_BY_ID) == len(RULES), "duplicate rule id"

RULE_ORDER: dict[str, int] = {rule.id: i for i, rule in enumerate(RULES)}
SPREAD = 3  # paragraphs with the same mechanical fault before it becomes one finding for the report

IgnoreKey = tuple[str, "int | None", str]
_SEVERITY_ORDER = {"错误": 0, "建议": 1}


def run_checks(
    report: Report,
    *,
    edition: Edition = Edition.SUBMIT,
    disabled: Collection[str] = frozenset(),
    ignored: Collection[IgnoreKey] = frozenset(),
) -> list[Finding]:
    """Every finding of every enabled rule, in reading order (report-wide, metadata, then nodes).

    The rules read the text as it is printed: ledger references resolved to their figures."""
    stored, report = report, resolved_report(report)
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
    findings = _drop_ignored(roll_up(_drop_ignored(findings, ignored)), ignored)
    return _sorted(_no_fixes_over_references(findings, stored), report)


def check_node(
    report: Report,
    node: Node,
    *,
    edition: Edition = Edition.SUBMIT,
    disabled: Collection[str] = frozenset(),
    ignored: Collection[IgnoreKey] = frozenset(),
    context: Context | None = None,
) -> list[Finding]:
    """The field rules over one node (the quick re-check after an edit).

    Report-wide rules (statutory parts, 纲要 coverage, dates) are left to :func:`run_checks`.
    Pass ``context`` when re-checking many nodes of an unchanged tree.
    """
    ctx = context or build_context(report, edition)
    shown = resolved_node(node, report_sheet(report)) if has_references(node.text + node.title) else node
    findings = list(_check_node_fields(_field_rules(_active(edition, disabled)), ctx, shown))
    return _no_fixes_over_references(_drop_ignored(findings, ignored), report)


def _no_fixes_over_references(findings: list[Finding], stored: Report) -> list[Finding]:
    """A fix is worked out on the printed text; written back it would turn a live ledger reference
    into a plain number, so a field holding references gets findings without fixes."""
    if not report_has_references(stored):
        return findings
    with_refs = {(n.id, name) for n in stored.walk() for name in ("title", "text") if has_references(getattr(n, name))}
    return [
        replace(f, fix=None, places=tuple(replace(p, fix=None) for p in f.places))
        if (f.node_id, f.field) in with_refs or any((p.node_id, p.field) in with_refs for p in f.places)
        else f
        for f in findings
    ]


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


def _check_field(
    by_field: dict[str, list[Rule]], ctx: Context, node: Node | None, name: str, text: str
) -> Iterable[Finding]:
    if not text:
        return
    where = Where(ctx, name, node)
    found = [f for rule in by_field.get(name, ()) for f in _from_hits(rule, rule.check(text, where), node, name, text)]
    yield from group_places(fold(found, text, where), text)


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
        excerpt = text[hit.start : hit.end]
        yield Finding(
            rule=rule.id,
            severity=hit.severity or rule.severity,
            node_id=node.id if node is not None else None,
            field=name,
            start=hit.start,
            end=hit.end,
            excerpt=excerpt,
            message=hit.message or rule.explanation,
            fix=_fix_for(rule, hit, excerpt),
            family=rule.family,
            source=rule.source,
        )


def _fix_for(rule: Rule, hit: Hit, excerpt: str) -> Fix | None:
    replacement = hit.replacement
    if replacement is None and rule.fix is not None and excerpt:
        replacement = rule.fix(excerpt)
    if replacement is None or replacement == excerpt:
        return None
    return Fix(hit.start, hit.end, replacement)


# --- one finding per span, one per paragraph ---


def fold(findings: list[Finding], text: str, where: Where) -> list[Finding]:
    """One finding per span: B is folded into A when B's characters lie inside A's, A's rule is
    more specific (``Rule.specificity``: a document's title or a 文号 over a paragraph's end or a year
    range, over a half-width mark), and A's fix leaves B's rule nothing to find in what it wrote.
    A keeps its message and fix, lists B's rule in ``folded`` and takes the graver severity."""
    if len(findings) < 2:
        return findings
    ranked = sorted(range(len(findings)), key=lambda i: -RULES_BY_ID[findings[i].rule].specificity)
    gone: set[int] = set()
    folded: dict[int, list[int]] = {}
    for i in ranked:
        winner = findings[i]
        if i in gone or winner.fix is None:
            continue
        level = RULES_BY_ID[winner.rule].specificity
        inside = [
            j
            for j, f in enumerate(findings)
            if j != i
            and j not in gone
            and winner.start <= f.start
            and f.end <= winner.end
            and RULES_BY_ID[f.rule].specificity < level
        ]
        if not inside:
            continue
        fixed = apply_fix(text, winner.fix)
        written = (winner.start, winner.start + len(winner.fix.replacement))
        for j in inside:
            hits = RULES_BY_ID[findings[j].rule].check(fixed, where)
            if not any(h.start < written[1] and written[0] < h.end for h in hits):
                gone.add(j)
                folded.setdefault(i, []).append(j)
    result = []
    for i, finding in enumerate(findings):
        if i in gone:
            continue
        if i in folded:
            losers = [findings[j] for j in folded[i]]
            rules = tuple(dict.fromkeys(r for f in losers for r in (f.rule, *f.folded)))
            severity = ERROR if any(f.severity == ERROR for f in (finding, *losers)) else finding.severity
            finding = replace(finding, folded=finding.folded + rules, severity=severity)
        result.append(finding)
    return result


def group_places(findings: list[Finding], text: str) -> list[Finding]:
    """One finding per paragraph (a line of the field) for the rules that share a ``Rule.group``:
    "本段有 12 处半角标点", its fix rewriting all of them, its places kept for the panel."""
    line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    buckets: dict[tuple[str, int], list[Finding]] = {}
    result: list[Finding] = []
    for finding in findings:
        group = RULES_BY_ID[finding.rule].group
        if group is None:
            result.append(finding)
        else:
            buckets.setdefault((group.key, bisect_right(line_starts, finding.start)), []).append(finding)
    for members in buckets.values():
        result.append(
            members[0] if len(members) == 1 else _grouped(sorted(members, key=lambda f: (f.start, -f.end)), text)
        )
    return result


def _grouped(members: list[Finding], text: str) -> Finding:
    lead = RULES_BY_ID[min((f.rule for f in members), key=RULE_ORDER.__getitem__)]
    group = lead.group
    assert group is not None
    start, end = members[0].start, max(f.end for f in members)
    excerpt = text[start:end]
    replacement = _rewrite(text, members, start, end)
    return Finding(
        rule=lead.id,
        severity=ERROR if any(f.severity == ERROR for f in members) else lead.severity,
        node_id=members[0].node_id,
        field=members[0].field,
        start=start,
        end=end,
        excerpt=excerpt,
        message=f"本段有 {len(members)} 处{group.noun}，{group.advice}",
        fix=Fix(start, end, replacement) if replacement != excerpt else None,
        family=lead.family,
        source=lead.source,
        places=tuple(Place(f.rule, f.node_id, f.field, f.start, f.end, f.excerpt, f.fix) for f in members),
        folded=tuple(dict.fromkeys(r for f in members for r in f.folded)),
    )


def roll_up(findings: list[Finding]) -> list[Finding]:
    """A mechanical fault in ``SPREAD`` or more paragraphs (a scrape or a paste turned the whole
    text half-width) is one finding for the report; its places are the paragraphs, each with the
    fix for all of that paragraph's marks."""
    by_group: dict[str, list[Finding]] = {}
    for finding in findings:
        group = RULES_BY_ID[finding.rule].group if finding.rule in RULES_BY_ID else None
        if group is not None and finding.field != "body":
            by_group.setdefault(group.key, []).append(finding)
    spread = {key: members for key, members in by_group.items() if len(members) >= SPREAD}
    if not spread:
        return findings
    rolled = {id(f) for members in spread.values() for f in members}
    result = [f for f in findings if id(f) not in rolled]
    for members in spread.values():
        lead = RULES_BY_ID[min((f.rule for f in members), key=RULE_ORDER.__getitem__)]
        assert lead.group is not None
        count = sum(len(f.places) or 1 for f in members)
        result.append(
            Finding(
                rule=lead.id,
                severity=ERROR if any(f.severity == ERROR for f in members) else lead.severity,
                node_id=None,
                field="body",
                start=0,
                end=0,
                excerpt="",
                message=f"全文有 {count} 处{lead.group.noun}，分布在 {len(members)} 个段落或标题中，{lead.group.advice}",
                family=lead.family,
                source=lead.source,
                places=tuple(
                    Place(f.rule, f.node_id, f.field, f.start, f.end, f.excerpt, f.fix, f.message, f.places)
                    for f in members
                ),
                folded=tuple(dict.fromkeys(r for f in members for r in f.folded)),
            )
        )
    return result


def _rewrite(text: str, places: list[Finding], start: int, end: int) -> str:
    """``text[start:end]`` with every place's fix applied; a place inside another (a comma inside
    half-width brackets) is fixed first and the outer rule's fix is applied to the result."""
    out, position, i = [], start, 0
    while i < len(places):
        outer = places[i]
        j = i + 1
        while j < len(places) and places[j].start < outer.end:
            j += 1
        # what starts inside ``outer``; one reaching past its end waits for the next check
        inner = [f for f in places[i + 1 : j] if f.end <= outer.end]
        i = j
        fix_of = RULES_BY_ID[outer.rule].fix
        if inner and fix_of is not None:
            rewritten = _rewrite(text, inner, outer.start, outer.end)
            replacement = fix_of(rewritten) or rewritten
        else:
            replacement = outer.fix.replacement if outer.fix else outer.excerpt
        out += [text[position : outer.start], replacement]
        position = outer.end
    out.append(text[position:end])
    return "".join(out)


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
    return text[: fix.start] + fix.replacement + text[fix.end :]


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
        for node_id, name, fix in f.edits():
            if name != "body":
                by_field.setdefault((node_id, name), []).append(fix)
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


def changes_between(before: Report, after: Report) -> list[FieldChange]:
    """The fields ``after`` (``before`` with fixes applied, same node ids) changed."""
    changes = [
        FieldChange(None, f"meta.{name}", old, new)
        for name in META_FIELDS
        if name != "year"  # the only field that is not text; no fix changes it
        if (old := getattr(before.meta, name)) != (new := getattr(after.meta, name))
    ]
    fixed = {n.id: n for n in after.walk() if n.id is not None}
    for node in before.walk():
        twin = fixed.get(node.id) if node.id is not None else None
        for name in ("title", "text"):
            if twin is not None and getattr(node, name) != getattr(twin, name):
                changes.append(FieldChange(node.id, name, getattr(node, name), getattr(twin, name)))
    return changes


def apply_all(report: Report, findings: Iterable[Finding]) -> Report:
    """A copy of ``report`` with the findings' fixes applied (one pass; see planned_changes)."""
    fixed = copy.deepcopy(report)
    apply_changes(fixed, planned_changes(report, findings))
    return fixed


def fix_all(
    report: Report,
    *,
    edition: Edition = Edition.SUBMIT,
    disabled: Collection[str] = frozenset(),
    ignored: Collection[IgnoreKey] = frozenset(),
    max_rounds: int = 50,
) -> Report:
    """Check and fix until no fixable finding is left (overlapping fixes need a second round)."""
    current = report
    for _ in range(max_rounds):
        findings = [f for f in run_checks(current, edition=edition, disabled=disabled, ignored=ignored) if f.fixable]
        changes = planned_changes(current, findings)
        if not changes:
            return current
        current = copy.deepcopy(current)
        apply_changes(current, changes)
    return current
