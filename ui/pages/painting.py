"""Draw one laid-out page (:mod:`models.typeset`) with a QPainter whose units are points.

Each run is drawn with the very face the layout measured (``run.font``: file and face index)
through ``QRawFont``, glyph by glyph at the layout's x positions, so the screen, the printer and
the layout cannot disagree on a line. A run whose face is not found falls back to Qt's font
matching for its family (the layout then measured nothing either).
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGlyphRun, QPainter, QPen, QRawFont

from models.typeset import FontFace, Line, Page, Run
from models.typeset.sfnt import face_data

log = logging.getLogger(__name__)


class Glyphs:
    """QRawFont per face and size, loaded once per face (a CJK face is megabytes)."""

    def __init__(self) -> None:
        self._faces: dict[FontFace, QRawFont | None] = {}
        self._sized: dict[tuple[FontFace, float], QRawFont | None] = {}
        self._lock = threading.Lock()

    def raw_font(self, face: FontFace | None, size: float) -> QRawFont | None:
        if face is None:
            return None
        key = (face, size)
        with self._lock:
            if key not in self._sized:
                base = self._load(face)
                sized = None
                if base is not None:
                    sized = QRawFont(base)
                    sized.setPixelSize(size)
                self._sized[key] = sized
            return self._sized[key]

    def _load(self, face: FontFace) -> QRawFont | None:
        if face not in self._faces:
            raw = QRawFont()
            try:
                raw.loadFromData(face_data(face.path, face.index), 12, QFont.HintingPreference.PreferNoHinting)
            except (OSError, ValueError):
                log.warning("cannot read font %s (face %d)", face.path, face.index)
            self._faces[face] = raw if raw.isValid() else None
        return self._faces[face]


GLYPHS = Glyphs()  # one cache for the page view, its thumbnails and printing


def paint_page(painter: QPainter, page: Page, glyphs: Glyphs = GLYPHS) -> None:
    """The page's text and rules; the painter maps points to its device (the page is white
    already: a printer's paper, or the view's page rectangle)."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    for rule in page.rules:
        pen = QPen(_colour(rule.color), rule.width)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.drawLine(QPointF(rule.x0, rule.y), QPointF(rule.x1, rule.y))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for box in page.boxes:  # table cells
        painter.setPen(QPen(_colour(box.color), box.width))
        painter.drawRect(QRectF(QPointF(box.x0, box.y0), QPointF(box.x1, box.y1)))
    for line in [*page.lines, *([page.folio] if page.folio is not None else [])]:
        paint_line(painter, line, glyphs)


def paint_line(painter: QPainter, line: Line, glyphs: Glyphs = GLYPHS) -> None:
    for run in line.runs:
        if run.text.strip():
            _paint_run(painter, run, glyphs)


def _paint_run(painter: QPainter, run: Run, glyphs: Glyphs) -> None:
    painter.setPen(_colour(run.color))
    raw = glyphs.raw_font(run.font, run.size)
    if raw is None:
        _paint_fallback(painter, run, list(zip(run.text, run.xs, strict=False)))
        return
    indexes, positions, missing = [], [], []
    for char, x in zip(run.text, run.xs, strict=False):
        found = raw.glyphIndexesForString(char)
        if found and found[0]:
            indexes.append(found[0])
            positions.append(QPointF(x, run.baseline))
        elif not char.isspace():
            missing.append((char, x))
    if missing:  # the face lacks them (so does the printout): Qt's font matching shows what it can
        _paint_fallback(painter, run, missing)
    glyph_run = QGlyphRun()
    glyph_run.setRawFont(raw)
    glyph_run.setGlyphIndexes(indexes)
    glyph_run.setPositions(positions)
    painter.drawGlyphRun(QPointF(0, 0), glyph_run)


def _paint_fallback(painter: QPainter, run: Run, chars: list[tuple[str, float]]) -> None:
    font = QFont(run.family)
    font.setPixelSize(max(1, round(run.size)))
    painter.setFont(font)
    for char, x in chars:
        painter.drawText(QPointF(x, run.baseline), char)


def _colour(rgb: str) -> QColor:
    return QColor(f"#{rgb}") if len(rgb) == 6 else QColor(Qt.GlobalColor.black)


def line_at(page: Page, x: float, y: float) -> Line | None:
    """The line of text under a point of the page (points), if any."""
    for line in page.lines:
        if line.runs and line.top <= y < line.top + line.height and _spans(line, x):
            return line
    return None


def _spans(line: Line, x: float) -> bool:
    last = line.runs[-1]
    right = (last.xs[-1] + last.size) if last.xs else line.x0
    return QRectF(line.x0 - 4, 0, right - line.x0 + 8, 1).contains(QPointF(x, 0.5))
