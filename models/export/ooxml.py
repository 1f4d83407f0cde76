"""Small builders for WordprocessingML paragraphs and runs, in schema order.

python-docx's high-level API cannot set East Asian fonts, character spacing, grid
snapping or complex fields, so paragraphs are built as lxml elements directly.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from docx.oxml.ns import qn
from lxml import etree

from models.export.layout import LATIN_FONT, LINE_PITCH

# Characters whose font Word picks from w:ascii unless told otherwise: give them the CJK face.
_AMBIGUOUS = re.compile("([“”‘’—…·～]+)")


@dataclass(frozen=True)
class RunFormat:
    face: str  # East Asian face
    size: int  # half-points
    spacing: int = 0  # twips of character spacing
    color: str = ""
    latin: str = LATIN_FONT  # face for Latin letters and digits


@dataclass
class ParaFormat:
    jc: str = "both"
    first_line: int = 0  # twips; a multiple of 320 is also written as characters
    first_line_chars: int = 0
    left: int = 0
    right: int = 0
    hanging: int = 0
    line: int | None = LINE_PITCH  # exact line spacing; None → single
    before: int = 0
    snap_to_grid: bool = True
    keep_next: bool = False
    outline_level: int | None = None
    tabs: list[tuple[str, int]] = field(default_factory=list)
    border_bottom: tuple[int, str] | None = None  # (eighths of a point, colour)


def w(tag: str) -> str:
    return qn(f"w:{tag}")


def sub(parent: etree._Element, tag: str, **attrs: str | int) -> etree._Element:
    element = etree.SubElement(parent, w(tag))
    for name, value in attrs.items():
        element.set(w(name), str(value))
    return element


def paragraph_properties(parent: etree._Element, fmt: ParaFormat) -> etree._Element:
    ppr = sub(parent, "pPr")
    if fmt.keep_next:
        sub(ppr, "keepNext")
    sub(ppr, "widowControl", val=0)
    if fmt.border_bottom:
        borders = sub(ppr, "pBdr")
        size, color = fmt.border_bottom
        sub(borders, "bottom", val="single", sz=size, space=0, color=color)
    if fmt.tabs:
        tabs = sub(ppr, "tabs")
        for kind, position in fmt.tabs:
            sub(tabs, "tab", val=kind, pos=position)
    # Word's default (hanging punctuation allowed), written out because LibreOffice 7.4 reads this
    # element inverted: "1" turns its hanging punctuation off, and with it a bug that silently
    # drops a line-end mark after a closing bracket (）、 or ）。) in justified text.
    sub(ppr, "overflowPunct", val=1)
    sub(ppr, "autoSpaceDE", val=0)
    sub(ppr, "autoSpaceDN", val=0)
    if not fmt.snap_to_grid:
        sub(ppr, "snapToGrid", val=0)
    if fmt.line is None:
        sub(ppr, "spacing", before=fmt.before, after=0, line=240, lineRule="auto")
    else:
        sub(ppr, "spacing", before=fmt.before, after=0, line=fmt.line, lineRule="exact")
    _indent(ppr, fmt)
    sub(ppr, "jc", val=fmt.jc)
    if fmt.outline_level is not None:
        sub(ppr, "outlineLvl", val=fmt.outline_level)
    return ppr


def _indent(ppr: etree._Element, fmt: ParaFormat) -> None:
    # Written even when zero: centred and right-aligned paragraphs must not inherit an indent.
    ind = sub(ppr, "ind", left=fmt.left, right=fmt.right)
    if fmt.hanging:
        ind.set(w("hanging"), str(fmt.hanging))
    elif fmt.first_line_chars:
        ind.set(w("firstLineChars"), str(fmt.first_line_chars))
        ind.set(w("firstLine"), str(fmt.first_line))
    else:
        ind.set(w("firstLine"), str(fmt.first_line))


def run_properties(parent: etree._Element, fmt: RunFormat, east_asian_hint: bool = False) -> etree._Element:
    rpr = copy.deepcopy(_run_properties(fmt, east_asian_hint))  # built once per format: export speed
    parent.append(rpr)
    return rpr


@functools.lru_cache(maxsize=64)
def _run_properties(fmt: RunFormat, east_asian_hint: bool) -> etree._Element:
    rpr = etree.Element(w("rPr"))
    latin = fmt.face if east_asian_hint else fmt.latin
    fonts = sub(rpr, "rFonts", ascii=latin, hAnsi=latin, eastAsia=fmt.face, cs=latin)
    if east_asian_hint:
        fonts.set(w("hint"), "eastAsia")
    if fmt.color:
        sub(rpr, "color", val=fmt.color)
    if fmt.spacing:
        sub(rpr, "spacing", val=fmt.spacing)
    sub(rpr, "sz", val=fmt.size)
    sub(rpr, "szCs", val=fmt.size)
    return rpr


def add_text(paragraph: etree._Element, text: str, fmt: RunFormat) -> None:
    """Runs for ``text``; “”‘’—… go in their own runs that carry the CJK face throughout."""
    for piece, east_asian_hint in text_runs(text):
        add_run(paragraph, piece, fmt, east_asian_hint)


def text_runs(text: str) -> Iterator[tuple[str, bool]]:
    """(text, East Asian hint) of each run :func:`add_text` writes, for a caller that adds them one by one."""
    start = 0
    for found in _AMBIGUOUS.finditer(text):
        if found.start() > start:
            yield text[start : found.start()], False
        yield found.group(), True
        start = found.end()
    if start < len(text):
        yield text[start:], False


def add_run(paragraph: etree._Element, text: str, fmt: RunFormat, east_asian_hint: bool = False) -> None:
    run = copy.deepcopy(_text_run(fmt, east_asian_hint))  # built once per format: a report may have a million runs
    paragraph.append(run)
    t = run[-1]
    t.text = text
    if text != text.strip():
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


@functools.lru_cache(maxsize=64)
def _text_run(fmt: RunFormat, east_asian_hint: bool) -> etree._Element:
    run = etree.Element(w("r"))
    run.append(copy.deepcopy(_run_properties(fmt, east_asian_hint)))
    sub(run, "t")
    return run


def add_break(paragraph: etree._Element, fmt: RunFormat) -> None:
    run = sub(paragraph, "r")
    run_properties(run, fmt)
    sub(run, "br")


def add_tab(paragraph: etree._Element, fmt: RunFormat) -> None:
    run = sub(paragraph, "r")
    run_properties(run, fmt)
    sub(run, "tab")


def add_page_field(paragraph: etree._Element, fmt: RunFormat, cached: str = "1") -> None:
    """A complex PAGE field with a cached result (WPS shows a simple field's code)."""
    for kind, text in (("begin", None), ("instr", " PAGE "), ("separate", None), ("text", cached), ("end", None)):
        run = sub(paragraph, "r")
        run_properties(run, fmt)
        if kind == "instr":
            instr = sub(run, "instrText")
            instr.text = text
            instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        elif kind == "text":
            sub(run, "t").text = text
        else:
            sub(run, "fldChar", fldCharType=kind)


def bookmark_start(paragraph: etree._Element, bookmark_id: int, name: str) -> None:
    sub(paragraph, "bookmarkStart", id=bookmark_id, name=name)


def bookmark_end(paragraph: etree._Element, bookmark_id: int) -> None:
    sub(paragraph, "bookmarkEnd", id=bookmark_id)


def bookmark_at_start(paragraph: etree._Element, bookmark_id: int, name: str) -> None:
    """An empty bookmark at the start of ``paragraph``'s content (after its properties)."""
    bookmark_start(paragraph, bookmark_id, name)
    bookmark_end(paragraph, bookmark_id)
    start, end = paragraph[-2:]
    at = 1 if paragraph[0].tag == w("pPr") else 0
    paragraph.insert(at, start)
    paragraph.insert(at + 1, end)
