"""Fonts for the PDF: one subset per face, as a Type 0 / CID font with a ToUnicode CMap.

Each face is cut down with fontTools' subsetter to the glyphs the pages use. The codes in the
content streams are two-byte CIDs: for a CID-keyed CFF font (Noto/Source Han CJK) the glyph's own
CID, which the embedded CFF's charset maps back to the glyph; otherwise the subset's glyph index
(TrueType: ``CIDToGIDMap /Identity``). The ToUnicode CMap maps every code to the character the
text holds, not to the lowest code point sharing the glyph (Qt's fault: 行 extracted as ⾏).
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field

from fontTools import subset
from fontTools.ttLib import TTFont

from models.typeset.fonts import FontFace
from models.typeset.sfnt import raw_advances, raw_glyphs

# Tables a PDF reader never looks at in an embedded CID font (the codes are CIDs); dropping them before subsetting also
# spares decompiling the large CJK layout tables.
_UNUSED_TABLES = (
    "cmap",
    "GSUB",
    "GPOS",
    "GDEF",
    "BASE",
    "JSTF",
    "MATH",
    "VORG",
    "vhea",
    "vmtx",
    "DSIG",
    "meta",
    "STAT",
    "FFTM",
    "kern",
    "morx",
    "COLR",
    "CPAL",
    "SVG ",
    "EBDT",
    "EBLC",
    "CBDT",
    "CBLC",
)


@dataclass
class EmbeddedFont:
    """A subset ready to write: its program, the code of each character and the widths."""

    name: str  # /BaseFont with the subset tag, e.g. ABCDEF+NotoSerifCJKsc-Regular
    program: bytes  # bare CFF table (FontFile3 /CIDFontType0C) or a TrueType file (FontFile2)
    cff: bool
    codes: dict[str, int]  # character → two-byte code
    widths: dict[int, int]  # code → advance in 1/1000 em
    ascent: int
    descent: int
    bbox: tuple[int, int, int, int]
    missing: list[str] = field(default_factory=list)  # characters the face has no glyph for

    def encode(self, text: str) -> list[int]:
        return [self.codes.get(ch, 0) for ch in text]


def embed_font(face: FontFace, chars: set[str]) -> EmbeddedFont:
    """Subset ``face`` to ``chars`` (raises OSError / fontTools errors on a damaged file)."""
    font = TTFont(face.path, fontNumber=face.index, lazy=True)
    glyph_of = _glyph_lookup(font)
    order = font.getGlyphOrder()
    old_names = {ch: order[gid] for ch in sorted(chars) if 0 < (gid := glyph_of(ord(ch))) < len(order)}
    described = _metrics(font, old_names)
    cff = "CFF " in font
    # A CFF font is embedded as its bare CFF table: the other tables need not be subset at all.
    unused = [str(tag) for tag in font.reader.tables if tag not in ("CFF ", "head", "maxp")] if cff else _UNUSED_TABLES
    for tag in unused:
        if tag in font:
            del font[tag]
    options = subset.Options()
    options.layout_features = []
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.glyph_names = True
    options.desubroutinize = True
    options.prune_unicode_ranges = options.prune_codepage_ranges = False  # both read the dropped cmap
    subsetter = subset.Subsetter(options)
    subsetter.populate(glyphs=sorted(set(old_names.values())))
    subsetter.subset(font)
    program = _program(font, cff)
    new_order = {name: gid for gid, name in enumerate(font.getGlyphOrder())}
    cid_keyed = cff and hasattr(font["CFF "].cff.topDictIndex[0], "ROS")
    codes = {}
    for ch, name in old_names.items():
        if name in new_order:
            codes[ch] = int(name[3:]) if cid_keyed and name.startswith("cid") else new_order[name]
    widths = {code: described.widths[ch] for ch, code in codes.items() if ch in described.widths}
    widths[0] = described.widths.get("", 1000)
    tag = "".join(chr(65 + b % 26) for b in hashlib.sha1(program).digest()[:6])
    described.name = f"{tag}+{described.name}"
    described.program, described.cff, described.codes, described.widths = program, cff, codes, widths
    described.missing = sorted(chars - old_names.keys())
    return described


def _glyph_lookup(font: TTFont):  # type: ignore[no-untyped-def]
    raw = raw_glyphs(font)
    if raw is not None:
        return raw
    cmap = font.getBestCmap() or {}
    ids = font.getReverseGlyphMap()
    return lambda code: ids.get(cmap.get(code, ""), 0)


def _metrics(font: TTFont, old_names: dict[str, str]) -> EmbeddedFont:
    """What the PDF says about the whole face, read before subsetting; widths by character
    (``""``: .notdef) in 1/1000 em."""
    head, os2 = font["head"], font.get("OS/2")
    scale = 1000 / head.unitsPerEm
    ascent, descent = (os2.sTypoAscender, os2.sTypoDescender) if os2 else (font["hhea"].ascent, font["hhea"].descent)
    advance = raw_advances(font)
    if advance is None:
        hmtx = font["hmtx"]
        units = {ch: hmtx[name][0] for ch, name in old_names.items()}
        notdef = hmtx[font.getGlyphOrder()[0]][0]
    else:
        units = {ch: advance(ord(ch)) or 0 for ch in old_names}
        notdef = int(font.reader["hmtx"][0]) << 8 | int(font.reader["hmtx"][1])
    widths = {ch: round(width * scale) for ch, width in units.items()}
    widths[""] = round(notdef * scale)
    return EmbeddedFont(
        name=_pdf_name(font["name"].getDebugName(6) or "Font"),
        program=b"",
        cff=False,
        codes={},
        widths=widths,
        ascent=round(ascent * scale),
        descent=round(descent * scale),
        bbox=(round(head.xMin * scale), round(head.yMin * scale), round(head.xMax * scale), round(head.yMax * scale)),
    )


def _program(font: TTFont, cff: bool) -> bytes:
    # The bounds stay the whole font's: recomputing them means drawing every glyph again.
    font.recalcBBoxes = font.recalcTimestamp = False
    if cff:
        return font["CFF "].compile(font)
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()


def _pdf_name(name: str) -> str:
    """A PDF name token: printable ASCII without delimiters."""
    return "".join(ch for ch in name if 33 <= ord(ch) <= 126 and ch not in "()<>[]{}/%#") or "Font"


def to_unicode_cmap(font: EmbeddedFont) -> bytes:
    """code → the character written, in chunks of 100 as the CMap syntax allows."""
    pairs = sorted((code, ch) for ch, code in font.codes.items())
    seen: set[int] = set()
    entries = []
    for code, ch in pairs:
        if code in seen:
            continue  # two characters on one glyph: the first one wins
        seen.add(code)
        entries.append(f"<{code:04X}> <{ch.encode('utf-16-be').hex().upper()}>")
    chunks = [entries[i : i + 100] for i in range(0, len(entries), 100)]
    body = "".join(f"{len(chunk)} beginbfchar\n" + "\n".join(chunk) + "\nendbfchar\n" for chunk in chunks)
    return (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        f"{body}endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    ).encode("ascii")
