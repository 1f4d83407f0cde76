"""Page view benchmark (medians): drawing a 20-page report's pages at 100% (what scrolling through
them costs), its thumbnails, and printing it to a PDF through QPrinter; fonts already loaded.

Run: QT_QPA_PLATFORM=offscreen nice /work/main/.venv/bin/python bench/bench_page_view.py [--runs N]
The layout itself is bench/bench_typeset.py (20 pages 60–300 ms: done off the UI thread).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("FONTCONFIG_FILE", str(ROOT / "tests" / "fonts" / "fonts.conf"))

from PySide6.QtGui import QImage, QPainter  # noqa: E402
from PySide6.QtPrintSupport import QPrinter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bench.bench_typeset import report_of_pages  # noqa: E402
from bench.common import show, timings  # noqa: E402
from models.export import ExportOptions  # noqa: E402
from models.typeset import typeset  # noqa: E402
from ui.pages.page_dock import thumbnail  # noqa: E402
from ui.pages.painting import paint_page  # noqa: E402
from ui.pages.printing import a4_printer, print_pages  # noqa: E402

SCALE = 96 / 72  # 100% on a 96-dpi screen


def draw_all(pages) -> None:
    for page in pages:
        image = QImage(round(page.width * SCALE), round(page.height * SCALE), QImage.Format.Format_RGB32)
        image.fill(0xFFFFFF)
        painter = QPainter(image)
        painter.scale(SCALE, SCALE)
        paint_page(painter, page)
        painter.end()


def print_pdf(pages, folder: Path) -> None:
    printer = a4_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(folder / "bench.pdf"))
    print_pages(printer, pages)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    QApplication([])
    report, count = report_of_pages(20)
    pages = typeset(report, ExportOptions())
    draw_all(pages)  # loads the faces once
    show(f"draw {count} pages at 100%", timings(lambda: draw_all(pages), runs))
    show("draw one page at 100%", timings(lambda: draw_all(pages[:1]), runs), 16)
    show(f"{count} thumbnails", timings(lambda: [thumbnail(page) for page in pages], runs))
    with tempfile.TemporaryDirectory() as folder:
        show(f"print {count} pages to PDF (QPrinter)", timings(lambda: print_pdf(pages, Path(folder)), runs))


if __name__ == "__main__":
    main()
