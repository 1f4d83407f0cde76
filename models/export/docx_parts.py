"""The 报送版's frame around the body: 版头, 署名 and 日期, 附注, 版记."""

from __future__ import annotations

from lxml import etree

import models.export.layout as L
from models.dates import chinese_date
from models.export.blocks import clean
from models.export.ooxml import ParaFormat, RunFormat, add_tab, add_text, paragraph_properties, sub
from models.report import ReportMeta

SEAL_BLANK_LINES = 2  # with 署名 and 日期 the seal (≈ 4 lines tall) starts within a line of the body


def body_format(face: str) -> RunFormat:
    """A body run in this face: 三号 at the body's character spacing; shared by the frame and the body."""
    return RunFormat(face=face, size=L.SIZE_BODY, spacing=L.CHAR_SPACING)


def blank_line(parent: etree._Element, keep_next: bool = False) -> None:
    paragraph_properties(sub(parent, "p"), ParaFormat(keep_next=keep_next))


def add_masthead(parent: etree._Element, meta: ReportMeta, faces: L.Faces) -> None:
    """发文机关标志 (red, centred), 发文字号 and 签发人 on one line, the red rule."""
    issuer = clean(meta.issuer).strip()
    number, signer = clean(meta.doc_number).strip(), clean(meta.signer).strip()
    if not (issuer or number or signer):
        return  # nothing to put above a red rule
    if issuer:
        mark = issuer if issuer.endswith("文件") else issuer + "文件"
        size = max(L.SIZE_TITLE, min(L.MARK_MAX_HALF_POINTS, L.TEXT_WIDTH // (10 * len(mark))))
        paragraph = sub(parent, "p")
        paragraph_properties(
            paragraph, ParaFormat(jc="center", snap_to_grid=False, line=size * 10 + 120, before=L.MARK_SPACE_BEFORE)
        )
        add_text(paragraph, mark, RunFormat(face=faces.title, size=size, color=L.RED))
        blank_line(parent)
        blank_line(parent)
    if number or signer:
        _number_and_signer(parent, number, signer, faces)
    rule = sub(parent, "p")  # an empty line 4 mm high carrying the red rule as its bottom border
    paragraph_properties(rule, ParaFormat(line=227, snap_to_grid=False, border_bottom=(L.RED_RULE_SIZE, L.RED)))
    blank_line(parent)  # the title starts two lines below the rule
    blank_line(parent)


def _number_and_signer(parent: etree._Element, number: str, signer: str, faces: L.Faces) -> None:
    """上行文: 发文字号 居左空一字, 签发人 居右空一字 on the same line (a right tab stop)."""
    paragraph = sub(parent, "p")
    paragraph_properties(
        paragraph, ParaFormat(jc="left", left=L.CHAR_BODY, tabs=[("right", L.TEXT_WIDTH - L.CHAR_BODY)])
    )
    plain = body_format(faces.fangsong)
    if number:
        add_text(paragraph, number, plain)
    if signer:
        add_tab(paragraph, plain)
        add_text(paragraph, "签发人：", plain)
        add_text(paragraph, signer, body_format(faces.kaiti))


def signature_lines(meta: ReportMeta) -> tuple[str, str]:
    """署名 (the signature, else the issuer) and 成文日期 as printed; either may be empty."""
    return clean(meta.signature).strip() or clean(meta.issuer).strip(), chinese_date(clean(meta.date))


def add_signature(
    parent: etree._Element, meta: ReportMeta, faces: L.Faces, sealed: bool, note_follows: bool = False
) -> None:
    """署名 and 成文日期: sealed (date 右空四字, name centred over it) or unsealed (GB/T 9704 7.3.5).

    Blank lines, name, date (and the 附注 after it) keep together, and the body's last
    paragraph keeps with them, so the signature never stands on a page without text.
    """
    name, date = signature_lines(meta)
    if not name and not date:
        return
    for _ in range(SEAL_BLANK_LINES if sealed else 1):
        blank_line(parent, keep_next=True)
    name_right, date_right = _signature_indents(name, date, sealed)
    fmt = body_format(faces.fangsong)
    lines = [(text, right) for text, right in ((name, name_right), (date, date_right)) if text]
    for index, (text, right) in enumerate(lines):
        keep = index < len(lines) - 1 or note_follows
        paragraph = sub(parent, "p")
        paragraph_properties(paragraph, ParaFormat(jc="right", right=max(0, right), keep_next=keep))
        add_text(paragraph, text, fmt)


def _signature_indents(name: str, date: str, sealed: bool) -> tuple[int, int]:
    name_width, date_width = L.body_width_twips(name), L.body_width_twips(date)
    if sealed:
        date_right = L.INDENT_FOUR_CHARS
        return date_right + (date_width - name_width) // 2, date_right
    # Unsealed: 署名 右空二字; the date starts two characters right of the name's start.
    if not date or name_width - date_width >= L.INDENT_TWO_CHARS:
        # A 署名 wider than the line wraps and starts at the margin: the date still fits, two characters in.
        return L.INDENT_TWO_CHARS, min(name_width - date_width, L.TEXT_WIDTH - L.INDENT_TWO_CHARS - date_width)
    return date_width + 2 * L.INDENT_TWO_CHARS - name_width, L.INDENT_TWO_CHARS


def add_note(parent: etree._Element, note: str, faces: L.Faces) -> None:
    """附注 such as （此件公开发布）: 居左空二字, in round brackets, on the line after the date."""
    note = note.strip().strip("()（）")
    if not note:
        return
    paragraph = sub(parent, "p")
    paragraph_properties(paragraph, ParaFormat(first_line=L.INDENT_TWO_CHARS, first_line_chars=200))
    add_text(paragraph, f"（{note}）", body_format(faces.fangsong))


def add_imprint(parent: etree._Element, meta: ReportMeta, faces: L.Faces) -> None:
    """版记: a 156 mm table at the foot of the last page; thick first/last rule, thin between."""
    cc = clean(meta.cc).strip().replace("\n", "，")
    printed_by = clean(meta.printed_by).strip() or clean(meta.issuer).strip()
    printed_on = chinese_date(clean(meta.printed_on) or clean(meta.date))
    rows: list[tuple[str, str]] = []
    if cc:
        cc = cc.rstrip("。.:：；;，,") + "。"
        rows.append(("抄送：" + cc.removeprefix("抄送：").removeprefix("抄送:"), ""))
    if printed_by or printed_on:
        rows.append((printed_by, f"{printed_on}印发" if printed_on else ""))
    if not rows:
        return
    table = sub(parent, "tbl")
    _table_properties(table)
    sub(sub(table, "tblGrid"), "gridCol", w=L.TEXT_WIDTH)
    fmt = RunFormat(face=faces.fangsong, size=L.SIZE_SMALL)
    for index, (left, right) in enumerate(rows):
        _imprint_row(table, left, right, fmt, first=index == 0, last=index == len(rows) - 1)
    # Word needs a paragraph after a table; a tiny one keeps the last page from overflowing.
    tail = sub(parent, "p")
    paragraph_properties(tail, ParaFormat(line=20, snap_to_grid=False))


def _table_properties(table: etree._Element) -> None:
    props = sub(table, "tblPr")
    # Floating, anchored to the bottom of the text area: the last rule meets the 版心's lower edge.
    # Horizontally relative to the page: LibreOffice floats a full-width table only then.
    sub(
        props,
        "tblpPr",
        leftFromText=0,
        rightFromText=0,
        vertAnchor="margin",
        horzAnchor="page",
        tblpX=L.MARGIN_LEFT,
        tblpYSpec="bottom",
    )
    sub(props, "tblW", w=L.TEXT_WIDTH, type="dxa")
    sub(props, "jc", val="center")
    borders = sub(props, "tblBorders")
    for side in ("left", "right", "insideV"):
        sub(borders, side, val="nil")
    sub(props, "tblLayout", type="fixed")
    margins = sub(props, "tblCellMar")
    for side in ("left", "right"):
        sub(margins, side, w=0, type="dxa")


def _imprint_row(table: etree._Element, left: str, right: str, fmt: RunFormat, first: bool, last: bool) -> None:
    row = sub(table, "tr")
    sub(sub(row, "trPr"), "trHeight", val=L.IMPRINT_ROW_HEIGHT, hRule="atLeast")
    cell = sub(row, "tc")
    cell_pr = sub(cell, "tcPr")
    sub(cell_pr, "tcW", w=L.TEXT_WIDTH, type="dxa")
    borders = sub(cell_pr, "tcBorders")
    sub(borders, "top", val="single", sz=L.RULE_THICK if first else L.RULE_THIN, space=0, color="000000")
    sub(borders, "bottom", val="single", sz=L.RULE_THICK if last else L.RULE_THIN, space=0, color="000000")
    sub(cell_pr, "vAlign", val="center")
    paragraph = sub(cell, "p")
    one_char = L.CHAR_SMALL
    if right:  # 印发机关 左空一字, 印发日期 右空一字
        fmt_p = ParaFormat(
            jc="left", left=one_char, line=None, snap_to_grid=False, tabs=[("right", L.TEXT_WIDTH - one_char)]
        )
    else:  # 抄送: 左右各空一字, wrapped lines under the first name
        fmt_p = ParaFormat(
            jc="both", left=one_char + 3 * one_char, right=one_char, hanging=3 * one_char, line=None, snap_to_grid=False
        )
    paragraph_properties(paragraph, fmt_p)
    add_text(paragraph, left, fmt)
    if right:
        add_tab(paragraph, fmt)
        add_text(paragraph, right, fmt)
