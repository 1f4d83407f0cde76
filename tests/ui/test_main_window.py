"""The main window driven as a clerk would: create, type, reorganise, delete, undo, reopen."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from models.report import POINT, SECTION
from ui.dialogs.new_report import NewReportDialog
from ui.session import AUTOSAVE_DELAY_MS
from ui.window.main_window import MainWindow


def select(window: MainWindow, *rows: int) -> None:
    index = window.session.outline.index(rows[0], 0)
    for row in rows[1:]:
        index = window.session.outline.index(row, 0, index)
    window.tree_view.setCurrentIndex(index)


def stored(window: MainWindow):
    return window.session.library.load_report(window.session.report_id)


def test_create_report_from_template(window: MainWindow, monkeypatch) -> None:
    monkeypatch.setattr(NewReportDialog, "ask", classmethod(lambda cls, *a: ((2024, "某市某区司法局", None), True)))
    window.actions_.new.trigger()
    report = window.session.report
    assert report is not None
    assert report.meta.title == "某市某区司法局关于2024年度法治政府建设情况的报告"
    assert window.pages.currentIndex() == 1
    model = window.session.outline
    assert model.index(1, 0).data() == "一、2024年推进法治政府建设的主要举措和成效"
    assert model.index(4, 0).data() == "四、2025年推进法治政府建设的主要安排"
    assert "某市某区司法局关于2024年度" in window.windowTitle()


def test_new_report_defaults_come_from_the_last_report(example_window: MainWindow, monkeypatch) -> None:
    seen: list[tuple] = []

    def ask(cls, template, issuer, year, parent):
        seen.append((issuer, year))
        return (year, issuer, "leader-first"), True

    monkeypatch.setattr(NewReportDialog, "ask", classmethod(ask))
    example_window.new_report()
    assert seen == [("某市某区示范局", 2025)]
    assert example_window.session.report.meta.year == 2025
    assert example_window.session.outline.index(1, 0).data().startswith("一、党政主要负责人")


def test_typing_reaches_the_database_within_a_second(qtbot, example_window: MainWindow) -> None:
    window = example_window
    select(window, 1, 2)  # （三）… a section with body text
    body = window.node_form.edt_body
    body.moveCursor(body.textCursor().MoveOperation.End)
    body.insertPlainText("新增一句。")
    node_id = window.node_form.node.id
    assert not stored(window).find(node_id).text.endswith("新增一句。")  # not yet: debounced
    qtbot.waitUntil(lambda: stored(window).find(node_id).text.endswith("新增一句。"), timeout=AUTOSAVE_DELAY_MS + 700)
    assert window.lbl_saved.text().startswith("已自动保存 ")
    assert "全文" in window.lbl_counts.text()


def test_switching_node_flushes_at_once(example_window: MainWindow) -> None:
    window = example_window
    select(window, 1, 2)
    node_id = window.node_form.node.id
    window.node_form.edt_body.setPlainText("换节前写的。")
    select(window, 2)
    assert stored(window).find(node_id).text == "换节前写的。"


def test_title_edit_in_form_shows_in_tree(example_window: MainWindow) -> None:
    window = example_window
    select(window, 3)
    window.node_form.edt_title.setText("")
    QTest.keyClicks(window.node_form.edt_title, "ABC")  # ASCII only: non-ASCII keyClicks aborts Qt
    assert window.session.outline.index(3, 0).data() == "三、ABC"


def test_delete_and_undo(example_window: MainWindow) -> None:
    window = example_window
    session, model = window.session, window.session.outline
    select(window, 3)
    title = model.index(3, 0).data()
    window.tree_view.setFocus()
    window.actions_.delete.trigger()
    assert model.index(3, 0).data().startswith("三、2025年")  # 四 moved up and was renumbered
    assert all(n.title != "存在的不足和原因" for n in stored(window).body)
    assert any(n.title == "存在的不足和原因" for n in session.library.trashed_nodes(session.report_id))
    window.actions_.undo.trigger()
    assert model.index(3, 0).data() == title
    assert stored(window).body[3].title == "存在的不足和原因"
    assert len(stored(window).body[3].children) == 2  # its points came back with it
    window.actions_.redo.trigger()
    assert stored(window).body[3].title != "存在的不足和原因"


def test_add_rename_and_move_by_keyboard(qtbot, example_window: MainWindow) -> None:
    window = example_window
    session, model = window.session, window.session.outline
    select(window, 4)  # 四、2025年…安排
    window.tree_view.setFocus()
    window.actions_.add_point.trigger()
    new = window.node_form.node
    assert new.kind == POINT
    assert model.index_of(new).data() == "四是新要点。"
    assert model.setData(model.index_of(new), "加强督察整改。")
    assert stored(window).find(new.id).title == "加强督察整改。"
    window.tree_view.setCurrentIndex(model.index_of(new))
    window.tree_view.setFocus()
    QTest.keyClick(window.tree_view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert model.index_of(new).data() == "三是加强督察整改。"
    assert [n.title for n in stored(window).body[4].children][2] == "加强督察整改。"
    session.undo_stack.undo()  # the move
    session.undo_stack.undo()  # the rename
    assert stored(window).find(new.id).title == "新要点。"
    assert window.node_form.edt_title.text() == "新要点。"


def test_add_child_section_under_selected(example_window: MainWindow) -> None:
    window = example_window
    select(window, 4)
    parent = window.current_node()
    window.actions_.add_child.trigger()
    child = window.node_form.node
    assert child.kind == SECTION
    assert window.session.outline.parent_node(child) is parent


def test_close_and_reopen_keeps_every_edit(make_window, monkeypatch) -> None:
    window = make_window()
    window.open_example()
    report_id = window.session.report_id
    select(window, 1, 0)
    window.session.request_rename(window.current_node().id, "深入学习贯彻习近平法治思想。")
    select(window, 4)
    window.session.request_shift(window.current_node().id, -1)
    window.show_meta()
    window.meta_form.edt_doc_number.setText("某示范发〔2025〕9号")
    window.meta_form.edt_doc_number.textEdited.emit("某示范发〔2025〕9号")
    select(window, 2)
    window.node_form.edt_body.insertPlainText("关闭前最后一句。")  # typed well under 1 s before closing
    window.close()
    again = make_window()
    again.open_report(report_id)
    report = again.session.report
    assert report.body[1].children[0].title == "深入学习贯彻习近平法治思想。"
    assert report.body[3].title == "2025年推进法治政府建设的主要安排"  # moved up one place
    assert report.meta.doc_number == "某示范发〔2025〕9号"
    assert "关闭前最后一句。" in report.body[2].text


def test_paste_keeps_plain_text_without_control_characters(example_window: MainWindow) -> None:
    window = example_window
    select(window, 2)
    mime = QMimeData()
    mime.setHtml("<b>粗体</b>")
    mime.setText("粘贴\x0b的\x07文字\r\n第二行")
    window.node_form.edt_body.setPlainText("")
    window.node_form.edt_body.insertFromMimeData(mime)
    assert window.node_form.edt_body.toPlainText() == "粘贴的文字\n第二行"


def test_shortcuts_are_the_documented_ones(window: MainWindow) -> None:
    acts = window.actions_
    expected = {
        acts.new: "Ctrl+N",
        acts.open: "Ctrl+O",
        acts.snapshot: "Ctrl+S",
        acts.undo: "Ctrl+Z",
        acts.redo: "Ctrl+Y",
        acts.export: "Ctrl+E",
        acts.add_sibling: "Ins",
        acts.add_child: "Ctrl+Shift+N",
        acts.delete: "Del",
        acts.rename: "F2",
        acts.move_up: "Alt+Up",
        acts.move_down: "Alt+Down",
        acts.check: "F7",
    }
    assert {a.text(): a.shortcut().toString() for a in expected} == {a.text(): s for a, s in expected.items()}
    assert acts.import_.isEnabled()  # on the library page: importing makes a new report
    assert not acts.check.isEnabled()  # needs an open report


def test_delete_key_in_editor_does_not_trash_the_section(example_window: MainWindow) -> None:
    window = example_window
    select(window, 2)
    before = window.session.outline.rowCount()
    window.node_form.edt_body.setFocus()
    window.node_form.edt_body.setPlainText("ab")
    window.node_form.edt_body.moveCursor(window.node_form.edt_body.textCursor().MoveOperation.Start)
    QTest.keyClick(window.node_form.edt_body, Qt.Key.Key_Delete)
    assert window.node_form.edt_body.toPlainText() == "b"
    assert window.session.outline.rowCount() == before


def test_meta_title_follows_issuer_until_edited(example_window: MainWindow) -> None:
    window = example_window
    window.show_meta()
    form = window.meta_form
    form.edt_issuer.setText("某市某区另一局")
    form.edt_issuer.textEdited.emit("某市某区另一局")
    assert form.edt_title.text() == "某市某区另一局关于2024年度法治政府建设情况的报告"
    form.edt_title.setText("自定标题")
    form.edt_title.textEdited.emit("自定标题")
    form.spn_year.setValue(2023)
    assert form.edt_title.text() == "自定标题"
    window.session.flush()
    meta = stored(window).meta
    assert (meta.issuer, meta.title, meta.year) == ("某市某区另一局", "自定标题", 2023)


def test_guidance_names_the_statutory_item(example_window: MainWindow) -> None:
    window = example_window
    select(window, 3)
    assert "第2项：存在的不足和原因" in window.guidance.plain_text()
    select(window, 1, 0)
    assert "理论学习中心组学法" in window.guidance.plain_text()
    assert "第1项" in window.guidance.plain_text()


def test_failed_autosave_is_shown_and_close_asks_before_losing_it(
    qtbot, example_window: MainWindow, shown, monkeypatch
) -> None:
    from models.errors import LibraryError

    window = example_window
    library = window.session.library
    select(window, 2)
    node_id = window.node_form.node.id
    real_update = library.update_node

    def disk_full(*args, **kwargs):
        raise LibraryError("磁盘空间不足或磁盘出错，修改没有保存。")

    monkeypatch.setattr(library, "update_node", disk_full)
    window.node_form.edt_body.setPlainText("磁盘满时写的。")
    assert not window.session.flush()
    assert window.lbl_saved.text() == "未保存"
    assert "磁盘空间不足" in window.statusBar().currentMessage()
    shown.answer = False
    window.close()
    assert window.isVisible()  # the clerk said no: nothing was discarded
    assert shown.questions[-1].startswith("有修改没能保存")
    monkeypatch.setattr(library, "update_node", real_update)
    path = library.path
    window.close()
    assert not window.isVisible()
    from models.store import Library

    with Library(path) as reopened:
        assert reopened.load_report(window.session.report_id).find(node_id).text == "磁盘满时写的。"


def test_trash_dialog_restores_after_the_undo_stack_is_gone(example_window: MainWindow) -> None:
    from ui.dialogs.trash import TrashDialog

    window = example_window
    select(window, 3)
    window.tree_view.setFocus()
    window.actions_.delete.trigger()
    window.session.open_report(window.session.report_id)  # as after a restart: empty undo stack
    assert window.session.undo_stack.count() == 0
    dialog = TrashDialog(window.session, window)
    assert dialog.lst_nodes.item(0).text() == "标题：存在的不足和原因"
    dialog.restore_selected()
    assert dialog.lst_nodes.count() == 0
    assert window.session.outline.index(3, 0).data() == "三、存在的不足和原因"


def test_tree_keys_add_rename_and_delete(qtbot, example_window: MainWindow) -> None:
    window = example_window
    model = window.session.outline
    select(window, 2)  # 二、党政主要负责人…
    window.tree_view.setFocus()
    rows = model.rowCount()
    QTest.keyClick(window.tree_view, Qt.Key.Key_Insert)
    assert model.rowCount() == rows + 1
    added = model.index(3, 0)
    assert added.data() == "三、新标题"
    assert window.node_form.edt_title.hasFocus() or window.node_form.edt_title.text() == "新标题"
    window.tree_view.setCurrentIndex(added)
    window.tree_view.setFocus()
    QTest.keyClick(window.tree_view, Qt.Key.Key_F2)
    assert window.tree_view.state() == window.tree_view.State.EditingState  # an in-place editor opened
    editor = window.tree_view.viewport().findChildren(QLineEdit)[-1]  # the newest: closed editors linger a while
    assert editor.text() == "新标题"
    editor.setText("在线改名")
    QTest.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next event-loop turn
    qtbot.waitUntil(lambda: model.index(3, 0).data() == "三、在线改名", timeout=2000)
    window.tree_view.setFocus()
    QTest.keyClick(window.tree_view, Qt.Key.Key_Delete)
    assert model.rowCount() == rows
    QTest.keyClick(window.tree_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert model.index(3, 0).data() == "三、在线改名"


def test_new_report_dialog_needs_an_issuer(qtbot) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from models.templates import load_template

    dialog = NewReportDialog(load_template("fzzf-annual"), "", None)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.edt_issuer.setText("某县某镇人民政府")
    assert ok.isEnabled()
    assert dialog.values()[1] == "某县某镇人民政府"


def test_typing_in_a_node_is_one_undoable_step_after_leaving_it(example_window: MainWindow) -> None:
    window = example_window
    select(window, 2)
    node = window.node_form.node
    original = node.text
    window.node_form.edt_body.setPlainText("第一稿。")
    window.node_form.edt_body.setPlainText("第二稿。")
    select(window, 3)  # leaving the node makes the typing one step on the undo stack
    assert window.actions_.undo.isEnabled()
    window.actions_.undo.trigger()
    assert node.text == original
    assert stored(window).find(node.id).text == original
    window.actions_.redo.trigger()
    assert stored(window).find(node.id).text == "第二稿。"
    select(window, 2)
    assert window.node_form.edt_body.toPlainText() == "第二稿。"
    window.node_form.edt_body.setPlainText("第三稿。")
    window.tree_view.setFocus()
    window.actions_.undo.trigger()  # typing still in the editor is committed first, then undone
    assert window.node_form.edt_body.toPlainText() == "第二稿。"
    assert stored(window).find(node.id).text == "第二稿。"


def test_the_library_page_does_not_keep_the_closed_reports_counts(qtbot, example_window: MainWindow) -> None:
    window = example_window
    select(window, 1, 2)
    window.node_form.edt_body.insertPlainText("关闭前写的。")  # schedules a count update
    assert "全文" in window.lbl_counts.text()
    window.show_library()
    assert window.pages.currentIndex() == 0
    assert window.lbl_counts.text() == ""
    QTest.qWait(400)  # the scheduled count update does not bring them back
    assert window.lbl_counts.text() == ""
    assert "自动保存" not in window.lbl_saved.text()


def test_clicking_the_selected_part_leaves_the_report_information(qtbot, example_window: MainWindow) -> None:
    window = example_window
    select(window, 2)
    node = window.node_form.node
    window.show_meta()
    assert window.editors.currentWidget() is not window.node_form
    index = window.tree_view.currentIndex()
    assert window.session.outline.node(index) is node  # still the current item, only unselected
    rect = window.tree_view.visualRect(index)
    qtbot.mouseClick(window.tree_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.editors.currentWidget() is window.node_form
    assert window.node_form.node is node
    assert not window.btn_meta.isChecked()
    assert window.tree_view.selectionModel().isSelected(index)
