"""Changing a ledger from typed text: all or nothing, and only new hard problems refuse a change."""

from __future__ import annotations

from decimal import Decimal

import pytest

from models.ledger.editing import LedgerChanges, LedgerEditError, apply_changes, split_assignment, split_own
from models.ledger.values import CURRENT, PREVIOUS, Ledger

ISSUER = "某县人民政府"


def test_changes_apply_to_a_copy() -> None:
    ledger = Ledger()
    changes = LedgerChanges(
        kind="city",
        own=[("x_river_patrols", "河道巡查", "次")],
        figures=[(CURRENT, "x_river_patrols", "12"), (PREVIOUS, "recon_received", "30件")],
    )
    changed, warnings = apply_changes(ledger, ISSUER, changes)
    assert ledger == Ledger()  # the original is untouched
    assert changed.kind == "city"
    assert changed.get("x_river_patrols") == Decimal(12)
    assert changed.get("recon_received", PREVIOUS) == Decimal(30)
    assert warnings == []


def test_an_old_problem_does_not_block_an_unrelated_change() -> None:
    ledger = Ledger()
    ledger.set("recon_accepted", CURRENT, Decimal(35))
    ledger.set("recon_received", CURRENT, Decimal(30))  # already wrong, e.g. from a JSON file
    ledger.set("recon_closed", CURRENT, Decimal(20))
    changed, _ = apply_changes(ledger, ISSUER, LedgerChanges(figures=[(CURRENT, "norm_issued", "4")]))
    assert changed.get("norm_issued") == Decimal(4)
    with pytest.raises(LedgerEditError, match="部分不能大于总数"):  # a new one does
        apply_changes(ledger, ISSUER, LedgerChanges(figures=[(CURRENT, "recon_corrected", "25")]))
    fixed, _ = apply_changes(ledger, ISSUER, LedgerChanges(figures=[(CURRENT, "recon_received", "36")]))
    assert fixed.get("recon_received") == Decimal(36)


def test_a_second_own_indicator_with_the_same_key_is_refused() -> None:
    changes = LedgerChanges(own=[("x_a", "甲", "次"), ("x_a", "乙", "次")])
    with pytest.raises(LedgerEditError, match="已有代码为“x_a”的指标"):
        apply_changes(Ledger(), ISSUER, changes)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("recon_received=35", ("recon_received", "35")),
        (" recon_received = 35 ", ("recon_received", "35")),
        ("recon_received=", ("recon_received", "")),
    ],
)
def test_split_assignment(text: str, expected: tuple[str, str]) -> None:
    assert split_assignment(text) == expected


@pytest.mark.parametrize("text", ["recon_received", "=35", ""])
def test_split_assignment_refuses(text: str) -> None:
    with pytest.raises(LedgerEditError, match="指标代码=数值"):
        split_assignment(text)


def test_split_own() -> None:
    assert split_own("x_river=河道/湖泊巡查/次") == ("x_river", "河道/湖泊巡查", "次")
    with pytest.raises(LedgerEditError, match="名称/单位"):
        split_own("x_river=河道巡查/")
