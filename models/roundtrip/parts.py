"""Parts by outline position, as the clerk names them: ``1`` is 一、, ``2.3`` is （三） under 二、.

Only sections count, as in the numbering (the opening paragraph and points are not numbered
parts). Positions are worked out from the tree each time, like the numbers themselves.
"""

from __future__ import annotations

import re

from models.errors import NianbaoError
from models.numbering import number_report
from models.report import SECTION, Node, Report

_POSITION = re.compile(r"\d+(?:\.\d+)*")


class PartError(NianbaoError):
    pass


def find_part(report: Report, position: str) -> Node:
    """The section at ``position``; a clear message when there is none."""
    text = position.strip().replace("．", ".")
    if not _POSITION.fullmatch(text):
        raise PartError(
            f"“{position}”不是部分的位置：请写成 1、2.3 这样的数字（1 是“一、”，2.3 是“二、”下的“（三）”）。"
        )
    nodes, node = report.body, None
    for depth, index in enumerate(int(n) for n in text.split(".")):
        sections = [n for n in nodes if n.kind == SECTION]
        if not 1 <= index <= len(sections):
            where = f"“{text.rsplit('.', 1)[0]}”下" if depth else "报告中"
            raise PartError(f"{where}没有第 {index} 个部分（只有 {len(sections)} 个），请检查部分位置“{position}”。")
        node = sections[index - 1]
        nodes = node.children
    assert node is not None
    return node


def positions(report: Report) -> dict[int, str]:
    """``id(node)`` → outline position (``2.3``) for every section."""
    found: dict[int, str] = {}

    def visit(nodes: list[Node], prefix: str) -> None:
        index = 0
        for node in nodes:
            if node.kind == SECTION:
                index += 1
                found[id(node)] = f"{prefix}{index}"
                visit(node.children, f"{prefix}{index}.")

    visit(report.body, "")
    return found


def part_labels(report: Report) -> dict[int, str]:
    """``node.id`` → the part as the editor shows it: the numbers from the top (二、（三）一是) and the
    title, or 开头段 / 正文段落 for an unnumbered paragraph."""
    markers = number_report(report)
    labels: dict[int, str] = {}

    def visit(nodes: list[Node], above: str) -> None:
        for node in nodes:
            chain = above + markers[id(node)]
            name = node.title.strip() or ("开头段" if node.key == "preamble" else "正文段落")
            if node.id is not None:
                labels[node.id] = f"{chain}{name}" if chain else name
            visit(node.children, chain)

    visit(report.body, "")
    return labels


def assigned_parts(report: Report, unit: str) -> list[Node]:
    """The outermost parts assigned to ``unit`` (a part inside one of them goes with it)."""
    found: list[Node] = []

    def visit(nodes: list[Node]) -> None:
        for node in nodes:
            if node.unit == unit:
                found.append(node)
            else:
                visit(node.children)

    visit(report.body)
    return found
