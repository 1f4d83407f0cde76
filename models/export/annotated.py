"""The 审校稿: the ordinary .docx export (either edition) with every 体检 finding as a Word comment
on its characters, for reviewers who work in Word or WPS.

A finding names characters of a field as the clerk typed them; the file shows each field cleaned,
each line trimmed, blank lines dropped, a heading after its number. :class:`_ShownLines` maps one
to the other, so a comment covers exactly the characters the finding quotes.

One comment per finding, never one per place: a grouped finding ("本段有 12 处半角标点", "全文有
141 处……") is anchored on its first place and lists the others. A comment per place would put
141 balloons in Word's margin for one half-width text, burying the few findings that need a
reviewer's judgement (the noise issue 13 measured), and the count in Word would no longer match
the 体检 panel; the fix for all of them is one click in 年报助手 anyway.

Metadata findings go on their element of the frame (title, 主送, 版头, 署名 and 日期, 附注, 版记);
findings for the report as a whole, and those whose place is not printed in this edition, on the
title.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from pathlib import Path

from models.checks.labels import FIELD_NAMES, location, node_labels
from models.checks.model import Finding, Place
from models.dates import chinese_date
from models.edition import Edition
from models.export import ExportOptions, left_out_parts, render
from models.export.blocks import clean
from models.export.docx_comments import BodySpan, CommentPlan, ElementSpan, Key, PlannedComment
from models.fileio import write_atomic
from models.report import PARAGRAPH, TABLE, TYPED_DATE_FIELDS, Node, Report
from models.text_chars import shorten

AUTHOR = "年报助手体检"
INITIALS = "体检"  # Word keeps at most 9 characters
PLACES_LISTED = 5  # the other places a grouped finding's comment names

_ROLE = {"title": "h", "text": "t"}


def build_annotated(report: Report, findings: Sequence[Finding], options: ExportOptions | None = None) -> bytes:
    options = options or ExportOptions()
    return render(report, ".docx", dataclasses.replace(options, comments=comment_plan(report, findings, options)))


def export_annotated(
    report: Report, target: Path, findings: Sequence[Finding], options: ExportOptions | None = None
) -> Path:
    """Write the 审校稿 atomically (a failed export leaves the old file as it was)."""
    write_atomic(target, build_annotated(report, findings, options))
    return target


def comment_plan(report: Report, findings: Sequence[Finding], options: ExportOptions) -> CommentPlan:
    places = _Places(report, options)
    labels = node_labels(report)
    comments = []
    for finding in findings:
        where, anchor, note = places.find(finding)
        comments.append(PlannedComment(comment_text(finding, anchor, labels, note), where))
    return CommentPlan(tuple(comments), AUTHOR, INITIALS)


def comment_text(finding: Finding, anchor: Finding | Place | None, labels: dict[int, str], note: str = "") -> str:
    """【错误】message / the suggested fix / the other places / 依据 and the rule, one paragraph each."""
    lines = [f"【{finding.severity}】{finding.message}"]
    fix = anchor.fix if anchor is not None else finding.fix
    if fix is not None and fix.replacement:
        here = "此处" if finding.places else ""
        lines.append(f"{here}建议改为：「{fix.replacement}」")
    elif fix is not None:
        lines.append("建议删除批注处的文字。")
    if finding.places:
        lines.append(_other_places(finding, anchor, labels))
    if note:
        lines.append(note)
    source = f"依据：{finding.source}" if finding.source else "依据：写作规范"
    lines.append(f"{source}（规则 {finding.rule}）")
    return "\n".join(line.replace("\n", " ") for line in lines)


def _other_places(finding: Finding, anchor: Finding | Place | None, labels: dict[int, str]) -> str:
    others = [p for p in finding.places if p is not anchor and anchor not in p.places]
    total = sum(len(p.places) or 1 for p in finding.places)
    if finding.field == "body":  # places are paragraphs
        named = [f"{location(p, labels)}（{len(p.places) or 1} 处）" for p in others[:PLACES_LISTED]]  # type: ignore[arg-type]
    else:
        named = [f"「{shorten(p.excerpt, 10, one_line=True)}」" for p in others[:PLACES_LISTED]]
    more = "……" if len(others) > PLACES_LISTED else ""
    text = f"共 {total} 处，批注在第一处；其余：{'、'.join(named)}{more}" if named else f"共 {total} 处"
    can_fix = finding.fixable and "一次" not in finding.message
    return text + ("。年报助手“体检”中可一次改好全部。" if can_fix else "。")


class _Places:
    """Where a finding's comment goes in the file this export writes."""

    def __init__(self, report: Report, options: ExportOptions) -> None:
        self.report = report
        self.options = options
        left_out = {id(node) for part in left_out_parts(report) for node in part.walk()}
        self.nodes = {node.id: node for node in report.walk() if node.id is not None and id(node) not in left_out}
        self.left_out = {node.id: node for part in left_out_parts(report) for node in part.walk() if node.id}
        self.lines: dict[tuple[int, str], _ShownLines] = {}

    def find(self, finding: Finding) -> tuple[BodySpan | ElementSpan | None, Finding | Place | None, str]:
        """(where, the finding or place the comment stands on, a note when it is not where it belongs)."""
        candidates: list[Finding | Place] = (
            [finding]
            if not finding.places
            else [inner for place in finding.places for inner in (place.places or (place,))]
        )
        for candidate in candidates:
            where = self._where(candidate)
            if where is not None:
                return where, candidate, ""
        return None, None, self._note(finding)

    def _where(self, at: Finding | Place) -> BodySpan | ElementSpan | None:
        if at.field.startswith("meta."):
            return self._meta(at)
        node = self.nodes.get(at.node_id) if at.node_id is not None else None
        if node is None or at.field not in _ROLE or (node.kind == PARAGRAPH and at.field == "title"):
            return None  # a paragraph's title is never printed
        if node.kind == TABLE:
            needle = clean(at.excerpt).replace("\n", "").strip()
            occurrence = clean(node.title)[: at.start].count(needle) if needle else 0
            return ElementSpan(f"table:{node.id}", needle, occurrence) if at.field == "title" else None
        return self._body(node, at.field, at.start, at.end)

    def _body(self, node: Node, name: str, start: int, end: int) -> BodySpan | None:
        assert node.id is not None
        key = (node.id, name)
        if key not in self.lines:
            self.lines[key] = _ShownLines(getattr(node, name), whole=name == "title")
        lines = self.lines[key]
        span = lines.span(start, end)
        if span is None:
            return None
        (first, first_at), (last, last_at) = span
        role = _ROLE[name]
        first_key: Key = (node.id, role, first)
        last_key: Key = (node.id, role, last)
        widths = ((first_key, lines.width(first)), (last_key, lines.width(last)))
        return BodySpan((first_key, first_at), (last_key, last_at), widths)

    def _meta(self, at: Finding | Place) -> ElementSpan | None:
        meta = self.report.meta
        name = at.field.removeprefix("meta.")
        # The form the source typed a date in is not printed: its finding goes on the printed date.
        name = next((date for date, typed in TYPED_DATE_FIELDS.items() if typed == name), name)
        value = getattr(meta, name, "")
        if not isinstance(value, str):
            return None
        element = self._element_of(name, clean(value).strip())
        if element is None:
            return None
        if name in ("date", "printed_on"):  # printed in Chinese numerals: the whole date
            return ElementSpan(element, chinese_date(clean(value)))
        needle = clean(at.excerpt).strip()
        if name == "title":
            needle = needle.replace("\n", "")
        elif name == "recipients":
            needle = needle.replace("\n", "、")
        occurrence = clean(value)[: at.start].count(needle) if needle else 0
        return ElementSpan(element, needle, occurrence)

    def _element_of(self, name: str, value: str) -> str | None:
        """The frame element that prints this metadata field in this export, None when none does."""
        submit = self.options.edition == Edition.SUBMIT
        masthead = submit and self.options.header
        if not value and name != "issuer":
            return None
        elements = {
            "title": "title",
            "signature": "signature",
            "date": "signature",
            "recipients": "recipients" if submit else None,
            "doc_number": "masthead" if masthead else None,
            "signer": "masthead" if masthead else None,
            "issuer": "masthead" if masthead else "signature",
            "note": "note" if submit else None,
            "cc": "imprint" if submit else None,
            "printed_by": "imprint" if submit else None,
            "printed_on": "imprint" if submit else None,
        }
        return elements.get(name)

    def _note(self, finding: Finding) -> str:
        if finding.field == "body":
            return ""
        if finding.field.startswith("meta."):
            edition = Edition(self.options.edition).label
            return f"（{FIELD_NAMES.get(finding.field, finding.field)}不印在这份{edition}中，批注放在文首。）"
        node = self.left_out.get(finding.node_id) if finding.node_id is not None else None
        if node is not None:
            return (
                f"（所在部分“{shorten(node.title, 16, one_line=True)}”是未填写的模板部分，导出时略去，批注放在文首。）"
            )
        return "（原处的文字没有印出，批注放在文首。）"


class _ShownLines:
    """A field's text as the file shows it: cleaned, split into lines (a heading is one line),
    each trimmed, blank ones dropped. Positions in the typed text map to (line, offset)."""

    def __init__(self, typed: str, whole: bool) -> None:
        self.typed = typed
        cleaned = clean(typed)
        self.starts: list[int] = []
        self.ends: list[int] = []
        position = 0
        for line in [cleaned] if whole else cleaned.split("\n"):
            if line.strip():
                self.starts.append(position + len(line) - len(line.lstrip()))
                self.ends.append(position + len(line.rstrip()))
            position += len(line) + 1

    def width(self, line: int) -> int:
        return self.ends[line] - self.starts[line]

    def span(self, start: int, end: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
        """[start, end) of the typed text as (line, offset) bounds; a span of nothing shown (an
        insertion point, trimmed spaces) becomes the shown character next to it."""
        if not self.starts:
            return None
        first = self._cleaned(start)
        last = self._cleaned(end)
        a = bisect_right(self.ends, first)  # the first line ending after ``first``
        b = bisect_left(self.starts, last) - 1  # the last line starting before ``last``
        if a < len(self.starts) and b >= 0 and (a, max(first, self.starts[a])) < (b, min(last, self.ends[b])):
            return (a, max(0, first - self.starts[a])), (b, min(last, self.ends[b]) - self.starts[b])
        if b >= 0:  # the shown character before
            at = min(last, self.ends[b]) - self.starts[b]
            at = max(at, 1)
            return (b, at - 1), (b, at)
        return (0, 0), (0, 1)

    def _cleaned(self, position: int) -> int:
        return len(clean(self.typed[:position]))
