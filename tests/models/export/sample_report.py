"""A generated long report for the export tests (the sample report is in tests/seed_report.py)."""

from __future__ import annotations

from models.report import PARAGRAPH, POINT, SECTION, Node, Report
from tests.seed_report import seed_meta

_PHRASES = (
    "坚持依法行政",
    "推进法治政府建设",
    "完善制度体系",
    "规范行政执法",
    "强化监督问责",
    "优化营商环境",
    "加强普法宣传",
    "化解矛盾纠纷",
    "提升治理能力",
    "深化放管服改革",
    "健全决策机制",
    "落实主体责任",
)


def generated_text(chars: int, seed: int = 0) -> str:
    """Chinese prose of about ``chars`` characters: CJK phrases with ，、。 and no Latin or digits."""
    parts: list[str] = []
    count, i = 0, seed
    while count < chars:
        phrase = _PHRASES[i % len(_PHRASES)] + _PHRASES[(i * 7 + 3) % len(_PHRASES)]
        mark = "。" if i % 5 == 4 else ("、" if i % 7 == 3 else "，")
        parts.append(phrase + mark)
        count += len(phrase) + 1
        i += 1
    text = "".join(parts)
    return text[:-1] + "。"


def generated_report(sections: int = 4, subsections: int = 3, chars: int = 700) -> Report:
    """A report of about ``sections × subsections × chars`` characters with the seed's metadata."""
    body: list[Node] = [Node(PARAGRAPH, text=generated_text(200, 1))]
    for s in range(sections):
        children = []
        for t in range(subsections):
            points = [
                Node(POINT, title="扎实推进重点工作。", text=generated_text(chars // 3, s * 10 + t * 3 + k))
                for k in range(3)
            ]
            children.append(Node(SECTION, title="坚持依法行政，全面推进法治政府建设。", children=points))
        body.append(Node(SECTION, title="法治政府建设工作情况", children=children))
    return Report(meta=seed_meta(), body=body)


def stepped_report(sections: int = 12) -> Report:
    """Standalone headings of levels 1–3, each followed by three lines of text (level 1) or two:
    the headings fall on every line of a page somewhere, on line 22 too."""
    body: list[Node] = []
    for s in range(sections):
        children = [
            Node(
                SECTION,
                title="加强组织领导",
                text=generated_text(36, s * 3 + t),
                children=[Node(SECTION, title="完善工作机制", text=generated_text(36, s + t))] if t else [],
            )
            for t in range(2)
        ]
        body.append(Node(SECTION, title="法治政府建设工作情况", text=generated_text(62, s), children=children))
    return Report(meta=seed_meta(), body=body)
