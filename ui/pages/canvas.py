"""The pages one under another, white on grey with a shadow, at a zoom; a click names a line."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from models.typeset import Line, Page, Pages
from ui.pages.painting import line_at, paint_page

GAP = 16  # pixels around and between pages
SHADOW = 4
BACKGROUND = QColor("#8a8d91")


class PageCanvas(QWidget):
    line_clicked = Signal(object)  # Line

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages: Pages | None = None
        self.scale = 1.0  # pixels per point
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_pages(self, pages: Pages | None) -> None:
        self.pages = pages
        self._resize()

    def set_scale(self, scale: float) -> None:
        self.scale = max(0.1, min(scale, 8.0))
        self._resize()

    def _resize(self) -> None:
        self.setFixedSize(self.sizeHint())
        self.update()

    def sizeHint(self) -> QSize:
        if not self.pages:
            return QSize(GAP * 2, GAP * 2)
        width = max(page.width for page in self.pages) * self.scale
        height = sum(page.height * self.scale + GAP for page in self.pages)
        return QSize(round(width) + 2 * GAP, round(height) + GAP)

    def page_rect(self, index: int) -> QRect:
        """Where page ``index`` (0-based) is drawn, in widget pixels."""
        assert self.pages is not None
        top = GAP + sum(round(page.height * self.scale) + GAP for page in self.pages[:index])
        page = self.pages[index]
        width, height = round(page.width * self.scale), round(page.height * self.scale)
        return QRect((self.width() - width) // 2, top, width, height)

    def page_at_y(self, y: float) -> int:
        """The page index at (or nearest above) a height in widget pixels."""
        if not self.pages:
            return 0
        for index in range(len(self.pages)):
            if y < self.page_rect(index).bottom() + GAP:
                return index
        return len(self.pages) - 1

    def line_at(self, point: QPointF) -> Line | None:
        if not self.pages:
            return None
        index = self.page_at_y(point.y())
        rect = self.page_rect(index)
        x, y = (point.x() - rect.left()) / self.scale, (point.y() - rect.top()) / self.scale
        return line_at(self.pages[index], x, y)

    def line_point(self, page_index: int, line: Line) -> QPointF:
        """The widget point in the middle of a line's first characters (tests click there)."""
        rect = self.page_rect(page_index)
        return QPointF(
            rect.left() + (line.x0 + 10) * self.scale, rect.top() + (line.top + line.height / 2) * self.scale
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), BACKGROUND)
        if not self.pages:
            return
        for index, page in enumerate(self.pages):
            rect = self.page_rect(index)
            if not rect.adjusted(0, 0, SHADOW, SHADOW).intersects(event.rect()):
                continue
            painter.fillRect(rect.translated(SHADOW, SHADOW), QColor(0, 0, 0, 90))
            painter.fillRect(rect, Qt.GlobalColor.white)
            painter.save()
            painter.setClipRect(rect)
            painter.translate(rect.topLeft())
            painter.scale(self.scale, self.scale)
            paint_page(painter, page)
            painter.restore()
        painter.end()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            line = self.line_at(event.position())
            if line is not None:
                self.line_clicked.emit(line)
        super().mouseReleaseEvent(event)


def fit_scale(page: Page, available: QSize, whole_page: bool) -> float:
    """Pixels per point that fit the page's width (or the whole page) in ``available`` pixels."""
    by_width = (available.width() - 2 * GAP - SHADOW) / page.width
    if not whole_page:
        return by_width
    return min(by_width, (available.height() - 2 * GAP) / page.height)
