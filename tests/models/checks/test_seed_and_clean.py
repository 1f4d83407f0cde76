"""The scraped sample report: its known problems are found and fixed; a clean report passes."""

from __future__ import annotations

import re

import pytest

from models.checks import fix_all, run_checks
from tests.models.checks.clean_report import clean_report
from tests.models.checks.helpers import find_node, flat
from tests.seed_report import seed_report

SEED_PREAMBLE_FIXED = (
    "2023年，九龙坡区城市管理局坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，深入贯彻落实习近平法治思想"
    "和中央全面依法治国工作会议精神，按照《法治中国建设规划（2020—2025年）》《法治政府建设实施纲要（2021—2025年）》"
    "《法治社会建设实施纲要（2020—2025年）》和《重庆市城市管理局关于印发重庆市城市管理局2023年法治政府建设工作要点的通知》"
    "（渝城管局〔2023〕83号）、《2023年重庆市九龙坡区法治政府建设工作要点》（九龙坡府办发〔2023〕65号）的部署要求，"
    "深入推进城市管理部门法治政府建设。现将有关情况报告如下。"
)


@pytest.fixture(scope="module")
def seed():
    report = seed_report()
    return report, run_checks(report)


def _has(findings, rule: str, excerpt: str, node_id: int | None = None):
    """The finding or place of ``rule`` on ``excerpt``, wherever grouping put it."""
    return [
        f
        for f in flat(findings)
        if f.rule == rule and f.excerpt == excerpt and (node_id is None or f.node_id == node_id)
    ]


def test_seed_gets_at_most_30_findings(seed) -> None:
    _, findings = seed
    assert len(findings) <= 30
    [ascii_marks] = [f for f in findings if f.rule == "punct.ascii"]  # 134 commas and more: one finding
    assert ascii_marks.field == "body"
    assert sum(len(p.places) or 1 for p in ascii_marks.places) > 100
    assert len(ascii_marks.places) == len({(p.node_id, p.field) for p in ascii_marks.places})  # one per paragraph


def test_seed_ascii_brackets_are_found(seed) -> None:
    report, findings = seed
    preamble = report.body[0].id
    found = _has(findings, "punct.ascii-brackets", "(渝城管局〔202383号)", preamble)
    assert found
    assert found[0].fix.replacement == "（渝城管局〔202383号）"
    # inside the 纲要 titles the brackets are folded into the wrong title, whose fix repairs them
    titles = [f for f in findings if f.rule == "citation.canonical"]
    assert len(titles) == 3
    assert all("punct.ascii-brackets" in f.folded and "（" in f.fix.replacement for f in titles)


def test_seed_scraped_doc_number_is_found_and_fixed(seed) -> None:
    _, findings = seed
    [finding] = _has(findings, "citation.doc-number-scrape", "〔202383号")
    assert finding.severity == "错误"
    assert finding.fix.replacement == "〔2023〕83号"


def test_seed_scraped_year_range_is_found_and_fixed(seed) -> None:
    _, findings = seed
    titles = [f for f in findings if f.rule == "citation.canonical" and "punct.time-range" in f.folded]
    assert len(titles) == 3  # one finding per damaged title: wrong title, brackets and range together
    assert sum("20202025年" in f.excerpt for f in titles) == 2
    assert {f.fix.replacement for f in titles if "20202025年" in f.excerpt} == {
        "《法治中国建设规划（2020—2025年）》",
        "《法治社会建设实施纲要（2020—2025年）》",
    }
    assert all(f.severity == "错误" for f in titles)


def test_seed_serial_comma_between_book_titles(seed) -> None:
    report, findings = seed
    found = [f for f in findings if f.rule == "punct.serial-comma-titles"]
    assert [f.excerpt for f in found] == ["》、《", "》、《"]
    assert all(f.node_id == report.body[0].id for f in found)
    # the 顿号 after a 括注 （…号）、《 is correct and is not reported
    after_note = report.body[0].text.index("号)、《") + 2
    assert not [f for f in found if f.start <= after_note < f.end]


def test_seed_item_seven_point_three_lacks_its_final_full_stop(seed) -> None:
    report, findings = seed
    item = find_node(report, "依法做好行政复议和行政应诉工作")
    [finding] = [f for f in findings if f.rule == "punct.final" and f.node_id == item.id]
    assert item.text.endswith(finding.excerpt)
    assert finding.fix.replacement == finding.excerpt + "。"
    assert finding.end == len(item.text)


def test_seed_problems_part_lacks_causes(seed) -> None:
    report, findings = seed
    part = find_node(report, "存在的主要问题")
    assert len(part.children) == 5  # its five points (一是…五是), none giving a cause
    [finding] = [f for f in findings if f.rule == "content.causes"]
    assert (finding.node_id, finding.field, finding.excerpt) == (part.id, "title", "存在的主要问题")
    assert finding.severity == "错误"
    assert not [f for f in findings if f.rule == "content.statutory-part"]


def test_seed_well_formed_dates_are_not_flagged(seed) -> None:
    report, findings = seed
    dates = [(n.id, m.span()) for n in report.walk() for m in re.finditer(r"\d{4}年\d{1,2}月\d{1,2}日", n.text)]
    report.body[0].text += "本报告于2024年3月6日印发。"
    findings = run_checks(report)
    report.body[0].text = report.body[0].text.removesuffix("本报告于2024年3月6日印发。")
    dates.append((report.body[0].id, (len(report.body[0].text) + 5, len(report.body[0].text) + 14)))
    for node_id, (start, end) in dates:
        overlapping = [
            f for f in findings if f.node_id == node_id and f.field == "text" and f.start < end and start < f.end
        ]
        assert overlapping == []
    # The only number finding: “3.19” names a day (城管 主题服务宣传周), written “3·19” (GB/T 15834 4.14).
    assert [(f.rule, f.excerpt) for f in findings if f.family == "numbers"] == [("number.event-dot", "3.19")]


def test_fixing_everything_repairs_the_seed_preamble() -> None:
    fixed = fix_all(seed_report())
    assert fixed.body[0].text == SEED_PREAMBLE_FIXED
    left = {f.rule for f in run_checks(fixed) if f.severity == "错误"}
    assert left == {"content.causes"}  # the causes must be written by a person


def test_fix_all_does_not_touch_the_original() -> None:
    report = seed_report()
    before = report.body[0].text
    fix_all(report)
    assert report.body[0].text == before


@pytest.mark.parametrize("edition", ["submit", "public"])
def test_clean_report_has_no_errors(edition: str) -> None:
    findings = run_checks(clean_report(), edition=edition)
    assert [f for f in findings if f.severity == "错误"] == []


def test_clean_report_is_a_few_pages() -> None:
    report = clean_report()
    chars = sum(len(n.title) + len(n.text) for n in report.walk())
    assert chars > 1500  # about three pages of 22 lines × 28 characters


def test_clean_report_gives_no_advice_either() -> None:
    assert run_checks(clean_report()) == []
    assert run_checks(clean_report(), edition="public") == []


def test_repaired_seed_keeps_only_its_real_problems() -> None:
    """The repaired sample: the missing 句号 and causes are in the text as published; its 成文日期
    (2024年3月6日) is after a department's 3月1日 reporting date; as published it writes the
    宣传周 “3.19” with a dot (GB/T 15834 4.14: 间隔号) and cites 行政处罚法 without 书名号."""
    findings = run_checks(seed_report(repaired=True))
    assert sorted(f.rule for f in findings) == [
        "citation.bare-title",
        "content.causes",
        "date.submit-deadline",
        "number.event-dot",
        "punct.final",
    ]
