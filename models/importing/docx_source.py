""".docx → paragraphs (body paragraphs and table cells in document order).

Every check that can be made on the zip directory is made before anything is
decompressed or parsed: old binary/encrypted files, non-zips, missing document part,
zip bombs (sizes declared in the directory), and XML with a DOCTYPE or entities, found by
defusedxml's parser (entities are never expanded; python-docx's parser has
``resolve_entities=False`` but we refuse such files outright, as Word never writes them).
"""

from __future__ import annotations

import logging
import re
import zipfile
from pathlib import Path
from urllib.parse import unquote
from xml.sax import SAXException
from xml.sax.handler import ContentHandler

import defusedxml.ElementTree
import defusedxml.sax
from defusedxml import DefusedXmlException

from models.fileio import os_error_reason
from models.importing.front import is_front_line, is_title
from models.importing.markers import leading_marker
from models.importing.sources import ImportFileError, Para, check_size, limited
from models.numerals import CIRCLED, chinese_numeral
from models.report import MAX_TABLE_COLUMNS, MAX_TABLE_ROWS, TableData
from models.text_chars import shorten

log = logging.getLogger(__name__)

OLE_MAGIC = b"\xd0\xcf\x11\xe0"
DOCUMENT_PART = "word/document.xml"
CONTENT_TYPES = "[Content_Types].xml"
_RELS_PART = re.compile(r"(?:^|/)_rels/[^/]*$")
MAX_PART_BYTES = 100 * 1024 * 1024
MAX_TOTAL_BYTES = 100 * 1024 * 1024  # python-docx holds every part it reads, pictures too
MAX_MEMBERS = 5000
# python-docx holds every XML part as an lxml tree, a few hundred bytes for each element and each
# attribute: 95 MB of Word's XML took 1.1 GB. Every "<" and "=" in the XML parts is counted (at C
# speed, an upper bound on elements + attributes) and a package with more is refused, keeping
# reading under 500 MB (bench/bench_memory.py). A blank document has some 60,000 (styles); Word
# writes a few per character of text, so a 30,000-character report has some 150,000.
MAX_XML_NODES = 1_000_000
OLD_FORMAT_MESSAGE = (
    "{name} 是旧版 Word/WPS 格式（.doc/.wps）或设置了打开密码，无法直接导入。"
    "请在 Word 或 WPS 中打开它，去掉密码后“另存为” .docx 文件，再导入。"
)
HEADING_MAX_CHARS = 80  # a title or heading over two or three lines; longer is a paragraph
BROKEN_LINE_MIN_CHARS = 10  # a typed heading's first line this long may have been broken to fit
_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
_CN_FORMATS = {
    "chineseCounting",
    "chineseCountingThousand",
    "chineseLegalSimplified",
    "ideographTraditional",
    "japaneseCounting",
    "taiwaneseCounting",
    "taiwaneseCountingThousand",
    "ideographLegalTraditional",
}
_CIRCLED_FORMATS = {"decimalEnclosedCircle", "decimalEnclosedCircleChinese"}
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def check_docx(path: Path) -> None:
    """Refuse anything that is not a plain, sane .docx, with a message saying what to do."""
    check_size(path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
    except OSError as exc:  # held exclusively by another program, or no read permission
        raise ImportFileError(f"无法读取文件 {path.name}：{os_error_reason(exc)}。") from exc
    if head.startswith(OLE_MAGIC):
        raise ImportFileError(OLD_FORMAT_MESSAGE.format(name=path.name))
    if not zipfile.is_zipfile(path):
        raise ImportFileError(f"{path.name} 不是有效的 .docx 文件（文件已损坏，或并不是 Word 文档）。")
    try:
        with zipfile.ZipFile(path) as archive:
            _check_archive(archive, path.name)
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as exc:
        log.warning("unreadable .docx %s: %r", path, exc)  # the detail is for us, not the clerk
        raise ImportFileError(
            f"{path.name} 已损坏或设置了密码，无法读取。请在 Word 或 WPS 中打开后另存为 .docx 再试。"
        ) from exc


def _check_archive(archive: zipfile.ZipFile, name: str) -> None:
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise ImportFileError(f"{name} 内部文件数量异常（{len(members)} 个），已拒绝导入。")
    names = {m.filename for m in members}
    if DOCUMENT_PART not in names:
        raise ImportFileError(f"{name} 中没有正文部分（word/document.xml），不是 Word 文档。")
    too_big = any(m.file_size > MAX_PART_BYTES for m in members)
    if too_big or sum(m.file_size for m in members) > MAX_TOTAL_BYTES:
        raise ImportFileError(
            f"{name} 解压后超过 {MAX_PART_BYTES // (1024 * 1024)} MB，可能是被恶意构造的文件，已拒绝导入。"
        )
    nodes = 0
    for member in _xml_members(archive, members, name):
        nodes += _node_count(archive, member)
        if nodes > MAX_XML_NODES:
            raise _too_large(name)
        if _declares_types(archive.read(member)):
            raise ImportFileError(
                f"{name} 中含有文档类型声明（DOCTYPE/ENTITY），Word 不会生成这种内容，"
                "可能是被恶意构造的文件，已拒绝导入。"
            )


def _node_count(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> int:
    """Every "<" and "=" in the part, read a megabyte at a time: a refused part is never held whole."""
    count = 0
    with archive.open(member) as stream:
        while chunk := stream.read(1024 * 1024):
            count += chunk.count(b"<") + chunk.count(b"=")
    return count


def _too_large(name: str) -> ImportFileError:
    return ImportFileError(
        f"{name} 的内容过于庞大（内部结构超过 {MAX_XML_NODES // 10_000} 万个元素），"
        "不像是一份年度报告，可能是被恶意构造的文件，已拒绝导入。请确认选对了文件；"
        "如确需导入，请在 Word 或 WPS 中把正文复制到一个新文档，另存为 .docx 后再导入。"
    )


def _xml_members(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo], name: str) -> list[zipfile.ZipInfo]:
    """Every part the package declares as XML, whatever its name, plus the usual suspects.

    ``[Content_Types].xml`` (itself checked first) declares XML by extension (``Default``) or by
    part name (``Override``); relationship parts (``_rels/*.rels``) and any ``.xml`` are XML too.
    Part names are case-insensitive and may be percent-encoded (OPC).
    """
    by_name = {m.filename.casefold(): m for m in members}
    found: dict[str, zipfile.ZipInfo] = {}
    types = by_name.get(CONTENT_TYPES.casefold())
    if types is not None:
        found[types.filename] = types
        data = archive.read(types)
        if data.count(b"<") + data.count(b"=") > MAX_XML_NODES:  # parsed into a tree just below
            raise _too_large(name)
        if _declares_types(data):
            return [types]
        extensions, parts = _xml_declared(data)
        for member in members:
            extension = member.filename.rpartition(".")[2].casefold() if "." in member.filename else ""
            if extension in extensions:
                found[member.filename] = member
        for part in parts:
            member = by_name.get(part)
            if member is not None:
                found[member.filename] = member
    for member in members:
        lowered = member.filename.casefold()
        if lowered.endswith((".xml", ".rels")) or _RELS_PART.search(lowered):
            found[member.filename] = member
    return list(found.values())


def _xml_declared(data: bytes) -> tuple[set[str], set[str]]:
    """(extensions, part names without the leading slash), casefolded, that [Content_Types].xml declares XML."""
    try:
        root = defusedxml.ElementTree.fromstring(data)
    except (DefusedXmlException, defusedxml.ElementTree.ParseError):
        return set(), set()
    extensions: set[str] = set()
    parts: set[str] = set()
    for element in root.iter():
        tag = element.tag.rpartition("}")[2]
        if not _is_xml_type(element.get("ContentType", "")):
            continue
        if tag == "Default":
            extensions.add(element.get("Extension", "").casefold())
        elif tag == "Override":
            parts.add(unquote(element.get("PartName", "")).lstrip("/").casefold())
    return extensions, parts


def _is_xml_type(content_type: str) -> bool:
    media = content_type.split(";")[0].strip().casefold()
    return media.endswith("+xml") or media in ("application/xml", "text/xml")


def _declares_types(data: bytes) -> bool:
    """Whether this XML has a DOCTYPE or an entity declaration (any encoding expat reads).

    XML that expat cannot parse is left to python-docx: its strict parser reports damage in
    the parts it reads, and the parts nobody reads cannot expand anything.
    """
    try:
        defusedxml.sax.parseString(data, ContentHandler(), forbid_dtd=True, forbid_entities=True)
    except DefusedXmlException:
        return True
    except SAXException:
        return False
    return False


def read_docx(path: Path) -> tuple[list[Para], list[str]]:
    """Paragraphs in document order, with heading levels and automatic numbers; plus notes."""
    check_docx(path)
    import docx  # imported late: 60 ms, and only import needs it
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    try:
        document = docx.Document(str(path))
        paras, notes = _paragraphs(document)
        return limited(paras, path.name), notes
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        log.warning("python-docx cannot read %s: %r", path, exc)
        raise ImportFileError(
            f"{path.name} 无法作为 Word 文档读取。请在 Word 或 WPS 中打开后另存为 .docx 再试。"
        ) from exc
    except XMLSyntaxError as exc:
        raise ImportFileError(f"{path.name} 的内容已损坏（XML 格式错误），无法导入。") from exc


def _paragraphs(document) -> tuple[list[Para], list[str]]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    styles = _StyleInfo(document)
    numbers = _AutoNumbers(document)
    result: list[Para] = []
    notes: list[str] = []
    joined: list[str] = []  # titles and headings whose manual line breaks were taken out
    for child in document.element.body.iterchildren():
        if child.tag == f"{_W}p":
            para = Paragraph(child, document)
            result.append(_para(para, styles, numbers, joined))
        elif child.tag == f"{_W}tbl":
            result.extend(_table_paras(Table(child, document), notes))
    notes.extend(_text_box_notes(document.element.body))
    if joined:
        shown = "、".join(f"“{shorten(text, 20)}”" for text in joined[:3])
        more = f"等 {len(joined)} 处" if len(joined) > 3 else ""
        notes.append(f"标题{shown}{more}中有手动换行，已合为一行（没有拆成几段）。")
    return [p for p in _split_breaks(result) if p.text.strip() or p.auto_marker or p.table], notes


def _table_paras(table, notes: list[str]) -> list[Para]:
    """A table of at least two rows and two columns stays a table; a one-row or one-column table
    (a box around text, a layout grid) is read as paragraphs, one a row, as before."""
    cells = table_cells(table)
    if _is_colophon(cells):  # a 版记 drawn as a table: its lines go to the metadata like typed ones
        return [Para(row) for row in _table_text(table)]
    if len(cells) >= 2 and max(len(row) for row in cells) >= 2 and any(c for row in cells for c in row):
        if len(cells) > MAX_TABLE_ROWS or max(len(row) for row in cells) > MAX_TABLE_COLUMNS:
            notes.append(f"文档中有一个表格超过 {MAX_TABLE_ROWS} 行或 {MAX_TABLE_COLUMNS} 列，已按行转成段落，请检查。")
        else:
            return [Para("", table=TableData(cells).squared())]
    rows = _table_text(table)
    if rows:
        notes.append(f"文档中有表格（{len(rows)} 行），已按行转成段落，请检查。")
    return [Para(row) for row in rows]


_COLOPHON_CELL = re.compile(r"^抄送[：:]|印发[。.]?$")


def _is_colophon(cells: list[list[str]]) -> bool:
    """A short table whose cells are 版记 lines (抄送：…, …印发), as GB/T 9704 templates draw it."""
    return len(cells) <= 4 and any(_COLOPHON_CELL.search(cell) for row in cells for cell in row)


def table_cells(table) -> list[list[str]]:
    """The table's text cell by cell. A merged cell's text is in its first position and the places
    it spans are empty, so no text is repeated."""
    seen: dict[int, object] = {}  # holds each element, so no id is reused by a later proxy
    rows: list[list[str]] = []
    for row in table.rows:
        texts = []
        for cell in row.cells:
            texts.append("" if id(cell._tc) in seen else cell.text.strip())
            seen[id(cell._tc)] = cell._tc
        rows.append(texts)
    return rows


def _text_box_notes(body) -> list[str]:
    """Text in text boxes (a 版头's mark, a 联合行文's names) is not read: say so, with the text."""
    texts = []
    for box in body.iter(f"{_W}txbxContent"):
        if any(a.tag.endswith("}Fallback") for a in box.iterancestors()):  # the same box for old readers
            continue
        text = " ".join("".join(t.text or "" for t in p.iter(f"{_W}t")) for p in box.iter(f"{_W}p")).strip()
        if text:
            texts.append(text)
    if not texts:
        return []
    shown = "、".join(f"“{shorten(text, 20)}”" for text in texts[:3])
    more = f"等 {len(texts)} 处" if len(texts) > 3 else ""
    return [f"文档的文本框中有文字{shown}{more}，没有导入，请检查是否需要补入正文或报告信息。"]


def _split_breaks(paras: list[Para]) -> list[Para]:
    """A manual line break (Shift+Enter, common in pasted web text) starts a new paragraph
    (those inside a title or heading were taken out by ``_para``)."""
    result: list[Para] = []
    for para in paras:
        first, *rest = para.text.split("\n")
        result.append(Para(first, para.heading_level, para.auto_marker, para.list_level, para.table))
        result.extend(Para(line) for line in rest)
    return result


def _joined_heading(para: Para, bold: bool) -> str | None:
    """The text of a title or heading set over several lines by manual line breaks, as one line."""
    if "\n" not in para.text or not _is_heading_paragraph(para, bold):
        return None
    return "".join(line.strip() for line in para.text.split("\n"))


def _all_bold(p) -> bool:
    """Every run with text is bold (directly): how clerks mark a heading without a heading style."""
    runs = p.xpath("w:r[w:t]|w:hyperlink/w:r[w:t]")
    return bool(runs) and all(
        (b := run.find(f"{_W}rPr/{_W}b")) is not None and b.get(f"{_W}val", "true") not in ("0", "false", "off")
        for run in runs
    )


def _is_heading_paragraph(para: Para, bold: bool) -> bool:
    """A title or heading set over several lines: short, no sentence end, no numbered line, date,
    文号 or 签发人 after the first, and Word made it a heading or numbered it, or it is the report's
    title, or it starts with a typed number and is bold or its first line is long enough to have
    needed the break. A heading and its text set apart by Shift+Enter (一、基本情况 / 全年办案126件)
    stay apart."""
    lines = [line.strip() for line in para.text.split("\n") if line.strip()]
    text = "".join(lines)
    if (
        not lines
        or len(text) > HEADING_MAX_CHARS
        or re.search(r"[。；;！？!?]", text)
        or any(leading_marker(line) is not None or is_front_line(line) for line in lines[1:])
    ):
        return False
    if para.heading_level is not None or para.auto_marker or is_title(text):
        return True
    return leading_marker(text) is not None and (bold or len(lines[0]) >= BROKEN_LINE_MIN_CHARS)


def _table_text(table) -> list[str]:
    rows = []
    for row in table.rows:
        seen: list[object] = []
        cells = []
        for cell in row.cells:
            if any(cell._tc is s for s in seen):  # merged cells repeat
                continue
            seen.append(cell._tc)
            cells.append(cell.text.strip())
        line = "\t".join(c for c in cells if c)
        if line:
            rows.append(line)
    return rows


def _para(paragraph, styles: _StyleInfo, numbers: _AutoNumbers, joined: list[str]) -> Para:
    para = _plain_para(paragraph, styles, numbers)
    text = _joined_heading(para, _all_bold(paragraph._p))
    if text is not None:
        para.text = text
        joined.append(text)
    return para


def _plain_para(paragraph, styles: _StyleInfo, numbers: _AutoNumbers) -> Para:
    ppr = paragraph._p.pPr
    style_id = paragraph._p.style
    level = _outline_level(ppr)
    if level is None:
        level = styles.heading_level(style_id)
    text = _paragraph_text(paragraph._p)
    num = _num_pr(ppr) or styles.num_pr(style_id)
    if num is None or not text.strip():
        return Para(text, heading_level=level)
    marker = numbers.next_marker(*num)
    if not marker:  # a bulleted list: body text, not headings
        return Para(text, heading_level=level)
    return Para(text, heading_level=level, auto_marker=marker, list_level=num[1] + 1)


# What python-docx's ``Paragraph.text`` reads (runs, also inside hyperlinks, and the parts of a run
# that are text), found by one XPath per paragraph instead of one per run: a paragraph of 100,000
# empty runs took 2 s to read.
_TEXT_PARTS = "|".join(
    f"{parent}/w:{tag}"
    for parent in ("w:r", "w:hyperlink/w:r")
    for tag in ("br", "cr", "noBreakHyphen", "ptab", "t", "tab")
)


def _paragraph_text(p) -> str:
    """The paragraph's text exactly as python-docx gives it (tabs as \\t, line breaks as \\n)."""
    return "".join(str(element) for element in p.xpath(_TEXT_PARTS))


def _outline_level(ppr) -> int | None:
    if ppr is None:
        return None
    element = ppr.find(f"{_W}outlineLvl")
    if element is None:
        return None
    value = int(element.get(f"{_W}val", "9"))
    return value + 1 if value < 9 else None


def _num_pr(ppr) -> tuple[str, int] | None:
    if ppr is None:
        return None
    num = ppr.find(f"{_W}numPr")
    if num is None:
        return None
    num_id = num.find(f"{_W}numId")
    ilvl = num.find(f"{_W}ilvl")
    if num_id is None or num_id.get(f"{_W}val") in (None, "0"):
        return None
    return num_id.get(f"{_W}val"), int(ilvl.get(f"{_W}val", "0")) if ilvl is not None else 0


class _StyleInfo:
    """Heading level and list numbering a paragraph style gives (following basedOn)."""

    def __init__(self, document) -> None:
        self.by_id = {}
        root = document.styles.element
        for style in root.findall(f"{_W}style"):
            self.by_id[style.get(f"{_W}styleId")] = style

    def _chain(self, style_id: str | None):
        seen = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            yield style
            based = style.find(f"{_W}basedOn")
            style_id = based.get(f"{_W}val") if based is not None else None

    def heading_level(self, style_id: str | None) -> int | None:
        for style in self._chain(style_id):
            name = style.find(f"{_W}name")
            found = _HEADING_NAME.match(name.get(f"{_W}val", "")) if name is not None else None
            if found:
                return int(found.group(1))
            level = _outline_level(style.find(f"{_W}pPr"))
            if level is not None:
                return level
        return None

    def num_pr(self, style_id: str | None) -> tuple[str, int] | None:
        for style in self._chain(style_id):
            found = _num_pr(style.find(f"{_W}pPr"))
            if found:
                return found
        return None


class _AutoNumbers:
    """Recreates the numbers Word shows for ``numPr`` paragraphs (counters per list and level)."""

    def __init__(self, document) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        abstract = {a.get(f"{_W}abstractNumId"): a for a in root.findall(f"{_W}abstractNum")}
        for num in root.findall(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            definition = abstract.get(ref.get(f"{_W}val")) if ref is not None else None
            if definition is not None:
                self.levels[num.get(f"{_W}numId")] = _levels(definition)

    def next_marker(self, num_id: str, ilvl: int) -> str:
        levels = self.levels.get(num_id, {})
        counters = self.counters.setdefault(num_id, [0] * 9)
        ilvl = max(0, min(ilvl, 8))
        start = levels.get(ilvl, ("decimal", "", 1))[2]
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else start
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0
        fmt, text, _ = levels.get(ilvl, ("decimal", f"%{ilvl + 1}.", 1))
        if fmt in ("bullet", "none"):
            return ""
        return re.sub(r"%(\d)", lambda m: _format(levels, counters, int(m.group(1)) - 1), text)


def _levels(definition) -> dict[int, tuple[str, str, int]]:
    result = {}
    for lvl in definition.findall(f"{_W}lvl"):
        fmt = lvl.find(f"{_W}numFmt")
        text = lvl.find(f"{_W}lvlText")
        start = lvl.find(f"{_W}start")
        result[int(lvl.get(f"{_W}ilvl", "0"))] = (
            fmt.get(f"{_W}val", "decimal") if fmt is not None else "decimal",
            text.get(f"{_W}val", "") if text is not None else "",
            int(start.get(f"{_W}val", "1")) if start is not None else 1,
        )
    return result


def _format(levels: dict[int, tuple[str, str, int]], counters: list[int], ilvl: int) -> str:
    value = max(counters[ilvl], 1) if 0 <= ilvl < 9 else 1
    fmt = levels.get(ilvl, ("decimal", "", 1))[0]
    if fmt in _CN_FORMATS:
        return chinese_numeral(value)
    if fmt in _CIRCLED_FORMATS and value <= len(CIRCLED):
        return CIRCLED[value - 1]
    return str(value)
