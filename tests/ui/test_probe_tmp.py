from __future__ import annotations

from pathlib import Path
from PySide6.QtCore import Qt, QModelIndex
from PySide6.QtWidgets import QLineEdit, QApplication
from PySide6.QtTest import QTest
from tests.ui.test_main_window import select, stored


def test_p5_inline_rename_then_close(make_window, qtbot):
    w = make_window()
    w.open_example()
    rid = w.session.report_id
    select(w, 3)
    w.tree.setFocus()
    w.actions_.rename.trigger()
    editor = w.tree.findChild(QLineEdit)
    print("editor", editor, w.tree.state())
    editor.setText("改了名还没回车")
    w.close()
    again = make_window()
    again.open_report(rid)
    assert again.session.report.body[3].title == "改了名还没回车"


def test_p6_export_path_without_suffix(example_window, qtbot, tmp_path):
    from ui.dialogs.export_dialog import ExportDialog
    d = ExportDialog(example_window.session, example_window)
    d.edt_path.setText(str(tmp_path / "报告"))
    d.start_export()
    qtbot.waitUntil(lambda: not d.progress.isVisible(), timeout=10000)
    print("status", d.lbl_status.text(), list(tmp_path.iterdir()))


def test_p7_undo_after_restore_revision(example_window):
    w = example_window
    s = w.session
    select(w, 2)
    rev = s.create_revision("a")
    w.node_form.edt_body.setPlainText("恢复前写的。")
    select(w, 3)
    assert s.restore_revision(rev)
    print("undo count", s.undo_stack.count(), w.node_form.node.id, [n.id for n in s.report.body])
    w.actions_.undo.trigger()
    w.node_form.edt_body.setPlainText("恢复后写的。")
    select(w, 1)
    print(w.lbl_saved.text())
