"""Rules widened where the planted corpus showed misses: each with wrong examples found, right
examples left alone, and the fix turning wrong into right."""

from __future__ import annotations

import pytest

from models.checks import fix_all, run_checks
from models.report import POINT, SECTION
from tests.models.checks.helpers import flat, one_node_report


def _hits(rule: str, text: str = "", *, title: str = "", kind: str = SECTION, year: int = 2023) -> list[str]:
    report, _ = one_node_report(text, title=title, kind=kind, year=year)
    return [f.excerpt for f in flat(run_checks(report)) if getattr(f, "rule", "") == rule]


def _fixed(text: str = "", *, title: str = "", kind: str = SECTION, year: int = 2023) -> tuple[str, str]:
    report, _ = one_node_report(text, title=title, kind=kind, year=year)
    node = fix_all(report).body[0].children[0]
    return node.title, node.text


@pytest.mark.parametrize(
    ("title", "year", "found"),
    [
        ("24年推进法治建设的主要安排", 2023, True),
        ("21年推进法治政府建设的主要安排", 2020, True),
        ("2024年推进法治建设的主要安排", 2023, False),
        ("12年来法治建设的主要成效", 2023, False),  # a span of years, not a year
        ("35年推进法治政府建设的主要安排", 2023, False),  # not near the report's year
    ],
)
def test_short_year_opening_a_heading(title: str, year: int, found: bool) -> None:
    hits = _hits("number.short-year", "全年审核文件3件。", title=title, year=year)
    assert bool(hits) is found


def test_short_year_heading_fix() -> None:
    title, _ = _fixed("全年审核文件3件。", title="24年推进法治建设的主要安排。")
    assert title.startswith("2024年推进")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("锚定 “政府行为全面纳入法治轨道” 的总目标。", [" ", " "]),
        ("坚持和发展新时代 “枫桥经验”。", [" "]),
        ("锚定“政府行为全面纳入法治轨道”的总目标。", []),
        ("落实“谁执法谁普法”责任制， 全年开展活动5场。", []),  # after a comma: not between 汉字 and a mark
    ],
)
def test_space_beside_a_quote(text: str, found: list[str]) -> None:
    hits = [h for h in _hits("punct.cjk-space", text) if not h.strip()]
    assert len(hits) == len(found)


def test_space_beside_a_quote_fix() -> None:
    _, text = _fixed("锚定 “政府行为全面纳入法治轨道” 的总目标。")
    assert text == "锚定“政府行为全面纳入法治轨道”的总目标。"


@pytest.mark.parametrize(
    ("title", "text", "found"),
    [
        ("普法宣传的精准度还不够高主要原因在于：干部培训不足。", "", "高主要原因在于"),
        ("", "执法力量不足究其原因，主要是编制有限。", "足究其原因"),
        ("", "执法力量不足。究其原因，主要是编制有限。", ""),
        ("", "执法力量不足，其主要原因在于编制有限。", ""),
        ("", "产生问题的主要原因是编制有限。", ""),
    ],
)
def test_causes_run_into_the_problems(title: str, text: str, found: str) -> None:
    hits = _hits("numbering.run-in-stop", text, title=title, kind=POINT if title else SECTION)
    assert hits == ([found] if found else [])


def test_causes_run_in_fix() -> None:
    _, text = _fixed("执法力量不足究其原因，主要是编制有限。")
    assert text == "执法力量不足。究其原因，主要是编制有限。"


@pytest.mark.parametrize(
    ("text", "year", "found"),
    [
        ("认真贯彻落实《法治政府建设实施纲要（2015—2020年）》，扎实推进法治政府建设。", 2021, True),
        ("按照《法治政府建设实施纲要（2015—2020年）》要求开展工作。", 2022, True),
        ("认真贯彻落实《法治政府建设实施纲要（2015—2020年）》，扎实推进法治政府建设。", 2019, False),
        ("《法治政府建设实施纲要（2015—2020年）》确定的目标基本实现。", 2021, False),  # recalled, not carried out
        ("认真贯彻落实《法治政府建设实施纲要（2021—2025年）》。", 2021, False),
    ],
)
def test_expired_edition_of_a_core_document(text: str, year: int, found: bool) -> None:
    assert bool(_hits("citation.period-years", text, year=year)) is found


def test_expired_edition_fix() -> None:
    _, text = _fixed("认真贯彻落实《法治政府建设实施纲要（2015—2020年）》。", year=2021)
    assert text == "认真贯彻落实《法治政府建设实施纲要（2021—2025年）》。"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("根据中共中央《全面深化法治领域改革纲要（2023—2025年）》提出的要求。", True),
        ("根据中共中央《全面深化法治领域改革纲要（2023—2027年）》提出的要求。", False),
    ],
)
def test_reform_outline_years(text: str, found: bool) -> None:
    assert bool(_hits("citation.period-years", text)) is found


@pytest.mark.parametrize(
    ("text", "rule", "found"),
    [
        ("按照《督察规定》要求报告如下。", "citation.short-title", True),
        ("按照《法治政府建设与责任落实督察工作规定》（以下简称《督察规定》）要求。", "citation.short-title", False),
        ("贯彻落实新修订的《复议法》。", "citation.short-title", True),
        ("开展土地管理法、城乡规划法宣传活动。", "citation.bare-title", True),
        ("开展《中华人民共和国土地管理法》宣传活动。", "citation.bare-title", False),
    ],
)
def test_registry_additions(text: str, rule: str, found: bool) -> None:
    assert bool(_hits(rule, text)) is found


def test_expired_edition_named_beside_the_current_one_is_left_alone() -> None:
    text = "落实《法治政府建设实施纲要（2015—2020年）》和《法治政府建设实施纲要（2021—2025年）》。"
    assert _hits("citation.period-years", text) == []
