"""The formula language: arithmetic over keys, nothing else."""

from __future__ import annotations

from decimal import Decimal

import pytest

from models.ledger.formula import FormulaError, parse


@pytest.mark.parametrize(
    ("text", "values", "expected"),
    [
        ("100 * a / b", {"a": Decimal(29), "b": Decimal(135)}, Decimal(2900) / Decimal(135)),
        ("a + b - c", {"a": Decimal(3), "b": Decimal(4), "c": Decimal(5)}, Decimal(2)),
        ("100 * (a + b) / c", {"a": Decimal(1), "b": Decimal(3), "c": Decimal(8)}, Decimal(50)),
        ("a - b - c", {"a": Decimal(10), "b": Decimal(3), "c": Decimal(2)}, Decimal(5)),  # left to right
        ("-a + 2.5", {"a": Decimal(1)}, Decimal("1.5")),
        ("a / b", {"a": Decimal(1), "b": Decimal(0)}, None),  # no base: not known
        ("a + b", {"a": Decimal(1)}, None),  # a part missing: not known
    ],
)
def test_evaluates(text: str, values: dict, expected: Decimal | None) -> None:
    assert parse(text).evaluate(values) == expected


def test_keys_are_the_names_it_uses() -> None:
    assert parse("100 * (files_excellent + files_pass) / files_reviewed").keys == {
        "files_excellent",
        "files_pass",
        "files_reviewed",
    }


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("__import__('os')", "不认识的符号"),
        ("a ** b", "缺少数字或指标代码"),
        ("(a + b", "不完整"),
        ("(a + b c)", "括号不配对"),
        ("a b", "多出内容"),
        ("", "空的"),
        ("open(a)", "多出内容"),
        ("a; b", "不认识的符号"),
    ],
)
def test_anything_but_arithmetic_is_refused(text: str, message: str) -> None:
    with pytest.raises(FormulaError, match=message):
        parse(text)
