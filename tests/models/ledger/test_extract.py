"""Figures read from real report sentences (tests/data/real, tests/data/seed-report-2023.txt)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from models.importing import import_file
from models.importing.figures import propose_figures
from models.ledger.definitions import load_catalogue
from models.ledger.extract import accept, find_figures, propose
from models.ledger.values import CURRENT, PREVIOUS, Ledger
from tests.conftest import DATA, SEED_REPORT

COUNTY = load_catalogue().set("county").indicators
DEPARTMENT = load_catalogue().set("department").indicators
TOWNSHIP = load_catalogue().set("township").indicators


def _figures(text: str, indicators=COUNTY) -> list[tuple[str, str, bool, str]]:
    return [
        (f.key, format(f.value.normalize(), "f"), f.approximate, text[f.start : f.end])
        for f in find_figures(text, indicators)
    ]


@pytest.mark.parametrize(
    ("text", "indicators", "expected"),
    [
        ("全年共收到行政复议申请30件。", COUNTY, [("recon_received", "30", False, "30件")]),
        # real sentences, as the corpus has them (ASCII commas from the page store)
        (
            "2024年合法性审核规范性文件10件,完成县政府规范性文件备案6件,县政府部门规范性文件备案2件。",
            DEPARTMENT,
            [
                ("norm_reviewed", "10", False, "10件"),
                ("norm_filed", "6", False, "6件"),
                ("norm_filed", "2", False, "2件"),
            ],
        ),
        (
            "清理规范性文件2次、100余件,废止7件,现行有效行政规范性文件86件,其中县政府60件、乡镇13件、县政府部门13件。",
            DEPARTMENT,
            [("norm_repealed", "7", False, "7件"), ("norm_valid", "86", False, "86件")],
        ),
        (
            "县政府行政应诉案件18件,已结案件11件,无败诉案件,行政机关负责人出庭应诉率100%。",
            DEPARTMENT,
            [
                ("litig_cases", "18", False, "18件"),
                ("litig_closed", "11", False, "11件"),
                ("litig_head_rate", "100", False, "100%"),
            ],
        ),
        (
            "全年处理行政复议案8件,行政诉讼13件,行政负责人出庭率达100%。",
            DEPARTMENT,
            [
                ("recon_resp_cases", "8", False, "8件"),
                ("litig_cases", "13", False, "13件"),
                ("litig_head_rate", "100", False, "100%"),
            ],
        ),
        (
            "开展安全生产相关行政处罚26起,罚没金额12.6万元。",
            DEPARTMENT,
            [("enf_penalties", "26", False, "26起"), ("enf_penalty_amount", "12.6", False, "12.6万元")],
        ),
        (
            "全年排查化解矛盾纠纷391件,化解率达96%。",
            TOWNSHIP,
            [("disputes_screened", "391", False, "391件"), ("dispute_resolution_rate", "96", False, "96%")],
        ),
        ("有针对性地开展公益普法活动20余场。", TOWNSHIP, [("pufa_events", "20", True, "20余场")]),
        ("全年县委理论学习中心组学法7次。", DEPARTMENT, [("center_group_law_study", "7", False, "7次")]),
        (
            "2025年,司法所共参与领导班子会议9次、审核合同5份,有效防范行政决策法律风险。",
            TOWNSHIP,
            [("contracts_reviewed", "5", False, "5份")],
        ),
        # from ledger-and-citations.md §1 examples
        (
            "全年共审结行政复议申请135件,其中纠错(含撤销、确认违法)29件,纠错率约19.2%。",
            COUNTY,
            [
                ("recon_closed", "135", False, "135件"),
                ("recon_corrected", "29", False, "29件"),
                ("recon_correction_rate", "19.2", True, "19.2%"),
            ],
        ),
        (
            "审结536件,败诉33件,败诉率为6.20%",
            COUNTY,
            [
                ("litig_closed", "536", False, "536件"),
                ("litig_lost", "33", False, "33件"),
                ("litig_loss_rate", "6.2", False, "6.20%"),
            ],
        ),
        ("共办理各类行政执法案件1616.85万宗", COUNTY, [("enf_cases_total", "16168500", False, "1616.85万宗")]),
        # not figures: the wrong unit, a short word in a sentence about something else, no number
        ("收到行政复议申请30人。", COUNTY, []),
        ("审结4311件。", COUNTY, []),
        ("依法办理行政复议案件。", COUNTY, []),
    ],
)
def test_figures_in_sentences(text: str, indicators, expected) -> None:
    assert _figures(text, indicators) == expected


def test_proposals_from_a_real_report() -> None:
    """A county 司法局's 2024 report: the figures its clerk would carry into the ledger."""
    result = import_file(DATA / "real" / "2024-dept-county-cq-wushan-sfj.txt")
    proposed = {p.key: (p.value, p.approximate, p.others) for p in result.figures}
    assert proposed["norm_reviewed"] == (Decimal(10), False, ())
    assert proposed["norm_filed"] == (Decimal(6), False, (Decimal(2),))  # the second figure is shown beside it
    assert proposed["norm_valid"] == (Decimal(86), False, ())
    assert proposed["recon_resp_cases"] == (Decimal(141), False, ())
    assert proposed["litig_head_rate"] == (Decimal(100), False, ())
    excerpt = next(p.excerpt for p in result.figures if p.key == "norm_valid")
    assert excerpt.startswith("清理规范性文件2次")
    assert excerpt.endswith("。")
    assert result.report.ledger.empty  # proposals only: nothing filled in without the clerk


def test_proposals_from_the_sample_skip_the_plans_part() -> None:
    result = import_file(SEED_REPORT)
    proposed = {p.key: p.value for p in result.figures}
    assert proposed["recon_resp_cases"] == Decimal(8)
    assert proposed["litig_cases"] == Decimal(13)
    assert proposed["enf_penalty_amount"] == Decimal("12.6")
    plans = next(n for n in result.report.body if n.key == "plans")
    plans.children[0].text += "力争行政复议案件控制在5件以内。"
    assert {p.key: p.value for p in propose_figures(result.report)}["recon_resp_cases"] == Decimal(8)


def test_every_real_report_gives_proposals_that_are_valid_figures() -> None:
    reports = sorted((DATA / "real").glob("*.txt"))
    assert len(reports) >= 40
    found = 0
    for path in reports:
        for proposal in import_file(path).figures:
            found += 1
            indicator = load_catalogue().indicator(proposal.key)
            assert proposal.value >= 0
            assert not indicator.is_rate or proposal.value <= 100
            assert proposal.excerpt
    assert found >= 20  # each file is the opening of its page (~1,500 characters), mostly prose


def test_a_figure_the_ledger_cannot_hold_is_not_proposed() -> None:
    proposals = propose(["行政机关负责人出庭应诉率120%，现行有效规范性文件86件。"], DEPARTMENT)
    assert [(p.key, p.value) for p in proposals] == [("norm_valid", Decimal(86))]


def test_approximate_figures_give_way_to_exact_ones() -> None:
    [proposal] = propose(["开展普法活动20余场。", "全年开展普法活动22场。"], TOWNSHIP)
    assert (proposal.value, proposal.approximate, proposal.others) == (Decimal(22), False, (Decimal(20),))


def test_accepting_proposals_never_overwrites_the_clerks_figures() -> None:
    ledger = Ledger()
    ledger.set("norm_filed", PREVIOUS, Decimal(5))
    proposals = propose(["完成规范性文件备案6件，现行有效规范性文件86件。"], DEPARTMENT)
    accepted = accept(ledger, proposals, PREVIOUS)
    assert accepted.get("norm_filed", PREVIOUS) == Decimal(5)
    assert accepted.get("norm_valid", PREVIOUS) == Decimal(86)
    assert ledger.get("norm_valid", PREVIOUS) is None  # the original is untouched
    assert accept(Ledger(), proposals, CURRENT).get("norm_valid") == Decimal(86)
