"""Editing the outline: undo of drags and typing, autosave failures, renames in the tree, guidance, level keys."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from models.errors import NianbaoError
from tests.ui.test_main_window import select, stored
from ui.window.main_window import MainWindow


def test_undo_of_a_drag_keeps_the_text_typed_before_it(example_window: MainWindow) -> None:
    window = example_window
    session, model = window.session, window.session.outline
    select(window, 2)
    node = window.current_node()
    window.node_form.edt_body.setPlainText("挪动前写的。")
    assert model.dropMimeData(model.mimeData([model.index(2, 0)]), Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    window.actions_.undo.trigger()  # undoes the move only
    assert model.index_of(node).row() == 2
    assert node.text == "挪动前写的。"
    assert stored(window).find(node.id).text == "挪动前写的。"
    assert session.undo_stack.undoText() == f"编辑“{node.title[:12]}”"


def _failing(monkeypatch, library, name: str) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise NianbaoError("资料库文件暂时无法写入。")

    monkeypatch.setattr(library, name, fail)


def test_a_failed_save_keeps_the_report_open_on_close_report(example_window: MainWindow, monkeypatch) -> None:
    window = example_window
    session = window.session
    report_id = session.report_id
    select(window, 2)
    node_id = window.current_node().id
    window.node_form.edt_body.setPlainText("保存失败时写的。")
    _failing(monkeypatch, session.library, "update_node")
    window.actions_.close_report.trigger()
    assert session.report_id == report_id  # not closed: the edit still lives only here
    assert window.pages.currentIndex() == 1
    monkeypatch.undo()
    window.actions_.close_report.trigger()
    assert session.report is None
    assert session.library.load_report(report_id).find(node_id).text == "保存失败时写的。"


def test_a_failed_meta_save_never_lands_in_the_next_report(example_window: MainWindow, monkeypatch) -> None:
    window = example_window
    session = window.session
    first = session.report_id
    window.open_example()
    second = session.report_id
    window.open_report(first)
    window.show_meta()
    _failing(monkeypatch, session.library, "update_meta")
    window.meta_form.edt_doc_number.setText("某示范发〔2025〕1号")
    window.meta_form.edt_doc_number.textEdited.emit("某示范发〔2025〕1号")
    window.open_report(second)
    assert session.report_id == first
    monkeypatch.undo()
    window.open_report(second)
    assert session.report_id == second
    assert session.library.load_report(second).meta.doc_number != "某示范发〔2025〕1号"
    assert session.library.load_report(first).meta.doc_number == "某示范发〔2025〕1号"


def test_a_drag_from_another_library_is_refused(make_window, tmp_path) -> None:
    """Two instances on two libraries (--db) number their nodes alike: a drop must not move
    whichever local node happens to share the dragged node's id."""
    from models.store import Library
    from ui.session import Session
    from ui.settings import AppSettings

    here = make_window()
    here.open_example()
    other = MainWindow(Session(Library(tmp_path / "other.db"), AppSettings()))
    other.open_example()
    try:
        source = other.session.outline.index(3, 0)
        mime = other.session.outline.mimeData([source])
        target = here.session.outline
        assert target.index(3, 0).data(Qt.ItemDataRole.UserRole + 1) == source.data(Qt.ItemDataRole.UserRole + 1)
        before = [n.id for n in stored(here).body]
        assert not target.canDropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
        assert not target.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
        assert [n.id for n in stored(here).body] == before
    finally:
        other.close()


def _start_inline_rename(window: MainWindow, text: str) -> None:
    from PySide6.QtWidgets import QLineEdit

    window.tree_view.setFocus()
    window.actions_.rename.trigger()  # F2
    editor = window.tree_view.findChild(QLineEdit)
    assert editor is not None
    editor.setText(text)  # typed, Enter not pressed yet


def test_closing_the_window_keeps_an_unfinished_rename_in_the_tree(make_window) -> None:
    window = make_window()
    window.open_example()
    report_id = window.session.report_id
    select(window, 3)
    _start_inline_rename(window, "改了名还没按回车")
    window.close()
    again = make_window()
    again.open_report(report_id)
    assert again.session.report.body[3].title == "改了名还没按回车"


def test_closing_the_report_keeps_an_unfinished_rename_in_the_tree(example_window: MainWindow) -> None:
    window = example_window
    session = window.session
    report_id = session.report_id
    select(window, 3)
    _start_inline_rename(window, "改了名就按了Ctrl+W")
    window.actions_.close_report.trigger()
    assert session.library.load_report(report_id).body[3].title == "改了名就按了Ctrl+W"


def test_the_editor_heading_follows_moves_of_the_node_being_edited(example_window: MainWindow) -> None:
    window = example_window
    select(window, 4, 2)  # 四、… › 三是推进数字法治建设。
    window.node_form.edt_body.setPlainText("正在写。")
    assert window.node_form.lbl_heading.text().startswith("三是")
    window.tree_commands.shift_current(-1)
    assert window.node_form.lbl_heading.text().startswith("二是")
    assert window.node_form.edt_body.toPlainText() == "正在写。"
    window.actions_.undo.trigger()
    assert window.node_form.lbl_heading.text().startswith("三是")
    section = window.session.outline.index(4, 0)
    model = window.session.outline
    assert model.dropMimeData(model.mimeData([section]), Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert window.node_form.lbl_path.text().startswith("一、")  # its section is now the first


def test_a_report_opened_by_keyboard_puts_the_focus_in_the_tree(qtbot, make_window) -> None:
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    window = make_window()
    window.open_example()
    window.show_library()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    window.start_page.lst_reports.setFocus()
    QTest.keyClick(window.start_page.lst_reports, Qt.Key.Key_Return)
    assert window.session.report is not None
    assert QApplication.focusWidget() is window.tree_view
    QTest.keyClick(window.tree_view, Qt.Key.Key_Down)  # the clerk walks the outline at once
    assert window.node_form.node is window.session.report.body[1]


def test_a_drop_back_onto_its_own_place_leaves_no_empty_undo_step(example_window: MainWindow) -> None:
    window = example_window
    session, model = window.session, window.session.outline
    plans = model.index(4, 0)
    second = model.index(1, 0, plans)
    count = session.undo_stack.count()
    for row in (1, 2):  # just above itself, or just below: either way the same place
        model.dropMimeData(model.mimeData([second]), Qt.DropAction.MoveAction, row, 0, plans)
    assert session.undo_stack.count() == count
    assert not window.actions_.undo.isEnabled()  # Ctrl+Z would have seemed to do nothing


def test_word_counts_follow_undo_and_redo(qtbot, example_window: MainWindow) -> None:
    window = example_window
    select(window, 2)
    window.node_form.edt_body.setPlainText("一二三四五六七八九十")
    typed_total = str(window.session.report_chars())
    qtbot.waitUntil(lambda: window.lbl_counts.text().endswith(f"全文 {typed_total} 字"), timeout=1500)
    typed = window.lbl_counts.text()
    window.session.undo()  # the typing, as one step
    assert window.node_form.edt_body.toPlainText() == ""
    total = str(window.session.report_chars())
    qtbot.waitUntil(lambda: window.lbl_counts.text() != typed, timeout=1500)
    assert window.lbl_counts.text().endswith(f"全文 {total} 字")


def test_the_undo_button_is_live_as_soon_as_the_clerk_types(example_window: MainWindow) -> None:
    window = example_window
    select(window, 2)
    assert not window.actions_.undo.isEnabled()  # a freshly opened report: nothing to undo
    window.node_form.edt_body.setPlainText("刚打的字。")
    assert window.actions_.undo.isEnabled()
    window.actions_.undo.trigger()  # the toolbar's 撤销
    assert window.node_form.edt_body.toPlainText() == ""
    assert window.session.report.body[2].text == ""
    assert window.actions_.redo.isEnabled()


def test_right_click_on_the_tree_offers_the_tree_commands(example_window: MainWindow) -> None:
    window = example_window
    assert window.tree_view.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    texts = [action.text() for action in window.tree_view.actions() if not action.isSeparator()]
    assert texts == [
        "添加同级标题",
        "添加下级标题",
        "添加要点",
        "添加段落",
        "插入表格",
        "重命名",
        "删除",
        "上移",
        "下移",
        "升一级",
        "降一级",
        "分工…",
    ]


def test_a_rename_in_the_tree_drops_line_breaks_and_control_characters(example_window: MainWindow) -> None:
    window = example_window
    model = window.session.outline
    index = model.index(3, 0)
    assert model.setData(index, "存在的\r\n问题\x07和原因")
    assert window.session.report.body[3].title == "存在的问题和原因"
    assert window.session.library.load_report(window.session.report_id).body[3].title == "存在的问题和原因"


def test_the_writing_guidance_follows_the_node_into_another_part(example_window: MainWindow) -> None:
    window = example_window
    model = window.session.outline
    select(window, 4, 0)  # a point of 四、…主要安排
    before = window.guidance.plain_text()
    shortcomings = model.index(3, 0)  # 三、存在的不足和原因
    assert model.dropMimeData(
        model.mimeData([model.index(0, 0, model.index(4, 0))]), Qt.DropAction.MoveAction, -1, 0, shortcomings
    )
    assert window.node_form.lbl_path.text().startswith("三、存在的不足")
    assert window.guidance.plain_text() != before
    assert window.guidance.plain_text().startswith("存在的不足")


def test_the_keyboard_alone_can_move_a_part_to_another_level(qtbot, example_window: MainWindow) -> None:
    from PySide6.QtTest import QTest

    window = example_window
    model = window.session.outline
    select(window, 1, 2)  # （三）坚持规范管理… under 一、
    node = window.current_node()
    window.tree_view.setFocus()
    QTest.keyClick(window.tree_view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # 升一级
    assert model.index_of(node).data().startswith("二、坚持规范管理")
    assert window.current_node() is node
    assert stored(window).body[2].id == node.id
    QTest.keyClick(window.tree_view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # 降一级: back under 一、
    assert model.index_of(node).data().startswith("（")
    assert window.session.outline.parent_node(node) is window.session.report.body[1]
    assert stored(window).body[1].children[-1].id == node.id
    window.actions_.undo.trigger()
    window.actions_.undo.trigger()
    assert stored(window).body[1].children[2].id == node.id


def test_level_keys_refuse_what_has_no_level_to_go_to(example_window: MainWindow) -> None:
    window = example_window
    session = window.session
    count = session.undo_stack.count()
    select(window, 1)  # 一、 a top-level part: nothing above its level
    window.actions_.outdent.trigger()
    select(window, 4, 1)  # 二是… below a point, not a heading
    window.actions_.indent.trigger()
    assert window.statusBar().currentMessage() == "上面没有可以放入的标题"
    assert session.undo_stack.count() == count
