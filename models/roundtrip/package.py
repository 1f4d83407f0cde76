"""The 填报文件: a .docx for one 科室 holding the parts it writes.

For each part: its heading (grey, marked 请勿修改), the 写作要点 and last year's text as grey
guidance, then the text area — the current text, or one empty paragraph. Hidden bookmarks
(:mod:`.anchors`) tie each heading, guidance block and text area to its node; the library keeps
the text every area had, read back from the file just made, so a merge compares like with like.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from docx.document import Document as DocxDocument

import models.export.layout as L
from models.export.blocks import clean
from models.export.document import new_document
from models.export.ooxml import ParaFormat, RunFormat, add_text, bookmark_end, bookmark_start, paragraph_properties, sub
from models.ledger.refs import resolved_report
from models.numbering import number_report
from models.report import TABLE, Node, Report
from models.roundtrip.anchors import anchor_for, shown_text
from models.roundtrip.parts import part_labels
from models.roundtrip.records import GUIDANCE, HEADING, INSTRUCTIONS, PACKAGE, TEXT
from models.roundtrip.sending import send_file
from models.store import Library
from models.templates import writing_points

GREY = "7F7F7F"
SIZE_GUIDANCE = 24  # 小四
TEXT_PLACEHOLDER_NOTE = "↓ 请在下面填写本部分正文（可以增加段落）："


@dataclass
class _Bookmarks:
    report_id: int
    file_id: int
    next_id: int = 0

    def open(self, paragraph, node_id: int, role: str, text: str) -> int:  # type: ignore[no-untyped-def]
        bookmark_id, self.next_id = self.next_id, self.next_id + 1
        bookmark_start(paragraph, bookmark_id, anchor_for(self.report_id, self.file_id, node_id, role, text).name)
        return bookmark_id


def package_parts(parts: list[Node]) -> list[Node]:
    """Every node of the chosen parts, in reading order, each once (a part inside another chosen part
    is not repeated). Tables are left out: a 填报文件 has one text area per node, and words typed
    there for a table would have nowhere to go; the clerk keeps tables in the grid editor."""
    seen: set[int] = set()
    found: list[Node] = []
    for part in parts:
        for node in part.walk():
            if id(node) not in seen and node.kind != TABLE:
                seen.add(id(node))
                found.append(node)
    return found


def build_package(report: Report, file_id: int, parts: list[Node], unit: str, due: str = "") -> bytes:
    assert report.id is not None
    faces = L.faces_for(True)  # 仿宋/楷体: on every Windows machine a 科室 may use
    document = new_document(faces)
    body = document.element.body
    container = sub(body, "container")  # built apart, then moved before sectPr
    marks = _Bookmarks(report.id, file_id)
    _instructions(container, report, unit, due, faces, marks)
    labels = part_labels(report)
    markers = number_report(report)
    for node in package_parts(parts):
        assert node.id is not None
        _part(container, report, node, labels[node.id], markers[id(node)], faces, marks)
    sect_pr = body.find(f"{{{body.nsmap['w']}}}sectPr")
    for element in list(container):
        sect_pr.addprevious(element)
    body.remove(container)
    _properties(document, report, unit)
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def _paragraph(parent, text: str, fmt: RunFormat, para: ParaFormat | None = None):  # type: ignore[no-untyped-def]
    paragraph = sub(parent, "p")
    paragraph_properties(paragraph, para or ParaFormat(line=None))
    if text:
        add_text(paragraph, text, fmt)
    return paragraph


def _instructions(parent, report: Report, unit: str, due: str, faces: L.Faces, marks: _Bookmarks) -> None:  # type: ignore[no-untyped-def]
    title = clean(report.meta.title).replace("\n", "").strip() or f"{report.meta.year}年度法治政府建设情况报告"
    heading = RunFormat(face=faces.heiti, size=L.SIZE_BODY)
    _paragraph(parent, f"{title}——{unit or '各科室'}填报文件", heading, ParaFormat(jc="center", line=None))
    lines = [
        "填报说明（本说明及灰色文字请勿修改）：",
        "1. 请只在每个部分“" + TEXT_PLACEHOLDER_NOTE.strip("↓ ：") + "”之后填写或修改正文，可以增加段落；"
        "可以打开“修订”，也可以直接改。",
        "2. 灰色的标题、写作要点和去年的内容只作参考，请不要修改或删除，也不要把正文写进灰色文字里。",
        "3. 请用 Word 或 WPS 直接保存（.docx 格式，不要另存为 .doc 或 .wps），文件名可以改。",
    ]
    if due:
        lines.append(f"4. 请于 {due} 前交回。")
    grey = RunFormat(face=faces.kaiti, size=SIZE_GUIDANCE, color=GREY)
    text = "\n".join(lines)
    first = _paragraph(parent, "", grey)
    bookmark_id = marks.open(first, 0, INSTRUCTIONS, text)
    add_text(first, lines[0], grey)
    last = first
    for line in lines[1:]:
        last = _paragraph(parent, line, grey)
    bookmark_end(last, bookmark_id)


def _part(parent, report: Report, node: Node, label: str, marker: str, faces: L.Faces, marks: _Bookmarks) -> None:  # type: ignore[no-untyped-def]
    assert node.id is not None
    grey = RunFormat(face=faces.kaiti, size=SIZE_GUIDANCE, color=GREY)
    heading_text = f"{label}（标题，请勿修改）"
    heading = _paragraph(
        parent,
        "",
        RunFormat(face=faces.heiti, size=L.SIZE_BODY, color=GREY),
        ParaFormat(line=None, before=240, keep_next=True),
    )
    bookmark_id = marks.open(heading, node.id, HEADING, heading_text)
    add_text(heading, heading_text, RunFormat(face=faces.heiti, size=L.SIZE_BODY, color=GREY))
    bookmark_end(heading, bookmark_id)
    guidance = _guidance_lines(report, node)
    para = ParaFormat(line=None, keep_next=True)
    first = _paragraph(parent, "", grey, para)
    bookmark_id = marks.open(first, node.id, GUIDANCE, "\n".join(guidance))
    add_text(first, guidance[0], grey)
    last = first
    for line in guidance[1:]:
        last = _paragraph(parent, line, grey, para)
    bookmark_end(last, bookmark_id)
    body = RunFormat(face=faces.fangsong, size=L.SIZE_BODY)
    lines = shown_text(node.text).split("\n")  # [""] for an empty part: one empty paragraph to type in
    indent = ParaFormat(line=None, first_line=L.INDENT_TWO_CHARS, first_line_chars=200)
    first = _paragraph(parent, "", body, indent)
    bookmark_id = marks.open(first, node.id, TEXT, node.text)
    add_text(first, lines[0], body)
    bookmark_end(first, bookmark_id)
    for line in lines[1:]:
        _paragraph(parent, line, body, indent)


def _guidance_lines(report: Report, node: Node) -> list[str]:
    lines: list[str] = []
    points = shown_text(writing_points(report, node))
    if points:
        lines += [f"写作要点：{line}" if i == 0 else line for i, line in enumerate(points.split("\n"))]
    reference = shown_text(node.reference)
    if reference:
        lines += [f"去年的内容（供参考）：{line}" if i == 0 else line for i, line in enumerate(reference.split("\n"))]
    return [*lines, TEXT_PLACEHOLDER_NOTE]


def _properties(document: DocxDocument, report: Report, unit: str) -> None:
    properties = document.core_properties
    properties.title = f"{clean(report.meta.title).strip()}（{unit or '填报文件'}）"
    properties.author = properties.last_modified_by = clean(report.meta.issuer)
    properties.comments = "年报助手填报文件：请只在各部分的正文处填写。"


def make_package(library: Library, report_id: int, parts: list[Node], unit: str, target: Path, due: str = "") -> int:
    """Write the 填报文件 and record it (with each area's text) in the library; returns its record id.
    A file that cannot be written leaves no record."""
    report = resolved_report(library.load_report(report_id))  # a 科室 sees figures, not references
    by_id = {node.id: node for node in report.walk()}
    chosen = [by_id[part.id] for part in parts]
    return send_file(
        library, report_id, PACKAGE, target, lambda file_id: build_package(report, file_id, chosen, unit, due), unit
    )
