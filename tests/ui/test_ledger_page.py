"""The 数据台账 page and 插入数据, driven as a clerk would: type figures (bad ones refused with the
model's message), undo them, put a figure into a sentence, and change the ledger under it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from models.ledger.values import CURRENT, PREVIOUS
from ui.editors.data_menu import data_menu
from ui.editors.reference_edit import OBJECT
from ui.window.main_window import MainWindow

RECEIVED = ("recon_resp_cases", CURRENT)  # the example report is a department's


def select(window: MainWindow, *rows: int) -> None:
    index = window.session.outline.index(rows[0], 0)
    for row in rows[1:]:
        index = window.session.outline.index(row, 0, index)
    window.tree_view.setCurrentIndex(index)


def stored(window: MainWindow):
    return window.session.library.load_report(window.session.report_id)


def type_figure(window: MainWindow, key: str, column: str, text: str) -> None:
    field = window.ledger_form.fields[(key, column)]
    field.setFocus()
    field.selectAll()
    QTest.keyClick(field, Qt.Key.Key_Delete)
    QTest.keyClicks(field, text)
    QTest.keyClick(field, Qt.Key.Key_Return)  # leaving the field (Enter) saves it


def test_the_page_is_reached_from_the_tree_and_lists_the_groups(example_window: MainWindow) -> None:
    window = example_window
    assert window._ledger_form is None  # built on first use
    window.btn_ledger.click()
    form = window.ledger_form
    assert window.editors.currentWidget() is window._ledger_holder
    assert window.btn_ledger.isChecked()
    assert not window.btn_meta.isChecked()
    assert window.guidance.plain_text().startswith("数据台账")
    assert RECEIVED in form.fields
    assert "代码：recon_resp_cases" in form.fields[RECEIVED].toolTip()
    rate = form.fields[("recon_resp_correction_rate", CURRENT)]
    assert rate.isReadOnly()  # derived: computed from its parts
    assert "计算：" in rate.toolTip()
    select(window, 1)
    assert window.editors.currentWidget() is window.node_form
    assert not window.btn_ledger.isChecked()
    assert window.actions_.ledger.shortcut().toString() == "Ctrl+L"


def test_typing_a_figure_saves_it_as_one_undoable_step(example_window: MainWindow) -> None:
    window = example_window
    window.show_ledger()
    type_figure(window, *RECEIVED, "40")
    assert window.session.report.ledger.get("recon_resp_cases") == 40
    assert stored(window).ledger.get("recon_resp_cases") == 40
    type_figure(window, "recon_resp_corrected", CURRENT, "3")
    rate = window.ledger_form.fields[("recon_resp_correction_rate", CURRENT)]
    assert rate.text() == "7.5"  # computed and shown as the parts are typed
    window.actions_.undo.trigger()  # 纠错 3 undone: the rate has no figure any more
    assert rate.text() == ""
    assert stored(window).ledger.get("recon_resp_corrected") is None
    window.actions_.undo.trigger()
    assert window.ledger_form.fields[RECEIVED].text() == ""
    assert stored(window).ledger.get("recon_resp_cases") is None
    window.actions_.redo.trigger()
    assert window.ledger_form.fields[RECEIVED].text() == "40"


def test_a_bad_value_is_marked_as_typed_and_never_saved(example_window: MainWindow) -> None:
    window = example_window
    window.show_ledger()
    form = window.ledger_form
    field = form.fields[RECEIVED]
    field.setFocus()
    field.insert("三十")  # as the input method commits it
    assert "应填数字" in form.lbl_error.text()
    assert "三十" in form.lbl_error.text()
    assert "fde2e2" in field.styleSheet()
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert field.text() == "三十"  # what the clerk typed stays in the field, marked
    assert window.session.report.ledger.get("recon_resp_cases") is None
    assert window.session.undo_stack.count() == 0
    field.selectAll()
    QTest.keyClicks(field, "-3")
    assert "不能是负数" in form.lbl_error.text()
    field.selectAll()
    QTest.keyClicks(field, "30")
    assert form.lbl_error.text() == ""
    assert field.styleSheet() == ""


def test_a_part_larger_than_its_total_is_refused_with_the_models_message(example_window: MainWindow) -> None:
    window = example_window
    window.show_ledger()
    type_figure(window, *RECEIVED, "10")
    type_figure(window, "recon_resp_corrected", CURRENT, "12")
    assert "部分不能大于总数" in window.ledger_form.lbl_error.text()
    assert window.session.report.ledger.get("recon_resp_corrected") is None


def test_kind_and_own_indicators(example_window: MainWindow) -> None:
    window = example_window
    window.show_ledger()
    form = window.ledger_form
    form.cmb_kind.activated.emit(form.cmb_kind.findData("county"))
    assert window.session.report.ledger.kind == "county"
    form.edt_own_name.setText("河道巡查")
    form.edt_own_unit.setText("次")
    assert form.add_own()
    assert ("x_1", CURRENT) in form.fields
    assert stored(window).ledger.custom[0].name == "河道巡查"
    form.edt_own_name.setText("无单位")
    assert not form.add_own()
    assert "需要写单位" in form.lbl_error.text()
    window.actions_.undo.trigger()
    assert ("x_1", CURRENT) not in form.fields
    window.actions_.undo.trigger()
    assert window.session.report.ledger.kind == ""


def test_insert_data_puts_a_live_figure_that_undo_removes(example_window: MainWindow) -> None:
    window = example_window
    window.show_ledger()
    type_figure(window, *RECEIVED, "35")
    select(window, 2)
    node = window.node_form.node
    body = window.node_form.edt_body
    body.setPlainText("本机关被申请行政复议。")
    cursor = body.textCursor()
    cursor.setPosition(len("本机关被申请行政复议"))
    body.setTextCursor(cursor)
    window.insert_reference(*RECEIVED)
    assert node.text == "本机关被申请行政复议{{ledger:recon_resp_cases}}。"
    assert body.toPlainText() == f"本机关被申请行政复议{OBJECT}。"  # one character for the cursor
    assert stored(window).find(node.id).text == node.text
    assert window.session.shown_text(node.text) == "本机关被申请行政复议35件。"
    body.insertPlainText("，同比增长")  # typed after the figure: plain text, not part of it
    assert node.text == "本机关被申请行政复议{{ledger:recon_resp_cases}}，同比增长。"
    window.actions_.undo.trigger()  # the typing
    window.actions_.undo.trigger()  # the insertion
    assert node.text == "本机关被申请行政复议。"
    assert body.toPlainText() == "本机关被申请行政复议。"
    window.actions_.redo.trigger()
    assert body.stored_text() == "本机关被申请行政复议{{ledger:recon_resp_cases}}。"


def test_backspace_removes_a_figure_whole(example_window: MainWindow) -> None:
    window = example_window
    select(window, 2)
    body = window.node_form.edt_body
    body.setPlainText("共")
    body.moveCursor(QTextCursor.MoveOperation.End)
    window.insert_reference(*RECEIVED)
    assert window.node_form.node.text == "共{{ledger:recon_resp_cases}}"
    QTest.keyClick(body, Qt.Key.Key_Backspace)
    assert window.node_form.node.text == "共"


def test_a_ledger_change_updates_the_sentence_and_undo_restores_it(example_window: MainWindow) -> None:
    window = example_window
    window.show_ledger()
    type_figure(window, *RECEIVED, "35")
    select(window, 2)
    node = window.node_form.node
    window.node_form.edt_body.setPlainText("")
    window.insert_reference(*RECEIVED)
    handler = window.node_form.edt_body.handler
    assert handler.lookup(*RECEIVED) == "35件"
    window.show_ledger()
    type_figure(window, *RECEIVED, "36")
    assert window.session.shown_text(node.text) == "36件"
    assert handler.lookup(*RECEIVED) == "36件"  # what the editor draws
    window.actions_.undo.trigger()
    assert window.session.shown_text(node.text) == "35件"
    assert node.text == "{{ledger:recon_resp_cases}}"  # the sentence keeps the reference
    type_figure(window, *RECEIVED, "")  # cleared: the sentence shows the figure is missing
    assert window.session.shown_text(node.text) == "【待填：被申请行政复议案件】"
    window.actions_.undo.trigger()
    assert handler.lookup(*RECEIVED) == "35件"


def test_the_chooser_lists_the_figures_by_group(example_window: MainWindow) -> None:
    window = example_window
    window.show_ledger()
    type_figure(window, *RECEIVED, "35")
    menu = data_menu(window.session.sheet(), window.session.shown_value, window)
    actions = [a for sub in menu.actions() if sub.menu() for a in sub.menu().actions()]
    received = [a for a in actions if a.data() == RECEIVED]
    assert received
    assert received[0].text().endswith("35件")
    previous = next(a for a in menu.actions() if a.text() == "上年数字").menu()
    assert any(
        a.data() == ("recon_resp_cases", PREVIOUS)
        for sub in previous.actions()
        if sub.menu()
        for a in sub.menu().actions()
    )


def test_insert_data_needs_a_part_in_the_editor(example_window: MainWindow) -> None:
    window = example_window
    window.show_ledger()
    window.insert_data()
    assert "先在目录中选择" in window.statusBar().currentMessage()


def test_a_figure_still_being_typed_is_saved_when_the_report_closes(example_window: MainWindow) -> None:
    window = example_window
    report_id = window.session.report_id
    window.show_ledger()
    field = window.ledger_form.fields[RECEIVED]
    field.setFocus()
    QTest.keyClicks(field, "12")
    window.show_library()
    assert window.session.library.load_report(report_id).ledger.get("recon_resp_cases") == 12


def test_a_finding_after_a_figure_is_shown_at_its_place_in_the_editor(example_window: MainWindow) -> None:
    window = example_window
    window.show_ledger()
    type_figure(window, *RECEIVED, "1234")
    select(window, 2)
    node = window.node_form.node
    window.node_form.edt_body.setPlainText("共")
    window.node_form.edt_body.moveCursor(QTextCursor.MoveOperation.End)
    window.insert_reference(*RECEIVED)
    window.node_form.edt_body.insertPlainText("，错字在此。")
    printed = window.session.shown_text(node.text)
    assert printed == "共1234件，错字在此。"
    start = printed.index("错字")
    window.reveal(node.id, "text", start, start + 2)
    assert window.node_form.edt_body.textCursor().selectedText() == "错字"


def test_copy_and_paste_keep_references_inside_and_print_figures_outside(example_window: MainWindow) -> None:
    window = example_window
    window.show_ledger()
    type_figure(window, *RECEIVED, "35")
    select(window, 2)
    body = window.node_form.edt_body
    body.setPlainText("共")
    body.moveCursor(QTextCursor.MoveOperation.End)
    window.insert_reference(*RECEIVED)
    body.selectAll()
    data = body.createMimeDataFromSelection()
    assert data.text() == "共35件"  # another program gets the printed figure
    body.moveCursor(QTextCursor.MoveOperation.End)
    body.insertFromMimeData(data)
    assert window.node_form.node.text == "共{{ledger:recon_resp_cases}}共{{ledger:recon_resp_cases}}"


def test_a_refused_figure_stays_while_another_is_saved_and_the_same_figure_is_no_step(
    example_window: MainWindow,
) -> None:
    window = example_window
    window.show_ledger()
    form = window.ledger_form
    bad = form.fields[RECEIVED]
    bad.setFocus()
    bad.insert("很多")
    type_figure(window, "recon_resp_corrected", CURRENT, "2")  # saved: the page is shown again
    assert bad.text() == "很多"
    assert "很多" in form.lbl_error.text()
    steps = window.session.undo_stack.count()
    field = form.fields[("recon_resp_corrected", CURRENT)]
    field.setFocus()
    field.selectAll()
    field.insert("2件")
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert window.session.undo_stack.count() == steps
    assert form.fields[("recon_resp_corrected", CURRENT)].text() == "2"


def test_a_missing_figure_is_an_error_until_the_ledger_has_it(qtbot, example_window: MainWindow) -> None:
    window = example_window
    select(window, 2)
    node = window.node_form.node
    window.node_form.edt_body.setPlainText("全年被申请行政复议")
    window.node_form.edt_body.moveCursor(QTextCursor.MoveOperation.End)
    window.insert_reference(*RECEIVED)
    panel = window.checks.panel
    window.actions_.check.trigger()

    def missing() -> list:
        return [f for f in panel.findings() if f.rule == "data.missing-value"]

    qtbot.waitUntil(lambda: bool(missing()), timeout=5000)
    [finding] = missing()
    assert (finding.node_id, finding.severity, finding.excerpt) == (node.id, "错误", "【待填：被申请行政复议案件】")
    window.reveal(node.id, "text", finding.start, finding.end)  # the figure itself is selected
    assert window.node_form.edt_body.textCursor().selectedText() == "\ufffc"
    window.show_ledger()
    type_figure(window, *RECEIVED, "9")
    qtbot.waitUntil(lambda: not missing(), timeout=5000)
