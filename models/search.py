"""Find and replace across a report: every part's title and text, each table cell, and the
metadata's text fields.

Matching folds characters one for one (never changing a text's length); the query becomes a
pattern in which each character also matches the characters that fold like it, so a hit's
offsets are those of the clerk's own text. Folding makes full-width and half-width
forms alike (，/, （/( ：/: Ａ/A and the ideographic space), the curly quotes alike with the straight
ones, and — unless case matters — Latin capitals alike with small letters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from models.part_labels import NODE_FIELD_NAMES
from models.report import PARAGRAPH, Report

# The metadata fields a clerk types words into, in the 报告信息 form's order (dates, the year and
# the 公开属性 are chosen, not typed). Field names as the 体检 uses them: "meta.<name>".
META_LABELS: dict[str, str] = {
    "issuer": "发文机关",
    "title": "报告标题",
    "recipients": "主送机关",
    "doc_number": "发文字号",
    "signer": "签发人",
    "signature": "署名",
    "note": "附注",
    "cc": "抄送机关",
    "printed_by": "印发机关",
}
CELL_PREFIX = "cell."  # a table's cell: "cell.<row>.<column>", counted from 0
QUOTES = {"“": '"', "”": '"', "‘": "'", "’": "'"}


@dataclass(frozen=True)
class SearchOptions:
    width_insensitive: bool = True  # 全角半角视为相同
    whole_phrase: bool = False  # 全字匹配
    case_sensitive: bool = False  # 区分大小写 (Latin)


@dataclass(frozen=True)
class Hit:
    """Characters ``start:end`` of one field: ``title``/``text`` of node ``node_id``, a cell
    ``cell.<row>.<column>`` of its table, or ``meta.<name>`` of the report (``node_id`` None)."""

    node_id: int | None
    field: str
    start: int
    end: int


@dataclass(frozen=True)
class Change:
    """A field's whole new value (the shape ``Session.apply_changes`` takes)."""

    node_id: int | None
    field: str
    old: str
    new: str


# Every character whose East Asian width is full (F) or half (H): the ideographic space, ₩ and the
# Halfwidth and Fullwidth Forms block. Latin letters for case: Basic Latin to Latin Extended-B.
WIDTH_CANDIDATES = (0x3000, 0x20A9, *range(0xFF01, 0xFFEF))
LATIN_CANDIDATES = range(0x41, 0x250)


def _fold_char(ch: str, width: bool, case: bool) -> str:
    if width:
        if unicodedata.east_asian_width(ch) in ("F", "H"):
            folded = unicodedata.normalize("NFKC", ch)
            ch = folded if len(folded) == 1 else ch
        ch = QUOTES.get(ch, ch)
    if not case and ord(ch) in LATIN_CANDIDATES:
        lowered = ch.lower()
        ch = lowered if len(lowered) == 1 else ch
    return ch


@cache
def _table(width: bool, case: bool) -> dict[int, str]:
    """A ``str.translate`` table for the folding (one for each pair of options, built once)."""
    candidates = {*WIDTH_CANDIDATES, *map(ord, QUOTES)} if width else set()
    candidates.update(LATIN_CANDIDATES if not case else ())
    table = {}
    for code in candidates:
        folded = _fold_char(chr(code), width, case)
        if folded != chr(code):
            table[code] = folded
    return table


def fold(text: str, options: SearchOptions) -> str:
    """``text`` with each character folded as ``options`` ask; always the same length."""
    return text.translate(_table(options.width_insensitive, options.case_sensitive))


def _char_class(ch: str) -> str:
    """What a whole phrase may not run on into: Latin letters and digits, or Chinese characters."""
    ch = _fold_char(ch, True, True)
    if ch.isascii() and ch.isalnum():
        return "latin"
    if unicodedata.category(ch) == "Lo":
        return "cjk"
    return ""


def _whole(text: str, start: int, end: int) -> bool:
    """A Latin word or number is not part of a longer one (10 is not in 2010), and a Chinese
    phrase stands between punctuation, spaces, digits or line ends."""
    first, last = _char_class(text[start]), _char_class(text[end - 1])
    before_ok = start == 0 or not first or _char_class(text[start - 1]) != first
    after_ok = end == len(text) or not last or _char_class(text[end]) != last
    return before_ok and after_ok


@cache
def _alike(width: bool, case: bool) -> dict[str, str]:
    """folded character → every character that folds to it (itself included)."""
    groups: dict[str, set[str]] = {}
    for code, folded in _table(width, case).items():
        groups.setdefault(folded, {folded}).add(chr(code))
    return {folded: "".join(sorted(chars)) for folded, chars in groups.items()}


def pattern(query: str, options: SearchOptions) -> re.Pattern[str]:
    """A regular expression matching ``query`` and every text that folds to the same: each
    character stands for itself or a class of its other widths or case, so a match's offsets are
    the text's own (nothing is folded in the searched text)."""
    alike = _alike(options.width_insensitive, options.case_sensitive)
    parts = []
    for ch in fold(query, options):
        chars = alike.get(ch, ch)
        parts.append(re.escape(ch) if len(chars) == 1 else "[" + "".join(re.escape(c) for c in chars) + "]")
    return re.compile("".join(parts))


def find_in(
    text: str, query: str, options: SearchOptions, compiled: re.Pattern[str] | None = None
) -> list[tuple[int, int]]:
    """Non-overlapping ``(start, end)`` spans of ``query`` in ``text``, left to right."""
    if not query or not text:
        return []
    regex = compiled or pattern(query, options)
    if not options.whole_phrase:
        return [match.span() for match in regex.finditer(text)]
    spans: list[tuple[int, int]] = []
    match = regex.search(text)
    while match is not None:
        start, end = match.span()
        if _whole(text, start, end):
            spans.append((start, end))
            match = regex.search(text, end)
        else:
            match = regex.search(text, start + 1)
    return spans


def cell_field(row: int, column: int) -> str:
    return f"{CELL_PREFIX}{row}.{column}"


def cell_position(field: str) -> tuple[int, int] | None:
    """(row, column) of a ``cell.<row>.<column>`` field, else None."""
    if not field.startswith(CELL_PREFIX):
        return None
    row, _, column = field.removeprefix(CELL_PREFIX).partition(".")
    return int(row), int(column)


def searched_fields(report: Report) -> Iterator[tuple[int | None, str, str]]:
    """``(node id, field, value)`` in reading order: the metadata, then each part's title and text,
    and a table's cells row by row."""
    for name in META_LABELS:
        yield None, f"meta.{name}", getattr(report.meta, name)
    for node in report.walk():
        if node.kind != PARAGRAPH:
            yield node.id, "title", node.title
        yield node.id, "text", node.text
        if node.table is not None:
            for r, row in enumerate(node.table.rows):
                for c, cell in enumerate(row):
                    yield node.id, cell_field(r, c), cell


def find(report: Report, query: str, options: SearchOptions | None = None) -> list[Hit]:
    options = options or SearchOptions()
    if not query:
        return []
    compiled = pattern(query, options)
    return [
        Hit(node_id, name, start, end)
        for node_id, name, value in searched_fields(report)
        for start, end in find_in(value, query, options, compiled)
    ]


def replacements(
    report: Report, hits: list[Hit], replacement: str, query: str, options: SearchOptions | None = None
) -> list[Change]:
    """One change per field holding any of ``hits``, each hit in it replaced. A hit whose
    characters no longer match ``query`` (typed over since it was found) is left alone."""
    options = options or SearchOptions()
    by_field: dict[tuple[int | None, str], list[Hit]] = {}
    for hit in hits:
        by_field.setdefault((hit.node_id, hit.field), []).append(hit)
    values = {(node_id, name): value for node_id, name, value in searched_fields(report)}
    compiled = pattern(query, options) if query else None
    changes = []
    for (node_id, name), field_hits in by_field.items():
        old = values.get((node_id, name))
        if old is None or compiled is None:
            continue
        current = set(find_in(old, query, options, compiled))
        new = old
        for hit in sorted(field_hits, key=lambda h: h.start, reverse=True):  # later offsets first
            if (hit.start, hit.end) in current:
                new = new[: hit.start] + replacement + new[hit.end :]
        if new != old:
            changes.append(Change(node_id, name, old, new))
    return changes


def where(hit: Hit, labels: dict[int, str]) -> str:
    """Where a hit is, as the clerk reads it: （三）严格执法 · 正文, or 报告信息 · 主送机关."""
    if hit.node_id is None:
        return f"报告信息 · {META_LABELS.get(hit.field.removeprefix('meta.'), hit.field)}"
    return f"{labels.get(hit.node_id, '（已删除的部分）')} · {field_label(hit.field)}"


def field_label(field: str) -> str:
    """标题, 正文, or 第 2 行第 3 列 for a table cell."""
    cell = cell_position(field)
    if cell is not None:
        return f"第 {cell[0] + 1} 行第 {cell[1] + 1} 列"
    return NODE_FIELD_NAMES.get(field, field)


def context(value: str, hit: Hit, width: int = 14) -> tuple[str, str, str]:
    """The words before, the match and the words after, on one line."""
    before = value[max(0, hit.start - width) : hit.start].replace("\n", " ")
    after = value[hit.end : hit.end + width].replace("\n", " ")
    prefix = "…" if hit.start > width else ""
    suffix = "…" if hit.end + width < len(value) else ""
    return prefix + before, value[hit.start : hit.end], after + suffix
