"""视图 › 页面: the report's pages as they will print, beside the editor.

Drawn from :func:`models.typeset.typeset` (the layout that equals the .docx), laid out off the UI
thread half a second after typing stops. It follows the part being edited (scrolls to the page
that holds it), a click on a line shows that line's part in the editor, and the status bar says
第 N 页 / 共 M 页. Built on first use.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QIcon, QPainter, QPixmap, QWheelEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models.edition import Edition
from models.export import ExportOptions
from models.typeset import Line, Pages, typeset
from ui.pages.canvas import PageCanvas, fit_scale
from ui.pages.fonts_note import fonts_note
from ui.pages.layout_worker import LayoutWorker
from ui.pages.painting import paint_page
from ui.session import Session
from ui.window.port import WindowPort

DEBOUNCE_MS = 500
FIT_WIDTH, FIT_PAGE = "width", "page"
ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
THUMB_WIDTH = 64  # pixels
DOCK_WIDTH = 620  # pixels, when first shown: a page at a readable size beside the editor


class PageDock(QDockWidget):
    laid_out = Signal()  # new pages are shown

    def __init__(self, session: Session, window: WindowPort) -> None:
        super().__init__(window.widget())
        self.setWindowTitle(self.tr("页面"))
        self.setObjectName("pageDock")
        self.session = session
        self.window = window
        self.pages: Pages | None = None
        self.zoom: str | float = FIT_WIDTH
        self._generation = 0
        self._running = False
        self._pending = False
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.lay_out)
        self.lbl_page = QLabel()  # 第 N 页 / 共 M 页, placed in the window's status bar
        self._build()
        for signal in (
            session.edited,
            session.saved,
            session.report_opened,
            session.meta_replaced,
            session.node_replaced,
        ):
            signal.connect(self.schedule)
        session.report_closed.connect(self._report_closed)
        session.report_opened.connect(self._report_opened)
        self._wanted = False  # shown when the last report was closed

    # --- building ---

    def _build(self) -> None:
        self.cmb_edition = QComboBox()
        for edition in Edition:
            self.cmb_edition.addItem(self.tr(edition.label), edition.value)
        edition = self.session.report_setting("export_edition", self.session.settings.default_edition)
        self.cmb_edition.setCurrentIndex(max(0, self.cmb_edition.findData(edition)))
        self.cmb_edition.currentIndexChanged.connect(self.lay_out)
        self.cmb_zoom = QComboBox()
        self.cmb_zoom.addItem(self.tr("适合宽度"), FIT_WIDTH)
        self.cmb_zoom.addItem(self.tr("适合整页"), FIT_PAGE)
        for zoom in ZOOMS:
            self.cmb_zoom.addItem(f"{round(zoom * 100)}%", zoom)
        self.cmb_zoom.currentIndexChanged.connect(lambda: self.set_zoom(self.cmb_zoom.currentData()))
        self.btn_preview = QToolButton()
        self.btn_print = QToolButton()
        self.lbl_fonts = QLabel()
        self.lbl_fonts.setWordWrap(True)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        for widget in (self.cmb_edition, self.cmb_zoom, self.btn_preview, self.btn_print):
            bar.addWidget(widget)
        bar.addStretch(1)
        self.canvas = PageCanvas()
        self.canvas.line_clicked.connect(self.go_to_line)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.canvas)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll.setBackgroundRole(self.canvas.backgroundRole())
        self.scroll.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.scroll.viewport().installEventFilter(self)
        self.thumbs = QListWidget()
        self.thumbs.setViewMode(QListWidget.ViewMode.IconMode)
        self.thumbs.setFlow(QListWidget.Flow.TopToBottom)
        self.thumbs.setWrapping(False)
        self.thumbs.setMovement(QListWidget.Movement.Static)
        self.thumbs.setIconSize(QSize(THUMB_WIDTH, round(THUMB_WIDTH * 297 / 210)))
        self.thumbs.setFixedWidth(THUMB_WIDTH + 36)
        self.thumbs.itemClicked.connect(lambda item: self.show_page(self.thumbs.row(item)))
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.thumbs)
        split.addWidget(self.scroll)
        split.setStretchFactor(1, 1)
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(self.lbl_fonts)
        layout.addWidget(split, 1)
        self.setWidget(holder)

    def options(self) -> ExportOptions:
        """What 导出 writes by default: this report's edition, and 仿宋/楷体 for the _GB2312 faces
        when the settings ask for them or this machine has only those (as the export dialog offers)."""
        return ExportOptions(edition=self.cmb_edition.currentData(), fallback_fonts=self._fallback_fonts())

    def _fallback_fonts(self) -> bool:
        from models.export import font_check

        return font_check.use_fallback(self.session.settings.fallback_fonts, font_check.installed_families())

    # --- laying out ---

    def schedule(self, *_args: object) -> None:
        """Lay out again once typing (or a run of edits) has paused."""
        if self.isVisible():
            self._timer.start()

    def lay_out(self) -> None:
        report = self.session.report
        if report is None:
            return
        if self._running:  # one layout at a time; the latest edits follow when it is done
            self._pending = True
            return
        self._timer.stop()
        self._generation += 1
        worker = LayoutWorker(report, self.options(), self._generation)
        worker.signals.finished.connect(self._laid_out)
        worker.signals.failed.connect(self._failed)
        self._running = True
        self._pool.start(worker)

    def _laid_out(self, generation: int, pages: Pages) -> None:
        """Show the pages (the report closed meanwhile: drop them), then lay out edits made since."""
        self._running = False
        if generation == self._generation and self.session.report is not None:
            self.show_pages(pages)
        self._next()

    def _failed(self, generation: int, message: str) -> None:
        self._running = False
        if generation == self._generation:
            self.window.show_message(message)
        self._next()

    def _next(self) -> None:
        if self._pending:
            self._pending = False
            self.lay_out()

    def show_pages(self, pages: Pages) -> None:
        """Show new pages, keeping the place the clerk was reading."""
        scrolled = self.scroll.verticalScrollBar().value()
        first = self.pages is None
        self.pages = pages
        self.canvas.set_pages(pages)
        self._apply_zoom()
        self._fill_thumbnails()
        self._show_fonts(pages)
        if first:
            self.follow_current()
        else:
            self.scroll.verticalScrollBar().setValue(scrolled)
        self._show_page_number()
        self.laid_out.emit()

    def _report_opened(self) -> None:
        if self._wanted and not self.isVisible():  # open again with the next report
            self.show()

    def _report_closed(self) -> None:
        self._wanted = self.isVisible()
        self.hide()  # nothing to show over the library page
        self._timer.stop()
        self._generation += 1
        self.pages = None
        self.canvas.set_pages(None)
        self.thumbs.clear()
        self.lbl_page.clear()

    # --- zoom ---

    def set_zoom(self, zoom: str | float) -> None:
        self.zoom = zoom
        index = self.cmb_zoom.findData(zoom)
        if index != self.cmb_zoom.currentIndex():
            self.cmb_zoom.setCurrentIndex(index)  # comes back here with the same zoom
            return
        self._apply_zoom()

    def scale(self) -> float:
        """Pixels per point at the chosen zoom (100% is the paper's size on this screen)."""
        if not self.pages:
            return 1.0
        if self.zoom in (FIT_WIDTH, FIT_PAGE):
            return fit_scale(self.pages[0], self.scroll.viewport().size(), self.zoom == FIT_PAGE)
        return float(self.zoom) * self.logicalDpiX() / 72

    def _apply_zoom(self) -> None:
        """Rescale, keeping the same place of the same page at the top of the view."""
        if not self.pages:
            self.canvas.set_scale(self.scale())
            return
        bar = self.scroll.verticalScrollBar()
        page = self._current_page()
        before = self.canvas.page_rect(page)
        within = (bar.value() - before.top()) / max(1, before.height())
        self.canvas.set_scale(self.scale())
        after = self.canvas.page_rect(page)
        bar.setValue(round(after.top() + within * after.height()))
        self._show_page_number()

    def zoom_by(self, steps: int) -> None:
        """Ctrl+wheel: the next or previous step of the percentages."""
        current = self.canvas.scale * 72 / self.logicalDpiX()
        bigger = [z for z in ZOOMS if z > current + 0.01]
        smaller = [z for z in ZOOMS if z < current - 0.01]
        if steps > 0 and bigger:
            self.set_zoom(bigger[0])
        elif steps < 0 and smaller:
            self.set_zoom(smaller[-1])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.scroll.viewport():
            if (
                event.type() == QEvent.Type.Wheel
                and isinstance(event, QWheelEvent)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                self.zoom_by(1 if event.angleDelta().y() > 0 else -1)
                return True
            if event.type() == QEvent.Type.Resize and self.zoom in (FIT_WIDTH, FIT_PAGE):
                QTimer.singleShot(0, self._apply_zoom)
        return super().eventFilter(watched, event)

    # --- where the clerk is ---

    def _current_page(self) -> int:
        """0-based index of the page at the top of the view (once a third of it, or of the view, is
        scrolled past, the next one)."""
        if not self.pages:
            return 0
        page_height = self.pages[0].height * self.canvas.scale
        bar = self.scroll.verticalScrollBar()
        if bar.maximum() and bar.value() >= bar.maximum():  # scrolled to the end: the last page is in view
            return len(self.pages) - 1
        reach = min(self.scroll.viewport().height(), page_height) / 3
        return self.canvas.page_at_y(bar.value() + reach)

    def show_page(self, index: int) -> None:
        if not self.pages:
            return
        index = max(0, min(index, len(self.pages) - 1))
        self.scroll.verticalScrollBar().setValue(self.canvas.page_rect(index).top() - 8)
        self._show_page_number()

    def follow(self, node_id: int | None) -> None:
        """Bring a part's first line into the upper part of the view, unless it is there already."""
        if not self.pages or node_id is None:
            return
        for index, page in enumerate(self.pages):
            for line in page.lines:
                if line.node == node_id:
                    self._bring_into_view(self.canvas.line_point(index, line).y())
                    return

    def _bring_into_view(self, y: float) -> None:
        bar, height = self.scroll.verticalScrollBar(), self.scroll.viewport().height()
        if not bar.value() + 8 <= y <= bar.value() + height * 2 / 3:
            bar.setValue(round(y - height / 4))
        self._show_page_number()

    def follow_current(self, *_args: object) -> None:
        node = self.window.current_node()
        self.follow(node.id if node is not None else None)

    def _scrolled(self) -> None:
        self._show_page_number()

    def _show_page_number(self) -> None:
        if not self.pages:
            self.lbl_page.clear()
            return
        current = self._current_page()
        self.lbl_page.setText(
            self.tr("第 {0} 页 / 共 {1} 页").replace("{0}", str(current + 1)).replace("{1}", str(len(self.pages)))
        )
        if self.thumbs.currentRow() != current:
            self.thumbs.setCurrentRow(current)

    def go_to_line(self, line: Line) -> None:
        """Show a clicked line's part in the editor, the cursor where the line begins."""
        report = self.session.report
        if report is None:
            return
        if line.node is None:
            self.window.reveal(None, "meta.title", 0, 0)
            return
        node = next((n for n in report.walk() if n.id == line.node), None)
        if node is None:
            return
        words = line.text.strip()[:12]
        found = node.text.find(words) if words else -1
        if found >= 0:
            self.window.reveal(node.id, "text", found, found)
        else:
            self.window.reveal(node.id, "title", 0, 0)

    # --- printing ---

    def print_pages_now(self) -> Pages | None:
        """A fresh layout of the report as it is this moment (edits of the last half second too)."""
        report = self.session.report
        return typeset(report, self.options()) if report is not None else None

    def print_report(self) -> None:
        from ui.pages.printing import print_with_dialog

        pages = self.print_pages_now()
        if pages is not None:
            printed = print_with_dialog(self.window.widget(), pages)
            if printed:
                self.window.show_message(self.tr("已送往打印机：{0} 页").replace("{0}", str(printed)))

    def preview(self) -> None:
        from ui.pages.printing import preview_dialog

        pages = self.print_pages_now()
        if pages is not None:
            preview_dialog(self.window.widget(), pages).exec()

    # --- thumbnails and fonts ---

    def _fill_thumbnails(self) -> None:
        self.thumbs.clear()
        for page in self.pages or []:
            item = QListWidgetItem(QIcon(thumbnail(page)), str(page.number))
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.thumbs.addItem(item)

    def _show_fonts(self, pages: Pages) -> None:
        summary, details = fonts_note(pages, self.options().fallback_fonts)
        if pages.tightened:
            summary += "\n" + self.tr("行距：末页收紧为 {0} 磅，使署名、成文日期与正文同页（GB/T 9704 7.3.5）").replace(
                "{0}", f"{pages.tightened:.4g}"
            )
        self.lbl_fonts.setText(summary)
        self.lbl_fonts.setToolTip(details)

    def showEvent(self, event: object) -> None:
        super().showEvent(event)
        if self.pages is None and isinstance(self.parentWidget(), QMainWindow) and not self.isFloating():
            self.parentWidget().resizeDocks([self], [DOCK_WIDTH], Qt.Orientation.Horizontal)
        if self.pages is None:
            self.lay_out()
        else:
            self.schedule()


def thumbnail(page: object) -> QPixmap:
    scale = THUMB_WIDTH / page.width
    pixmap = QPixmap(THUMB_WIDTH, round(page.height * scale))
    pixmap.fill(Qt.GlobalColor.white)
    painter = QPainter(pixmap)
    painter.scale(scale, scale)
    paint_page(painter, page)
    painter.end()
    return pixmap
