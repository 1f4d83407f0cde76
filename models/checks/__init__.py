"""体检: offline checks against the 督察规定 and the national writing norms, with fixes.

Use :func:`run_checks` for a whole report, :func:`check_node` for a quick re-check of one
edited node, and :func:`apply_all` / :func:`fix_all` to apply fixes. Pure functions, no Qt.
"""

from __future__ import annotations

from models.checks.model import ADVICE, ERROR, FAMILIES, Finding, Fix, Rule
from models.checks.runner import (
    RULES,
    RULES_BY_ID,
    FieldChange,
    apply_all,
    apply_changes,
    apply_fix,
    changes_between,
    check_node,
    fix_all,
    planned_changes,
    run_checks,
)
from models.checks.structure import coverage_table

__all__ = [
    "ADVICE",
    "ERROR",
    "FAMILIES",
    "RULES",
    "RULES_BY_ID",
    "FieldChange",
    "Finding",
    "Fix",
    "Rule",
    "apply_all",
    "apply_changes",
    "apply_fix",
    "changes_between",
    "check_node",
    "coverage_table",
    "fix_all",
    "planned_changes",
    "run_checks",
]
