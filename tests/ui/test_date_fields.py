"""The date fields of 报告信息: an empty one opens its calendar at the report's season, not at
January 1900, and stays empty until the clerk picks a day."""

from __future__ import annotations

from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtTest import QTest

from tests.ui.test_main_window import stored
from ui.dialogs.new_report import NewReportDialog
from ui.editors.meta_form import DateField
from ui.window.main_window import MainWindow


def open_calendar(field: DateField) -> tuple[int, int]:
    """Click the field's arrow as a clerk would; the page (year, month) the calendar shows."""
    edit = field.edt_date
    QTest.mouseClick(edit, Qt.MouseButton.LeftButton, pos=QPoint(edit.width() - 5, edit.height() // 2))
    calendar = edit.calendarWidget()
    assert calendar.isVisible()
    return calendar.yearShown(), calendar.monthShown()


def close_calendar(field: DateField) -> None:
    calendar = field.edt_date.calendarWidget()
    QTest.keyClick(calendar.window(), Qt.Key.Key_Escape)
    assert not calendar.isVisible()


def new_report_window(window: MainWindow, monkeypatch, year: int) -> MainWindow:
    monkeypatch.setattr(NewReportDialog, "ask", classmethod(lambda cls, *a: ((year, "某市某区司法局", None), True)))
    window.actions_.new.trigger()
    window.show_meta()
    return window


def test_empty_dates_open_at_the_start_of_the_following_year(window: MainWindow, monkeypatch) -> None:
    form = new_report_window(window, monkeypatch, 2024).meta_form
    assert (form.dte_date.value(), form.dte_printed_on.value()) == ("", "")
    assert open_calendar(form.dte_date) == (2025, 1)  # a 2024 report is signed in early 2025
    close_calendar(form.dte_date)
    assert open_calendar(form.dte_printed_on) == (2025, 1)
    close_calendar(form.dte_printed_on)
    assert (form.dte_date.value(), form.dte_printed_on.value()) == ("", "")  # opening filled nothing in
    assert form.dte_date.edt_date.text() == "未填写"
    meta = stored(window).meta
    assert (meta.date, meta.printed_on) == ("", "")


def test_the_calendar_follows_a_changed_year(window: MainWindow, monkeypatch) -> None:
    form = new_report_window(window, monkeypatch, 2024).meta_form
    form.spn_year.setValue(2030)
    assert open_calendar(form.dte_date) == (2031, 1)
    close_calendar(form.dte_date)
    assert form.dte_date.value() == ""


def test_the_printing_date_opens_at_the_signing_month(window: MainWindow, monkeypatch) -> None:
    form = new_report_window(window, monkeypatch, 2024).meta_form
    calendar = form.dte_date.edt_date.calendarWidget()
    open_calendar(form.dte_date)
    calendar.clicked.emit(QDate(2025, 2, 18))  # the clerk picks 18 February
    assert form.dte_date.value() == "2025-02-18"
    assert open_calendar(form.dte_printed_on) == (2025, 2)
    close_calendar(form.dte_printed_on)
    assert form.dte_printed_on.value() == ""
    form.dte_date.btn_clear.click()
    window.session.flush()
    assert stored(window).meta.date == ""


def test_a_filled_date_opens_at_its_own_month(example_window: MainWindow) -> None:
    example_window.show_meta()
    form = example_window.meta_form
    assert form.dte_date.value() == "2025-02-20"
    assert open_calendar(form.dte_date) == (2025, 2)
    close_calendar(form.dte_date)
    assert form.dte_date.value() == "2025-02-20"


def test_picking_a_date_forgets_the_form_the_imported_text_wrote_it_in(window: MainWindow, monkeypatch) -> None:
    form = new_report_window(window, monkeypatch, 2024).meta_form
    report = window.session.report
    window.session.library.update_meta(
        report.id,
        date="2025-02-18",
        date_typed="2025年02月18日",
        printed_on="2025-02-19",
        printed_on_typed="二〇二五年二月十九日",
    )
    report.meta.date_typed, report.meta.printed_on_typed = "2025年02月18日", "二〇二五年二月十九日"
    open_calendar(form.dte_date)
    form.dte_date.edt_date.calendarWidget().clicked.emit(QDate(2025, 2, 20))
    window.session.flush()
    meta = stored(window).meta
    assert (meta.date, meta.date_typed, meta.printed_on_typed) == ("2025-02-20", "", "二〇二五年二月十九日")
    open_calendar(form.dte_printed_on)
    form.dte_printed_on.edt_date.calendarWidget().clicked.emit(QDate(2025, 2, 21))
    window.session.flush()
    assert (stored(window).meta.printed_on, stored(window).meta.printed_on_typed) == ("2025-02-21", "")


def test_a_finding_on_the_typed_form_points_at_the_date_field(example_window: MainWindow, qtbot) -> None:
    example_window.show()
    qtbot.waitExposed(example_window)
    example_window.activateWindow()
    example_window.reveal(None, "meta.date_typed", 0, 4)
    form = example_window.meta_form
    assert form.isVisible()
    qtbot.waitUntil(lambda: form.dte_date.edt_date.hasFocus())
