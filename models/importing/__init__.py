"""Files → reports. ``import_file`` picks the reader by the file's extension.

.json is the interchange format; .docx and .txt (and pasted text, ``import_text``) go
through structure recognition: web clutter removed, metadata taken from the head and tail,
the body turned into the section/point tree. ``ImportResult.notes`` tells the user what
was odd; ``removed`` lists every piece of source text that is not in the body (markers,
metadata lines, clutter), so tests can prove that nothing else was lost. ``figures`` proposes the
figures the text states for the 数据台账, to be confirmed in the preview (never filled in silently).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from models import interchange
from models.errors import UnsupportedFormatError
from models.importing.clutter import strip_clutter
from models.importing.figures import propose_figures
from models.importing.metadata import extract_meta
from models.importing.parts import STATUTORY_LABELS, assign_keys, level1_parts
from models.importing.sources import ImportFileError, Para, decode_text, paragraphs_from_text, read_bytes
from models.importing.structure import build_tree
from models.importing.traditional import to_simplified
from models.importing.year import detect_year
from models.ledger.extract import Proposal
from models.report import SECTION, Node, Report
from models.text_chars import clean_text, shorten

__all__ = [
    "STATUTORY_LABELS",
    "ImportFileError",
    "ImportResult",
    "import_file",
    "import_paragraphs",
    "import_text",
]

OLD_BINARY_SUFFIXES = (".doc", ".wps", ".dot", ".wpt")


@dataclass
class ImportResult:
    report: Report
    notes: list[str] = field(default_factory=list)  # what was odd, for the user to read
    removed: list[str] = field(default_factory=list)  # source text not placed in the body
    source_text: str = ""  # the text as read (Word's automatic numbers shown), for the preview
    year_found: bool = True  # False: the year is a placeholder the clerk must check

    def statutory_parts(self) -> list[tuple[Node, str]]:
        """Each level-1 part with the statutory item it was mapped to (a key of STATUTORY_LABELS)."""
        return [(node, node.key) for node in level1_parts(self.report)]

    figures: list[Proposal] = field(default_factory=list)  # 数据台账 figures the text states, to confirm


def import_file(path: Path) -> ImportResult:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".json":
        report, cleaned = interchange.read_file(path)
        notes = [f"已删除 {cleaned} 个无法保存到 Word 文档的控制字符。"] if cleaned else []
        return ImportResult(report, notes)
    if suffix in OLD_BINARY_SUFFIXES:
        from models.importing.docx_source import OLD_FORMAT_MESSAGE

        raise ImportFileError(OLD_FORMAT_MESSAGE.format(name=path.name))
    if suffix == ".docx":
        from models.importing.docx_source import read_docx

        paras, notes = read_docx(path)
        if not paras:
            raise ImportFileError(f"{path.name} 中没有文字，没有可导入的内容。")
        return import_paragraphs(paras, notes)
    if suffix in (".txt", ".text", ""):
        text, encoding = decode_text(read_bytes(path))
        notes = [f"文本文件的编码是 {encoding}，已自动转换。"] if encoding.startswith("GB") else []
        return import_text(text, notes)
    raise UnsupportedFormatError(f"不支持导入 {suffix} 文件：请选择 .docx、.txt 或年报助手的 .json 文件。")


def import_text(text: str, notes: list[str] | None = None) -> ImportResult:
    """Pasted or decoded text: one paragraph per non-blank line."""
    return import_paragraphs(paragraphs_from_text(text), notes)


def import_paragraphs(paras: list[Para], notes: list[str] | None = None) -> ImportResult:
    notes = list(notes or [])
    source_text = "\n".join(p.auto_marker + p.text + (p.table.plain_text() if p.table else "") for p in paras)
    cleaned_count = 0
    for para in paras:
        para.text, count = clean_text(para.text)
        cleaned_count += count
        if para.table is not None:
            for row in para.table.rows:
                for index, cell in enumerate(row):
                    row[index], count = clean_text(cell)
                    cleaned_count += count
    if cleaned_count:
        notes.append(f"已删除 {cleaned_count} 个无法保存到 Word 文档的控制字符。")
    if not any(p.text.strip() or p.table for p in paras):
        raise ImportFileError("没有可导入的文字（内容是空的）。")
    notes.extend(to_simplified(paras))
    cleaned = strip_clutter(paras)
    if cleaned.removed:
        shown = "、".join(f"“{shorten(t.strip(), 16)}”" for t in cleaned.removed[:6])
        more = f"等 {len(cleaned.removed)} 行" if len(cleaned.removed) > 6 else ""
        notes.append(f"已略去网页上的无关内容：{shown}{more}。")
    found = extract_meta(cleaned.body, cleaned.web_date, cleaned.web_doc_number)
    notes.extend(found.notes)
    builder = build_tree(found.body)
    notes.extend(builder.notes)
    report = Report(meta=found.meta, body=builder.body)
    notes.extend(assign_keys(report))
    year = detect_year(report, found.date_from_page)
    if year.year:
        report.meta.year = year.year
        if year.source != "标题":
            notes.append(f"标题中没有年度，已按{year.source}认定为 {year.year} 年度，请核对。")
    else:
        report.meta.year = date.today().year - 1
        notes.append(
            f"没有识别到报告年度（标题、第一段、各部分标题和成文日期中都没有），"
            f"暂定为 {report.meta.year} 年，请在报告信息中改正。"
        )
    if not any(n.kind == SECTION for n in report.body):
        notes.append("没有识别到任何带编号的标题，全文按段落导入，请在预览中调整层级。")
    removed = cleaned.removed + found.removed + builder.removed
    return ImportResult(
        report, notes, removed, source_text, year_found=bool(year.year), figures=propose_figures(report)
    )
