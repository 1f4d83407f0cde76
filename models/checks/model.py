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
    "wording": "用字与网页残留",
    "data": "数据台账",
    "privacy": "公开前检查",
    "layout": "版面",
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
class Place:
    """One of the places a grouped finding stands for: each mark of "本段有 12 处半角标点", or
    each paragraph of "全文 9 段共有 60 处半角标点" (then ``message`` says what is wrong there)."""

    rule: str
    node_id: int | None
    field: str
    start: int
    end: int
    excerpt: str
    fix: Fix | None = None
    message: str = ""
    places: tuple[Place, ...] = ()  # a paragraph of a finding for the whole report: its marks

    def as_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "node_id": self.node_id,
            "field": self.field,
            "start": self.start,
            "end": self.end,
            "excerpt": self.excerpt,
            "fix": self.fix.as_dict() if self.fix else None,
            "message": self.message,
            "places": [p.as_dict() for p in self.places],
        }


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
    places: tuple[Place, ...] = ()  # a grouped finding: its places, each with its own fix
    folded: tuple[str, ...] = ()  # rules that hit these characters too; this finding's fix covers them

    @property
    def fixable(self) -> bool:
        return bool(self.edits())

    def edits(self) -> list[tuple[int | None, str, Fix]]:
        """What fixing this finding changes: its own fix, or (a finding for the whole report) each
        place's fix in that place's field."""
        if self.fix is not None:
            return [(self.node_id, self.field, self.fix)]
        return [(p.node_id, p.field, p.fix) for p in self.places if p.fix is not None and p.field != "body"]

    @property
    def ignore_key(self) -> tuple[str, int | None, str]:
        """What an ignore remembers: stable across edits elsewhere in the report."""
        return (self.rule, self.node_id, self.excerpt)

    def as_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "node_id": self.node_id,
            "field": self.field,
            "start": self.start,
            "end": self.end,
            "excerpt": self.excerpt,
            "message": self.message,
            "fix": self.fix.as_dict() if self.fix else None,
            "family": self.family,
            "source": self.source,
            "places": [p.as_dict() for p in self.places],
            "folded": list(self.folded),
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
    severity: str | None = None  # overrides the rule's, where one clause covers only some hits


@dataclass
class Context:
    """Facts about the report that field rules need: year, edition, which part a node is in."""

    report: Report
    edition: Edition
    year: int
    part_of: dict[int, int] = field(default_factory=dict)  # id(node) → statutory part 0–5
    depth_of: dict[int, int] = field(default_factory=dict)  # id(node) → 1 for top level
    marker_of: dict[int, str] = field(default_factory=dict)  # id(node) → the number its position gives
    previous_of: dict[int, Node] = field(default_factory=dict)  # id(node) → the sibling of its kind before it


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


@dataclass(frozen=True)
class Group:
    """Mechanical faults reported once per paragraph: "本段有 {n} 处{noun}，{advice}"."""

    key: str
    noun: str
    advice: str


# How specific a rule is, for folding findings on the same characters (see runner.fold):
HYGIENE = 1  # one character or a pair is wrong wherever it stands (半角标点, 空格, 全角数字)
FORM = 2  # knows the place: the end of a paragraph, a year range, a marker, a date
NAME = 3  # knows the whole token and its one right form: a document's title, a 文号

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
    specificity: int = FORM
    group: Group | None = None  # several hits in one paragraph make one finding

    @property
    def fixable(self) -> bool:
        return self.fix is not None or self.fixes_in_hits
