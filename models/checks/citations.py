"""发文字号 (GB/T 9704—2012 7.2.5) and how documents are cited."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.checks.model import ADVICE, ERROR, NAME, PROSE_FIELDS, Hit, Rule, Where
from models.checks.patterns import CJK, book_title_spans
from models.checks.sources import GBT9704, TIAOLI

DOC_FIELDS = PROSE_FIELDS | {"meta.doc_number"}
_DOC_BODY = (
    r"[ \u3000]{0,3}[\[(（【［〔][ \u3000]{0,3}(\d{4}|\d{2})[ \u3000]{0,3}[\])）】］〕]"
    r"[ \u3000]{0,3}(第[ \u3000]{0,3})?(\d{1,5})[ \u3000]{0,3}号"
)
_DOC_NUMBER = re.compile(rf"(?<=[{CJK}]){_DOC_BODY}")
_DOC_NUMBER_ALONE = re.compile(_DOC_BODY)
_SCRAPED = re.compile(r"〔(\d{4})(\d{1,4})号")
_NUMBER_BEFORE_TITLE = re.compile(r"〔\d{4}〕\d+号[ \u3000]{0,3}《")
_BARE_NUMBER = re.compile(rf"(?<=》)[{CJK}]{{1,15}}〔\d{{4}}〕[1-9]\d*号")
_REPEALED = re.compile("《?国家行政机关公文处理办法》?")

_RANGE = r"[ \u3000]{{0,3}}[(（][ \u3000]{{0,3}}{a}[ \u3000]{{0,3}}年?[ \u3000]{{0,3}}[-—–~－～]?[ \u3000]{{0,3}}{b}[ \u3000]{{0,3}}年?[ \u3000]{{0,3}}[)）][ \u3000]{{0,3}}"
CANONICAL_TITLES = (
    ("法治政府建设实施纲要" + _RANGE.format(a="2021", b="2025"), "法治政府建设实施纲要（2021—2025年）"),
    ("法治中国建设规划" + _RANGE.format(a="2020", b="2025"), "法治中国建设规划（2020—2025年）"),
    ("法治社会建设实施纲要" + _RANGE.format(a="2020", b="2025"), "法治社会建设实施纲要（2020—2025年）"),
    ("法治政府建设与责任落实督[察查]工作规定", "法治政府建设与责任落实督察工作规定"),
)
_CANONICAL = [(re.compile(f"(《?)({body})(》?)"), name) for body, name in CANONICAL_TITLES]


def normalise_doc_number(excerpt: str) -> str | None:
    m = _DOC_NUMBER_ALONE.fullmatch(excerpt)
    if not m:
        return None
    year = m.group(1) if len(m.group(1)) == 4 else f"20{m.group(1)}"
    number = int(m.group(3))
    return f"〔{year}〕{number}号" if number > 0 else None


def check_doc_number(text: str, where: Where) -> Iterator[Hit]:
    for m in _DOC_NUMBER.finditer(text):
        right = normalise_doc_number(m.group(0))
        if right and right != m.group(0):
            yield Hit(
                m.start(), m.end(), f"发文字号应写成“{right}”：年份写全并用六角括号“〔〕”，序号不加“第”、不编虚位。"
            )


def check_scraped(text: str, where: Where) -> Iterator[Hit]:
    for m in _SCRAPED.finditer(text):
        right = f"〔{m.group(1)}〕{m.group(2)}号"
        yield Hit(
            m.start(), m.end(), f"发文字号缺少右六角括号（网页转载常丢失“〕”），应为“{right}”。", replacement=right
        )


def check_canonical(text: str, where: Where) -> Iterator[Hit]:
    titles = book_title_spans(text)
    for pattern, name in _CANONICAL:
        for m in pattern.finditer(text):
            enclosed = any(s <= m.start() < e and (s, e) != m.span() for s, e in titles)
            opener = m.group(1) if enclosed else "《"
            closer = m.group(3) if enclosed else "》"
            right = f"{opener}{name}{closer}"
            if right != m.group(0):
                bare = not enclosed and not (m.group(1) and m.group(3))  # GB/T 15834 4.15: 文件名用书名号
                yield Hit(
                    m.start(),
                    m.end(),
                    f"文件名称应写全称“《{name}》”。",
                    replacement=right,
                    severity=ERROR if bare else None,
                )


RULES = (
    Rule(
        "citation.doc-number",
        "citations",
        ERROR,
        f"{GBT9704} 7.2.5",
        "发文字号由机关代字、年份、序号组成：年份写全称，用六角括号“〔〕”括入；序号不编虚位、不加“第”，如“国发〔2023〕5号”。",
        check_doc_number,
        fields=DOC_FIELDS,
        fix=normalise_doc_number,
        specificity=NAME,
    ),
    Rule(
        "citation.doc-number-scrape",
        "citations",
        ERROR,
        f"{GBT9704} 7.2.5",
        "发文字号缺少右六角括号“〕”。",
        check_scraped,
        fields=DOC_FIELDS,
        fixes_in_hits=True,
        specificity=NAME,
    ),
    Rule(
        "citation.order",
        "citations",
        ADVICE,
        "实务（引用公文先引标题、后引发文字号）",
        "引用公文应先引标题，后引发文字号，写成“《标题》（文号）”。",
        lambda text, where: (Hit(m.start(), m.end()) for m in _NUMBER_BEFORE_TITLE.finditer(text)),
        fields=PROSE_FIELDS,
    ),
    Rule(
        "citation.canonical",
        "citations",
        ADVICE,
        "《法治政府建设实施纲要（2021—2025年）》（中发〔2021〕33号）等文件标题；没有书名号时：GB/T 15834—2011 4.15",
        "核心文件应使用准确的全称，如《法治政府建设实施纲要（2021—2025年）》《法治政府建设与责任落实督察工作规定》。"
        "漏了书名号是错误，其他写法不准是建议。",
        check_canonical,
        fields=PROSE_FIELDS,
        fixes_in_hits=True,
        specificity=NAME,
    ),
    Rule(
        "citation.number-brackets",
        "citations",
        ADVICE,
        "实务（引用公文写成“《标题》（文号）”）",
        "标题后面的发文字号要用圆括号括起来，写成“《标题》（文号）”。",
        lambda text, where: (Hit(m.start(), m.end()) for m in _BARE_NUMBER.finditer(text)) if "》" in text else (),
        fields=PROSE_FIELDS,
        fix=lambda e: f"（{e}）",
    ),
    Rule(
        "citation.repealed",
        "citations",
        ERROR,
        f"{TIAOLI}第四十二条",
        "《国家行政机关公文处理办法》已于2012年7月1日停止执行，应引用《党政机关公文处理工作条例》。",
        lambda text, where: (Hit(m.start(), m.end()) for m in _REPEALED.finditer(text)),
        fields=PROSE_FIELDS,
    ),
)
