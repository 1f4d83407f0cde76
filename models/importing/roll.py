"""Roll a report forward to a new year.

The new report keeps last year's skeleton (sections and their headings) and metadata;
years in headings and the title move with it (2023年… → 2024年…, and the 下一年 title
2024年…主要安排 → 2025年…); dates and the 文号 are cleared. Body text is emptied, and
last year's text of each part is kept in ``Node.reference`` to write beside. Last year's
plans (下一步工作打算 / 主要安排) become the new report's checklist, and that part starts
empty: this year's plans are new. The 数据台账 moves one column: last year's 本年 figures become
the new report's 上年 (the kind and the unit's own indicators stay).
"""

from __future__ import annotations

import re
from dataclasses import replace

from models.errors import NianbaoError
from models.ledger.values import rolled
from models.numbering import point_marker, section_marker
from models.report import PARAGRAPH, POINT, SECTION, TABLE, ChecklistItem, Node, Report, valid_year

PLAN_WORDS = ("下一步", "打算", "主要安排", "工作计划", "工作思路", "下一年")
_YEAR = re.compile(r"(?<![0-9])([0-9]{4})(?=\s*年)")


class RollForwardError(NianbaoError):
    pass


def roll_forward(report: Report, year: int) -> Report:
    old = report.meta.year
    if not valid_year(year):
        raise RollForwardError(f"年度应为四位年份，而不是 {year}。")
    if not valid_year(old):
        raise RollForwardError("原报告没有填写年度，请先在报告信息中填写年度再新建下一年度报告。")
    if year <= old:
        raise RollForwardError(f"新报告的年度（{year}）应晚于原报告的年度（{old}）。")
    plans = find_plans(report)
    meta = replace(
        report.meta,
        year=year,
        title=shift_years(report.meta.title, old, year),
        date="",
        printed_on="",
        doc_number="",
        date_typed="",
        printed_on_typed="",
    )
    body = [_roll(node, old, year, node is plans) for node in report.body]
    items = [ChecklistItem(text) for text in plan_texts(plans)] if plans is not None else []
    return Report(meta=meta, body=body, checklist=items, ledger=rolled(report.ledger))


def shift_years(text: str, old: int, new: int) -> str:
    """Move the report year and the year after it (下一年) by the same distance; leave others."""

    def shift(found: re.Match[str]) -> str:
        value = int(found.group(1))
        return str(value + new - old) if value in (old, old + 1) else found.group(1)

    return _YEAR.sub(shift, text)


def find_plans(report: Report) -> Node | None:
    sections = [n for n in report.body if n.kind == SECTION]
    keyed = next((n for n in sections if n.key == "plans"), None)
    return keyed or next((n for n in sections if any(w in n.title for w in PLAN_WORDS)), None)


def plan_texts(plans: Node) -> list[str]:
    """One entry per planned task: a sub-heading with its text, a point, or a paragraph."""
    entries = [full_text(child) for child in plans.children]
    if not entries:
        entries = [line for line in plans.text.split("\n") if line.strip()]
    return [e for e in entries if e.strip()]


def full_text(node: Node, with_title: bool = True) -> str:
    """A node's own words with its descendants', numbered as they read (for reference and checklist)."""
    head = node.title + node.text if with_title and node.kind != PARAGRAPH else node.text
    if node.kind == TABLE and node.table is not None:  # its title, then rows of tab-separated cells
        head = "\n".join(part for part in (node.title, node.table.plain_text()) if part.strip())
    lines = [head]
    for marker, child in _numbered(node.children):
        lines.append(marker + full_text(child))
    return "\n".join(line for line in lines if line.strip())


def _numbered(children: list[Node]) -> list[tuple[str, Node]]:
    result = []
    sections = points = 0
    for child in children:
        if child.kind == SECTION:
            sections += 1
            result.append((section_marker(2, sections), child))
        elif child.kind == POINT:
            points += 1
            result.append((point_marker(points), child))
        else:
            result.append(("", child))
    return result


def _roll(node: Node, old: int, new: int, is_plans: bool) -> Node:
    """The part for the new year; its 科室 (分工) stays, its due date does not."""
    if node.kind != SECTION:
        return Node(PARAGRAPH, key=node.key, reference=full_text(node), unit=node.unit)
    title = shift_years(node.title, old, new)
    if is_plans:  # this year's plans are new; last year's are the checklist
        return Node(SECTION, title=title, key=node.key, reference=full_text(node, with_title=False), unit=node.unit)
    own = [node.text] + [marker + full_text(c) for marker, c in _numbered(node.children) if c.kind != SECTION]
    children = [_roll(c, old, new, False) for c in node.children if c.kind == SECTION]
    return Node(
        SECTION,
        title=title,
        key=node.key,
        children=children,
        unit=node.unit,
        reference="\n".join(t for t in own if t.strip()),
    )
