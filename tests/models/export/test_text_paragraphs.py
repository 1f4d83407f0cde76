"""The 全文 view's paragraphs are the .txt export's, with where each part begins in them."""

from __future__ import annotations

from models.export.web import BOM, build_text, text_paragraphs
from models.numbering import number_report
from models.report import POINT, SECTION
from tests.seed_report import seed_report, with_ids


def test_paragraphs_are_the_text_export() -> None:
    report = with_ids(seed_report(repaired=True))
    for inline in (True, False):
        paragraphs = text_paragraphs(report, inline_points=inline)
        exported = build_text(report, inline_points=inline).decode("utf-8").removeprefix(BOM)
        assert exported == "\r\n\r\n".join(p.text.replace("\n", "\r\n") for p in paragraphs) + "\r\n"
    assert paragraphs[0].anchors == ((0, None, "meta.title"),)
    assert paragraphs[-1].anchors == ((0, None, "meta.signature"),)


def test_every_written_part_has_an_anchor_at_its_numbered_words() -> None:
    report = with_ids(seed_report(repaired=True))
    markers = number_report(report)
    by_id = {node.id: node for node in report.walk()}
    anchored = set()
    for paragraph in text_paragraphs(report):
        for offset, node_id, field in paragraph.anchors:
            if node_id is None:
                continue
            node = by_id[node_id]
            anchored.add(node_id)
            if field == "title":  # a heading or a point's lead: its number, then its title
                lead = markers[id(node)] + node.title
                assert paragraph.text[offset : offset + len(lead)] == lead
            elif node.text.strip():
                first_line = next(line.strip() for line in node.text.split("\n") if line.strip())
                assert paragraph.text[offset:].startswith(first_line)
    titled = {n.id for n in report.walk() if n.kind in (SECTION, POINT) and n.title.strip()}
    assert titled <= anchored


def test_later_paragraphs_of_a_part_lead_back_to_it() -> None:
    report = with_ids(seed_report(repaired=True))
    node = next(n for n in report.walk() if n.kind == SECTION and n.text.strip())
    node.text = "第一段。\n\n第二段。\n第三段。"
    paragraphs = text_paragraphs(report)
    for words in ("第二段。", "第三段。"):
        paragraph = next(p for p in paragraphs if p.text == words)
        assert paragraph.anchors == ((0, node.id, "text"),)
    assert all(p.anchors for p in paragraphs)
