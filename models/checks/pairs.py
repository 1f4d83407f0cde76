"""Punctuation that comes in pairs (GB/T 15834—2011 4.8 引号, 4.9 括号, 4.15 书名号)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.checks.model import ERROR, HYGIENE, NODE_FIELDS, PROSE_FIELDS, Group, Hit, Rule, Where
from models.checks.patterns import CJK_CHAR

_HAS_CJK = re.compile(CJK_CHAR)
_ASCII_QUOTED = re.compile(r'"([^"\n]*)"')
_PAIRS = {"“": "”", "《": "》", "（": "）"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}
_PAIR_NAMES = {"“": "引号", "《": "书名号", "（": "括号"}
# half-width marks, brackets and quotes of one paragraph make one finding (punctuation.py uses it too)
ASCII_GROUP = Group("ascii", "半角标点", "应改为全角标点，可一次全部修正。")


def ascii_bracket_pairs(text: str) -> list[tuple[int, int]]:
    """Outermost matched ASCII ( … ) pairs, as (open, close) positions."""
    pairs: list[tuple[int, int]] = []
    stack: list[int] = []
    if "(" not in text:
        return pairs
    for i, ch in enumerate(text):
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            start = stack.pop()
            if not stack:
                pairs.append((start, i))
        elif ch == "\n":
            stack.clear()
    return pairs


def check_ascii_brackets(text: str, where: Where) -> Iterator[Hit]:
    for start, close in ascii_bracket_pairs(text):
        if _HAS_CJK.search(text, start, close):
            yield Hit(start, close + 1)


def fix_ascii_brackets(excerpt: str) -> str:
    """Every matched ASCII pair inside the excerpt becomes full-width."""
    chars = list(excerpt)
    stack = []
    for i, ch in enumerate(chars):
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            chars[stack.pop()], chars[i] = "（", "）"
    return "".join(chars)


def check_ascii_quotes(text: str, where: Where) -> Iterator[Hit]:
    for m in _ASCII_QUOTED.finditer(text):
        if _HAS_CJK.search(m.group(1)):
            yield Hit(m.start(), m.end())


def check_unpaired(text: str, where: Where) -> Iterator[Hit]:
    """Openers without closers and closers without openers, per line, nesting-aware."""
    if not any(ch in text for ch in "“”《》（）"):
        return
    offset = 0
    for line in text.split("\n"):
        stack: list[tuple[str, int]] = []
        for i, ch in enumerate(line):
            if ch in _PAIRS:
                stack.append((ch, i))
            elif ch in _CLOSERS:
                opener = _CLOSERS[ch]
                if any(o == opener for o, _ in stack):
                    while stack and stack[-1][0] != opener:
                        yield _unpaired(stack.pop(), offset)
                    stack.pop()
                else:
                    yield Hit(
                        offset + i,
                        offset + i + 1,
                        f"这个右{_PAIR_NAMES[opener]}“{ch}”前面没有配对的左{_PAIR_NAMES[opener]}。",
                    )
        for item in stack:
            yield _unpaired(item, offset)
        offset += len(line) + 1


def _unpaired(item: tuple[str, int], offset: int) -> Hit:
    ch, i = item
    return Hit(
        offset + i, offset + i + 1, f"这个左{_PAIR_NAMES[ch]}“{ch}”后面没有配对的右{_PAIR_NAMES[ch]}“{_PAIRS[ch]}”。"
    )


def check_nested_book_titles(text: str, where: Where) -> Iterator[Hit]:
    """A 《 opened inside a 《…》: the inner pair should be 〈…〉."""
    if text.count("《") < 2:
        return
    depth = 0
    inner_start = -1
    for i, ch in enumerate(text):
        if ch == "《":
            depth += 1
            if depth == 2:
                inner_start = i
        elif ch == "》" and depth:
            if depth == 2 and inner_start >= 0:
                yield Hit(inner_start, i + 1)
                inner_start = -1
            depth -= 1
        elif ch == "\n":
            depth, inner_start = 0, -1


def fix_nested_book_title(excerpt: str) -> str | None:
    if excerpt.startswith("《") and excerpt.endswith("》"):
        return "〈" + excerpt[1:-1] + "〉"
    return None


RULES = (
    Rule(
        "punct.ascii-brackets",
        "punctuation",
        ERROR,
        "GB/T 15834—2011 4.9",
        "括号内是中文时应使用全角括号“（）”，不用半角“()”。",
        check_ascii_brackets,
        fields=PROSE_FIELDS,
        fix=fix_ascii_brackets,
        specificity=HYGIENE,
        group=ASCII_GROUP,
    ),
    Rule(
        "punct.ascii-quotes",
        "punctuation",
        ERROR,
        "GB/T 15834—2011 4.8",
        '中文引号应使用“”，不用半角直引号 ""。',
        check_ascii_quotes,
        fields=PROSE_FIELDS,
        fix=lambda e: "“" + e[1:-1] + "”",
        specificity=HYGIENE,
        group=ASCII_GROUP,
    ),
    Rule(
        "punct.unpaired",
        "punctuation",
        ERROR,
        "GB/T 15834—2011 4.8、4.9、4.15",
        "引号、括号、书名号应成对使用。",
        check_unpaired,
        fields=NODE_FIELDS | {"meta.title"},
    ),
    Rule(
        "punct.nested-book-title",
        "punctuation",
        ERROR,
        "GB/T 15834—2011 4.15",
        "书名号里面还要用书名号时，里面一层用单书名号“〈〉”，如《关于印发〈××办法〉的通知》。",
        check_nested_book_titles,
        fields=PROSE_FIELDS,
        fix=fix_nested_book_title,
    ),
)
