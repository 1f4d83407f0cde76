"""错别字 and non-recommended 异形词: a curated list in ``resources/checks/typos.toml``.

Every entry is a whole wrong form (never a single character), so matching is a plain search;
an entry may name characters that must not stand before or after it, where the wrong form
could also be two correct words side by side, or words one of which must stand next to it, where
the wrong form is a correct word elsewhere (行驶职权 is wrong, 车辆行驶 is right). Text inside 《》
is a cited title and is left as cited.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from models.checks.model import ADVICE, PROSE_FIELDS, Hit, Rule, Where
from models.checks.patterns import book_title_spans, inside
from models.checks.rule_data import load


@dataclass(frozen=True)
class Typo:
    wrong: str
    right: str
    source: str
    kind: str
    not_after: str = ""  # the character before the wrong form is none of these
    not_before: str = ""  # the character after the wrong form is none of these
    # A wrong form only in context: one of these words ends right before it, or one of
    # ``only_before`` starts right after it. Both empty: wrong everywhere.
    only_after: tuple[str, ...] = ()
    only_before: tuple[str, ...] = ()

    @property
    def in_context_only(self) -> bool:
        return bool(self.only_after or self.only_before)

    def applies(self, text: str, start: int, end: int) -> bool:
        """Whether the wrong form at ``text[start:end]`` is wrong there, by the entry's guards."""
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if (before and before in self.not_after) or (after and after in self.not_before):
            return False
        if not self.in_context_only:
            return True
        return text.startswith(self.only_before, end) or text[:start].endswith(self.only_after)


def parse_entry(line: str, source: str, kind: str) -> Typo:
    """``"按装 安装 -后:修配"`` or ``"行驶 行使 +后:职权|权力"`` → a Typo; raises ValueError on a malformed line."""
    wrong, right, *guards = line.split()
    not_after = not_before = ""
    only_after: tuple[str, ...] = ()
    only_before: tuple[str, ...] = ()
    for guard in guards:
        if guard.startswith("-前:"):
            not_after = guard[3:]
        elif guard.startswith("-后:"):
            not_before = guard[3:]
        elif guard.startswith("+前:") and all(guard[3:].split("|")):
            only_after = tuple(guard[3:].split("|"))
        elif guard.startswith("+后:") and all(guard[3:].split("|")):
            only_before = tuple(guard[3:].split("|"))
        else:
            raise ValueError(f"typos.toml: unknown guard {guard!r} in {line!r}")
    return Typo(wrong, right, source, kind, not_after, not_before, only_after, only_before)


@cache
def typos() -> dict[str, Typo]:
    """Every entry, by its wrong form."""
    entries: dict[str, Typo] = {}
    for group in load("typos")["group"]:
        for line in group["pairs"].strip().splitlines():
            if line.strip():
                typo = parse_entry(line, group["source"], group["kind"])
                entries[typo.wrong] = typo
    return entries


@cache
def _pattern() -> re.Pattern[str]:
    wrong_forms = sorted(typos(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, wrong_forms)))


def find_typos(text: str) -> Iterator[tuple[int, int, Typo]]:
    """(start, end, entry) for each wrong form in ``text``, outside cited titles."""
    titles = book_title_spans(text) if "《" in text else []
    entries = typos()
    for m in _pattern().finditer(text):
        typo = entries[m.group(0)]
        if not typo.applies(text, m.start(), m.end()):
            continue
        if titles and inside(m.start(), titles):
            continue
        yield m.start(), m.end(), typo


def check_typos(text: str, where: Where) -> Iterator[Hit]:
    for start, end, typo in find_typos(text):
        message = f"“{typo.wrong}”应写作“{typo.right}”（{typo.kind}，依据：{typo.source}）。"
        yield Hit(start, end, message, replacement=typo.right)


RULES = (
    Rule(
        "text.typo",
        "wording",
        ADVICE,
        "《现代汉语词典》（第7版）、《第一批异形词整理表》（GF 1001—2001）等",
        "常见错别字和非推荐词形，如“布署”应为“部署”，“按排”应为“安排”。",
        check_typos,
        fields=PROSE_FIELDS,
        fixes_in_hits=True,
    ),
)
