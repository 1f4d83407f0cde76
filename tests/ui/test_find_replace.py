"""查找和替换 in the real window: hits listed with their part, F3 selecting them in the editor,
替换 and 全部替换 through the undo stack (全部替换 undone in one step), width-insensitive search."""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt

from models.report import TABLE, TableData
from models.search import Hit, find
from ui.window.main_window import MainWindow


def open_find(window: MainWindow, query: str, *, replace: bool = False) -> None:
    (window.actions_.replace if replace else window.actions_.find).trigger()
    window.find_dock.edt_find.setText(query)
    window.find_dock.refresh()


def all_text(window: MainWindow) -> tuple[dict, list[tuple[str, str]]]:
    report = window.session.report
    assert report is not None
    return report.meta.as_dict(), [(n.title, n.text) for n in report.walk()]


def test_find_lists_hits_with_their_part_and_context(example_window: MainWindow) -> None:
    open_find(example_window, "行政执法")
    dock = example_window.find_dock
    assert dock.isVisible()
    assert dock.results.topLevelItemCount() == len(dock.hits) == 2
    places = [dock.results.topLevelItem(i).text(0) for i in range(2)]
    report = example_window.session.report
    labels = {example_window.session.outline.display_text(n)[:8] for n in report.walk() if n.kind != "paragraph"}
    assert all(" · " in place for place in places)
    assert any(place.split(" · ")[0][:8] in labels for place in places)  # numbered as the tree shows it
    assert all("【行政执法】" in dock.results.topLevelItem(i).text(1) for i in range(2))
    assert dock.lbl_count.text() == "共 2 处"


def test_f3_selects_the_next_hit_in_the_editor_and_shift_f3_goes_back(example_window: MainWindow) -> None:
    window = example_window
    open_find(window, "执法")
    dock = window.find_dock
    first, second = dock.hits[0], dock.hits[1]
    window.actions_.find_next.trigger()
    assert dock.current == first
    assert window.node_form.node is not None
    assert window.node_form.node.id == first.node_id
    editor = window.node_form.edt_title if first.field == "title" else window.node_form.edt_body
    assert editor.textCursor().selectedText() == "执法"
    window.actions_.find_next.trigger()
    assert dock.current == second
    assert dock.lbl_count.text() == f"第 2 处 / 共 {len(dock.hits)} 处"
    window.actions_.find_previous.trigger()
    window.actions_.find_previous.trigger()  # wraps round to the last hit
    assert dock.current == dock.hits[-1]


def test_metadata_hits_open_the_report_information_form(example_window: MainWindow) -> None:
    window = example_window
    open_find(window, "依法治区办")
    dock = window.find_dock
    assert [(h.node_id, h.field) for h in dock.hits] == [(None, "meta.recipients")]
    assert dock.results.topLevelItem(0).text(0) == "报告信息 · 主送机关"
    window.actions_.find_next.trigger()
    assert window.editors.currentIndex() == 1
    assert window.meta_form.edt_recipients.selectedText() == "依法治区办"


def test_width_insensitive_search_finds_the_other_width(example_window: MainWindow) -> None:
    window = example_window
    open_find(window, "区委依法治区办,区政府")  # the report has the full-width comma
    dock = window.find_dock
    assert len(dock.hits) == 1
    dock.chk_width.setChecked(False)
    assert dock.hits == []
    assert dock.lbl_count.text() == "没有找到"


def test_replace_one_changes_the_chosen_hit_and_goes_on(example_window: MainWindow) -> None:
    window = example_window
    open_find(window, "行政执法", replace=True)
    dock = window.find_dock
    assert dock.edt_replace.isVisible()
    before = all_text(window)
    window.actions_.find_next.trigger()
    chosen = dock.current
    dock.edt_replace.setText("执法工作")
    dock.btn_replace.click()
    report = window.session.report
    assert len(find(report, "行政执法")) == 1
    node = report.find(chosen.node_id)
    value = node.title if chosen.field == "title" else node.text
    assert value[chosen.start : chosen.start + 4] == "执法工作"
    assert dock.current == dock.hits[0]  # on to the one left
    window.session.undo()
    assert all_text(window) == before


def test_replace_all_is_one_undo_step_across_parts_and_metadata(example_window: MainWindow) -> None:
    window = example_window
    open_find(window, "示范局", replace=True)
    dock = window.find_dock
    fields = {h.field for h in dock.hits}
    assert {"meta.issuer", "meta.title", "meta.signature", "meta.cc", "meta.printed_by"} <= fields
    assert fields & {"title", "text"}
    before = copy.deepcopy(all_text(window))
    steps = window.session.undo_stack.count()
    dock.edt_replace.setText("试点局")
    dock.btn_replace_all.click()
    report = window.session.report
    assert find(report, "示范局") == []
    assert report.meta.signature == "某市某区试点局"
    assert dock.hits == []
    assert dock.lbl_count.text() == "没有找到"
    assert window.session.undo_stack.count() == steps + 1
    stored = window.session.library.load_report(report.id)  # written to the library, not only shown
    assert stored.meta.issuer == "某市某区试点局"
    window.actions_.undo.trigger()
    assert all_text(window) == before
    assert window.session.library.load_report(report.id).meta.issuer == "某市某区示范局"
    window.actions_.redo.trigger()
    assert find(window.session.report, "示范局") == []


def test_typing_in_the_find_box_searches_after_a_pause(example_window: MainWindow, qtbot) -> None:
    window = example_window
    window.actions_.find.trigger()
    dock = window.find_dock
    dock.edt_find.insert("行政执法")  # as typed (keyClicks takes ASCII only)
    qtbot.waitUntil(lambda: len(dock.hits) == 2, timeout=2000)
    qtbot.keyClick(dock.edt_find, Qt.Key.Key_Return)  # Enter goes to the first
    assert dock.current == dock.hits[0]


def test_a_read_only_library_finds_but_does_not_replace(example_window: MainWindow) -> None:
    window = example_window
    window.session.read_only = True
    window._update_actions()
    assert window.actions_.find.isEnabled()
    assert not window.actions_.replace.isEnabled()
    open_find(window, "执法")
    dock = window.find_dock
    assert dock.hits
    assert not dock.btn_replace_all.isEnabled()
    before = all_text(window)
    dock.replace_all()
    assert all_text(window) == before


def test_f3_after_closing_the_dock_reopens_it_as_it_was(example_window: MainWindow) -> None:
    window = example_window
    open_find(window, "行政执法", replace=True)
    dock = window.find_dock
    dock.close()
    window.node_form.edt_body.setFocus()
    window.actions_.find_next.trigger()
    assert dock.isVisible()
    assert dock.edt_replace.isVisible()
    assert dock.current == dock.hits[0]


def test_replace_after_typing_first_selects_the_words_where_they_now_are(example_window: MainWindow) -> None:
    """As in Word: 替换 with the chosen hit typed over selects the next match and replaces nothing."""
    window = example_window
    open_find(window, "行政执法", replace=True)
    dock = window.find_dock
    window.actions_.find_next.trigger()
    hit = dock.current
    assert hit.field == "title"
    title = window.node_form.edt_title
    title.setFocus()
    cursor = title.textCursor()
    cursor.setPosition(0)
    title.setTextCursor(cursor)
    title.insertPlainText("（新）")  # typed before the hit: its offsets have moved
    dock.edt_replace.setText("执法工作")
    dock.btn_replace.click()
    node = window.session.report.find(hit.node_id)
    assert node.title == "（新）全面落实行政执法“三项制度”。"
    assert dock.current == Hit(hit.node_id, "title", hit.start + 3, hit.end + 3)
    assert title.textCursor().selectedText() == "行政执法"
    dock.btn_replace.click()
    assert node.title == "（新）全面落实执法工作“三项制度”。"
    assert "行政执法" not in node.title


def add_table(window: MainWindow, rows: list[list[str]]) -> int:
    session = window.session
    section = session.report.body[1]
    node = session.request_add(TABLE, section.id)
    assert node is not None
    assert session.request_table_edit(node.id, TableData(rows))
    return node.id


def test_a_figure_in_a_table_cell_is_found_shown_and_replaced_in_the_same_step(example_window: MainWindow) -> None:
    window = example_window
    table_id = add_table(window, [["单位", "名称"], ["某市某区示范局", "示范局执法大队"]])
    open_find(window, "示范局", replace=True)
    dock = window.find_dock
    cells = [h for h in dock.hits if h.node_id == table_id]
    assert [h.field for h in cells] == ["cell.1.0", "cell.1.1"]
    places = [dock.results.topLevelItem(i).text(0) for i in range(dock.results.topLevelItemCount())]
    assert any(place.endswith(" · 第 2 行第 2 列") for place in places)
    dock.go_to(cells[1])
    assert window.current_node().id == table_id
    grid = window.node_form.table_grid.grid
    assert (grid.currentRow(), grid.currentColumn()) == (1, 1)
    steps = window.session.undo_stack.count()
    dock.edt_replace.setText("试点局")
    dock.btn_replace_all.click()
    assert find(window.session.report, "示范局") == []
    assert window.session.undo_stack.count() == steps + 1  # text, metadata and cells: one step
    stored = window.session.library.load_report(window.session.report.id).find(table_id).table
    assert stored.rows[1] == ["某市某区试点局", "试点局执法大队"]
    assert grid.item(1, 1).text() == "试点局执法大队"  # the grid shows it
    window.actions_.undo.trigger()
    assert window.session.report.find(table_id).table.rows[1] == ["某市某区示范局", "示范局执法大队"]
    assert window.session.report.meta.issuer == "某市某区示范局"


def test_replace_one_in_a_cell_changes_only_that_hit(example_window: MainWindow) -> None:
    window = example_window
    table_id = add_table(window, [["项目", "次数"], ["检查乙丙", "乙丙乙丙"]])
    open_find(window, "乙丙", replace=True)
    dock = window.find_dock
    dock.go_to(next(h for h in dock.hits if h.field == "cell.1.1" and h.start == 2))
    dock.edt_replace.setText("丁")
    dock.btn_replace.click()
    assert window.session.report.find(table_id).table.rows[1] == ["检查乙丙", "乙丙丁"]
    assert window.session.undo_stack.undoText() == "替换“乙丙”为“丁”"
