"""models/export/pdf_fonts.py: the subsets HarfBuzz cuts hold each character's own outline and width
under the code the content stream writes, for a CID-keyed CFF face and a TrueType face."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from fontTools.cffLib import CFFFontSet
from fontTools.pens.recordingPen import DecomposingRecordingPen, RecordingPen
from fontTools.ttLib import TTFont

from models.export import ExportError
from models.export.pdf import write_pdf
from models.export.pdf_fonts import embed_font, to_unicode_cmap
from models.typeset import Line, Page, Run
from models.typeset.fonts import FontFace
from tests.models.typeset.agreement import TEST_FONTS

CHARS = set("法治政府建设年度报告一、（）《》〔〕，。：；2023年第5号ABCxyz")


def _face(family: str) -> FontFace:
    face = TEST_FONTS.resolver.resolve(family)
    if face is None:
        pytest.skip(f"no font for {family} in the tests' font set")
    return face


def _outline(glyphs, name: str) -> list:  # type: ignore[no-untyped-def]
    pen = DecomposingRecordingPen(glyphs)
    glyphs[name].draw(pen)
    return pen.value


def _subset_outlines(program: bytes, cff: bool) -> dict[int, list]:
    outlines = {}
    if cff:
        fonts = CFFFontSet()
        fonts.decompile(io.BytesIO(program), otFont=None)
        top = fonts.topDictIndex[0]
        for gid, name in enumerate(top.charset):
            # A reader finds a CID-keyed font's glyph by the CID its charset gives (fontTools names it cidNNNNN);
            # a name-keyed one by glyph index.
            code = int(name[3:]) if hasattr(top, "ROS") and name.startswith("cid") else gid
            pen = RecordingPen()
            top.CharStrings[name].draw(pen)
            outlines[code] = pen.value
        return outlines
    font = TTFont(io.BytesIO(program))
    glyphs = font.getGlyphSet()
    return {code: _outline(glyphs, name) for code, name in enumerate(font.getGlyphOrder())}


@pytest.mark.parametrize(("family", "cff"), [("仿宋_GB2312", True), ("黑体", True), ("楷体_GB2312", False)])
def test_every_character_keeps_its_outline_and_width_under_its_code(family: str, cff: bool) -> None:
    face = _face(family)
    embedded = embed_font(face, CHARS)
    assert embedded.cff is cff, f"{face.path} is not the kind of font this case is about"
    assert embedded.missing == []
    assert set(embedded.codes) == CHARS
    assert len(set(embedded.codes.values())) == len(CHARS)  # no two characters share a glyph here
    outlines = _subset_outlines(embedded.program, cff)
    assert len(outlines) == len(CHARS) + 1  # and .notdef, nothing else
    original = TTFont(face.path, fontNumber=face.index, lazy=True)
    scale = 1000 / original["head"].unitsPerEm
    cmap, hmtx, glyphs = original.getBestCmap(), original["hmtx"], original.getGlyphSet()
    for ch, code in embedded.codes.items():
        assert outlines[code] == _outline(glyphs, cmap[ord(ch)]), ch
        assert outlines[code], f"{ch} drawn empty"
        assert embedded.widths[code] == round(hmtx[cmap[ord(ch)]][0] * scale), ch


def test_characters_the_face_lacks_are_reported_not_drawn_as_notdef() -> None:
    face = _face("楷体_GB2312")
    embedded = embed_font(face, {"法", "\U0001f600"})
    assert embedded.missing == ["\U0001f600"]
    assert set(embedded.codes) == {"法"}


def test_the_unicode_map_gives_back_each_character() -> None:
    embedded = embed_font(_face("仿宋_GB2312"), CHARS)
    cmap = to_unicode_cmap(embedded).decode("ascii")
    for ch, code in embedded.codes.items():
        assert f"<{code:04X}> <{ch.encode('utf-16-be').hex().upper()}>" in cmap


@pytest.mark.parametrize("content", [b"", b"not a font at all" * 100, b"\x00\x01\x00\x00" + b"\x00" * 300])
def test_a_damaged_font_file_gives_a_chinese_message(tmp_path: Path, content: bytes) -> None:
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(content)
    face = FontFace(str(broken), 0, "仿宋_GB2312")
    run = Run("法治", (100.0, 116.0), 200.0, 16.0, "仿宋_GB2312", face)
    page = Page(number=1, width=595.0, height=842.0, lines=[Line(runs=[run], top=180.0, height=20.0, block=0)])
    with pytest.raises(ExportError, match="无法读取"):
        write_pdf([page])
    assert broken.read_bytes() == content
