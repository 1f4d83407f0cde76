"""Render .docx files with LibreOffice and read the PDF's lines back (test helper).

``soffice`` gets its own profile per call (two conversions sharing a profile fail
silently) and our fontconfig file, which maps the GB font names onto installed CJK fonts.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

FONTS_CONF = Path(__file__).resolve().parents[2] / "fonts" / "fonts.conf"
MM = 72 / 25.4  # PDF points per millimetre
TEXT_TOP = 37 * MM
TEXT_BOTTOM = (297 - 35) * MM
TEXT_LEFT = 28 * MM
TEXT_RIGHT = (210 - 26) * MM
_XHTML = "{http://www.w3.org/1999/xhtml}"


def renderer_available() -> bool:
    return all(shutil.which(tool) for tool in ("soffice", "pdftotext", "pdftoppm"))


def render_pdfs(documents: list[Path], out_dir: Path) -> list[Path]:
    """Convert all documents in one soffice run (one profile, one start-up)."""
    profile = out_dir / "lo-profile"
    env = {**os.environ, "FONTCONFIG_FILE": str(FONTS_CONF)}
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            *map(str, documents),
        ],
        check=True,
        env=env,
        capture_output=True,
        timeout=180,
    )
    pdfs = [out_dir / (doc.stem + ".pdf") for doc in documents]
    missing = [p.name for p in pdfs if not p.exists()]
    assert not missing, f"LibreOffice wrote no PDF for {missing}"
    return pdfs


@dataclass
class Line:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def is_body_size(self) -> bool:
        """3号 text (not the 2号 title or the 发文机关标志)."""
        return self.y1 - self.y0 < 24

    @property
    def is_body(self) -> bool:
        return self.y0 >= TEXT_TOP - 3 and self.y1 <= TEXT_BOTTOM + 3


@dataclass
class Page:
    number: int
    width: float
    lines: list[Line] = field(default_factory=list)

    @property
    def body(self) -> list[Line]:
        return [line for line in self.lines if line.is_body]

    @property
    def footer(self) -> list[Line]:
        return [line for line in self.lines if line.y0 > TEXT_BOTTOM]

    @property
    def text(self) -> str:
        return "".join(line.text for line in self.lines)


def read_pages(pdf: Path) -> list[Page]:
    """Each page's lines, fragments on one baseline merged, top to bottom."""
    xml = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], check=True, capture_output=True, timeout=60
    ).stdout
    root = ET.fromstring(xml)
    pages = []
    for number, page in enumerate(root.iter(f"{_XHTML}page"), 1):
        fragments = []
        for line in page.iter(f"{_XHTML}line"):
            words = [w.text or "" for w in line.iter(f"{_XHTML}word")]
            box = [float(line.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")]
            fragments.append(Line("".join(words), *box))
        pages.append(Page(number, float(page.get("width")), _merge(fragments)))
    return pages


def _merge(fragments: list[Line]) -> list[Line]:
    lines: list[Line] = []
    for frag in sorted(fragments, key=lambda f: (round(f.y1), f.x0)):
        last = lines[-1] if lines else None
        if last and abs(last.y1 - frag.y1) < 2:
            gap = "" if frag.x0 - last.x1 < 4 else " "
            lines[-1] = Line(
                last.text + gap + frag.text, last.x0, min(last.y0, frag.y0), frag.x1, max(last.y1, frag.y1)
            )
        else:
            lines.append(frag)
    return lines


def char_count(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


NO_LINE_START = "，。、；：？！”’）》〕…—"
OPENING = "“‘（《〔"


def short_line_explained(line: str, following: str) -> bool:
    """A justified line one or two characters short because of 避头尾 (line-break rules):
    a mark that may not start a line took the previous character down with it, an opening mark
    may not end a line, or digits/Latin that cannot be split follow."""
    head = following[:3]
    return (
        any(ch in NO_LINE_START for ch in head[1:3]) or head[:1] in OPENING or head[:1].isascii() or line.endswith("。")
    )


def is_full_width(text: str) -> bool:
    """Only CJK characters and full-width punctuation (each exactly one grid cell)."""
    return all(ord(ch) >= 0x2E80 or ch in "“”‘’—…" for ch in text)
