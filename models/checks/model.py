"""The vocabulary of 体检: rules, the hits they report and the findings the engine builds.

A rule is either a *field* rule (``check(text, where)`` over one text field of a node or
of the metadata) or a *report* rule (``check(report, ctx)`` over the whole report, each hit
naming its node and field). A hit is a span; the engine turns it into a :class:`Finding`
with the excerpt cut from the field and, where the rule offers one, a precise :class:`Fix`.
Nothing here does I/O or knows about Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from models.edition import Edition
from models.report import Node, Report

ERROR = "错误"  # the rule comes from a 条例 or 国标 clause
ADVICE = "建议"  # "一般/推荐" practice, a reminder, or a heuristic

BOTH_EDITIONS = frozenset(Edition)

FAMILIES: dict[str, str] = {
    "content": "法定内容",
    "years": "年份与期限",
    "numbering": "层次序数",
    "punctuation": "标点符号",
    "numbers": "数字与日期",
    "citations": "文号与引文",
    "genre": "文种与用语",
    "privacy": "公开前检查",
}

# Node fields are "title"/"text"; metadata fields are "meta.<name>".
NODE_FIELDS = frozenset({"title", "text"})
META_TEXT_FIELDS = frozenset({"meta.title", "meta.recipients", "meta.note", "meta.cc"})
PROSE_FIELDS = NODE_FIELDS | META_TEXT_FIELDS


@dataclass(frozen=True)
class Fix:
    """Replace ``[start, end)`` of the finding's field with ``replacement``."""

    start: int
    end: int
    replacement: str

    def as_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "replacement": self.replacement}


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    node_id: int | None  # None: the metadata or the report as a whole
    field: str  # "title" | "text" | "meta.date" | … | "body" (report-wide, no span)
    start: int
    end: int
    excerpt: str  # the offending text itself
    message: str
    fix: Fix | None = None
    family: str = ""
    source: str = ""

    @property
    def ignore_key(self) -> tuple[str, int | None, str]:
        """What an ignore remembers: stable across edits elsewhere in the report."""
        return (self.rule, self.node_id, self.excerpt)

    def as_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule, "severity": self.severity, "node_id": self.node_id, "field": self.field,
            "start": self.start, "end": self.end, "excerpt": self.excerpt, "message": self.message,
            "fix": self.fix.as_dict() if self.fix else None, "family": self.family, "source": self.source,
        }


@dataclass(frozen=True)
class Hit:
    """A rule's raw report. ``replacement`` overrides the rule's excerpt-based fix."""

    start: int
    end: int
    message: str = ""
    replacement: str | None = None
    node: Node | None = None  # report rules: where (None = metadata or whole report)
    field: str = ""  # report rules: which field ("body" when there is no span)


@dataclass
class Context:
    """Facts about the report that field rules need: year, edition, which part a node is in."""

    report: Report
    edition: Edition
    year: int
    part_of: dict[int, int] = field(default_factory=dict)  # id(node) → statutory part 0–5
    depth_of: dict[int, int] = field(default_factory=dict)  # id(node) → 1 for top level


@dataclass(frozen=True)
class Where:
    """Where a field rule is looking."""

    ctx: Context
    field: str
    node: Node | None = None

    @property
    def part(self) -> int:
        return self.ctx.part_of.get(id(self.node), 0) if self.node is not None else 0

    @property
    def depth(self) -> int:
        return self.ctx.depth_of.get(id(self.node), 0) if self.node is not None else 0

    @property
    def kind(self) -> str:
        return self.node.kind if self.node is not None else "meta"


FieldCheck = Callable[[str, Where], Iterable[Hit]]
ReportCheck = Callable[[Report, Context], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    id: str
    family: str
    severity: str
    source: str
    explanation: str
    check: Callable[..., Iterable[Hit]]
    scope: str = "field"  # "field" or "report"
    fields: frozenset[str] = PROSE_FIELDS
    fix: Callable[[str], str | None] | None = None  # excerpt → replacement
    editions: frozenset[Edition] = BOTH_EDITIONS
    fixes_in_hits: bool = False  # the check itself supplies replacements

    @property
    def fixable(self) -> bool:
        return self.fix is not None or self.fixes_in_hits
