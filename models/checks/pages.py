"""Page rules: faults only the laid-out pages show (:mod:`models.typeset`), as findings.

The report is laid out as its .docx prints (default export options for the edition checked), with
a 审阅稿's bookmarks so each body paragraph is known by its part. Report-wide rules: they run with
the full 体检 only, never in the quick re-check after a keystroke. One layout serves all of them.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from models.checks.model import ADVICE, ERROR, Context, Hit, Rule
from models.edition import Edition
from models.export.docx_parts import signature_lines
from models.export.options import ExportOptions
from models.report import Node, Report
from models.typeset import MIN_PITCH, Page, Pages, typeset_with_body

GB9704 = "GB/T 9704—2012"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_END = (0, "e")  # the anchor the writer puts on the first paragraph after the body


@dataclass
class LaidOut:
    """The pages and what each body element (``Line.block``) is."""

    pages: Pages
    nodes: dict[int, Node] = field(default_factory=dict)  # element index → the node whose heading it begins
    headings: set[int] = field(default_factory=set)  # standalone headings
    body_end: int = 0  # first element after the body (署名, 附注, 版记 …)
    signature: set[int] = field(default_factory=set)  # the 署名 and 成文日期 paragraphs
    imprint: int | None = None  # the 版记 table


_local = threading.local()  # the last layout per thread (the 体检 runs in a worker thread)


def laid_out(report: Report, ctx: Context) -> LaidOut:
    """The layout of ``report`` for this check run, made once for all page rules."""
    cached = getattr(_local, "last", None)
    if cached is not None and cached[0] is ctx:
        return cached[1]
    result = _lay_out(report, ctx.edition)
    _local.last = (ctx, result)
    return result


def _lay_out(report: Report, edition: Edition) -> LaidOut:
    numbered, originals = _with_ids(report)
    anchors = {(node.id, role): f"n{node.id}{role}" for node in numbered.walk() for role in ("h", "t")}
    anchors[_END] = "end"
    options = ExportOptions(edition=edition, anchors=anchors)
    names = {name: key for key, name in anchors.items()}
    pages, body = typeset_with_body(numbered, options)
    result = LaidOut(pages)
    name, date = signature_lines(numbered.meta)
    elements = _elements(body)
    result.body_end = len(elements)
    for index, element in enumerate(elements):
        if element.tag == f"{_W}tbl":
            if element.find(f"{_W}tblPr/{_W}tblpPr") is not None:
                result.imprint = index  # the 版记 floats; body and 附件 tables flow
            continue
        keys = [names.get(mark.get(f"{_W}name")) for mark in element.iter(f"{_W}bookmarkStart")]
        if _END in keys:
            result.body_end = index
        heading = next((key[0] for key in keys if key and key[1] == "h"), None)
        if heading is not None and index < result.body_end:
            result.nodes[index] = originals[heading]
            # A standalone heading keeps with the next paragraph and holds none of its part's text.
            text_here = any(key and key[1] == "t" for key in keys) and originals[heading].text.strip()
            if element.find(f"{_W}pPr/{_W}keepNext") is not None and not text_here:
                result.headings.add(index)
        if index >= result.body_end and _text(element) and _text(element) in (name, date):
            result.signature.add(index)
    if result.body_end == len(elements) and result.imprint is not None:
        result.body_end = result.imprint  # no 署名: the 版记 follows the body
    return result


def _with_ids(report: Report) -> tuple[Report, dict[int, Node]]:
    """The report with an id on every node (a copy when some have none) and id → the caller's node."""
    nodes = list(report.walk())
    if all(node.id is not None for node in nodes) and len({node.id for node in nodes}) == len(nodes):
        return report, {node.id: node for node in nodes if node.id is not None}
    numbered = copy.deepcopy(report)
    originals = {}
    for number, (copied, original) in enumerate(zip(numbered.walk(), nodes, strict=True), 1):
        copied.id = number
        originals[number] = original
    return numbered, originals


def _elements(body: etree._Element) -> list[etree._Element]:
    """Paragraphs and tables in the order the typesetter numbers them."""
    return [child for child in body if child.tag in (f"{_W}p", f"{_W}tbl")]


def _text(element: etree._Element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{_W}t")).strip()


def _text_lines(page: Page) -> Iterator[int]:
    """The blocks of the page's lines that print something."""
    return (line.block for line in page.lines if line.text.strip())


def check_heading_at_foot(report: Report, ctx: Context) -> Iterator[Hit]:
    layout = laid_out(report, ctx)
    for page in layout.pages.pages[:-1]:
        blocks = list(_text_lines(page))
        if not blocks or blocks[-1] not in layout.headings:
            continue
        node = layout.nodes.get(blocks[-1])
        if node is not None:
            yield Hit(
                0,
                len(node.title),
                node=node,
                field="title",
                message=f"标题排在第 {page.number} 页的最后一行，它下面的正文在下一页。"
                "请删减上文几个字或一两行，让标题与正文同页。",
            )


def check_signature_alone(report: Report, ctx: Context) -> Iterator[Hit]:
    layout = laid_out(report, ctx)
    for page in layout.pages:
        blocks = set(_text_lines(page))
        if blocks & layout.signature and not any(block < layout.body_end for block in blocks):
            field_name = "meta.signature" if report.meta.signature.strip() else "meta.date"
            value = getattr(report.meta, field_name.split(".")[1])
            yield Hit(
                0,
                len(value),
                field=field_name if value else "body",
                message=f"署名和成文日期单独排在第 {page.number} 页，这一页没有正文。GB/T 9704 要求调整行距、"
                f"字距，使其与正文同处一面；正文末页的行距收紧到 {MIN_PITCH / 20:g} 磅也排不下：请删减末段几个字或上文"
                "一两行。",
            )
            return


def _imprint_pages(report: Report, ctx: Context) -> tuple[list[int], int] | None:
    """The pages the 版记 stands on and the page count; ``None`` without a 版记 or a layout."""
    layout = laid_out(report, ctx)
    if layout.imprint is None:
        return None
    pages = [page.number for page in layout.pages if layout.imprint in {line.block for line in page.lines}]
    return (pages, len(layout.pages)) if pages else None


def check_imprint_on_last_page(report: Report, ctx: Context) -> Iterator[Hit]:
    found = _imprint_pages(report, ctx)
    if found and found[0][-1] != found[1]:
        yield Hit(0, 0, field="body", message=f"版记排在第 {found[0][-1]} 页，不在最后一页（共 {found[1]} 页）。")


RULES = (
    Rule(
        "page.heading-at-foot",
        "layout",
        ADVICE,
        f"{GB9704} 公文排版惯例",
        "标题不宜单独排在一页的最后一行（正文在下一页）。",
        check_heading_at_foot,
        scope="report",
    ),
    Rule(
        "page.signature-alone",
        "layout",
        ERROR,
        f"{GB9704} 7.3.5",
        "署名和成文日期不能单独排在一页上，应与正文同处一面。",
        check_signature_alone,
        scope="report",
    ),
    Rule(
        "page.imprint",
        "layout",
        ERROR,
        f"{GB9704} 7.4、7.5",
        "版记应在公文的最后一页。",
        check_imprint_on_last_page,
        scope="report",
        editions=frozenset({Edition.SUBMIT}),
    ),
)
