"""Fonts for the PDF: one subset per face, as a Type 0 / CID font with a ToUnicode CMap.

Each face is cut down by HarfBuzz's subsetter (uharfbuzz; in C++, about 10 ms for a CJK face where
fontTools' subsetter took 300–600 ms) to the glyphs the pages use. The codes in the content streams
are two-byte CIDs equal to the subset's glyph indices: a CFF subset is given an identity charset,
a TrueType subset is written with ``CIDToGIDMap /Identity``. The ToUnicode CMap maps every code to
the character the text holds, not to the lowest code point sharing the glyph (Qt's fault: 行
extracted as ⾏).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

import uharfbuzz as hb
from fontTools.ttLib import TTFont

from models.typeset.fonts import FontFace

# Tables a PDF reader never looks at in an embedded CID font (the codes are CIDs); not subsetting them also spares
# walking the large CJK layout tables.
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
    described = _describe(font)
    cff = "CFF " in font
    source = hb.Face(hb.Blob.from_file_path(face.path), face.index)
    if source.glyph_count == 0:
        raise OSError("HarfBuzz 读不出其中的字形")
    shaper = hb.Font(source)
    glyphs = {ch: gid for ch in chars if (gid := shaper.get_nominal_glyph(ord(ch)))}
    try:
        plan = hb.SubsetPlan(source, _subset_input(glyphs.values()))
        new_gid = plan.old_to_new_glyph_mapping
        subset = plan.execute()
    except (MemoryError, RuntimeError) as exc:  # how uharfbuzz says the plan or the subset failed
        raise OSError("无法从中取出所用的字形") from exc
    # The codes are the subset's glyph indices: a CFF keeps them as its CIDs (identity charset), a
    # TrueType font is written with CIDToGIDMap /Identity.
    codes = {ch: new_gid[gid] for ch, gid in glyphs.items() if gid in new_gid}
    scale = 1000 / source.upem
    widths = {code: round(shaper.get_glyph_h_advance(glyphs[ch]) * scale) for ch, code in codes.items()}
    widths[0] = round(shaper.get_glyph_h_advance(0) * scale)
    program = bytes(subset.reference_table("CFF ").data) if cff else bytes(subset.blob.data)
    if not program:
        raise OSError("无法从中取出所用的字形")
    tag = "".join(chr(65 + b % 26) for b in hashlib.sha1(program).digest()[:6])
    described.name = f"{tag}+{described.name}"
    described.program, described.cff, described.codes, described.widths = program, cff, codes, widths
    described.missing = sorted(chars - glyphs.keys())
    return described


def _subset_input(glyphs: Iterable[int]) -> hb.SubsetInput:
    wanted = hb.SubsetInput()
    wanted.glyph_set.update(set(glyphs))
    flags = hb.SubsetFlags
    wanted.flags = (
        flags.NO_HINTING
        | flags.NOTDEF_OUTLINE
        | flags.CFF_IDENTITY_CHARSET
        | flags.NO_LAYOUT_CLOSURE
        | flags.DESUBROUTINIZE  # smaller than keeping the used subroutines, for a few hundred glyphs
    )
    wanted.drop_table_tag_set.update({int.from_bytes(tag.encode("ascii"), "big") for tag in _UNUSED_TABLES})
    return wanted


def _describe(font: TTFont) -> EmbeddedFont:
    """What the PDF says about the whole face: its name, vertical metrics and bounds in 1/1000 em."""
    head, os2 = font["head"], font.get("OS/2")
    scale = 1000 / head.unitsPerEm
    ascent, descent = (os2.sTypoAscender, os2.sTypoDescender) if os2 else (font["hhea"].ascent, font["hhea"].descent)
    return EmbeddedFont(
        name=_pdf_name(font["name"].getDebugName(6) or "Font"),
        program=b"",
        cff=False,
        codes={},
        widths={},
        ascent=round(ascent * scale),
        descent=round(descent * scale),
        bbox=(round(head.xMin * scale), round(head.yMin * scale), round(head.xMax * scale), round(head.yMax * scale)),
    )


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
