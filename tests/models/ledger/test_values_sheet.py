"""Typed figures, derived rates, 同比, constraint problems, roll-forward of the ledger."""

from __future__ import annotations

from decimal import Decimal

import pytest

from models.ledger.definitions import custom_indicator, load_catalogue
from models.ledger.sheet import Sheet, describe_change, year_on_year
from models.ledger.values import CURRENT, PREVIOUS, Ledger, LedgerValueError, format_value, parse_value, rolled

CATALOGUE = load_catalogue()
RECEIVED = CATALOGUE.indicator("recon_received")
RATE = CATALOGUE.indicator("recon_correction_rate")
AMOUNT = CATALOGUE.indicator("enf_penalty_amount")


@pytest.mark.parametrize(
    ("text", "indicator", "expected"),
    [
        ("35", RECEIVED, "35"),
        ("35件", RECEIVED, "35"),
        ("1,616", RECEIVED, "1616"),
        ("３５", RECEIVED, "35"),
        ("99.6", RATE, "99.6"),
        ("99.6%", RATE, "99.6"),
        ("100", RATE, "100"),
        ("0", RATE, "0"),
        ("12.6", AMOUNT, "12.6"),
        ("12.60万元", AMOUNT, "12.6"),
        ("", RECEIVED, ""),
        ("  ", RECEIVED, ""),
    ],
)
def test_typed_figures_are_read(text: str, indicator, expected: str) -> None:
    assert format_value(parse_value(text, indicator)) == expected


@pytest.mark.parametrize(
    ("text", "indicator", "message"),
    [
        ("三十", RECEIVED, "应填数字，“三十”不是数字"),
        ("30余", RECEIVED, "不是数字"),
        ("-3", RECEIVED, "不能是负数"),
        ("3.5", RECEIVED, "应为整数"),
        ("101", RATE, "不能超过100%"),
        ("100.5%", RATE, "不能超过100%"),
        ("-1", AMOUNT, "不能是负数"),
        ("1e5", RECEIVED, "不是数字"),
        ("1234567890123456", RECEIVED, "位数太多"),
    ],
)
def test_bad_figures_are_refused_in_chinese(text: str, indicator, message: str) -> None:
    with pytest.raises(LedgerValueError, match=message):
        parse_value(text, indicator)


def _ledger(**figures: tuple[str | None, str | None]) -> Ledger:
    ledger = Ledger()
    for key, (current, previous) in figures.items():
        ledger.set(key, CURRENT, None if current is None else Decimal(current))
        ledger.set(key, PREVIOUS, None if previous is None else Decimal(previous))
    return ledger


def test_a_rate_is_computed_from_its_parts_unless_typed() -> None:
    sheet = Sheet(_ledger(recon_corrected=("29", "20"), recon_closed=("135", "100")), "某县人民政府")
    assert sheet.value("recon_correction_rate") == Decimal("21.48")
    assert sheet.value("recon_correction_rate", PREVIOUS) == Decimal("20.00")
    row = next(r for r in sheet.rows() if r.indicator.key == "recon_correction_rate")
    assert row.computed
    assert row.change == Decimal("1.48")
    assert describe_change(row.indicator, row.change) == "增长1.48个百分点"
    assert sheet.problems() == []


def test_a_typed_rate_its_parts_contradict_is_a_problem() -> None:
    """防城 2024: 29 of 135 closed, but 纠错率约19.2% (29 / 151 accepted)."""
    ledger = _ledger(recon_corrected=("29", None), recon_closed=("135", None), recon_correction_rate=("19.2", None))
    [problem] = Sheet(ledger, "某县人民政府").problems()
    assert problem.key == "recon_correction_rate"
    assert problem.message == "本年“直接纠错率”填的是19.2%，由“审结行政复议案件”、“直接纠错”算出的是21.48%。"
    truncated = _ledger(
        recon_corrected=("140", None), recon_closed=("151", None), recon_correction_rate=("92.71", None)
    )
    assert Sheet(truncated, "某县人民政府").problems() == []  # ±0.01: truncation is not flagged


@pytest.mark.parametrize(
    ("figures", "message"),
    [
        (
            {"recon_accepted": ("35", None), "recon_received": ("30", None)},
            "本年“受理行政复议案件”（35件）大于“收到行政复议申请”（30件），部分不能大于总数。",
        ),
        (
            {"litig_head_appeared": (None, "15"), "litig_hearings": (None, "12")},
            "上年“负责人出庭应诉”（15件）大于“开庭审理案件”（12件），部分不能大于总数。",
        ),
        (
            {
                "files_excellent": ("310", None),
                "files_pass": ("828", None),
                "files_fail": ("2", None),
                "files_reviewed": ("1141", None),
            },
            "本年“优秀案卷” + “合格案卷” + “不合格案卷”（1140卷）与“评查案卷”（1141卷）应当相等。",
        ),
        (
            {"litig_head_appeared": ("15", None), "litig_hearings": ("12", None)},
            "本年“行政机关负责人出庭应诉率”为125%，比率不能超过100%，请核对其分子分母。",
        ),
    ],
)
def test_constraints(figures: dict, message: str) -> None:
    messages = [p.message for p in Sheet(_ledger(**figures), "某县人民政府").problems()]
    assert message in messages


def test_right_figures_break_no_constraint() -> None:
    ledger = _ledger(
        recon_received=("30", "28"),
        recon_accepted=("28", "25"),
        recon_carried_in=("2", None),
        recon_closed=("30", "25"),
        recon_corrected=("5", "3"),
        files_excellent=("310", None),
        files_pass=("828", None),
        files_fail=("3", None),
        files_reviewed=("1141", None),
        litig_head_appeared=("12", None),
        litig_hearings=("12", None),
    )
    assert Sheet(ledger, "某县人民政府").problems() == []


def test_year_on_year_for_counts_and_rates() -> None:
    assert year_on_year(RECEIVED, Decimal(151), Decimal(66)) == Decimal("128.79")  # rounded, not truncated
    assert year_on_year(RECEIVED, Decimal(5), Decimal(0)) is None
    assert year_on_year(RATE, Decimal("6.88"), Decimal("10.83")) == Decimal("-3.95")
    assert describe_change(RATE, Decimal("-3.95")) == "下降3.95个百分点"
    assert describe_change(RECEIVED, Decimal("17.1")) == "增长17.1%"


def test_figures_outside_the_set_are_kept_and_shown() -> None:
    ledger = _ledger(recon_received=("30", None), mystery_figure=("7", None))
    ledger.custom.append(custom_indicator("x_river_patrols", "河道巡查", "次"))
    sheet = Sheet(ledger, "某区某局")  # a department: 行政复议 as 复议机关 is not in its set
    keys = [i.key for i in sheet.indicators]
    assert keys[-3:] == ["x_river_patrols", "recon_received", "mystery_figure"]
    assert sheet.group_name(sheet.by_key["x_river_patrols"].group) == "本单位自定义"


def test_roll_forward_moves_this_year_into_last_year() -> None:
    ledger = _ledger(recon_received=("35", "30"), recon_closed=(None, "20"))
    ledger.kind = "county"
    ledger.custom.append(custom_indicator("x_river_patrols", "河道巡查", "次"))
    ledger.set("x_river_patrols", CURRENT, Decimal(12))
    nxt = rolled(ledger)
    assert nxt.kind == "county"
    assert [i.key for i in nxt.custom] == ["x_river_patrols"]
    assert {k: (e.current, e.previous) for k, e in nxt.entries.items()} == {
        "recon_received": (None, Decimal(35)),
        "x_river_patrols": (None, Decimal(12)),
    }
