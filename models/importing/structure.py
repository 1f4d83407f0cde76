"""Paragraphs → the report tree.

Sections open on a numbering marker (typed, or Word's automatic number) or on a Word
heading level. Nesting follows a stack of open marker styles: a style already open closes
everything below it (a sibling); a new style nests under the current section unless its
conventional rank is higher (一、 always closes （一）). Run-in text after a heading's first
。 becomes its body; 一是…二是… become point nodes. Markers written mid-paragraph (a
report pasted without line breaks) split the paragraph when they continue the numbering
exactly. Every character of the input ends up in a node, or in ``removed`` (the markers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from models.importing.markers import (
    ANY_SECTION,
    POINT_PATTERN,
    Marker,
    heading_marker,
    leading_marker,
    match_at,
    point_at,
    wrong_form,
)
from models.importing.sources import Para
from models.numbering import point_marker, section_marker
from models.numerals import CN_DIGITS, chinese_numeral
from models.report import PARAGRAPH, POINT, SECTION, TABLE, Node
from models.text_chars import shorten

RUNON_MIN_CHARS = 1000  # a paragraph this long may be several paragraphs run together
_END = "。！？；;!?”’」』）)】%％0123456789"
_POINT_PREV = "。！？；;!?：:\n”’）)"
_PART_TITLE = re.compile(
    r"^(.{0,30}?(?:工作情况|建设情况|职责情况|有关情况|开展情况|履职情况|主要问题|存在的问题|问题和不足|不足和原因|"
    r"不足及原因|存在的不足|工作打算|主要安排|工作安排|工作计划|工作思路|主要举措和成效|主要做法和成效|主要做法|"
    r"工作成效|主要成效|主要措施|需要报告的情况))(?=[^。，、；：）)]|$)"
)

# How a level-1 title ends, when a page without line breaks runs it into its first sentence
# (一、坚持党的领导,坚决扛牢法治政府建设政治责任坚持“思想引领……”,以……。): the words part titles close on.
_TITLE_END = re.compile(
    r"(?:责任|职责|职能|体系|机制|水平|能力|保障|环境|建设|监督|效能|质效|格局|成效|工作|决策|执法|治理|作用|"
    r"宣传|意识|服务|基础|思想|领导|制约|落实|政府|社会|法治|改革|化解|纠纷|权益|行为|素养|实效)"
)
RUNIN_TITLE_MAX_CHARS = 30  # a longer first sentence after 一、 on a page without breaks hides a title


# A sentence ends at 。, or at an ASCII full stop typed in its place (加强领导.成立…), not in 12.6 or a web address.
_SENTENCE_STOP = re.compile(r"。|(?<![0-9A-Za-z０-９])\.(?![0-9A-Za-z０-９])")


def sentence_end(text: str) -> int:
    """Index of the first sentence end in ``text``, or -1."""
    found = _SENTENCE_STOP.search(text)
    return found.start() if found else -1


@dataclass
class _Open:
    marker: Marker
    node: Node
    number: int


@dataclass
class Builder:
    body: list[Node] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    stack: list[_Open] = field(default_factory=list)
    points_in: dict[int, int] = field(default_factory=dict)  # id(section or 0) → last point number
    runons: int = 0
    ascii_page: bool = False  # every mark of the text is ASCII: a page store's doing, not the clerk's
    kept_markers: list[str] = field(default_factory=list)  # typed numbers left in the text for 体检

    # --- paragraphs ---

    def paragraph(self, para: Para, level_offset: int = 0) -> None:
        if para.table is not None:  # a table belongs to the section open above it
            section = self.stack[-1].node if self.stack else None
            (section.children if section is not None else self.body).append(Node(TABLE, table=para.table))
            return
        text = para.text.strip()
        marker = self._auto_marker(para, level_offset)
        kept = ""  # a faulty typed number: it stays before the title, where 体检 reports it
        if marker is None:
            marker = leading_marker(text)
            if marker is not None and self._typed_fault(marker):
                kept = marker.raw.strip()
                self.kept_markers.append(kept)
            elif marker is not None:
                self.removed.append(marker.raw)
            if marker is not None:
                text = text[len(marker.raw) :]
        if marker is None and para.heading_level is not None:
            marker = heading_marker(max(1, para.heading_level - level_offset))
        runon = len(text) >= RUNON_MIN_CHARS
        split = False
        while True:
            node = self._open(marker) if marker is not None else None
            found = self._next_embedded(text, runon)
            segment, text = (text, "") if found is None else (text[: found[0]], text[found[0] + len(found[1].raw) :])
            if node is not None:
                self._fill_heading(node, marker, segment, runon or split)
                node.title, kept = kept + node.title, ""
            else:
                self.content(segment)
            if found is None:
                break
            split = True
            marker = found[1]
            self.removed.append(marker.raw)
        if split:
            self.runons += 1

    def _auto_marker(self, para: Para, level_offset: int) -> Marker | None:
        if not para.auto_marker and para.list_level is None:
            return None
        marker = match_at(para.auto_marker) if para.auto_marker else None
        if marker is not None and len(marker.raw) >= len(para.auto_marker.strip()):
            return Marker(marker.style, marker.rank, marker.number, "")
        level = para.heading_level - level_offset if para.heading_level else para.list_level or 1
        return heading_marker(max(1, level))

    def _fill_heading(self, node: Node, marker: Marker, segment: str, loose: bool) -> None:
        stop = sentence_end(segment)
        title, rest = (segment, "") if stop < 0 else (segment[: stop + 1], segment[stop + 1 :])
        cut = _PART_TITLE.match(segment) if marker.rank == 1 else None
        if cut and len(cut[1]) < len(title) and (loose or point_at(segment, len(cut[1]))):
            title, rest = cut[1], segment[len(cut[1]) :]
        elif marker.rank == 1 and loose and len(title) > RUNIN_TITLE_MAX_CHARS:
            end = _runin_title_end(title)
            if end:
                title, rest = segment[:end], segment[end:]
                self.notes.append(f"标题“{shorten(title, 20)}”与正文连在一起（原文没有标点），已在此分开，请检查。")
        node.title = title.strip()
        self.content(rest)

    # --- sections ---

    def _open(self, marker: Marker) -> Node:
        index = next((i for i, o in enumerate(self.stack) if o.marker.style == marker.style), None)
        node = Node(SECTION)
        if index is not None:
            self._check_sequence(self.stack[index], marker)
            del self.stack[index:]
        else:
            while self.stack and self.stack[-1].marker.rank >= marker.rank:
                self.stack.pop()
            if marker.number > 1:
                self.notes.append(
                    f"“{_shown(marker)}”前面没有同级的第 1 项（编号可能接续上一部分或有缺漏），已按原编号位置导入。"
                )
            if not self.stack and marker.rank > 1 and not any(n.kind == SECTION for n in self.body):
                self.notes.append(f"“{_shown(marker)}”之前没有上一级标题，已把它作为第一级标题。")
        siblings = self.stack[-1].node.children if self.stack else self.body
        siblings.append(node)
        self.stack.append(_Open(marker, node, marker.number))
        return node

    def _check_sequence(self, previous: _Open, marker: Marker) -> None:
        if not marker.number:
            return
        if marker.number == previous.number:
            self.notes.append(f"编号“{_shown(marker)}”重复出现，已按两个并列的部分导入。")
        elif marker.number > previous.number + 1:
            self.notes.append(
                f"编号从“{_shown(previous.marker, previous.number)}”跳到“{_shown(marker)}”，中间缺少编号，已按原顺序导入。"
            )
        elif marker.number < previous.number:
            self.notes.append(
                f"编号“{_shown(marker)}”排在“{_shown(previous.marker, previous.number)}”之后，顺序有误，已按原顺序导入。"
            )

    def _typed_fault(self, marker: Marker) -> bool:
        """A typed number that skips, repeats or goes back, or is written in a wrong form: the
        tree's computed numbering would hide it, so it is kept in the text (issue 13)."""
        return bool(marker.raw) and (marker.number != self._expected(marker) or wrong_form(marker, self.ascii_page))

    def _expected(self, marker: Marker) -> int:
        for entry in self.stack:
            if entry.marker.style == marker.style:
                return entry.number + 1
        return 1

    def _next_embedded(self, text: str, runon: bool) -> tuple[int, Marker] | None:
        """The next mid-paragraph marker that continues the numbering exactly."""
        for found in ANY_SECTION.finditer(text):
            start = found.start()
            if start == 0:
                continue
            marker = match_at(text, start)
            if marker is None or marker.number != self._expected(marker):
                continue
            before, after = text[start - 1], text[start + len(marker.raw) : start + len(marker.raw) + 1]
            if before in CN_DIGITS + "第" or after in "项款条":
                continue
            if marker.style == "cn" and before not in _END:
                continue
            if marker.style not in ("cn", "paren-cn") and not (runon and before in _END + "（(：:"):
                continue
            return start, marker
        return None

    # --- body text and points ---

    def content(self, text: str) -> None:
        """Text that belongs to the current section: lead text, then 一是… points."""
        if not text.strip():
            if text:
                self.removed.append(text)
            return
        section = self.stack[-1].node if self.stack else None
        starts = self._point_starts(text, section)
        lead = text[: starts[0][0]] if starts else text
        if lead.strip():
            self._attach_text(section, lead.strip())
        for index, (start, end, number) in enumerate(starts):
            stop = starts[index + 1][0] if index + 1 < len(starts) else len(text)
            if self._point_fault(section, number):
                self.kept_markers.append(text[start:end])  # 三是 after 一是: kept for 体检
                self._add_point(section, number, text[start:stop])
            else:
                self.removed.append(text[start:end])
                self._add_point(section, number, text[end:stop])

    def _point_fault(self, section: Node | None, number: int) -> bool:
        return number not in (self.points_in.get(id(section) if section else 0, 0) + 1, 1)

    def _point_starts(self, text: str, section: Node | None) -> list[tuple[int, int, int]]:
        last = self.points_in.get(id(section) if section else 0, 0)
        starts: list[tuple[int, int, int]] = []
        for found in POINT_PATTERN.finditer(text):
            start = found.start()
            point = point_at(text, start)
            if point is None:
                continue
            number, end = point
            before = text[start - 1] if start else ""
            in_sequence = number == last + 1
            # after a sentence end in a list already begun, 三是 (二是 missing) or a repeated 二是 is an item too
            out_of_sequence = last >= 1 and number > 1 and before in "。；;！？!?"
            if (
                start == 0
                or (before in _POINT_PREV and (in_sequence or out_of_sequence or (number == 1 and before in "。：:")))
                or (before in "，," and in_sequence and number > 1)
            ):
                starts.append((start, end, number))
                last = number
        return starts

    def _add_point(self, section: Node | None, number: int, chunk: str) -> None:
        key = id(section) if section else 0
        last = self.points_in.get(key, 0)
        if number not in (last + 1, 1):
            self.notes.append(f"“{point_marker(number)}”前面的分项编号不连续，已按原顺序导入，原文编号保留在条目开头。")
        self.points_in[key] = number
        chunk = chunk.strip()
        stop = sentence_end(chunk)
        title, text = (chunk, "") if stop < 0 else (chunk[: stop + 1], chunk[stop + 1 :])
        point = Node(POINT, title=title.strip(), text=text.strip())
        (section.children if section is not None else self.body).append(point)

    def _attach_text(self, section: Node | None, text: str) -> None:
        if section is None:
            self.body.append(Node(PARAGRAPH, text=text))
        elif not section.children:
            section.text = f"{section.text}\n{text}" if section.text else text
        else:
            section.children.append(Node(PARAGRAPH, text=text))


def _runin_title_end(sentence: str) -> int:
    """Where a level-1 title run into its first sentence ends: after the last title-closing word
    before the sentence's first quotation or 以/通过-clause, within RUNIN_TITLE_MAX_CHARS; 0 if unsure."""
    limit = min(len(sentence), RUNIN_TITLE_MAX_CHARS)
    quote = re.search(r"[“\"‘]", sentence)
    if quote is None or quote.start() > limit:
        return 0  # nothing marks where the sentence begins: keep the whole sentence as the title
    ends = [m.end() for m in _TITLE_END.finditer(sentence, 0, quote.start()) if m.end() >= 8]
    # the sentence starts with a word or two before its quotation (坚持“……”): the title ends before it
    ends = [end for end in ends if quote.start() - end <= 4]
    return ends[-1] if ends else 0


def _shown(marker: Marker, number: int | None = None) -> str:
    number = marker.number if number is None else number
    if marker.style == "cn":
        return section_marker(1, number)
    if marker.style == "paren-cn":
        return f"（{chinese_numeral(number)}）"
    if marker.style == "arabic":
        return f"{number}."
    if marker.style == "paren-arabic":
        return f"（{number}）"
    return marker.raw or str(number)


def build_tree(paras: list[Para]) -> Builder:
    builder = Builder(ascii_page=not any(mark in p.text for p in paras for mark in "，（）"))
    levels = [p.heading_level for p in paras if p.heading_level is not None and not p.auto_marker]
    offset = min(levels) - 1 if levels else 0
    for para in paras:
        builder.paragraph(para, offset)
    if builder.kept_markers:
        shown = "、".join(f"“{m}”" for m in dict.fromkeys(builder.kept_markers))
        builder.notes.append(
            f"原文序号{shown}跳号、重复或写法不规范，已保留在标题开头，体检会逐一指出；核对内容后删除即可，编号由程序生成。"
        )
    if builder.runons:
        builder.notes.append(f"有 {builder.runons} 段文字中间夹有编号（原文可能没有分段），已在编号处拆开，请检查。")
    return builder
