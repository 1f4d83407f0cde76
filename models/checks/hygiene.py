"""What a scrape leaves in the text: 繁体 characters in a simplified report, and the watermarks
(site names, slogans, addresses) that copying sites stamp into it. Data: resources/checks/characters.toml."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from models.checks.model import ADVICE, ERROR, PROSE_FIELDS, Hit, Rule, Where
from models.checks.patterns import lines_with_offsets
from models.checks.rule_data import load

_ADDRESS_PATH = r"(?:/[A-Za-z0-9_\-./?=&%#]*)?"
_URL = re.compile(
    rf"(?<![@A-Za-z0-9.])(?:https?://|www\.)[A-Za-z0-9\-.]+{_ADDRESS_PATH}"
    rf"|(?<![@A-Za-z0-9.])[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.(?:com|net|org|cn|cc|top|vip)"
    rf"{_ADDRESS_PATH}(?![A-Za-z0-9])"
)
_JOINABLE_GAP = 20  # a site name, a slogan and an address within this many characters form one watermark
_SENTENCE_MARKS = frozenset("。，；！？\n")


@cache
def traditional_map() -> dict[int, str]:
    """繁体 character → 简体, as a str.translate table."""
    pairs = load("characters")["traditional"]["pairs"].split()
    return {ord(pair[0]): pair[1] for pair in pairs}


@cache
def _traditional_pattern() -> re.Pattern[str]:
    return re.compile(f"[{''.join(map(chr, traditional_map()))}]")


def to_simplified(text: str) -> str:
    return text.translate(traditional_map())


def check_traditional(text: str, where: Where) -> Iterator[Hit]:
    """One hit per line: from its first 繁体 character to its last, the fix converting them all."""
    if not _traditional_pattern().search(text):
        return
    table = traditional_map()
    for offset, line in lines_with_offsets(text):
        places = [i for i, ch in enumerate(line) if ord(ch) in table]
        if not places:
            continue
        start, end = offset + places[0], offset + places[-1] + 1
        found = "".join(dict.fromkeys(line[i] for i in places))
        yield Hit(
            start,
            end,
            f"这里有{len(places)}个繁体字（{found[:10]}），简体报告应使用规范汉字。",
            replacement=to_simplified(text[start:end]),
        )


@cache
def _site_pattern() -> re.Pattern[str]:
    sites = sorted(load("characters")["watermark"]["sites"], key=len, reverse=True)
    return re.compile("|".join(map(re.escape, sites)))


def _official(address: str) -> bool:
    host = re.sub(r"^https?://", "", address).split("/")[0].lower()
    return any(host.endswith(domain) for domain in load("characters")["watermark"]["official_domains"])


def watermark_spans(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, named) for each watermark; ``named``: it holds a copying site's name."""
    pieces = [(m.start(), m.end(), True) for m in _site_pattern().finditer(text)]
    pieces += [(m.start(), m.end(), False) for m in _URL.finditer(text) if not _official(m.group(0))]
    merged: list[tuple[int, int, bool]] = []
    for start, end, named in sorted(pieces):
        if merged:
            last_start, last_end, last_named = merged[-1]
            gap = text[last_end:start]
            if len(gap) <= _JOINABLE_GAP and not _SENTENCE_MARKS.intersection(gap):
                merged[-1] = (last_start, max(last_end, end), last_named or named)
                continue
        merged.append((start, end, named))
    return merged


def check_watermark(text: str, where: Where) -> Iterator[Hit]:
    if "." not in text and not _site_pattern().search(text):
        return
    for start, end, named in watermark_spans(text):
        if named:
            yield Hit(start, end, f"“{text[start:end]}”是转载网站留下的水印，不是报告内容，请删除。", replacement="")
        else:
            yield Hit(start, end, f"正文中有网址“{text[start:end]}”：如果是转载网站的水印，请删除。")


RULES = (
    Rule(
        "text.traditional",
        "wording",
        ERROR,
        "《中华人民共和国国家通用语言文字法》第九条（公务用字用规范汉字）",
        "报告应使用规范汉字（简体），不用繁体字。",
        check_traditional,
        fields=PROSE_FIELDS,
        fixes_in_hits=True,
    ),
    Rule(
        "text.watermark",
        "wording",
        ADVICE,
        "实务（转载网站水印不属报告内容）",
        "正文中有转载网站的名称或网址，多为复制网页时带入的水印，请删除。",
        check_watermark,
        fields=PROSE_FIELDS,
        fixes_in_hits=True,
    ),
)
