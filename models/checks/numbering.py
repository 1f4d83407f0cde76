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
_RUN_IN = re.compile(rf"(?<![^。；：\n])({_N})是")
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


def check_run_in(text: str, where: Where) -> Iterator[Hit]:
    expected = 1
    for m in _RUN_IN.finditer(text):
        number = chinese_value(m.group(1))
        if number == 0:
            continue
        if number == 1:
            expected = 2
            continue
        if number != expected:
            right = chinese_numeral(expected)
            yield Hit(m.start(), m.end(),
                      f"“{m.group(0)}”前面应是“{chinese_numeral(expected - 1)}是”之后的“{right}是”，序号不连续。",
                      replacement=f"{right}是")
        expected += 1


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
    Rule("numbering.ordinal-comma", "numbering", ADVICE, "实务（“第一”“首先”后用逗号）",
         "“第一”“第二”“首先”“其次”等词后面用逗号，不用顿号。",
         lambda text, where: regex_hits(_ORDINAL, text), fields=NODE_FIELDS, fix=lambda e: e[:-1] + "，"),
)
