"""Which statutory item (督察规定 第二十六条) each level-1 part of an imported report serves.

The key goes on the part's node (``Node.key``, as a template part carries it), so checks and
roll-forward find 举措和成效, 不足和原因, 第一责任人, 下一年度安排 and 其他 whatever the headings
say. Titles that name their item are matched by words; a thematic title (一、坚持党的领导，……)
takes the item of the part before it — at the start, 举措和成效 — and the notes say so; the
preview lets the clerk change any of them.
"""

from __future__ import annotations

import re

from models.importing.roll import PLAN_WORDS
from models.report import PARAGRAPH, SECTION, Node, Report
from models.text_chars import shorten

MEASURES = "measures"
# key → the short name the preview shows; "" is a part that serves none of them
STATUTORY_LABELS = {
    MEASURES: "举措和成效",
    "shortcomings": "不足和原因",
    "leader": "第一责任人",
    "plans": "下一年度安排",
    "other": "其他",
    "": "（不对应法定内容）",
}
# Tested in this order: 主要负责人履行…职责情况 also says 情况, and 存在的问题 before 工作情况. A bare
# 问题 or 安排 is not enough: measures say 解决群众反映的问题 and 统筹安排 too.
_WORDS = (
    ("leader", re.compile("第一责任人|主要负责人|党政负责人")),
    (
        "plans",
        re.compile("|".join((*PLAN_WORDS, "明年", "工作安排", "年度安排", r"\d{4}年.{0,12}(?:安排|打算|计划|思路)$"))),
    ),
    (
        "shortcomings",
        re.compile(r"存在的?(?:主要)?问题|问题(?:和|与|及)(?:不足|原因)|主要问题|不足|短板|差距|薄弱环节"),
    ),
    ("other", re.compile("其他需要报告|其他情况|其他事项")),
    (MEASURES, re.compile("工作情况|举措|成效|措施|主要做法|建设情况|主要工作|开展情况|进展")),
)
_ONCE = frozenset({"leader", "plans", "shortcomings", "other"})  # a report may split 举措 over several parts


def assign_keys(report: Report) -> list[str]:
    """Mark the preamble and each level-1 part; return notes for parts mapped by position."""
    notes: list[str] = []
    if report.body and report.body[0].kind == PARAGRAPH:
        report.body[0].key = "preamble"
    used: set[str] = set()
    previous = MEASURES
    for node in level1_parts(report):
        key = _by_words(node.title, used)
        if key:
            used.add(key)
        else:
            key = previous
            notes.append(
                f"“{shorten(node.title, 16)}”的标题没有写明是哪一项法定报告内容，已归入“{STATUTORY_LABELS[key]}”，"
                "可在预览中更改。"
            )
        node.key = previous = key
    return notes


def level1_parts(report: Report) -> list[Node]:
    return [node for node in report.body if node.kind == SECTION]


def _by_words(title: str, used: set[str]) -> str:
    for key, words in _WORDS:
        if words.search(title) and not (key in _ONCE and key in used):
            return key
    return ""
