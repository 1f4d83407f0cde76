"""层次序数 (GB/T 9704—2012 7.3.3). Markers are computed from the tree, so typed ones are
doubled on export; run-in 一是/二是 inside text must count up without gaps."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.checks.model import ADVICE, ERROR, NAME, NODE_FIELDS, Hit, Rule, Where
from models.checks.patterns import regex_hits
from models.numerals import CN_DIGITS, chinese_numeral, chinese_value
from models.report import POINT, SECTION, Node

_N = f"[{CN_DIGITS}]{{1,3}}"
_MARKER = rf"(?:{_N}[、，,.．]|[（(]?{_N}[）)][、，,.．]?|\d{{1,2}}[、，,．]|\d{{1,2}}\.(?!\d)|[（(]\d{{1,2}}[）)][、，,.．]?)"
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
    if m and text[m.end() :].strip():
        typed = m.group(0).strip()
        message = _against_position(typed, where, SECTION) or (
            f"开头手工输入了序号“{typed}”。序号由程序按层级自动生成，导出时会重复，应删除。"
        )
        yield Hit(m.start(), m.end(), message, replacement="")
        return
    if where.node is not None and where.node.kind == POINT and where.field == "title":
        m = _TYPED_POINT.match(text)
        if m and text[m.end() :].strip():
            message = _against_position(m.group(0).strip(), where, POINT) or (
                "条目开头手工输入了“一是”等序号，程序会自动生成，应删除。"
            )
            yield Hit(m.start(), m.end(), message, replacement="")


_DELETE = "序号由程序按位置自动生成，导出时会重复，核对后应删除手工序号。"


def _against_position(typed: str, where: Where, kind: str) -> str:
    """The message for a typed number the importer kept (issue 13): measured against the number
    before it (the previous sibling's typed one, or its position), a skip, a repeat or a step
    back; with the right number, a form other than this level's."""
    node = where.node
    auto = where.ctx.marker_of.get(id(node), "") if node is not None and node.kind == kind else ""
    number = _value(_first_marker(typed))
    if not auto or where.field != "title" or not number:
        return ""
    previous = where.ctx.previous_of.get(id(node))
    before = _typed_number(previous, kind) or _value(where.ctx.marker_of.get(id(previous), "")) if previous else 0
    expected = before + 1
    if number > 1 and previous is None:
        return (
            f"原文序号“{typed}”是这一层的第一项：编号可能接续了上一部分，也可能前面漏了内容；"
            f"程序在每个上一级标题下从“{auto}”重新编号，请核对。{_DELETE}"
        )
    if number > expected:
        missing = [_renumbered(auto, n) for n in range(expected, number)]
        gap = f"“{missing[0]}”" if len(missing) == 1 else f"“{missing[0]}”至“{missing[-1]}”"
        after = f"前一项是“{_renumbered(auto, before)}”，" if before else ""
        return f"原文序号“{typed}”跳号：{after}中间缺少{gap}，可能漏了内容或编号有误，请核对。{_DELETE}"
    if number < expected:
        return f"原文序号“{typed}”排在“{_renumbered(auto, before)}”之后，重复或倒序，请核对顺序。{_DELETE}"
    right = _renumbered(auto, number)
    if typed.replace("．", ".").translate(_HALF_DIGITS) != right:
        return f"原文序号“{typed}”写法不规范，这一级应写作“{right}”。{_DELETE}"
    return ""


def _first_marker(typed: str) -> str:
    first = _FIRST_MARKER.match(typed)
    return first.group(0) if first else typed


def _typed_number(node: Node, kind: str) -> int:
    """The number typed at the start of ``node``'s title (kept by the importer), or 0."""
    found = (_TYPED if kind == SECTION else _TYPED_POINT).match(node.title)
    return _value(_first_marker(found.group(0).strip())) if found else 0


_FIRST_MARKER = re.compile(_MARKER + "|" + _N + "是")
_HALF_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _value(marker: str) -> int:
    digits = re.search(rf"{_N}|[0-9０-９]{{1,2}}", marker)
    if digits is None:
        return 0
    found = digits.group(0).translate(_HALF_DIGITS)
    return int(found) if found.isdigit() else chinese_value(found)


def _renumbered(auto: str, number: int) -> str:
    """``auto`` (四、 （四） 4. （4） 四是) with ``number`` in place of its own."""
    digits = re.search(rf"{_N}|\d{{1,2}}", auto).group(0)
    return auto.replace(digits, str(number) if digits.isdigit() else chinese_numeral(number), 1)


def check_marker_form(text: str, where: Where) -> Iterator[Hit]:
    if "\n" not in text:
        return
    for pattern, right in _LINE_FORMS:
        for m in pattern.finditer(text):
            yield Hit(
                m.start(), m.end(), f"序号写法不规范，应为“{right(m)}”（一、（一）1.（1））。", replacement=right(m)
            )


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
    # in the text of the point numbered 一是 (by its position), the next run-in number is 二是
    own = where.ctx.marker_of.get(id(where.node), "") if where.kind == POINT else ""
    expected = _value(own) + 1
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
                yield Hit(
                    m.start() - 1,
                    m.end(),
                    f"“{m.group(0)}”前面缺少句号，上一条没有结束。",
                    replacement=f"{text[m.start() - 1]}。{m.group(0)}",
                )
    if "原因" in text:
        for m in _CAUSE_OPENER.finditer(text):
            yield Hit(
                m.start(),
                m.end(2),
                f"“{m.group(2)}”前面缺少句号，上一句没有结束。",
                replacement=f"{m.group(1)}。{m.group(2)}",
            )


RULES = (
    Rule(
        "numbering.typed-marker",
        "numbering",
        ERROR,
        "GB/T 9704—2012 7.3.3",
        "标题或正文开头手工输入了序号（一、（一）1.）。序号由程序按层级自动生成，应删除手工序号。",
        check_typed_marker,
        fields=NODE_FIELDS,
        fixes_in_hits=True,
        specificity=NAME,  # the whole typed marker, whose one right form is none
    ),
    Rule(
        "numbering.marker-form",
        "numbering",
        ERROR,
        "GB/T 9704—2012 7.3.3",
        "结构层次序数依次为“一、”“（一）”“1.”“（1）”：一级用顿号，二级、四级括号后不加标点，三级用下脚点。",
        check_marker_form,
        fields=frozenset({"text"}),
        fixes_in_hits=True,
    ),
    Rule(
        "numbering.run-in",
        "numbering",
        ADVICE,
        "实务（段内“一是、二是”依次排列）",
        "段内“一是、二是、三是”应依次连续，不能跳号或重复。",
        check_run_in,
        fields=frozenset({"text"}),
        fixes_in_hits=True,
    ),
    Rule(
        "numbering.run-in-stop",
        "numbering",
        ERROR,
        "GB/T 15834—2011 4.1（陈述句末尾用句号）",
        "段内“一是……二是……”各条之间要用句号（或分号）隔开，不能连在一起。",
        check_run_in_stop,
        fields=NODE_FIELDS,
        fixes_in_hits=True,
    ),
    Rule(
        "numbering.ordinal-comma",
        "numbering",
        ADVICE,
        "实务（“第一”“首先”后用逗号）",
        "“第一”“第二”“首先”“其次”等词后面用逗号，不用顿号。",
        lambda text, where: regex_hits(_ORDINAL, text),
        fields=NODE_FIELDS,
        fix=lambda e: e[:-1] + "，",
    ),
)
