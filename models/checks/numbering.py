"""层次序数 (GB/T 9704—2012 7.3.3). Markers are computed from the tree, so typed ones are
doubled on export; run-in 一是/二是 inside text must count up without gaps."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.checks.model import ADVICE, ERROR, NODE_FIELDS, Hit, Rule, Where
from models.checks.patterns import regex_hits
from models.numerals import CN_DIGITS, chinese_numeral, chinese_value
from models.report import POINT

_N = f"[{CN_DIGITS}]{{1,3}}"
_MARKER = rf"(?:{_N}[、，,.．]|[（(]{_N}[）)][、，,.．]?|\d{{1,2}}[、，,．]|\d{{1,2}}\.(?!\d)|[（(]\d{{1,2}}[）)][、，,.．]?)"
_TYPED = re.compile(rf"^[ \u3000\t]*(?:{_MARKER}[ \u3000\t]*)+")
_TYPED_POINT = re.compile(rf"^[ \u3000\t]*{_N}是[，,：:]?")
_LINE_FORMS = (
    (re.compile(rf"(?<=\n)({_N})[，,.．]"), lambda m: f"{m.group(1)}、"),
    (re.compile(rf"(?<=\n)[（(]({_N})[）)][、，,.．]"), lambda m: f"（{m.group(1)}）"),
    (re.compile(r"(?<=\n)(\d{1,2})[、，,．](?!\d)"), lambda m: f"{m.group(1)}."),
    (re.compile(r"(?<=\n)[（(](\d{1,2})[）)][、，,.．]"), lambda m: f"（{m.group(1)}）"),
)
_ANY_RUN_IN = re.compile(rf"({_N})是")
_ITEM_BREAKS = "。；;：:！？!?，,、\n"  # what may stand before 二是 (究其原因，一是……；二是……)
_ORDINAL = re.compile(rf"(第{_N}|首先|其次|再次)、(?!第?[{CN_DIGITS}])")


def check_typed_marker(text: str, where: Where) -> Iterator[Hit]:
    m = _TYPED.match(text)
    if m and text[m.end():].strip():
        yield Hit(m.start(), m.end(), f"开头手工输入了序号“{m.group(0).strip()}”。序号由程序按层级自动生成，导出时会重复，应删除。",
                  replacement="")
        return
    if where.node is not None and where.node.kind == POINT and where.field == "title":
        m = _TYPED_POINT.match(text)
        if m and text[m.end():].strip():
            yield Hit(m.start(), m.end(), "条目开头手工输入了“一是”等序号，程序会自动生成，应删除。", replacement="")


def check_marker_form(text: str, where: Where) -> Iterator[Hit]:
    if "\n" not in text:
        return
    for pattern, right in _LINE_FORMS:
        for m in pattern.finditer(text):
            yield Hit(m.start(), m.end(), f"序号写法不规范，应为“{right(m)}”（一、（一）1.（1））。", replacement=right(m))


def run_in_markers(text: str) -> Iterator[tuple[re.Match[str], int, bool]]:
    """Each 一是/二是… of a text with its number and whether it runs on from the text before it
    without a 句号 (``……培训4次二是……``): such a marker counts only when it is the next number."""
    expected = 1
    for m in _ANY_RUN_IN.finditer(text):
        number = chinese_value(m.group(1))
        before = text[m.start() - 1] if m.start() else "\n"
        joined = before not in _ITEM_BREAKS
        if number == 0 or (joined and number == 1):
            continue  # 统一是, 唯一是: words, not markers
        if (joined and number != expected) or (before in "，,、" and number not in (1, expected)):
            continue  # 例如，三是 / 不二是: not the next item
        yield m, number, joined
        expected = 2 if number == 1 else expected + 1


def check_run_in(text: str, where: Where) -> Iterator[Hit]:
    expected = 1
    for m, number, _joined in run_in_markers(text):
        if number == 1:
            expected = 2
            continue
        if number != expected:
            right = chinese_numeral(expected)
            if expected == 1:
                message = f"段内序号应从“一是”开始，这里是“{m.group(0)}”。"
            else:
                message = f"“{m.group(0)}”序号不连续，按顺序这里应是“{right}是”。"
            yield Hit(m.start(), m.end(), message, replacement=f"{right}是")
        expected += 1


# A sentence giving the causes, run into the problems before it (「其主要原因在于」「问题的原因」 are fine).
_CAUSE_OPENER = re.compile("((?![的其之])[\u4e00-\u9fff])(究其原因|主要原因在于|主要原因是)")


def check_run_in_stop(text: str, where: Where) -> Iterator[Hit]:
    """``……培训4次二是……``: the item before 二是 ends without a 句号; so does the list of problems
    before ``……不够高主要原因在于……`` (the causes start a sentence of their own)."""
    if "是" in text and where.field == "text":
        for m, _number, joined in run_in_markers(text):
            if joined:
                yield Hit(m.start() - 1, m.end(), f"“{m.group(0)}”前面缺少句号，上一条没有结束。",
                          replacement=f"{text[m.start() - 1]}。{m.group(0)}")
    if "原因" in text:
        for m in _CAUSE_OPENER.finditer(text):
            yield Hit(m.start(), m.end(2), f"“{m.group(2)}”前面缺少句号，上一句没有结束。",
                      replacement=f"{m.group(1)}。{m.group(2)}")


RULES = (
    Rule("numbering.typed-marker", "numbering", ERROR, "GB/T 9704—2012 7.3.3",
         "标题或正文开头手工输入了序号（一、（一）1.）。序号由程序按层级自动生成，应删除手工序号。",
         check_typed_marker, fields=NODE_FIELDS, fixes_in_hits=True),
    Rule("numbering.marker-form", "numbering", ERROR, "GB/T 9704—2012 7.3.3",
         "结构层次序数依次为“一、”“（一）”“1.”“（1）”：一级用顿号，二级、四级括号后不加标点，三级用下脚点。",
         check_marker_form, fields=frozenset({"text"}), fixes_in_hits=True),
    Rule("numbering.run-in", "numbering", ADVICE, "实务（段内“一是、二是”依次排列）",
         "段内“一是、二是、三是”应依次连续，不能跳号或重复。", check_run_in,
         fields=frozenset({"text"}), fixes_in_hits=True),
    Rule("numbering.run-in-stop", "numbering", ERROR, "GB/T 15834—2011 4.1（陈述句末尾用句号）",
         "段内“一是……二是……”各条之间要用句号（或分号）隔开，不能连在一起。", check_run_in_stop,
         fields=NODE_FIELDS, fixes_in_hits=True),
    Rule("numbering.ordinal-comma", "numbering", ADVICE, "实务（“第一”“首先”后用逗号）",
         "“第一”“第二”“首先”“其次”等词后面用逗号，不用顿号。",
         lambda text, where: regex_hits(_ORDINAL, text), fields=NODE_FIELDS, fix=lambda e: e[:-1] + "，"),
)
