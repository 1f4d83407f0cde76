from __future__ import annotations

import pytest

from models.numbering import number_report, point_marker, section_marker, sibling_markers
from models.numerals import chinese_numeral
from models.report import PARAGRAPH, POINT, SECTION, Node, Report


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "一"),
        (9, "九"),
        (10, "十"),
        (11, "十一"),
        (19, "十九"),
        (20, "二十"),
        (21, "二十一"),
        (99, "九十九"),
    ],
)
def test_chinese_numeral(n: int, expected: str) -> None:
    assert chinese_numeral(n) == expected


@pytest.mark.parametrize(
    ("depth", "index", "expected"),
    [
        (1, 1, "一、"),
        (1, 19, "十九、"),
        (2, 1, "（一）"),
        (2, 20, "（二十）"),
        (3, 12, "12."),
        (4, 3, "（3）"),
    ],
)
def test_section_marker_by_level(depth: int, index: int, expected: str) -> None:
    assert section_marker(depth, index) == expected


def test_point_markers_run_to_nineteen() -> None:
    assert [point_marker(i) for i in (1, 2, 10, 19)] == ["一是", "二是", "十是", "十九是"]


def test_paragraphs_and_points_do_not_disturb_section_numbers() -> None:
    nodes = [Node(PARAGRAPH), Node(SECTION), Node(POINT), Node(SECTION), Node(POINT), Node(PARAGRAPH)]
    assert sibling_markers(nodes, 2) == ["", "（一）", "一是", "（二）", "二是", ""]


def test_number_report_follows_position_after_a_move() -> None:
    first, second = Node(SECTION, "甲"), Node(SECTION, "乙")
    child = Node(SECTION, "丙")
    second.children.append(child)
    report = Report(body=[first, second])
    assert number_report(report)[id(second)] == "二、"
    assert number_report(report)[id(child)] == "（一）"
    report.move(second, None, 0)
    markers = number_report(report)
    assert (markers[id(second)], markers[id(first)]) == ("一、", "二、")
