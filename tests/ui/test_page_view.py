"""视图 › 页面, 打印 and 打印预览: the laid-out pages of the sample report, drawn and printed."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication

from models.export import ExportOptions, font_check
from models.report import table_node
from models.typeset import typeset
from tests.seed_report import seed_report
from ui.pages import printing
from ui.pages.page_dock import FIT_PAGE, FIT_WIDTH, PageDock
from ui.window.main_window import MainWindow


@pytest.fixture
def seed_window(window: MainWindow) -> MainWindow:
    window.open_report(window.session.library.create_report(seed_report(repaired=True)))
    return window


def shown_dock(window: MainWindow, qtbot) -> PageDock:
    window.resize(1500, 950)
    window.actions_.page_view.trigger()
    dock = window.page_dock
    qtbot.waitUntil(lambda: dock.pages is not None, timeout=10000)
    return dock


def first_line_of(dock: PageDock, node_id: int) -> tuple[int, object]:
    return next((i, line) for i, page in enumerate(dock.pages) for line in page.lines if line.node == node_id)


def test_the_view_shows_the_pages_of_the_layout_and_says_which_page(seed_window: MainWindow, qtbot) -> None:
    window = seed_window
    assert window.actions_.page_view.isChecked() is False
    dock = shown_dock(window, qtbot)
    expected = typeset(window.session.report, ExportOptions())
    assert dock.isVisible()
    assert window.actions_.page_view.isChecked()
    assert len(dock.pages) == len(expected) > 5
    assert [page.texts for page in dock.pages] == [page.texts for page in expected]
    assert dock.thumbs.count() == len(expected)
    dock.show_page(0)
    assert dock.lbl_page.text() == f"第 1 页 / 共 {len(expected)} 页"
    dock.show_page(len(expected) - 1)
    assert dock.lbl_page.text() == f"第 {len(expected)} 页 / 共 {len(expected)} 页"
    assert dock.thumbs.currentRow() == len(expected) - 1
    dock.thumbs.itemClicked.emit(dock.thumbs.item(2))
    assert dock.lbl_page.text().startswith("第 3 页")
    assert dock.lbl_page.parent() is not None  # it sits in the window's status bar
    assert dock.lbl_page in window.statusBar().findChildren(type(dock.lbl_page))


def test_the_view_closes_with_the_report_and_comes_back_with_the_next(seed_window: MainWindow, qtbot) -> None:
    window = seed_window
    dock = shown_dock(window, qtbot)
    report_id = window.session.report.id
    window.show_library()
    assert not dock.isVisible()
    assert dock.lbl_page.text() == ""
    assert not window.actions_.page_view.isChecked()
    window.open_report(report_id)
    assert dock.isVisible()
    qtbot.waitUntil(lambda: dock.pages is not None, timeout=10000)
    assert dock.lbl_page.text().endswith(f"共 {len(dock.pages)} 页")
    window.actions_.page_view.trigger()  # 视图 › 页面 again: closed
    assert not dock.isVisible()
    assert not window.actions_.page_view.isChecked()


def test_the_public_edition_has_no_masthead(seed_window: MainWindow, qtbot) -> None:
    dock = shown_dock(seed_window, qtbot)
    assert "重庆市九龙坡区城市管理局文件" in dock.pages[0].texts
    dock.cmb_edition.setCurrentIndex(dock.cmb_edition.findData("public"))
    qtbot.waitUntil(lambda: "重庆市九龙坡区城市管理局文件" not in dock.pages[0].texts, timeout=10000)
    public = typeset(seed_window.session.report, ExportOptions(edition="public"))
    assert [page.texts for page in dock.pages] == [page.texts for page in public]


def test_pixels_are_painted_where_the_layout_puts_text(seed_window: MainWindow, qtbot) -> None:
    dock = shown_dock(seed_window, qtbot)
    dock.set_zoom(1.0)
    image = dock.canvas.grab().toImage()
    rect = dock.canvas.page_rect(0)
    page = dock.pages[0]
    line = next(line for line in page.lines if line.text.startswith("区城市管理局关于"))
    y = round(rect.top() + (line.top + line.height * 0.55) * dock.canvas.scale)
    row = [image.pixelColor(x, y) for x in range(rect.left(), rect.right())]
    inked = [x for x, colour in enumerate(row) if colour.lightness() < 128]
    assert inked  # the title is drawn
    first = inked[0] / dock.canvas.scale
    assert abs(first - line.x0) < 6  # its first ink within a few points of the layout's x
    blank_y = round(rect.top() + 20 * dock.canvas.scale)  # the top margin stays white
    assert all(image.pixelColor(x, blank_y).lightness() > 240 for x in range(rect.left() + 2, rect.right() - 2))


def test_zoom_steps_fits_and_ctrl_wheel(seed_window: MainWindow, qtbot) -> None:
    dock = shown_dock(seed_window, qtbot)
    dpi = dock.logicalDpiX()
    dock.set_zoom(1.0)
    assert dock.canvas.scale == pytest.approx(dpi / 72)
    assert dock.canvas.page_rect(0).width() == pytest.approx(dock.pages[0].width * dpi / 72, abs=1)
    assert dock.cmb_zoom.currentText() == "100%"
    dock.set_zoom(FIT_PAGE)
    viewport = dock.scroll.viewport().size()
    assert dock.canvas.page_rect(0).height() <= viewport.height()
    assert dock.canvas.page_rect(0).width() <= viewport.width()
    dock.set_zoom(FIT_WIDTH)
    assert dock.canvas.page_rect(0).width() > viewport.width() * 0.8
    dock.set_zoom(1.0)
    wheel = QWheelEvent(
        QPointF(50, 50),
        QPointF(50, 50),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(dock.scroll.viewport(), wheel)
    assert dock.canvas.scale == pytest.approx(1.25 * dpi / 72)
    assert dock.cmb_zoom.currentText() == "125%"
    down = QWheelEvent(
        QPointF(50, 50),
        QPointF(50, 50),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(dock.scroll.viewport(), down)
    QApplication.sendEvent(dock.scroll.viewport(), down)
    assert dock.cmb_zoom.currentText() == "75%"
    dock.show_page(4)
    for zoom in (2.0, FIT_PAGE, 0.5, FIT_WIDTH):  # zooming keeps the page being read
        dock.set_zoom(zoom)
        assert dock.lbl_page.text().startswith("第 5 页"), zoom


def test_clicking_a_line_shows_its_part_with_the_cursor_there(seed_window: MainWindow, qtbot) -> None:
    window = seed_window
    dock = shown_dock(window, qtbot)
    dock.set_zoom(1.0)
    report = window.session.report
    # a line in the middle of a long part's text, several pages in
    index, line = next(
        (i, line)
        for i, page in enumerate(dock.pages)
        if i >= 3
        for line in page.lines
        if line.node is not None and line.text[:12] in report.find(line.node).text[10:]
    )
    node = report.find(line.node)
    dock.show_page(index)
    qtbot.mouseClick(dock.canvas, Qt.MouseButton.LeftButton, pos=dock.canvas.line_point(index, line).toPoint())
    assert window.node_form.node is node
    assert window.node_form.edt_body.textCursor().position() == node.text.find(line.text.strip()[:12])
    title = next(line for line in dock.pages[0].lines if line.text.startswith("区城市管理局关于"))
    dock.show_page(0)
    qtbot.mouseClick(dock.canvas, Qt.MouseButton.LeftButton, pos=dock.canvas.line_point(0, title).toPoint())
    assert window.editors.currentIndex() == 1  # the title is 报告信息


def test_the_view_follows_the_part_being_edited(seed_window: MainWindow, qtbot) -> None:
    window = seed_window
    dock = shown_dock(window, qtbot)
    dock.set_zoom(1.0)
    report = window.session.report
    late = next(node for node in reversed(list(report.walk())) if node.text.strip())
    page_index, _ = first_line_of(dock, late.id)
    assert page_index >= 5
    window.select_node(late)
    assert dock.lbl_page.text().startswith(f"第 {page_index + 1} 页")
    early = next(node for node in report.walk() if node.text.strip())
    window.select_node(early)
    assert dock.lbl_page.text().startswith(f"第 {first_line_of(dock, early.id)[0] + 1} 页")


def test_typing_lays_out_again_after_a_pause(seed_window: MainWindow, qtbot) -> None:
    window = seed_window
    dock = shown_dock(window, qtbot)
    report = window.session.report
    node = next(node for node in report.walk() if node.kind == "paragraph" and node.text.strip())
    window.select_node(node)
    body = window.node_form.edt_body
    body.moveCursor(body.textCursor().MoveOperation.End)
    before = len(dock.pages)
    for _ in range(40):  # about a third of a page more, a phrase at a time
        body.insertPlainText("新增的一句话写在这里")
    qtbot.keyClicks(body, "ABC")  # ASCII only: non-ASCII keyClicks aborts Qt
    qtbot.waitUntil(
        lambda: any("新增的一句话写在这里" in line.text for page in dock.pages for line in page.lines), timeout=10000
    )
    assert len(dock.pages) >= before
    assert [page.texts for page in dock.pages] == [page.texts for page in typeset(report, ExportOptions())]


def test_edits_made_while_a_layout_runs_are_laid_out_after_it(seed_window: MainWindow, qtbot) -> None:
    window = seed_window
    dock = shown_dock(window, qtbot)
    node = next(node for node in window.session.report.walk() if node.text.strip())
    dock.lay_out()  # runs on the worker thread; its result comes back through the event loop
    window.session.edit_node(node.id, text=node.text + "晚到的一句。")
    dock.lay_out()  # waits for the first
    qtbot.waitUntil(lambda: "晚到的一句" in "".join(text for page in dock.pages for text in page.texts), timeout=10000)


def test_the_header_says_which_fonts_print(seed_window: MainWindow, qtbot) -> None:
    dock = shown_dock(seed_window, qtbot)
    installed = font_check.installed_families()
    statuses = font_check.check_faces(font_check.faces_for(False), installed)
    missing = [status.face for status in statuses if not status.found]
    header, details = dock.lbl_fonts.text(), dock.lbl_fonts.toolTip()
    if missing:
        assert missing[0] in header
        assert "换用" in header
    else:
        assert "都已安装" in header
    for status in statuses:
        assert status.element in details
        assert ("✓ " if status.found else "✗ ") + status.element in details
    assert "页面中显示用的字体" in details


def test_with_only_fangsong_and_kaiti_here_the_view_prints_with_them(
    seed_window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As the export dialog offers: the _GB2312 faces missing, 仿宋 and 楷体 installed."""
    monkeypatch.setattr(font_check, "installed_families", lambda: frozenset({"仿宋", "楷体", "黑体", "宋体"}))
    dock = shown_dock(seed_window, qtbot)
    assert dock.options().fallback_fonts is True
    asked = {run.family for page in dock.pages for line in page.lines for run in line.runs}
    assert "仿宋" in asked
    assert "仿宋_GB2312" not in asked
    assert "方正小标宋简体" in dock.lbl_fonts.text()  # still missing: said so
    assert "✓ 正文、三级及以下标题、落款、版记：仿宋" in dock.lbl_fonts.toolTip()


# --- printing ---


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def pdf_printer(path: Path) -> QPrinter:
    printer = printing.a4_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_printing_draws_every_page_on_a4(tmp_path: Path, qtbot) -> None:
    pages = typeset(seed_report(repaired=True), ExportOptions())
    target = tmp_path / "printed.pdf"
    assert printing.print_pages(pdf_printer(target), pages) == len(pages)
    assert pdf_pages(target) == len(pages)
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True).stdout
    assert "595" in info and "842" in info  # A4 in points  # noqa: PT018
    # Ink where the layout has lines, paper where it has none (the text may be embedded as text or,
    # with CFF faces such as Noto CJK, drawn as outlines by Qt's PDF engine: pixels tell both).
    pixels = ink_rows(target, page=2)
    for line in pages[1].lines:
        if line.text.strip():
            rows = pixels[round(line.top) : round(line.top + line.height)]
            assert any(dark for dark in rows), line.text
    assert not any(pixels[: round(pages[1].lines[0].top) - 2])  # the top margin is blank


def ink_rows(pdf: Path, page: int) -> list[int]:
    """Dark pixels per row of a page rendered at 72 dpi (one row a point)."""
    grey = subprocess.run(
        ["pdftoppm", "-f", str(page), "-l", str(page), "-r", "72", "-gray", str(pdf)], capture_output=True, check=True
    ).stdout
    header = grey.split(b"\n", 3)  # P5, size, max, pixels
    width, height = map(int, header[1].split())
    data = header[3]
    return [sum(1 for x in range(width) if data[y * width + x] < 128) for y in range(height)]


def test_a_page_range_and_the_blank_page_after_an_odd_last_page(tmp_path: Path, qtbot) -> None:
    pages = typeset(seed_report(repaired=True), ExportOptions())
    printer = pdf_printer(tmp_path / "range.pdf")
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 4)
    assert printing.print_pages(printer, pages) == 3
    assert pdf_pages(tmp_path / "range.pdf") == 3
    blank = pdf_printer(tmp_path / "blank.pdf")
    assert printing.print_pages(blank, pages, blank_after=True) == len(pages) + 1
    assert pdf_pages(tmp_path / "blank.pdf") == len(pages) + 1


def test_ctrl_p_prints_every_page_through_the_print_dialog(
    seed_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shown
) -> None:
    window = seed_window
    pages = typeset(window.session.report, ExportOptions())
    target = tmp_path / "ctrl-p.pdf"

    def accept(dialog: QPrintDialog) -> int:  # the clerk picks a printer (here: a PDF file)
        assert dialog.maxPage() == len(pages)
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(target))
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    assert window.actions_.print_.shortcut().toString() == "Ctrl+P"
    window.actions_.print_.trigger()
    assert shown.questions == []  # one-sided: nothing to ask
    assert pdf_pages(target) == len(pages)
    assert window.statusBar().currentMessage() == f"已送往打印机：{len(pages)} 页"


def test_double_sided_with_an_odd_last_page_offers_a_blank_page(seed_window: MainWindow, shown) -> None:
    # No printer here can be set to duplex (a PDF printer ignores it), so the question itself is driven.
    pages = typeset(seed_window.session.report, ExportOptions())
    odd = type(pages)(pages.pages[: len(pages) - 1 + len(pages) % 2], pages.renderer)
    even = type(pages)(pages.pages[: len(pages) - len(pages) % 2], pages.renderer)
    assert len(odd) % 2 == 1
    assert printing.blank_page_wanted(seed_window, True, odd) is True
    assert f"第 {len(odd)} 页" in shown.questions[-1]
    shown.answer = False
    assert printing.blank_page_wanted(seed_window, True, odd) is False
    asked = len(shown.questions)
    assert printing.blank_page_wanted(seed_window, True, even) is False  # even: the back is the last page
    assert printing.blank_page_wanted(seed_window, False, odd) is False  # one-sided: nothing to ask
    assert len(shown.questions) == asked


def test_print_preview_draws_the_same_pages(seed_window: MainWindow, qtbot) -> None:
    pages = typeset(seed_window.session.report, ExportOptions())
    dialog = printing.preview_dialog(seed_window, pages)
    qtbot.addWidget(dialog)
    preview = dialog.findChild(QPrintPreviewWidget)
    preview.updatePreview()
    assert preview.pageCount() == len(pages)
    assert dialog.windowTitle() == "打印预览"
    file_menu = next(a.menu() for a in seed_window.menuBar().actions() if a.text().startswith("文件"))
    assert seed_window.actions_.print_preview in file_menu.actions()


def test_a_table_is_drawn_with_its_cell_borders(window: MainWindow, qtbot) -> None:
    report = seed_report(repaired=True)
    report.body[1].children.insert(1, table_node([["项目", "数量"], ["行政复议", "12"]], title="表1 案件"))
    window.open_report(window.session.library.create_report(report))
    dock = shown_dock(window, qtbot)
    dock.set_zoom(1.0)
    index, page = next((i, page) for i, page in enumerate(dock.pages) if page.boxes)
    image = dock.canvas.grab().toImage()
    rect = dock.canvas.page_rect(index)
    scale = dock.canvas.scale
    left = min(box.x0 for box in page.boxes)
    top = min(box.y0 for box in page.boxes)
    first_row = next(box for box in page.boxes if box.y0 == top and box.x0 == left)
    x = round(rect.left() + left * scale)
    # Halfway down the first row: between the row borders whatever the fonts make the rows' heights.
    middle = round(rect.top() + (first_row.y0 + first_row.y1) / 2 * scale)
    assert min(image.pixelColor(x + dx, middle).lightness() for dx in (-1, 0, 1)) < 160  # the left border
    assert image.pixelColor(x + 3, middle).lightness() > 200  # a line, not a filled box
    y = round(rect.top() + top * scale)
    assert min(image.pixelColor(x + 20, y + dy).lightness() for dy in (-1, 0, 1)) < 160  # the top border


def test_the_header_says_when_the_last_page_is_tightened(window: MainWindow, qtbot) -> None:
    """The built-in example's 公开版 would leave 署名 alone on its last page: the view shows the tightened
    pages and says so."""
    from models.interchange import read_file
    from ui import app as app_module

    report = read_file(app_module.resource_dir() / "examples" / "example-report.json")[0]
    window.open_report(window.session.library.create_report(report))
    dock = shown_dock(window, qtbot)
    assert "行距" not in dock.lbl_fonts.text()
    dock.cmb_edition.setCurrentIndex(dock.cmb_edition.findData("public"))
    qtbot.waitUntil(lambda: dock.pages is not None and dock.pages.tightened is not None, timeout=10000)
    expected = typeset(window.session.report, ExportOptions(edition="public"))
    assert expected.tightened == dock.pages.tightened
    assert [page.texts for page in dock.pages] == [page.texts for page in expected]
    assert f"末页收紧为 {expected.tightened:.4g} 磅" in dock.lbl_fonts.text()
