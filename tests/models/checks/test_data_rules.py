"""The data. rules: each wrong example found (with its excerpt and fix), each right one left alone;
nothing on the sample reports with an empty ledger."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

import pytest

from models.checks import RULES, apply_all, fix_all, run_checks
from models.ledger.values import CURRENT, PREVIOUS, Ledger
from models.report import SECTION, Node
from tests.models.checks.clean_report import clean_report
from tests.models.checks.helpers import one_node_report
from tests.seed_report import seed_report

DATA_RULES = {r.id for r in RULES if r.id.startswith("data.")}


@dataclass(frozen=True)
class Case:
    rule: str
    wrong: str
    excerpts: tuple[str, ...]
    right: str
    ledger: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)  # key → (本年, 上年)
    fixes: bool = True
    reference: str = ""  # last year's text of the part
    part_title: str = "2023年法治政府建设工作情况"


CASES = [
    # a figure the ledger contradicts
    Case(
        "data.ledger-mismatch",
        "全年共收到行政复议申请30件，依法受理28件。",
        ("30",),
        "全年共收到行政复议申请35件，依法受理28件。",
        {"recon_received": ("35", None)},
    ),
    Case(
        "data.ledger-mismatch",
        "行政机关负责人出庭应诉率为95.2%。",
        ("95.2",),
        "行政机关负责人出庭应诉率为96.0%。",
        {"litig_head_appeared": ("24", None), "litig_hearings": ("25", None)},
    ),  # 96% computed from its parts
    Case(
        "data.ledger-mismatch",
        "2022年全年收到行政复议申请28件。",
        ("28",),
        "2022年全年收到行政复议申请30件。",
        {"recon_received": ("35", "30")},
    ),  # last year's sentence compared with 上年
    Case(
        "data.ledger-mismatch",
        "罚没金额12.6万元。",
        ("12.6",),
        "罚没金额13.2万元。",
        {"enf_penalty_amount": ("13.2", None)},
    ),
    # last year's figure left in this year's text
    Case(
        "data.last-year-figure",
        "全年共收到行政复议申请30件。",
        ("30",),
        "全年共收到行政复议申请35件。",
        {"recon_received": ("35", "30")},
    ),
    Case(
        "data.last-year-figure",
        "审查重大合同39份。",
        ("39",),
        "审查重大合同41份。",
        fixes=False,
        reference="全年共审查重大合同39份，提出法律意见12条。",
    ),
    # a rate its parts in the same sentence contradict (防城 2024: 29 ÷ 151, not ÷ 135)
    Case(
        "data.rate-parts",
        "全年共审结行政复议申请135件，其中纠错(含撤销、确认违法)29件，纠错率约19.2%。",
        ("19.2",),
        "全年共审结行政复议申请135件，其中纠错(含撤销、确认违法)29件，纠错率约21.5%。",
    ),
    Case("data.rate-parts", "审结536件，败诉33件，败诉率为6.20%。", ("6.20",), "审结536件，败诉33件，败诉率为6.16%。"),
    Case(
        "data.rate-parts",
        "转办工单1164件，办结1100件，办结率100%。",
        ("100",),
        "转办工单1164件，办结1100件，办结率95%。",
    ),
    # a total smaller than its items
    Case(
        "data.total-items",
        "现行有效规范性文件共80件，其中县政府60件、乡镇13件、县政府部门13件。",
        ("80件",),
        "现行有效规范性文件共86件，其中县政府60件、乡镇13件、县政府部门13件。",
        fixes=False,
    ),
    Case(
        "data.total-items",
        "配备执法人员4名，其中持证执法人员5名。",
        ("5名",),
        "配备执法人员5名，其中持证执法人员5名。",
        fixes=False,
    ),
    Case(
        "data.total-items",
        "共审查规范性文件12件，其中合法性审核规范性文件15件。",
        ("12件",),
        "共审查规范性文件15件，其中合法性审核规范性文件15件。",
        fixes=False,
    ),
    # a 同比 claim the two years' figures contradict
    Case(
        "data.yoy-claim",
        "全年收到行政复议申请35件，同比增长20%。",
        ("增长20%",),
        "全年收到行政复议申请35件，同比增长17%。",
        {"recon_received": ("35", "30")},
    ),
    Case(
        "data.yoy-claim",
        "全年收到行政复议申请35件，同比下降16.7%。",
        ("下降16.7%",),
        "全年收到行政复议申请35件，同比增长16.7%。",
        {"recon_received": ("35", "30")},
    ),
    Case(
        "data.yoy-claim",
        "败诉率为6.88%，同比下降3.95%。",
        ("下降3.95%",),
        "败诉率为6.88%，同比下降3.95个百分点。",
        {"litig_loss_rate": ("6.88", "10.83")},
    ),
    # a live reference (models.ledger.refs) to a figure the ledger does not have yet
    Case(
        "data.missing-value",
        "上年收到行政复议申请{{ledger:recon_received:previous}}。",
        ("【待填：收到行政复议申请（上年）】",),
        "全年共收到行政复议申请{{ledger:recon_received}}。",
        {"recon_received": ("35", None)},
        fixes=False,
    ),
]


def _report(case: Case, text: str):
    report, node = one_node_report(text, part_title=case.part_title)
    report.meta.issuer = "某县人民政府"
    ledger = Ledger(kind="county")
    for key, (current, previous) in case.ledger.items():
        ledger.set(key, CURRENT, None if current is None else Decimal(current))
        ledger.set(key, PREVIOUS, None if previous is None else Decimal(previous))
    report.ledger = ledger
    node.reference = case.reference
    return report, node


def _found(case: Case, text: str):
    report, node = _report(case, text)
    found = [f for f in run_checks(report) if f.rule in DATA_RULES]
    return report, node, found


def _id(case: Case) -> str:
    return f"{case.rule}:{case.wrong[:14]}"


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_wrong_example_is_found(case: Case) -> None:
    _, node, found = _found(case, case.wrong)
    assert [(f.rule, f.excerpt, f.node_id) for f in found] == [(case.rule, e, node.id) for e in case.excerpts]
    assert all(f.message and f.severity == ("错误" if f.rule == "data.missing-value" else "建议") for f in found)


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_right_example_is_left_alone(case: Case) -> None:
    assert _found(case, case.right)[2] == []


@pytest.mark.parametrize("case", [c for c in CASES if c.fixes], ids=_id)
def test_fix_gives_the_right_example(case: Case) -> None:
    report, node, found = _found(case, case.wrong)
    assert apply_all(report, found).find(node.id).text == case.right


def test_every_data_rule_has_cases() -> None:
    assert (
        {c.rule for c in CASES}
        == DATA_RULES
        == {
            "data.missing-value",
            "data.ledger-mismatch",
            "data.last-year-figure",
            "data.rate-parts",
            "data.total-items",
            "data.yoy-claim",
        }
    )


def test_messages_say_what_the_ledger_holds() -> None:
    _, _, [finding] = _found(CASES[0], CASES[0].wrong)
    assert finding.message == "台账中本年“收到行政复议申请”为35件，这里写的是30，请核对。"
    _, _, [finding] = _found(CASES[4], CASES[4].wrong)
    assert finding.message == "30是台账中上年“收到行政复议申请”的数字，本年为35件：是否沿用了去年的数字？"
    _, _, [finding] = _found(CASES[6], CASES[6].wrong)
    assert finding.message == (
        "“直接纠错率”写的是19.2%，按本句的审结行政复议案件135件、直接纠错29件算是21.5%，请核对分子分母。"
    )


@pytest.mark.parametrize(
    "text",
    [
        "全年共收到行政复议申请30余件。",  # approximate: never compared
        "2024年力争收到行政复议申请30件以内。",  # another year
        "发放宣传资料8000余份，覆盖群众4万余人次。",
        "全年审结4311件，败诉686件，败诉率为15.91%。",  # 15.91% is right
        "共办理案件30件，其中提出法律意见50条、审核合同40份。",  # other units are not items of the total
    ],
)
def test_no_finding_where_nothing_is_wrong(text: str) -> None:
    case = Case("data.ledger-mismatch", "", (), "", {"recon_received": ("35", "30"), "pufa_materials": ("9000", None)})
    assert _found(case, text)[2] == []


def test_plans_part_figures_are_targets_not_compared() -> None:
    case = Case("data.ledger-mismatch", "", (), "", {"recon_received": ("35", "30")}, part_title="2024年工作安排")
    assert _found(case, "全年收到行政复议申请30件。")[2] == []


@pytest.mark.parametrize(
    "report", [seed_report(), seed_report(repaired=True), clean_report()], ids=["seed", "repaired", "clean"]
)
def test_sample_reports_with_an_empty_ledger_have_no_data_finding(report) -> None:
    assert report.ledger.empty
    assert [f for f in run_checks(report) if f.rule in DATA_RULES] == []
    assert [f for f in run_checks(fix_all(report)) if f.rule in DATA_RULES] == []


def test_the_sample_against_a_ledger_that_disagrees() -> None:
    """全年处理行政复议案8件,行政诉讼13件 in the scraped sample, a department whose ledger says 9 and 13."""
    report = seed_report(repaired=True)
    report.ledger = Ledger()
    report.ledger.set("recon_resp_cases", CURRENT, Decimal(9))
    report.ledger.set("litig_cases", CURRENT, Decimal(13))
    found = [f for f in run_checks(report) if f.rule in DATA_RULES]
    assert [(f.rule, f.excerpt) for f in found] == [("data.ledger-mismatch", "8")]
    node = report.find(found[0].node_id)
    assert "全年处理行政复议案9件" in apply_all(report, found).find(node.id).text


def test_a_heading_is_checked_too() -> None:
    report, _ = one_node_report("", title="", kind=SECTION)
    heading = Node(SECTION, title="收到行政复议申请30件", id=999)
    report.body[0].children.append(heading)
    report.ledger = Ledger(kind="county")
    report.ledger.set("recon_received", CURRENT, Decimal(35))
    found = [f for f in run_checks(report) if f.rule == "data.ledger-mismatch"]
    assert [(f.node_id, f.field, f.excerpt) for f in found] == [(999, "title", "30")]
