"""A small arithmetic language for derived figures: numbers, indicator keys, + - * / and ( ).

Parsed once, by recursive descent, into a tree of tuples; evaluated in ``Decimal``. Nothing
is ever passed to ``eval``: a formula can only name keys and do arithmetic. A missing input or a
division by zero gives ``None`` (the figure is not known), never an error.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from models.errors import NianbaoError

_TOKEN = re.compile(r"\s*(?:(\d+(?:\.\d+)?)|([a-z][a-z0-9_]*)|([-+*/()]))")

# A parsed expression: ("num", Decimal) | ("key", str) | (op, left, right) | ("neg", operand)
Expr = tuple


class FormulaError(NianbaoError):
    pass


@dataclass(frozen=True)
class Formula:
    text: str
    tree: Expr

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(_keys(self.tree))

    def evaluate(self, values: Mapping[str, Decimal | None]) -> Decimal | None:
        try:
            return _evaluate(self.tree, values)
        except (ZeroDivisionError, InvalidOperation):
            return None


def parse(text: str) -> Formula:
    tokens = _tokenize(text)
    parser = _Parser(tokens, text)
    tree = parser.sum()
    if parser.position != len(tokens):
        raise FormulaError(f"公式“{text}”在“{tokens[parser.position][1]}”处多出内容。")
    return Formula(text, tree)


def _tokenize(text: str) -> list[tuple[str, str]]:
    tokens, position = [], 0
    text = text.rstrip()
    while position < len(text):
        m = _TOKEN.match(text, position)
        if m is None:
            raise FormulaError(
                f"公式“{text}”中有不认识的符号“{text[position:].strip()[:1]}”：只能用数字、指标代码和 + - * / ( )。"
            )
        number, key, op = m.groups()
        tokens.append(("num", number) if number else ("key", key) if key else ("op", op))
        position = m.end()
    if not tokens:
        raise FormulaError("公式是空的。")
    return tokens


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]], text: str) -> None:
        self.tokens, self.text, self.position = tokens, text, 0

    def _peek(self) -> tuple[str, str] | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def _take(self) -> tuple[str, str]:
        token = self._peek()
        if token is None:
            raise FormulaError(f"公式“{self.text}”不完整。")
        self.position += 1
        return token

    def sum(self) -> Expr:
        tree = self.product()
        while (token := self._peek()) is not None and token[1] in ("+", "-"):
            self.position += 1
            tree = (token[1], tree, self.product())
        return tree

    def product(self) -> Expr:
        tree = self.unary()
        while (token := self._peek()) is not None and token[1] in ("*", "/"):
            self.position += 1
            tree = (token[1], tree, self.unary())
        return tree

    def unary(self) -> Expr:
        token = self._take()
        if token == ("op", "-"):
            return ("neg", self.unary())
        if token == ("op", "("):
            tree = self.sum()
            if self._take() != ("op", ")"):
                raise FormulaError(f"公式“{self.text}”的括号不配对。")
            return tree
        if token[0] == "num":
            return ("num", Decimal(token[1]))
        if token[0] == "key":
            return ("key", token[1])
        raise FormulaError(f"公式“{self.text}”在“{token[1]}”处缺少数字或指标代码。")


def _keys(tree: Expr) -> list[str]:
    if tree[0] == "key":
        return [tree[1]]
    if tree[0] == "num":
        return []
    return [key for child in tree[1:] for key in _keys(child)]


def _evaluate(tree: Expr, values: Mapping[str, Decimal | None]) -> Decimal | None:
    kind = tree[0]
    if kind == "num":
        return tree[1]
    if kind == "key":
        return values.get(tree[1])
    if kind == "neg":
        inner = _evaluate(tree[1], values)
        return None if inner is None else -inner
    left, right = _evaluate(tree[1], values), _evaluate(tree[2], values)
    if left is None or right is None:
        return None
    if kind == "+":
        return left + right
    if kind == "-":
        return left - right
    if kind == "*":
        return left * right
    return left / right
