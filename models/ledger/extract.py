"""Figures stated in a text: a word naming an indicator, then its number and unit.

``全年共收到行政复议申请30件`` → (recon_received, 30). Used by the import (proposals of figures for
the clerk to confirm, never written silently) and by the ``data.`` checks. A match needs the
indicator's word, at most a few characters between it and the number (a bracketed aside such as
（含撤销、确认违法） may sit there too), and a unit of the indicator's kind, so a word without its
unit (行政复议申请30人) is not a figure. A word two characters long (审结, 纠错) counts only right
before its number (or a bracketed aside), and only in a sentence that names its group with a longer
word: 审结536件，败诉33件，败诉率为6.20% is about lawsuits (败诉率), so 审结 there is 审结行政诉讼案件. ``余``/``多``/``约``/``近``
mark an approximate figure: reported, flagged, never compared.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from models.ledger.definitions import PERCENT, Indicator
from models.ledger.values import Ledger, LedgerValueError, check_value

# The units a text may use for an indicator's unit (件 for 份 contracts, 宗 or 起 for 件 cases…).
UNIT_SYNONYMS: dict[str, tuple[str, ...]] = {
    "件": ("件", "宗", "起", "件次"),
    "次": ("次", "场次", "场", "期"),
    "场次": ("场次", "场", "次", "期"),
    "份": ("份", "件"),
    "人次": ("人次",),
    "名": ("名", "人"),
    "人": ("人", "名"),
    "条": ("条",),
    "项": ("项", "件", "个"),
    "卷": ("卷", "宗", "件"),
    "个": ("个",),
    "万元": ("万元", "元", "亿元"),
    PERCENT: (PERCENT,),
}
_ALL_UNITS = sorted({u for units in UNIT_SYNONYMS.values() for u in units}, key=len, reverse=True)
_APPROX_BEFORE = ("约", "近", "逾", "超过", "左右", "余")
SENTENCE_ENDS = "。！？；;!?\n"  # scraped pages often have ASCII punctuation
CLAUSE_ENDS = SENTENCE_ENDS + "，,"
_ASIDE = re.compile(r"[（(][^（()）\n]{0,24}[）)]")


_Table = tuple[re.Pattern[str], dict[str, list[Indicator]], dict[str, tuple[str, ...]]]


@dataclass(frozen=True)
class Figure:
    key: str
    value: Decimal  # in the indicator's unit (万元 for money, whole things for counts)
    approximate: bool
    start: int  # the number and its unit: [start, end) in the text
    end: int
    word_start: int  # where the naming word begins
    number: str  # the digits as written ("30", "99.6")


class FigureFinder:
    """The figures of one set of indicators: the words' pattern is compiled once, here."""

    def __init__(self, indicators: Iterable[Indicator]) -> None:
        self.table = _table(tuple(indicators))
        self._seen: dict[str, list[Figure]] = {}

    def find(self, text: str) -> list[Figure]:
        """Memoised per text: the checks ask for the same field's figures several times in a run."""
        found = self._seen.get(text)
        if found is None:
            found = self._seen[text] = _find(text, self.table) if self.table is not None else []
        return found


def find_figures(text: str, indicators: Iterable[Indicator]) -> list[Figure]:
    table = _table(tuple(indicators))
    return [] if table is None else _find(text, table)


def _find(text: str, table: _Table) -> list[Figure]:
    pattern, by_word, group_words = table
    found = []
    for m in pattern.finditer(text):
        word, gap, unit = m.group("word"), m.group("gap"), m.group("unit")
        candidates = [i for i in by_word[word] if unit in UNIT_SYNONYMS.get(i.unit, (i.unit,))]
        if len(word) <= 2:  # a short word: right before its number, in a sentence naming its group
            start, end = sentence_bounds(text, m.start())
            sentence = text[start:end]
            named = [i for i in candidates if any(w in sentence for w in group_words.get(i.group, ()))]
            candidates = named if not _ASIDE.sub("", gap) else []
        if len({i.key for i in candidates}) == 1:
            found.append(_figure(m, candidates[0]))
    return found


def _figure(m: re.Match[str], indicator: Indicator) -> Figure:
    unit, gap = m.group("unit"), m.group("gap")
    value = Decimal(m.group("number"))
    scale = m.group("scale") or ""
    if scale:
        value *= 10000 if scale == "万" else 100000000
    if indicator.unit == "万元":
        value = value / 10000 if unit == "元" else value * 10000 if unit == "亿元" else value
    approximate = bool(m.group("approx")) or any(w in gap for w in _APPROX_BEFORE)
    return Figure(
        indicator.key, value, approximate, m.start("number"), m.end("unit"), m.start("word"), m.group("number")
    )


@lru_cache(maxsize=32)
def _table(indicators: tuple[Indicator, ...]) -> _Table | None:
    by_word: dict[str, list[Indicator]] = {}
    group_words: dict[str, set[str]] = {}
    for indicator in indicators:
        for word in indicator.names:
            if len(word) >= 2 and indicator not in by_word.setdefault(word, []):
                by_word[word].append(indicator)
            if len(word) >= 3:
                group_words.setdefault(indicator.group, set()).add(word)
    if not by_word:
        return None
    words = "|".join(re.escape(w) for w in sorted(by_word, key=len, reverse=True))
    units = "|".join(re.escape(u) for u in _ALL_UNITS)
    pattern = re.compile(
        rf"(?P<word>{words})"
        r"(?P<gap>(?:[（(][^（()）\n]{0,24}[）)])?[^，。；：！？、,;:!?\d（()）\n%率]{0,5}?)"
        r"(?<![\d.])(?P<number>\d+(?:\.\d+)?)(?P<approx>余|多)?(?P<scale>万(?!元)|亿(?!元))?"
        rf"(?P<unit>{units})"
    )
    return pattern, by_word, {group: tuple(words) for group, words in group_words.items()}


def sentence_bounds(text: str, position: int, ends: str = SENTENCE_ENDS) -> tuple[int, int]:
    start = max(text.rfind(ch, 0, position) for ch in ends) + 1
    stops = [i for i in (text.find(ch, position) for ch in ends) if i != -1]
    return start, min(stops) + 1 if stops else len(text)


@dataclass(frozen=True)
class Proposal:
    """A figure the text states, offered to the clerk: accepted only when confirmed."""

    key: str
    value: Decimal
    approximate: bool
    excerpt: str  # the sentence it was read from
    others: tuple[Decimal, ...] = ()  # different values stated elsewhere for the same indicator


def propose(texts: Iterable[str], indicators: Iterable[Indicator]) -> list[Proposal]:
    """One proposal per indicator: the first exact figure stated (an approximate one if none is).
    A figure the ledger could not hold (a rate over 100%, 2.5件) is not proposed."""
    indicators = tuple(indicators)
    by_key = {i.key: i for i in indicators}
    firsts: dict[str, tuple[Figure, str]] = {}
    seen: dict[str, list[Decimal]] = {}
    for text in texts:
        for figure in find_figures(text, indicators):
            try:
                check_value(figure.value, by_key[figure.key])
            except LedgerValueError:
                continue
            start, end = sentence_bounds(text, figure.start)
            seen.setdefault(figure.key, []).append(figure.value)
            known = firsts.get(figure.key)
            if known is None or (known[0].approximate and not figure.approximate):
                firsts[figure.key] = (figure, text[start:end].strip())
    order = {i.key: n for n, i in enumerate(indicators)}
    proposals = []
    for key, (figure, excerpt) in sorted(firsts.items(), key=lambda item: order.get(item[0], 0)):
        others = tuple(dict.fromkeys(v for v in seen[key] if v != figure.value))
        proposals.append(Proposal(key, figure.value, figure.approximate, excerpt, others))
    return proposals


def accept(ledger: Ledger, proposals: Iterable[Proposal], column: str) -> Ledger:
    """A copy of ``ledger`` with the confirmed proposals filled into ``column`` (本年 or 上年).

    A figure already in the ledger is never overwritten: the clerk's own number wins.
    """
    changed = copy.deepcopy(ledger)
    for proposal in proposals:
        if changed.get(proposal.key, column) is None:
            changed.set(proposal.key, column, proposal.value)
    return changed
