"""Punctuation marks (GB/T 15834—2011); the paired ones are in :mod:`models.checks.pairs`."""

from __future__ import annotations

import re
from collections.abc import Iterator

import models.checks.pairs as pairs
from models.checks.model import ADVICE, ERROR, HYGIENE, NODE_FIELDS, PROSE_FIELDS, Group, Hit, Rule, Where
from models.checks.patterns import CJK_CHAR, SENTENCE_END, lines_with_offsets, regex_hits
from models.dates import is_date_line
from models.export.blocks import has_run_in_content
from models.report import POINT, SECTION, is_whole_item

_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", ".": "。"}
_ASCII_MARK = re.compile(rf"(?<={CJK_CHAR})[,;:?!]|[,;:?!](?={CJK_CHAR})|(?<={CJK_CHAR})\.(?![\d.])")
_ANY_ASCII_MARK = re.compile("[,;:?!.]")
_SERIAL_COMMA = re.compile("》、《|”、“")
_YEAR_RANGE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})(?:\s{0,3}年?\s{0,3}([-－–~])\s{0,3}|(?=(?:19|20)\d{2}年))((?:19|20)\d{2})(?=年)"
)
_PERCENT_RANGE = re.compile(r"(?<![\d.%])(\d+(?:\.\d+)?)\s{0,3}([~～\-－–—])\s{0,3}(\d+(?:\.\d+)?)%")
_ELLIPSIS = re.compile(r"\.{3,}|。{3,}|·{3,}|(?<!…)…(?!…)|…{3,}")
_DASH = re.compile(rf"(?<={CJK_CHAR})(?:-{{2,}}|－{{2,}}|–{{2,}}|―{{1,2}}|—{{3,}})(?={CJK_CHAR})")
_DOUBLED = re.compile("[，。；：、]{2,}")
# Spaces between 汉字, or between a 汉字 and a full-width quote or bracket (锚定 “政府行为…” 的).
_CJK_SPACE = re.compile(rf"(?<={CJK_CHAR})[ \u3000\t]+(?={CJK_CHAR}|[“‘（《])|(?<=[”’）》])[ \u3000\t]+(?={CJK_CHAR})")
_TITLE_MARK = re.compile(r"[。，；：！？,;:!?]|(?<!\d)\.(?!\d)")
TRAILING_MARKS = "。，；：、,;:."
TRAILING_PAUSES = "，；：、,;:"
_HALF_WIDTH_ENDS = {".": "。", "?": "？", "!": "！"}
ASCII_GROUP = pairs.ASCII_GROUP
SPACE_GROUP = Group("space", "汉字之间的多余空格", "可一次全部删除。")


def check_ascii_marks(text: str, where: Where) -> Iterator[Hit]:
    if _ANY_ASCII_MARK.search(text):
        yield from regex_hits(_ASCII_MARK, text)


def guarded(pattern: re.Pattern[str], *needles: str):
    """A check that runs ``pattern`` only when one of the needles occurs (most texts have none)."""

    def check(text: str, where: Where) -> Iterator[Hit]:
        if any(needle in text for needle in needles):
            yield from regex_hits(pattern, text)

    return check


def check_year_range(text: str, where: Where) -> Iterator[Hit]:
    for m in _YEAR_RANGE.finditer(text):
        first, second = int(m.group(1)), int(m.group(3))
        if second > first:
            message = "" if m.group(2) else "两个年份连在一起，缺少一字线（网页转载常丢失“—”），应为“起—止年”。"
            yield Hit(m.start(), m.end(), message, replacement=f"{first}—{second}")


def check_percent_range(text: str, where: Where) -> Iterator[Hit]:
    if "%" not in text:
        return
    for m in _PERCENT_RANGE.finditer(text):
        yield Hit(m.start(), m.end(), replacement=f"{m.group(1)}%～{m.group(3)}%")


def check_doubled(text: str, where: Where) -> Iterator[Hit]:
    for m in _DOUBLED.finditer(text):
        run = m.group(0)
        if len(set(run)) == 1:
            yield Hit(m.start(), m.end(), replacement=run[0])
        else:
            yield Hit(m.start(), m.end(), "标点连用，请只保留一个合适的标点。")


def check_final(text: str, where: Where) -> Iterator[Hit]:
    """Each body paragraph (and a run-in heading's text, and a point made of its lead
    sentence alone) ends with 句末标点."""
    node = where.node
    alone_point = node is not None and node.kind == POINT and where.field == "title" and not node.text.strip()
    if where.field != "text" and not alone_point:
        return
    for offset, line in lines_with_offsets(text):
        stripped = line.rstrip()
        if not stripped or stripped[-1] in SENTENCE_END or is_date_line(stripped):
            continue
        if not alone_point and _looks_like_label(stripped):
            continue
        pause = trailing_run(stripped, TRAILING_PAUSES)
        if pause < len(stripped):
            yield Hit(
                offset + pause, offset + len(stripped), "段末是逗号、顿号等句内点号，应改为句号。", replacement="。"
            )
            continue
        if stripped[-1] in _HALF_WIDTH_ENDS and not stripped.endswith(".."):
            end = offset + len(stripped)
            yield Hit(
                end - 1,
                end,
                f"段末的“{stripped[-1]}”是半角符号，应改为“{_HALF_WIDTH_ENDS[stripped[-1]]}”。",
                replacement=_HALF_WIDTH_ENDS[stripped[-1]],
            )
            continue
        tail = max(0, len(stripped) - 8)
        yield Hit(offset + tail, offset + len(stripped), replacement=stripped[tail:] + "。")


def trailing_run(text: str, marks: str) -> int:
    """Where the run of ``marks`` at the end of ``text`` starts (len(text) if there is none)."""
    return len(text.rstrip(marks))


def _looks_like_label(line: str) -> bool:
    """A short line without punctuation or figures (署名, a 单位名称) is not a sentence."""
    return len(line) <= 20 and not re.search(r"[，。；：、,;:\d]", line)


def check_serial_comma(text: str, where: Where) -> Iterator[Hit]:
    if "、" in text:
        yield from regex_hits(_SERIAL_COMMA, text)


def check_bare_heading(text: str, where: Where) -> Iterator[Hit]:
    node = where.node
    if node is None or node.kind != SECTION or where.field != "title":
        return
    if where.depth > 1 and has_run_in_content(node):
        return  # the export runs this heading into its text or its 一是… points: not bare
    if is_whole_item(node) and any(mark in text for mark in "，；"):
        return  # （一）加强公共卫生等重点领域立法，完善……。 is a listed item written in full, not a heading
    stripped = text.rstrip()
    start = trailing_run(stripped, TRAILING_MARKS)
    if start < len(stripped):
        yield Hit(start, len(stripped), replacement="")


def check_runin_heading(text: str, where: Where) -> Iterator[Hit]:
    node = where.node
    if node is None or where.field != "title" or not node.text.strip():
        return
    if not (node.kind == POINT or (node.kind == SECTION and where.depth >= 2)):
        return
    stripped = text.rstrip()
    if not stripped or stripped[-1] in "。！？":
        return
    pause = trailing_run(stripped, TRAILING_PAUSES)
    if pause < len(stripped):
        yield Hit(pause, len(stripped), replacement="。")
    else:
        tail = max(0, len(stripped) - 8)
        yield Hit(tail, len(stripped), replacement=stripped[tail:] + "。")


def check_title_marks(text: str, where: Where) -> Iterator[Hit]:
    stripped = text.rstrip()
    start = trailing_run(stripped, TRAILING_MARKS)
    if start < len(stripped):
        yield Hit(start, len(stripped), "标题末尾不加标点。", replacement="")
        text = text[:start]
    for m in _TITLE_MARK.finditer(text):
        yield Hit(m.start(), m.end(), "公文标题中除书名号、引号外一般不用标点。")


RULES = (
    Rule(
        "punct.ascii",
        "punctuation",
        ERROR,
        "GB/T 15834—2011 第1章、第4章（汉语书面语用全角标点）",
        "中文文本应使用全角标点“，；：？！。”，不用半角符号。",
        check_ascii_marks,
        fields=PROSE_FIELDS,
        fix=lambda e: _FULL_WIDTH.get(e),
        specificity=HYGIENE,
        group=ASCII_GROUP,
    ),
    *pairs.RULES,
    Rule(
        "punct.serial-comma-titles",
        "punctuation",
        ADVICE,
        "GB/T 15834—2011 4.5.3.5",
        "并列的书名号或引号之间通常不用顿号（中间有括注时才用顿号）。",
        check_serial_comma,
        fields=PROSE_FIELDS,
        fix=lambda e: e.replace("、", ""),
    ),
    Rule(
        "punct.time-range",
        "punctuation",
        ERROR,
        "GB/T 15834—2011 4.13",
        "表示时间起止用一字线“—”，如“2021—2025年”。",
        check_year_range,
        fields=PROSE_FIELDS,
        fixes_in_hits=True,
    ),
    Rule(
        "punct.percent-range",
        "punctuation",
        ERROR,
        "GB/T 15835—2011（数值范围，如“63%～68%”）；GB/T 15834—2011 4.13",
        "百分数范围的前后两个数都要带“%”，中间用浪纹线，如“63%～68%”。",
        check_percent_range,
        fields=NODE_FIELDS,
        fixes_in_hits=True,
    ),
    Rule(
        "punct.ellipsis",
        "punctuation",
        ERROR,
        "GB/T 15834—2011 4.11",
        "省略号是六个点“……”，不用“...”“。。。”或单个“…”。",
        guarded(_ELLIPSIS, "...", "。。。", "…", "···"),
        fields=NODE_FIELDS,
        fix=lambda e: "……",
    ),
    Rule(
        "punct.dash",
        "punctuation",
        ERROR,
        "GB/T 15834—2011 4.10",
        "破折号是两个一字线“——”，占两个字的位置。",
        guarded(_DASH, "--", "－－", "––", "―", "———"),
        fields=NODE_FIELDS,
        fix=lambda e: "——",
    ),
    Rule(
        "punct.doubled",
        "punctuation",
        ADVICE,
        "实务（重复标点）",
        "标点重复，只保留一个。",
        check_doubled,
        fields=PROSE_FIELDS,
        fixes_in_hits=True,
        specificity=HYGIENE,
    ),
    Rule(
        "punct.final",
        "punctuation",
        ERROR,
        "GB/T 15834—2011 4.1",
        "段落末尾缺少句号：陈述句末尾应使用句号。",
        check_final,
        fields=NODE_FIELDS,
        fixes_in_hits=True,
    ),
    Rule(
        "punct.heading-bare",
        "punctuation",
        ADVICE,
        "实务（独立成行的标题末尾不加标点）",
        "单独成行的标题末尾不加标点。",
        check_bare_heading,
        fields=frozenset({"title"}),
        fixes_in_hits=True,
    ),
    Rule(
        "punct.heading-runin",
        "punctuation",
        ADVICE,
        "实务（标题与正文接排时标题后用句号）",
        "标题后面直接接正文时，标题末尾用句号。",
        check_runin_heading,
        fields=frozenset({"title"}),
        fixes_in_hits=True,
    ),
    Rule(
        "punct.title",
        "punctuation",
        ADVICE,
        "实务（公文标题不用标点）",
        "公文标题除书名号、引号外一般不用标点，末尾不加标点。",
        check_title_marks,
        fields=frozenset({"meta.title"}),
        fixes_in_hits=True,
    ),
    Rule(
        "punct.cjk-space",
        "punctuation",
        ADVICE,
        "实务（汉字之间不留空格）",
        "汉字之间多了空格（常见于从网页或PDF复制的文字）。",
        guarded(_CJK_SPACE, " ", "\u3000", "\t"),
        fields=NODE_FIELDS,
        fix=lambda e: "",
        specificity=HYGIENE,
        group=SPACE_GROUP,
    ),
)
