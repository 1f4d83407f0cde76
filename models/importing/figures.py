"""Figures an imported report states, proposed for its 数据台账 (for the import preview to confirm).

The imported text is usually last year's report: its figures are that year's 本年, and become the
next report's 上年 through roll-forward. Nothing is written into the ledger here; the preview shows
the proposals and :func:`models.ledger.extract.accept` fills in those the clerk confirms.
Figures in the 下一年度安排 part are targets, not results, and are left out.
"""

from __future__ import annotations

from models.importing.roll import find_plans
from models.ledger.definitions import LedgerDefinitionError
from models.ledger.extract import Proposal, propose
from models.ledger.sheet import Sheet
from models.report import Report


def propose_figures(report: Report) -> list[Proposal]:
    try:
        sheet = Sheet(report.ledger, report.meta.issuer)
    except LedgerDefinitionError:
        return []
    plans = find_plans(report)
    skipped = {id(node) for node in plans.walk()} if plans is not None else set()
    texts = [text for node in report.walk() if id(node) not in skipped for text in (node.title, node.text) if text]
    return propose(texts, sheet.indicators)
