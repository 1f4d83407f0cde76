"""Report → PDF drawn from the typesetter's pages (:mod:`models.typeset`), without Qt.

The few objects a PDF needs are written here; the fonts are subset by HarfBuzz
(:mod:`models.export.pdf_fonts`). What comes out: PDF 1.7, every font embedded as a subset with a
ToUnicode CMap (copy-paste and ``pdftotext`` give the text), title and author in the Info
dictionary and in XMP metadata, no transparency, A4 pages with the positions of the layout.
"""

from __future__ import annotations

import datetime
import zlib
from collections.abc import Iterable

from fontTools.ttLib import TTLibError

from models.export.options import ExportError, ExportOptions
from models.export.pdf_fonts import EmbeddedFont, embed_font, to_unicode_cmap
from models.report import Report
from models.text_chars import clean_text
from models.typeset import Page, Pages, Run, TypesetSettings, typeset
from models.typeset.fonts import FontFace

PRODUCER = "年报助手"


def build_pdf(report: Report, options: ExportOptions, settings: TypesetSettings | None = None) -> bytes:
    pages = typeset(report, options, settings)
    title = clean_text(report.meta.title.replace("\n", ""))[0]
    return write_pdf(pages, title=title, author=clean_text(report.meta.issuer)[0])


def write_pdf(pages: Pages, title: str = "", author: str = "", now: datetime.datetime | None = None) -> bytes:
    runs = [run for page in pages for run in _runs(page)]
    fonts = _embed_fonts(runs)
    writer = _Writer()
    catalog, pages_ref, info = writer.reserve(), writer.reserve(), writer.reserve()
    font_refs = {face: _write_font(writer, font) for face, font in fonts.items()}
    names = {face: f"F{i}" for i, face in enumerate(fonts, 1)}
    font_dict = "<< " + " ".join(f"/{names[face]} {ref} 0 R" for face, ref in font_refs.items()) + " >>"
    kids = []
    for page in pages:
        content = writer.stream(_content(page, fonts, names))
        kids.append(
            writer.add(
                f"<< /Type /Page /Parent {pages_ref} 0 R /MediaBox [0 0 {_n(page.width)} {_n(page.height)}] "
                f"/Resources << /Font {font_dict} /ProcSet [/PDF /Text] >> /Contents {content} 0 R >>"
            )
        )
    writer.set(pages_ref, f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>")
    now = now or datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    metadata = writer.stream(_xmp(title, author, now).encode("utf-8"), "/Type /Metadata /Subtype /XML", compress=False)
    writer.set(
        catalog,
        f"<< /Type /Catalog /Pages {pages_ref} 0 R /Metadata {metadata} 0 R /Lang (zh-CN) "
        "/ViewerPreferences << /DisplayDocTitle true >> >>",
    )
    stamp = now.strftime("D:%Y%m%d%H%M%SZ")
    writer.set(
        info,
        f"<< /Title {_text(title)} /Author {_text(author)} /Creator {_text(PRODUCER)} "
        f"/Producer {_text(PRODUCER)} /CreationDate ({stamp}) /ModDate ({stamp}) >>",
    )
    return writer.finish(catalog, info)


def _runs(page: Page) -> Iterable[Run]:
    for line in page.lines:
        yield from line.runs
    if page.folio:
        yield from page.folio.runs


def _embed_fonts(runs: list[Run]) -> dict[FontFace, EmbeddedFont]:
    chars: dict[FontFace, set[str]] = {}
    for run in runs:
        if run.font is None:
            raise ExportError(f"找不到“{run.family}”或可替代的字体，无法生成 PDF：请安装该字体，或导出时选用替代字体。")
        chars.setdefault(run.font, set()).update(run.text)
    fonts = {}
    for face, used in chars.items():
        try:
            fonts[face] = embed_font(face, used)
        except (OSError, TTLibError, KeyError, AssertionError) as exc:
            raise ExportError(f"字体文件 {face.path} 无法读取，无法生成 PDF：{exc}") from exc
        if missing := [ch for ch in fonts[face].missing if not ch.isspace()]:
            # A PDF with empty boxes for the clerk's words is worse than none.
            raise ExportError(
                f"本机的字体“{face.family}”中没有“{''.join(missing[:10])}”等 {len(missing)} 个字，"
                "生成的 PDF 会显示为方框：请安装公文字体，或导出时选用替代字体。"
            )
    return fonts


def _content(page: Page, fonts: dict[FontFace, EmbeddedFont], names: dict[FontFace, str]) -> bytes:
    ops = []
    for rule in page.rules:
        y = page.height - rule.y
        ops.append(f"{_rgb(rule.color)} RG {_n(rule.width)} w {_n(rule.x0)} {_n(y)} m {_n(rule.x1)} {_n(y)} l S")
    for box in page.boxes:  # table cells
        corner = f"{_n(box.x0)} {_n(page.height - box.y1)} {_n(box.x1 - box.x0)} {_n(box.y1 - box.y0)}"
        ops.append(f"{_rgb(box.color)} RG {_n(box.width)} w {corner} re S")
    for run in _runs(page):
        if not run.text or run.font is None:
            continue
        ops.append(_text_run(run, fonts[run.font], names[run.font], page.height))
    return "\n".join(ops).encode("ascii")


def _text_run(run: Run, font: EmbeddedFont, name: str, height: float) -> str:
    """One run as one TJ: each character placed at its own x by adjusting after the previous one."""
    codes = font.encode(run.text)
    parts = []
    for i, code in enumerate(codes):
        parts.append(f"<{code:04X}>")
        if i + 1 < len(codes):
            moved = (run.xs[i + 1] - run.xs[i]) * 1000 / run.size
            adjust = font.widths.get(code, 1000) - moved
            if abs(adjust) > 0.05:
                parts.append(_n(adjust))
    colour = _rgb(run.color or "000000")
    return (
        f"BT {colour} rg /{name} {_n(run.size)} Tf 1 0 0 1 {_n(run.xs[0])} {_n(height - run.baseline)} Tm "
        f"[{''.join(parts)}] TJ ET"
    )


def _write_font(writer: _Writer, font: EmbeddedFont) -> int:
    if font.cff:
        program = writer.stream(font.program, "/Subtype /CIDFontType0C")
        file_key, subtype, extra = "FontFile3", "CIDFontType0", ""
    else:
        program = writer.stream(font.program, f"/Length1 {len(font.program)}")
        file_key, subtype, extra = "FontFile2", "CIDFontType2", " /CIDToGIDMap /Identity"
    x0, y0, x1, y1 = font.bbox
    descriptor = writer.add(
        f"<< /Type /FontDescriptor /FontName /{font.name} /Flags 4 /FontBBox [{x0} {y0} {x1} {y1}] "
        f"/ItalicAngle 0 /Ascent {font.ascent} /Descent {font.descent} /CapHeight {font.ascent} /StemV 80 "
        f"/{file_key} {program} 0 R >>"
    )
    widths = " ".join(f"{code} [{width}]" for code, width in sorted(font.widths.items()))
    cid_font = writer.add(
        f"<< /Type /Font /Subtype /{subtype} /BaseFont /{font.name} "
        f"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        f"/FontDescriptor {descriptor} 0 R /DW 1000 /W [{widths}]{extra} >>"
    )
    to_unicode = writer.stream(to_unicode_cmap(font))
    return writer.add(
        f"<< /Type /Font /Subtype /Type0 /BaseFont /{font.name} /Encoding /Identity-H "
        f"/DescendantFonts [{cid_font} 0 R] /ToUnicode {to_unicode} 0 R >>"
    )


class _Writer:
    """Numbered objects, then the cross-reference table and trailer."""

    def __init__(self) -> None:
        self.objects: list[bytes | None] = []

    def reserve(self) -> int:
        self.objects.append(None)
        return len(self.objects)

    def set(self, number: int, body: str | bytes) -> None:
        self.objects[number - 1] = body.encode("latin-1") if isinstance(body, str) else body

    def add(self, body: str | bytes) -> int:
        number = self.reserve()
        self.set(number, body)
        return number

    def stream(self, data: bytes, entries: str = "", compress: bool = True) -> int:
        if compress:
            data = zlib.compress(data, 6)
            entries = f"{entries} /Filter /FlateDecode"
        head = f"<< {entries.strip()} /Length {len(data)} >>\nstream\n".encode("latin-1")
        return self.add(head + data + b"\nendstream")

    def finish(self, root: int, info: int) -> bytes:
        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for number, body in enumerate(self.objects, 1):
            offsets.append(len(out))
            out += f"{number} 0 obj\n".encode() + (body or b"null") + b"\nendobj\n"
        xref = len(out)
        out += f"xref\n0 {len(self.objects) + 1}\n0000000000 65535 f \n".encode()
        out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
        out += (
            f"trailer\n<< /Size {len(self.objects) + 1} /Root {root} 0 R /Info {info} 0 R >>\n"
            f"startxref\n{xref}\n%%EOF\n"
        ).encode()
        return bytes(out)


def _n(value: float) -> str:
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _rgb(colour: str) -> str:
    try:
        red, green, blue = (int(colour[i : i + 2], 16) / 255 for i in (0, 2, 4))
    except ValueError:
        red = green = blue = 0.0
    return f"{_n(red)} {_n(green)} {_n(blue)}"


def _text(value: str) -> str:
    """A PDF text string: UTF-16BE with its byte-order mark, as hex."""
    return "<FEFF" + value.encode("utf-16-be").hex().upper() + ">"


def _xmp(title: str, author: str, now: datetime.datetime) -> str:
    stamp = now.strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">'
        "<dc:format>application/pdf</dc:format>"
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{_xml(title)}</rdf:li></rdf:Alt></dc:title>'
        f"<dc:creator><rdf:Seq><rdf:li>{_xml(author)}</rdf:li></rdf:Seq></dc:creator>"
        f"<xmp:CreateDate>{stamp}</xmp:CreateDate><xmp:ModifyDate>{stamp}</xmp:ModifyDate>"
        f"<xmp:CreatorTool>{PRODUCER}</xmp:CreatorTool><pdf:Producer>{PRODUCER}</pdf:Producer>"
        '</rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end="w"?>'
    )


def _xml(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
