"""The table grid editor: 插入表格, typing in cells, rows and columns, the header switch, pasting
from Excel/WPS, each an undo step written at once; the table in the tree and in the trash."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QTableWidgetItem

from models.report import MAX_TABLE_COLUMNS, TABLE, Node, TableData
from tests.ui.test_main_window import select, stored
from ui.window.main_window import MainWindow


def _insert_table(window: MainWindow):
    select(window, 1)  # a section: the table goes in as its last child
    window.actions_.add_table.trigger()
    node = window.current_node()
    assert node.kind == TABLE
    return node


def test_insert_table_adds_an_empty_grid_under_the_section_and_undo_removes_it(example_window: MainWindow) -> None:
    window = example_window
    section = window.session.outline.node(window.session.outline.index(1, 0))
    before = len(section.children)
    node = _insert_table(window)
    assert window.session.outline.parent_node(node) is section
    grid = window.node_form.table_grid
    assert grid.isVisibleTo(window.node_form)
    assert not window.node_form.edt_body.isVisibleTo(window.node_form)
    assert (grid.grid.rowCount(), grid.grid.columnCount()) == (3, 3)
    assert stored(window).find(node.id).table == TableData([[""] * 3] * 3)
    assert window.session.undo_stack.undoText() == "插入表格"
    window.actions_.undo.trigger()
    assert len(section.children) == before


def test_typing_in_a_cell_is_saved_at_once_and_undone_in_one_step(example_window: MainWindow) -> None:
    window = example_window
    node = _insert_table(window)
    grid = window.node_form.table_grid
    grid.grid.setItem(0, 0, QTableWidgetItem("项目"))
    grid.grid.setItem(1, 0, QTableWidgetItem("收到申请"))
    assert stored(window).find(node.id).table.rows[:2] == [["项目", "", ""], ["收到申请", "", ""]]
    assert window.session.undo_stack.undoText() == "编辑表格"
    window.actions_.undo.trigger()
    assert node.table.rows[1][0] == ""
    assert grid.grid.item(1, 0).text() == ""  # the grid follows the undo
    assert stored(window).find(node.id).table.rows[1][0] == ""
    window.actions_.redo.trigger()
    assert grid.table().rows[1][0] == "收到申请"


def test_rows_and_columns_are_added_and_removed_at_the_current_cell(example_window: MainWindow) -> None:
    window = example_window
    node = _insert_table(window)
    grid = window.node_form.table_grid
    grid.grid.setItem(1, 1, QTableWidgetItem("35"))
    grid.grid.setCurrentCell(0, 0)
    grid.btn_add_row.click()  # after row 0
    grid.btn_add_column.click()  # after column 0
    assert (grid.grid.rowCount(), grid.grid.columnCount()) == (4, 4)
    assert stored(window).find(node.id).table.rows[2] == ["", "", "35", ""]
    grid.grid.setCurrentCell(2, 2)
    grid.btn_remove_row.click()
    grid.btn_remove_column.click()
    assert stored(window).find(node.id).table == TableData([[""] * 3] * 3)
    for _ in range(4):
        window.actions_.undo.trigger()
    assert stored(window).find(node.id).table.rows[1] == ["", "35", ""]


def test_the_header_switch_is_stored_and_undoable(example_window: MainWindow) -> None:
    window = example_window
    node = _insert_table(window)
    grid = window.node_form.table_grid
    assert grid.chk_header.isChecked()
    grid.chk_header.setChecked(False)
    assert stored(window).find(node.id).table.header_row is False
    window.actions_.undo.trigger()
    assert grid.chk_header.isChecked()
    assert stored(window).find(node.id).table.header_row is True


def test_cells_pasted_from_excel_fill_from_the_current_cell_and_grow_the_table(example_window: MainWindow) -> None:
    window = example_window
    node = _insert_table(window)
    grid = window.node_form.table_grid
    grid.grid.setCurrentCell(1, 1)
    QGuiApplication.clipboard().setText('本年\t上年\t同比\r\n35\t30\t"增长\n16.67%"\r\n28\t27\t\r\n')
    grid.btn_paste.click()
    rows = stored(window).find(node.id).table.rows
    assert rows == [
        ["", "", "", ""],
        ["", "本年", "上年", "同比"],
        ["", "35", "30", "增长\n16.67%"],
        ["", "28", "27", ""],
    ]
    assert window.session.undo_stack.undoText() == "编辑表格"


def test_a_paste_too_wide_is_refused_with_a_message_and_changes_nothing(example_window: MainWindow) -> None:
    window = example_window
    node = _insert_table(window)
    grid = window.node_form.table_grid
    messages: list[str] = []
    grid.refused.connect(messages.append)
    grid.paste_text("\t".join(["x"] * (MAX_TABLE_COLUMNS + 1)))
    assert messages == ["粘贴的内容太多：表格最多 5000 行、63 列，没有粘贴。"]
    assert stored(window).find(node.id).table == TableData([[""] * 3] * 3)


def test_the_title_is_typed_like_any_title_and_the_tree_names_the_table(example_window: MainWindow) -> None:
    window = example_window
    node = _insert_table(window)
    window.node_form.edt_title.setText("案件情况表")
    window.node_form.edt_title.textEdited.emit("案件情况表")
    window.session.flush()
    assert stored(window).find(node.id).title == "案件情况表"
    assert window.session.outline.display_text(node) == "表格3×3：案件情况表"


def test_the_export_dialog_appends_the_saved_ledger_as_an_attachment(
    qtbot, example_window: MainWindow, tmp_path, monkeypatch
) -> None:
    from decimal import Decimal

    from PySide6.QtWidgets import QFileDialog

    from models.ledger.values import CURRENT, Ledger
    from ui.dialogs.export_dialog import ExportDialog

    window = example_window
    target = tmp_path / "报告.html"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    dialog = ExportDialog(window.session, window)
    qtbot.addWidget(dialog)
    dialog.btn_browse.click()
    dialog.chk_ledger.setChecked(True)
    with qtbot.waitSignal(dialog.export_finished, timeout=10000):
        dialog.btn_export.click()
    assert "数据台账中还没有填写任何数据" in dialog.lbl_status.text()  # said, and no file written
    assert not target.exists()
    ledger = Ledger(kind="department")
    ledger.set("recon_received", CURRENT, Decimal(35))
    window.session.library.save_ledger(window.session.report_id, ledger)  # as the 数据台账 page saves it
    with qtbot.waitSignal(dialog.export_finished, timeout=10000):
        dialog.btn_export.click()
    page = target.read_text(encoding="utf-8")
    assert "附件：数据台账" in page
    assert "<td>收到行政复议申请</td><td>件</td><td>35</td>" in page


def test_the_import_preview_shows_a_table_and_keeps_it_whole(qtbot, tmp_path) -> None:
    import docx

    from models.importing import import_file
    from ui.import_preview import ImportPreviewDialog

    document = docx.Document()
    document.add_paragraph("某局关于2023年度法治政府建设情况的报告")
    document.add_paragraph("一、工作情况")
    figures = document.add_table(rows=2, cols=2)
    figures.cell(0, 0).text, figures.cell(0, 1).text = "项目", "数量"
    figures.cell(1, 0).text, figures.cell(1, 1).text = "办理案件", "126件"
    path = tmp_path / "表格.docx"
    document.save(str(path))
    dialog = ImportPreviewDialog(import_file(path), "")
    qtbot.addWidget(dialog)
    part = dialog.tree.topLevelItem(0)
    item = part.child(0)
    assert (item.text(0), item.text(1)) == ("项目 数量", "表格")
    dialog.tree.setCurrentItem(item)
    assert not dialog.kind_box.isEnabled()
    assert dialog.text_edit.isReadOnly()
    assert dialog.text_edit.toPlainText() == "项目\t数量\n办理案件\t126件"
    dialog.merge_button.click()
    assert dialog.status.text() == "表格不能与文字合并。"
    table = dialog.edited_report().body[0].children[0]
    assert table.table == TableData([["项目", "数量"], ["办理案件", "126件"]])


def test_ctrl_v_in_the_grid_pastes_cells_and_a_read_only_grid_takes_nothing(qtbot) -> None:
    from PySide6.QtCore import Qt

    from ui.editors.table_grid import TableGrid

    grid = TableGrid()
    qtbot.addWidget(grid)
    changes: list[TableData] = []
    grid.changed.connect(changes.append)
    grid.load(TableData([["", ""], ["", ""]]))
    grid.grid.setCurrentCell(0, 0)
    QGuiApplication.clipboard().setText("项目\t件数\n受理\t28")
    qtbot.keyClick(grid.grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert changes[-1] == TableData([["项目", "件数"], ["受理", "28"]])
    grid.set_read_only(True)
    assert not grid.btn_add_row.isEnabled()
    assert grid.grid.editTriggers() == grid.grid.EditTrigger.NoEditTriggers
    QGuiApplication.clipboard().setText("别的")
    qtbot.keyClick(grid.grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert len(changes) == 1
    assert grid.table() == TableData([["项目", "件数"], ["受理", "28"]])


def test_the_grid_made_on_the_first_table_is_placed_read_only_and_its_refusals_reach_the_status_bar(qtbot) -> None:
    from ui.editors.node_form import NodeForm

    form = NodeForm()
    qtbot.addWidget(form)
    form.set_read_only(True)  # before any table was shown: no grid yet
    assert form._table_grid is None
    refused: list[str] = []
    form.table_refused.connect(refused.append)
    table = TableData([["甲", "乙"]])
    form.load(Node(TABLE, "", table=table, id=5), "", [], 1)
    grid = form.table_grid
    assert grid._read_only
    assert form._box.indexOf(grid) == form._box.indexOf(form.edt_body) + 1  # under the body, above the buttons
    assert grid.table() == table
    grid.refused.emit("说明")
    assert refused == ["说明"]
