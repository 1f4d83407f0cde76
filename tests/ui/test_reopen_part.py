"""A report reopens at the part last shown in the editor, after a restart or a visit to the library page."""

from __future__ import annotations

from models.store import Library
from tests.ui.test_main_window import select


def test_after_restart_the_report_reopens_at_the_part_last_shown(make_window) -> None:
    window = make_window()
    window.open_example()
    report_id = window.session.report_id
    select(window, 1, 0)
    chosen = window.current_node()
    assert chosen is not None
    assert chosen is not window.session.report.body[0]
    window.close()
    again = make_window()
    again.open_report(report_id)
    assert again.current_node().id == chosen.id
    assert again.node_form.node.id == chosen.id  # its editor is shown, not only the tree row
    assert again.editors.currentWidget() is again.node_form


def test_each_report_keeps_its_own_part_across_the_library_page(make_window) -> None:
    window = make_window()
    window.open_example()
    first_report = window.session.report_id
    select(window, 2)
    first_part = window.current_node().id
    window.show_library()
    window.open_example()  # a second report, never opened before: its first item
    second_report = window.session.report_id
    assert second_report != first_report
    assert window.current_node() is window.session.report.body[0]
    select(window, 3, 1)
    second_part = window.current_node().id
    window.open_report(first_report)
    assert window.current_node().id == first_part
    window.show_library()
    window.open_report(second_report)
    assert window.current_node().id == second_part


def test_a_deleted_last_part_falls_back_to_the_first_item(make_window, library_path) -> None:
    window = make_window()
    window.open_example()
    report_id = window.session.report_id
    select(window, 3, 0)
    deleted = window.current_node().id
    window.close()
    library = Library(library_path)  # deleted elsewhere (the command line, another copy of the library)
    library.trash_node(deleted)
    library.close()
    again = make_window()
    again.open_report(report_id)
    assert again.current_node() is again.session.report.body[0]
    assert again.node_form.node is again.session.report.body[0]
