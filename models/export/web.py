"""Website text: clean HTML for a CMS and a plain .txt that Notepad on Windows shows right.

Both keep 〔〕—…《》“” as the characters themselves (no entities, no ASCII stand-ins): the
scraped seed shows what a CMS does to them otherwise.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from models.dates import chinese_date
from models.export.attachment import LABEL, LEDGER_TITLE, attachment_note, ledger_table
from models.export.blocks import Block, body_blocks, clean, prune
from models.report import Report, TableData

BOM = "\ufeff"


def _signature_lines(report: Report) -> list[str]:
    meta = report.meta
    name = clean(meta.signature).strip() or clean(meta.issuer).strip()
    date = chinese_date(clean(meta.date))
    return [line for line in (name, date) if line]


def _title(report: Report) -> str:
    return clean(report.meta.title).replace("\n", "").strip()


def build_html(report: Report, inline_points: bool = True, ledger: bool = False) -> bytes:
    """A full UTF-8 HTML page: ``<h1>`` title, ``<h2>``/``<h3>`` headings, ``<p>`` paragraphs;
    with ``ledger`` the 数据台账 as an 附件 after the signature."""
    attached = ledger_table(report) if ledger else None
    report = prune(report)
    title = html.escape(_title(report), quote=False)
    lines = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{title}</title>",
        "</head>",
        "<body>",
    ]
    if title:
        lines.append(f"<h1>{title}</h1>")
    # Levels 1 and 2 stand as headings on the web; deeper ones run into their paragraph.
    for block in body_blocks(report, inline_points=inline_points, run_in_depth=3):
        lines.append(_html_block(block))
    if attached is not None:
        lines.append(f'<p class="attachment-note">{attachment_note()}</p>')
    lines.extend(f'<p class="signature">{html.escape(line, quote=False)}</p>' for line in _signature_lines(report))
    if attached is not None:
        lines.extend([f'<p class="attachment-label">{LABEL}</p>', f"<h2>{LEDGER_TITLE}</h2>", html_table(attached)])
    lines.extend(["</body>", "</html>"])
    return ("\n".join(lines) + "\n").encode("utf-8")


def _html_block(block: Block) -> str:
    if block.table is not None:
        return html_table(block.table, block.text)
    text = html.escape(block.text, quote=False)
    if block.heading in (1, 2):
        return f"<h{block.heading + 1}>{text}</h{block.heading + 1}>"
    return f"<p>{text}</p>"


def html_table(table: TableData, title: str = "") -> str:
    """``<table>`` with the title as its ``<caption>`` and the header row in ``<thead>``/``<th>``;
    a line break inside a cell becomes ``<br>``."""

    def cell(tag: str, text: str) -> str:
        return f"<{tag}>{'<br>'.join(html.escape(line, quote=False) for line in text.split(chr(10)))}</{tag}>"

    rows = table.squared().rows
    lines = ["<table>"]
    if title:
        lines.append(f"<caption>{html.escape(title, quote=False)}</caption>")
    if table.header_row:
        lines.append("<thead><tr>" + "".join(cell("th", text) for text in rows[0]) + "</tr></thead>")
        rows = rows[1:]
    lines.append("<tbody>")
    lines.extend("<tr>" + "".join(cell("td", text) for text in row) + "</tr>" for row in rows)
    lines.extend(["</tbody>", "</table>"])
    return "\n".join(lines)


def text_table(table: TableData, title: str = "") -> str:
    """The title on its own line, then one row a line with cells tab-separated (what Excel and WPS
    paste back into columns); a line break inside a cell becomes a space."""
    rows = ["\t".join(cell.replace("\n", " ") for cell in row) for row in table.squared().rows]
    return "\n".join([title, *rows] if title else rows)


def _text_block(block: Block) -> str:
    return text_table(block.table, block.text) if block.table is not None else block.text


@dataclass(frozen=True)
class TextParagraph:
    """A paragraph of the .txt export, with where each part's words begin in it:
    ``(offset, node id, field)``, node id None for the report's title and signature."""

    text: str
    anchors: tuple[tuple[int, int | None, str], ...] = ()
    heading: int = 0  # level of a standalone heading; 0 = body text, title or signature


def text_paragraphs(report: Report, inline_points: bool = True) -> list[TextParagraph]:
    """The .txt export's paragraphs (the 全文 view reads the report through these); the
    signature is one paragraph of two lines."""
    report = prune(report)
    title = _title(report)
    paragraphs = [TextParagraph(title, ((0, None, "meta.title"),))] if title else []
    last: int | None = None  # the part the previous paragraph ended in
    for block in body_blocks(report, inline_points=inline_points, anchored=True):
        anchors: list[tuple[int, int | None, str]] = []
        offset = 0
        if last is not None and (block.pieces[0].anchor is None):  # a later paragraph of a part's text
            anchors.append((0, last, "text"))
        for piece in block.pieces:
            if piece.anchor is not None:
                anchors.append((offset, piece.anchor[0], "title" if piece.anchor[1] == "h" else "text"))
            offset += len(piece.text)
        last = anchors[-1][1] if anchors else last
        paragraphs.append(TextParagraph(_text_block(block), tuple(anchors), block.heading))
    signature = _signature_lines(report)
    if signature:
        paragraphs.append(TextParagraph("\n".join(signature), ((0, None, "meta.signature"),)))
    return paragraphs


def build_text(report: Report, inline_points: bool = True, ledger: bool = False) -> bytes:
    """UTF-8 with a BOM and CRLF line ends; paragraphs separated by a blank line; with ``ledger``
    the 数据台账 as an 附件 after the signature."""
    attached = ledger_table(report) if ledger else None
    paragraphs = [p.text for p in text_paragraphs(report, inline_points)]
    if attached is not None:
        signed = bool(_signature_lines(prune(report)))
        paragraphs.insert(len(paragraphs) - 1 if signed else len(paragraphs), attachment_note())
        paragraphs.extend([LABEL, LEDGER_TITLE, text_table(attached)])
    paragraphs = [p.replace("\n", "\r\n") for p in paragraphs]
    return (BOM + "\r\n\r\n".join(paragraphs) + "\r\n").encode("utf-8")
