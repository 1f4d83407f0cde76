"""Sequence markers computed from position (GB/T 9704 7.3.3): 一、 （一） 1. （1）, and 一是…

Sections are numbered among their section siblings by depth; points among their point
siblings; paragraphs carry no number. Nothing here is stored.
"""

from __future__ import annotations

from collections.abc import Iterable

from models.numerals import CIRCLED, chinese_numeral
from models.report import POINT, SECTION, Node, Report


def section_marker(depth: int, index: int) -> str:
    """Marker of the ``index``-th (1-based) section at heading level ``depth`` (1-based)."""
    if depth == 1:
        return f"{chinese_numeral(index)}、"
    if depth == 2:
        return f"（{chinese_numeral(index)}）"
    if depth == 3:
        return f"{index}."
    if depth == 4:
        return f"（{index}）"
    return CIRCLED[index - 1] if index <= len(CIRCLED) else f"{index})"


def point_marker(index: int) -> str:
    return f"{chinese_numeral(index)}是"


def sibling_markers(nodes: Iterable[Node], depth: int) -> list[str]:
    """Markers for one list of siblings, in order ("" for paragraphs)."""
    markers: list[str] = []
    sections = points = 0
    for node in nodes:
        if node.kind == SECTION:
            sections += 1
            markers.append(section_marker(depth, sections))
        elif node.kind == POINT:
            points += 1
            markers.append(point_marker(points))
        else:
            markers.append("")
    return markers


def number_report(report: Report) -> dict[int, str]:
    """Marker for every node, keyed by ``id(node)`` (works for unsaved nodes too)."""
    result: dict[int, str] = {}

    def visit(nodes: list[Node], depth: int) -> None:
        for node, marker in zip(nodes, sibling_markers(nodes, depth), strict=True):
            result[id(node)] = marker
            visit(node.children, depth + 1)

    visit(report.body, 1)
    return result
