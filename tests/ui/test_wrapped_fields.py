"""标题句 and 落实情况 are one paragraph each, shown whole: the field grows with its text (up to a
few lines, then scrolls), Enter moves on instead of breaking the line, and pasted line breaks are
joined. Typing, undo and autosave work as before."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from models.report import ChecklistItem
from tests.ui.test_main_window import select, stored
from ui.session import AUTOSAVE_DELAY_MS, example_report
from ui.window.main_window import MainWindow

CONTROL = Qt.KeyboardModifier.ControlModifier
LONG_TITLE = "坚持把依法行政贯穿于行政决策、行政执法、行政复议和应诉全过程，" * 2
ENDLESS_TITLE = LONG_TITLE * 6


def lines_shown(field: QWidget) -> float:
    """How many text lines the field's height holds."""
    return (field.contentsRect().height()) / field.fontMetrics().lineSpacing()


def test_a_long_heading_sentence_is_shown_whole(example_window: MainWindow) -> None:
    window = example_window
    window.resize(1400, 900)
    select(window, 1, 0)
    title = window.node_form.edt_title
    QApplication.processEvents()
    short_height = title.height()
    assert lines_shown(title) < 2
    title.setFocus()
    title.selectAll()
    QApplication.clipboard().setText(LONG_TITLE)
    title.paste()
    QApplication.processEvents()
    assert title.text() == LONG_TITLE
    assert title.height() > short_height
    assert lines_shown(title) >= 2  # the text wraps onto more lines, all of them in view
    assert title.verticalScrollBar().maximum() == 0  # nothing hidden
    assert window.session.report.body[1].children[0].title == LONG_TITLE  # typed text reaches the report
    wrapped_height = title.height()
    bigger = QFont(title.font())
    bigger.setPointSizeF(bigger.pointSizeF() * 1.5)
    window.node_form.set_editor_font(bigger)  # 设置 › 字号
    QApplication.processEvents()
    assert title.height() > wrapped_height
    assert title.verticalScrollBar().maximum() == 0  # still all in view at the larger size
    window.session.flush()
    assert stored(window).body[1].children[0].title == LONG_TITLE


def test_an_endless_heading_stops_growing_and_scrolls(example_window: MainWindow) -> None:
    window = example_window
    window.resize(1400, 900)
    select(window, 1, 0)
    title = window.node_form.edt_title
    title.setText(LONG_TITLE)
    QApplication.processEvents()
    some_lines = title.height()
    title.setText(ENDLESS_TITLE)
    QApplication.processEvents()
    assert title.height() > some_lines
    assert round(lines_shown(title)) == title.max_lines
    assert title.verticalScrollBar().maximum() > 0  # the rest is a scroll away, not cut off
    select(window, 1, 1)
    QApplication.processEvents()
    assert lines_shown(title) < 2  # the next, short one shrinks the field back


def test_enter_in_the_heading_goes_on_to_the_body(example_window: MainWindow) -> None:
    window = example_window
    select(window, 1, 0)
    form = window.node_form
    before = form.edt_title.text()
    form.edt_title.setFocus()
    QTest.keyClick(form.edt_title, Qt.Key.Key_End, CONTROL)
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        form.edt_title.setFocus()
        QTest.keyClick(form.edt_title, key)
        assert form.edt_title.text() == before  # no line break in a 标题句
        assert form.edt_body.hasFocus()
    form.edt_title.setFocus()
    QTest.keyClick(form.edt_title, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert form.edt_title.text() == before  # nor a soft one (Shift+Enter)
    assert window.session.report.body[1].children[0].title == before


def test_pasted_lines_are_joined_and_undo_brings_the_heading_back(example_window: MainWindow) -> None:
    window = example_window
    select(window, 1, 0)
    title = window.node_form.edt_title
    before = title.text()
    title.setFocus()
    QTest.keyClick(title, Qt.Key.Key_End, CONTROL)
    QApplication.clipboard().setText("（一）加强\n学习\r\n培训\u2029。")
    title.paste()
    assert title.text() == before + "（一）加强学习培训。"
    assert window.session.report.body[1].children[0].title == before + "（一）加强学习培训。"
    QTest.keyClick(title, Qt.Key.Key_Z, CONTROL)
    assert title.text() == before
    assert window.session.report.body[1].children[0].title == before  # undo is typing too: saved
    QTest.keyClick(title, Qt.Key.Key_Y, CONTROL)
    assert title.text() == before + "（一）加强学习培训。"


def test_a_heading_shown_from_the_report_is_not_an_edit(example_window: MainWindow) -> None:
    window = example_window
    edits: list[tuple] = []
    window.node_form.edited.connect(lambda *args: edits.append(args))
    select(window, 1, 0)
    select(window, 2)
    assert edits == []
    title = window.node_form.edt_title
    title.setFocus()
    QTest.keyClick(title, Qt.Key.Key_Z, CONTROL)  # nothing typed here yet: nothing to undo
    assert title.text() == window.session.report.body[2].title
    assert edits == []


def open_with_checklist(window: MainWindow) -> MainWindow:
    report = example_report()
    report.checklist = [ChecklistItem("完善重大行政决策程序制度"), ChecklistItem("开展执法人员培训")]
    window.open_report(window.session.library.create_report(report))
    window.checklist_dock.show_and_raise()
    window.resize(1400, 900)
    QApplication.processEvents()
    return window


def test_a_long_note_is_shown_whole_and_saved_as_one_paragraph(qtbot, window: MainWindow) -> None:
    open_with_checklist(window)
    report_id = window.session.report_id
    note = window.checklist_dock.panel.rows[1].edt_note
    assert lines_shown(note) < 2
    short_height = note.height()
    note.setFocus()
    QApplication.clipboard().setText("已制定《重大行政决策程序规定》，\n全年组织培训十二期，覆盖执法人员三百余人。")
    note.paste()
    QTest.keyClick(note, Qt.Key.Key_Return)  # moves on: no line break in the note
    QApplication.processEvents()
    written = note.text()
    assert "\n" not in written
    assert written.startswith("已制定《重大行政决策程序规定》，全年组织培训十二期")
    assert note.height() > short_height
    assert note.verticalScrollBar().maximum() == 0
    assert not note.hasFocus()  # leaving the field saves at once
    assert window.session.library.load_checklist(report_id)[1].note == written
    QTest.keyClicks(window.checklist_dock.panel.rows[0].edt_note, "done")  # ASCII only: non-ASCII keyClicks aborts Qt
    qtbot.waitUntil(
        lambda: window.session.library.load_checklist(report_id)[0].note == "done", timeout=AUTOSAVE_DELAY_MS + 700
    )


def test_typing_into_a_shown_heading_goes_after_its_text(example_window: MainWindow) -> None:
    window = example_window
    select(window, 1, 0)
    title = window.node_form.edt_title
    before = title.text()
    title.setFocus()
    QTest.keyClicks(title, "X")  # ASCII only: non-ASCII keyClicks aborts Qt
    assert title.text() == before + "X"
