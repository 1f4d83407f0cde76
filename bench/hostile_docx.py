"""Hostile .docx files: small on disk, with a word/document.xml that expands to many megabytes.

Written straight into a zip in pieces, so making a 95 MB document part needs no 95 MB in memory and
nothing huge is ever committed. Used by bench/bench_memory.py (full size) and by the import tests
(scaled down). The shapes:

- ``paragraphs``: many short paragraphs, each with Word's rsid attributes and run properties;
- ``runs``: paragraphs made of thousands of empty runs (``<w:r/>``), the most elements per byte;
- ``attributes``: paragraphs carrying thousands of attributes each, the most nodes per byte;
- ``text``: a few paragraphs of very long text, the most characters per byte;
- ``quotes``: long paragraphs of “字“字…, which export must split into a run per quotation mark;
- ``table``: one table with many rows of short cells.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

SHAPES = ("paragraphs", "runs", "attributes", "text", "quotes", "table")
_MB = 1024 * 1024
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_HEAD = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{_W_NS}"><w:body>').encode()
_TAIL = b'<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
_SENTENCE = "坚持以习近平法治思想为指导，全面落实行政执法“三项制度”，全年办理行政许可1262件。"


def _paragraph(text: str) -> bytes:
    return (
        f'<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00D4E5F6" w:rsidP="00A1B2C3"><w:pPr><w:spacing w:line="560" '
        f'w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr><w:r w:rsidRPr="00A1B2C3">'
        f'<w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hint="eastAsia"/><w:sz w:val="32"/>'
        f"</w:rPr><w:t>{text}</w:t></w:r></w:p>"
    ).encode()


def _pieces(shape: str) -> Iterator[bytes]:
    """An endless stream of body XML in this shape (the writer stops at the size asked for)."""
    if shape == "paragraphs":
        while True:
            yield _paragraph(_SENTENCE) * 1000
    elif shape == "runs":
        while True:
            yield b"<w:p>" + b"<w:r/>" * 100_000 + b"<w:r><w:t>" + _SENTENCE.encode() + b"</w:t></w:r></w:p>"
    elif shape == "attributes":
        attributes = "".join(f' x{index}="1"' for index in range(2000)).encode()
        while True:
            yield b"<w:p" + attributes + b"><w:r><w:t>" + _SENTENCE.encode() + b"</w:t></w:r></w:p>"
    elif shape == "text":
        while True:  # 4 MB of text a paragraph: libxml2 refuses single text nodes over 10 MB
            yield _paragraph(_SENTENCE * (4 * _MB // len(_SENTENCE.encode())))
    elif shape == "quotes":
        while True:  # 48,000 characters, 144 KB of XML a paragraph
            yield _paragraph("“字" * 24_000)
    elif shape == "table":
        cell = f"<w:tc><w:p><w:r><w:t>{_SENTENCE[:8]}</w:t></w:r></w:p></w:tc>".encode()
        yield b"<w:tbl>"
        while True:
            yield (b"<w:tr>" + cell * 4 + b"</w:tr>") * 1000
    else:
        raise ValueError(f"unknown shape {shape!r}; one of {SHAPES}")


def _template_parts(images: int) -> dict[str, bytes]:
    """python-docx's own blank document (every part but the body is a real Word package's), its
    relationships naming ``images`` pictures, word/media/imageN.png, that python-docx will load."""
    import docx

    stream = io.BytesIO()
    docx.Document().save(stream)
    with zipfile.ZipFile(stream) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    png = b'<Default Extension="png" ContentType="image/png"/>'
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(b"<Default ", png + b"<Default ", 1)
    relationships = b"".join(
        b'<Relationship Id="rIdImage%d" Target="media/image%d.png" '
        b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"/>' % (index, index)
        for index in range(images)
    )
    rels = "word/_rels/document.xml.rels"
    parts[rels] = parts[rels].replace(b"</Relationships>", relationships + b"</Relationships>")
    return parts


def write_hostile_docx(path: Path, shape: str = "paragraphs", xml_mb: float = 95, images_mb: float = 0) -> Path:
    """Write a .docx whose document part is about ``xml_mb`` MB of ``shape`` XML; return its path.
    With ``images_mb``, two pictures of that many MB together (zeros: nothing on disk) come along."""
    target = int(xml_mb * _MB)
    closing = _TAIL if shape != "table" else b"</w:tbl>" + _TAIL
    images = 2 if images_mb else 0
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in _template_parts(images).items():
            if name != "word/document.xml":
                archive.writestr(name, data)
        for index in range(images):
            with archive.open(f"word/media/image{index}.png", "w", force_zip64=True) as part:
                for _ in range(int(images_mb * _MB / images) // 65536):
                    part.write(bytes(65536))
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(_HEAD)
            written = len(_HEAD) + len(closing)
            for piece in _pieces(shape):
                if written + len(piece) > target and written > len(_HEAD) + len(closing):
                    break
                part.write(piece)
                written += len(piece)
            part.write(closing)
    return path
