"""打印 and 打印预览 from the page layout: A4, full page (the layout holds page coordinates, so no
margins are added), drawn at the printer's resolution. Duplex needs nothing of its own: the page
numbers already sit right on odd and left on even pages; only a last odd page is worth a word."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from models.typeset import Pages
from ui.dialogs import alerts
from ui.pages.painting import paint_page


def tr(text: str) -> str:
    return QCoreApplication.translate("Printing", text)


def a4_printer(mode: QPrinter.PrinterMode = QPrinter.PrinterMode.HighResolution) -> QPrinter:
    printer = QPrinter(mode)
    printer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    )
    printer.setFullPage(True)  # painter origin at the paper's corner, as the layout's
    return printer


def print_pages(printer: QPrinter, pages: Pages, blank_after: bool = False) -> int:
    """Draw the pages (those of the printer's page range, if one is chosen) and, for double-sided
    printing of an odd count, a blank page after them. Returns the sheets' sides drawn."""
    chosen = _chosen(printer, len(pages))
    painter = QPainter()
    if not chosen or not painter.begin(printer):
        return 0
    drawn = 0
    try:
        for number in chosen:
            if drawn:
                printer.newPage()
            _draw(painter, printer, pages[number - 1])
            drawn += 1
        if blank_after:
            printer.newPage()
            drawn += 1
    finally:
        painter.end()
    return drawn


def _chosen(printer: QPrinter, count: int) -> list[int]:
    first, last = printer.fromPage(), printer.toPage()
    if printer.printRange() != QPrinter.PrintRange.PageRange or not first:
        first, last = 1, count
    return list(range(max(1, first), min(count, last or count) + 1))


def _draw(painter: QPainter, printer: QPrinter, page: object) -> None:
    painter.save()
    dots_per_point = printer.resolution() / 72
    painter.scale(dots_per_point, dots_per_point)
    paint_page(painter, page)
    painter.restore()


def duplex(printer: QPrinter) -> bool:
    return printer.duplex() != QPrinter.DuplexMode.DuplexNone


def blank_page_note(pages: Pages) -> str:
    """What to ask when printing double-sided ends on an odd page: the sheet's back stays empty, and
    a next document printed in the same run would start on it."""
    return tr(
        "最后一页是第 {0} 页（单数页）。双面打印时它的背面空白；公文装订要求单数页后补一张空白页，"
        "以免下一份文件印在它的背面。要在最后加一页空白页吗？"
    ).replace("{0}", str(len(pages)))


def print_with_dialog(parent: QWidget, pages: Pages) -> int:
    """The system print dialog, then print; returns the pages printed (0 when cancelled)."""
    printer = a4_printer()
    printer.setDocName(tr("年度报告"))
    dialog = QPrintDialog(printer, parent)
    dialog.setMinMax(1, len(pages))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return 0
    return print_pages(printer, pages, blank_after=blank_page_wanted(parent, duplex(printer), pages))


def blank_page_wanted(parent: QWidget, double_sided: bool, pages: Pages) -> bool:
    """Double-sided with an odd last page: ask whether to add a blank page (one-sided: never)."""
    return double_sided and len(pages) % 2 == 1 and alerts.ask_yes_no(parent, blank_page_note(pages))


def preview_dialog(parent: QWidget, pages: Pages) -> QPrintPreviewDialog:
    """The print preview, drawing from the same pages; the caller shows it (``exec``)."""
    printer = a4_printer()
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(tr("打印预览"))
    dialog.paintRequested.connect(lambda target: print_pages(target, pages))
    dialog.printer_ = printer  # kept alive with the dialog
    return dialog
