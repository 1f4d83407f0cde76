"""What the 督察规定 requires the report to contain, and leftovers of the template."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from models.checks.model import ADVICE, ERROR, NODE_FIELDS, Context, Hit, Rule, Where
from models.checks.sources import DUCHA_CONTENT, GANGYAO
from models.checks.structure import (
    LEADER,
    MEASURES,
    PART_NAMES,
    SHORTCOMINGS,
    coverage_table,
    has_written_text,
    parts,
)
from models.errors import NianbaoError
from models.report import POINT, SECTION, Node, Report, is_whole_item

REQUIRED_PARTS = (1, 2, 3, 4)
# Words that give a cause. Judged on what is written under the part, never its heading: the
# template's own heading is 「存在的不足和原因」.
_CAUSES = re.compile("原因|由于|究其|导致|根源|症结|归结于|归因于|主观上|客观上|一方面[^。\n]*另一方面")
# What a 主要负责人 did, in the words reports use for it (督察规定: 履行第一责任人职责的有关情况).
_LEADER_ACTS = re.compile(
    "研究部署|专题研究|专题会议|主持|召开|听取|审定|审议|学法|述法|法治课|督促|出庭应诉|约谈|批示"
)
_PLACEHOLDER = re.compile(
    r"×{2,}|[XＸ]{2,}|某某|\{(?:year|next_year|issuer)\}|【[^】\n]{0,20}(?:填写|待补|待定)[^】\n]{0,20}】"
    r"|（此处[^）\n]{0,20}）|……(?=现将)"
)
_SENTENCE = re.compile("[^。\n]{12,}。")


def check_statutory_parts(report: Report, ctx: Context) -> Iterator[Hit]:
    found = parts(report)
    for part in REQUIRED_PARTS:
        if part not in found:
            yield Hit(0, 0, f"缺少法定报告内容“{PART_NAMES[part]}”。督察规定要求年度报告写明这一项。")


def check_empty_parts(report: Report, ctx: Context) -> Iterator[Hit]:
    for part, nodes in parts(report).items():
        if part in REQUIRED_PARTS and not any(has_written_text(n, report) for n in nodes):
            title = nodes[0].title
            yield _on_title(nodes[0], f"“{title or PART_NAMES[part]}”部分还没有内容，这是法定报告内容，必须填写。")


def written_under(part: Node, report: Report) -> str:
    """What is written in a part, without the part's own heading: texts, points' lead sentences,
    and the headings below it that have something written under them."""
    pieces = []
    for node in part.walk():
        if node.text.strip():
            pieces.append(node.text)
        if node is not part and (node.kind == POINT or (node.title.strip() and has_written_text(node, report))):
            pieces.append(node.title)
    return "\n".join(pieces)


def _written_part(report: Report, part: int) -> list[Node]:
    """The nodes of statutory part ``part``, or [] while nothing is written in it (nothing to judge yet)."""
    nodes = parts(report).get(part, [])
    return nodes if any(has_written_text(n, report) for n in nodes) else []


def _on_title(node: Node, message: str) -> Hit:
    return Hit(0, len(node.title), message, node=node, field="title")


def check_causes(report: Report, ctx: Context) -> Iterator[Hit]:
    nodes = _written_part(report, SHORTCOMINGS)
    if nodes and not any(_CAUSES.search(written_under(node, report)) for node in nodes):
        yield _on_title(
            nodes[0],
            "这一部分只列了问题，没有分析原因。督察规定要求写“存在的不足和原因”，"
            "请补写原因（如“究其原因，主观上……客观上……”）。",
        )


def check_leader_acts(report: Report, ctx: Context) -> Iterator[Hit]:
    nodes = _written_part(report, LEADER)
    if nodes and not any(_LEADER_ACTS.search(written_under(node, report)) for node in nodes):
        yield _on_title(
            nodes[0],
            "这一部分没有写主要负责人具体做了什么。请写明主要负责人如何履职，"
            "如主持召开专题会议研究部署法治建设、带头学法、年终述法、督促班子成员依法履职等。",
        )


def check_coverage(report: Report, ctx: Context) -> Iterator[Hit]:
    nodes = _written_part(report, MEASURES)
    missing = [row.name for row in coverage_table(report) if not row.covered] if nodes else []
    if missing:
        names = "".join(f"“{name}”" for name in missing)  # GB/T 15834 4.5.3.5: no 顿号 between quotes
        yield _on_title(nodes[0], f"“主要举措和成效”中没有写到纲要的{names}方面，如有相关工作请补充。")


def check_empty_section(text: str, where: Where) -> Iterator[Hit]:
    node = where.node
    if node is None or node.kind != SECTION or where.field != "title" or not text.strip():
        return
    if where.depth == 1 and where.part in REQUIRED_PARTS:
        return  # content.empty-part reports those, as 错误
    if is_whole_item(node):
        return  # （一）法治意识不强。 is an item written in full, as the export prints it
    if not has_written_text(node, where.ctx.report):
        yield Hit(0, len(text), "这个标题下面还没有内容：请补写，或删除这一部分。")


@lru_cache(maxsize=8)
def guidance_sentences(template_id: str) -> tuple[str, ...]:
    """Sentences of the template's 写作要点, so pasted guidance is recognised."""
    from models.templates import load_template

    try:
        template = load_template(template_id)
    except NianbaoError:
        return ()
    texts = [template.preamble_guidance]
    stack = list(template.parts)
    while stack:
        part = stack.pop()
        texts.append(part.guidance)
        stack.extend(part.children)
    return tuple(s for text in texts for s in _SENTENCE.findall(re.sub(r"\{\w+\}", "", text)))


def check_placeholder(text: str, where: Where) -> Iterator[Hit]:
    for m in _PLACEHOLDER.finditer(text):
        yield Hit(m.start(), m.end(), f"“{m.group(0)}”像是模板占位符或待填内容，请换成实际内容。")
    if where.field == "text" and len(text) >= 12:
        for sentence in guidance_sentences(where.ctx.report.meta.template):
            start = text.find(sentence)
            if start >= 0:
                yield Hit(start, start + len(sentence), "这是模板的写作提示，不是报告正文，请删除并写上实际内容。")


RULES = (
    Rule(
        "content.statutory-part",
        "content",
        ERROR,
        DUCHA_CONTENT,
        "年度报告应包括五项内容：主要举措和成效；存在的不足和原因；党政主要负责人履行第一责任人职责情况；"
        "下一年度主要安排；其他需要报告的情况（第五项可无）。",
        check_statutory_parts,
        scope="report",
    ),
    Rule(
        "content.empty-part",
        "content",
        ERROR,
        DUCHA_CONTENT,
        "法定报告内容的部分不能空着。",
        check_empty_parts,
        scope="report",
    ),
    Rule(
        "content.causes",
        "content",
        ERROR,
        DUCHA_CONTENT,
        "“存在的不足”部分要写原因，不能只列问题。",
        check_causes,
        scope="report",
    ),
    Rule(
        "content.leader-acts",
        "content",
        ADVICE,
        DUCHA_CONTENT,
        "“党政主要负责人履行推进法治建设第一责任人职责情况”要写主要负责人做了什么（研究部署、专题会议、学法、述法、督促等），"
        "不能只写一般性的表态。",
        check_leader_acts,
        scope="report",
    ),
    Rule(
        "content.coverage",
        "content",
        ADVICE,
        GANGYAO,
        "“主要举措和成效”一般按纲要的各方面展开（职能、制度、决策、执法、应急、矛盾纠纷、监督、数字政府等）。",
        check_coverage,
        scope="report",
    ),
    Rule(
        "content.empty-section",
        "content",
        ADVICE,
        "实务（空标题）",
        "标题下面没有内容。",
        check_empty_section,
        fields=frozenset({"title"}),
    ),
    Rule(
        "content.placeholder",
        "content",
        ERROR,
        DUCHA_CONTENT,
        "报告中留有模板提示文字或占位符（××、某某、{year}、【待填写】等）。",
        check_placeholder,
        fields=NODE_FIELDS | {"meta.title"},
    ),
)
