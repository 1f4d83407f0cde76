"""Forms, dialogs, the library page and the read-only window: what the clerk sees and keeps."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.test_main_window import select
from ui.window.main_window import MainWindow


def test_a_read_only_window_cannot_add_the_example_report(qtbot, library_path) -> None:
    from models.store import Library
    from ui.session import Session
    from ui.settings import AppSettings

    holder = Library(library_path)  # the first instance, still running
    window = MainWindow(Session(Library(library_path, lock=False), AppSettings(), read_only=True))
    qtbot.addWidget(window)
    try:
        window.show_library()
        page = window.start_page
        assert page.stack.currentIndex() == 1  # the empty library's panel
        assert not page.btn_example.isEnabled()
        assert not page.btn_empty_new.isEnabled()
        window.open_example()
        assert holder.list_reports() == []
        assert window.session.report is None
    finally:
        window.close()
        holder.close()


def test_closing_from_the_library_page_keeps_the_remembered_splitter_sizes(qtbot, library_path) -> None:
    from models.store import Library
    from ui.session import Session
    from ui.settings import AppSettings

    settings = AppSettings(splitter_sizes=[450, 700, 350])
    window = MainWindow(Session(Library(library_path), settings))
    qtbot.addWidget(window)
    window.show_library()  # the editor page, and its splitter, never shown this time
    window.show()
    window.close()
    assert settings.splitter_sizes == [450, 700, 350]


def test_paste_into_a_one_line_field_drops_line_breaks_and_control_characters(example_window: MainWindow) -> None:
    from PySide6.QtWidgets import QApplication

    window = example_window
    select(window, 3)
    QApplication.clipboard().setText("多形式\r\n开展\x07学习。")
    title = window.node_form.edt_title
    title.selectAll()
    title.paste()
    assert title.text() == "多形式开展学习。"
    assert window.session.report.body[3].title == "多形式开展学习。"
    window.show_meta()
    recipients = window.meta_form.edt_recipients
    QApplication.clipboard().setText("区委依法治区办：\n")
    recipients.selectAll()
    recipients.paste()
    assert window.session.report.meta.recipients == "区委依法治区办："


def test_qt_calls_cannot_use_up_the_references_to_none_and_true() -> None:
    """PySide6 6.12 drops a reference to None per void call and to True per emit(): on
    Python 3.11 the program aborted after about two thousand keystrokes."""
    import sys

    from PySide6.QtCore import QObject, Signal

    class Emitter(QObject):
        pinged = Signal()

    assert min(sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)) > 1 << 31
    emitter = Emitter()
    for _ in range(20_000):  # several times what used to be enough to abort the interpreter
        emitter.setObjectName("x")
        emitter.pinged.emit()
    assert min(sys.getrefcount(None), sys.getrefcount(True)) > 1 << 31


def test_a_read_only_window_says_so_in_the_status_bar(qtbot, library_path) -> None:
    from models.store import Library
    from ui.session import Session
    from ui.settings import AppSettings

    with Library(library_path) as holder:
        from ui.session import example_report

        report_id = holder.create_report(example_report())
        window = MainWindow(Session(Library(library_path, lock=False), AppSettings(), read_only=True))
        qtbot.addWidget(window)
        try:
            window.open_report(report_id)
            assert "自动保存" not in window.lbl_saved.text()
            assert "只读" in window.lbl_saved.text()
        finally:
            window.close()


def _wheel(widget, steps: int) -> None:
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        centre,
        widget.mapToGlobal(centre),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_scrolling_the_report_form_does_not_change_the_year_or_disclosure(example_window: MainWindow) -> None:
    window = example_window
    window.show_meta()  # the focus is in 发文机关
    form = window.meta_form
    _wheel(form.spn_year, -1)  # the mouse wheel passing over 报告年度 while scrolling the page
    _wheel(form.cmb_disclosure, -1)
    _wheel(form.dte_date.edt_date, -1)
    meta = window.session.report.meta
    assert (meta.year, meta.disclosure, meta.date) == (2024, "主动公开", "2025-02-20")
    assert form.edt_title.text() == "某市某区示范局关于2024年度法治政府建设情况的报告"


def test_duplicating_a_report_selects_the_copy(window: MainWindow) -> None:
    from ui.session import example_report

    library = window.session.library
    older = library.create_report(example_report())
    newer_report = example_report()
    newer_report.meta.year = 2025
    library.create_report(newer_report)
    page = window.start_page
    page.refresh()
    group = next(
        page.lst_reports.topLevelItem(i)
        for i in range(page.lst_reports.topLevelItemCount())
        if page.lst_reports.topLevelItem(i).text(0).startswith("2024")
    )
    page.lst_reports.setCurrentItem(group.child(0))
    assert page.selected_id() == older
    page.duplicate_selected()
    copy = page.selected_id()
    assert copy not in (older, None)
    assert library.load_report(copy).meta.title.endswith("（副本）")


def test_the_first_export_goes_to_the_documents_folder(example_window: MainWindow, monkeypatch, tmp_path) -> None:
    from pathlib import Path

    from PySide6.QtCore import QStandardPaths

    from ui.dialogs.export_dialog import ExportDialog

    monkeypatch.setenv("HOME", str(tmp_path))  # where Qt looks for 文档 (Documents) here
    (tmp_path / "Documents").mkdir()
    assert example_window.session.settings.last_folder == ""
    dialog = ExportDialog(example_window.session, example_window)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    target = Path(dialog.edt_path.text())
    assert target.parent == Path(documents)
    assert target.name == "某市某区示范局关于2024年度法治政府建设情况的报告-报送版.docx"


def test_the_export_dialog_stays_open_until_its_export_has_finished(
    qtbot, example_window: MainWindow, tmp_path
) -> None:
    from ui.dialogs.export_dialog import ExportDialog

    dialog = ExportDialog(example_window.session, example_window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.edt_path.setText(str(tmp_path / "报告.docx"))
    with qtbot.waitSignal(dialog.export_finished, timeout=15000):
        dialog.start_export()
        dialog.reject()  # 关闭 or Esc while it runs: the clerk would never learn how it ended
        assert dialog.isVisible()
    assert dialog.lbl_status.text().startswith("已导出")
    dialog.reject()
    assert not dialog.isVisible()


def test_cancelling_the_import_preview_asks_before_dropping_corrections(qtbot, shown) -> None:
    from models.importing import import_text
    from ui.import_preview import ImportPreviewDialog

    source = (
        "某局关于2023年度法治政府建设情况的报告\n一、工作情况\n（一）加强学习。学了4次。\n二、存在的问题\n制度不全。"
    )
    untouched = ImportPreviewDialog(import_text(source), source)
    qtbot.addWidget(untouched)
    untouched.show()
    untouched.reject()  # nothing corrected yet: Esc just closes
    assert not untouched.isVisible()
    assert shown.questions == []

    dialog = ImportPreviewDialog(import_text(source), source)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.select(dialog.report.body[-1])
    dialog.title_edit.setText("存在的不足和原因")
    dialog.title_edit.textEdited.emit("存在的不足和原因")
    shown.answer = False  # 否: keep working on it
    dialog.reject()
    assert dialog.isVisible()
    assert len(shown.questions) == 1
    shown.answer = True
    dialog.reject()
    assert not dialog.isVisible()


def test_a_pasted_quoted_path_exports_to_that_path(qtbot, example_window: MainWindow, tmp_path) -> None:
    """Windows Explorer's “复制文件地址/Copy as path” puts quotes around the path."""
    from ui.dialogs.export_dialog import ExportDialog

    dialog = ExportDialog(example_window.session, example_window)
    qtbot.addWidget(dialog)
    target = tmp_path / "报告.docx"
    dialog.edt_path.setText(f' "{target}" ')
    with qtbot.waitSignal(dialog.export_finished, timeout=15000) as blocker:
        dialog.start_export()
    assert blocker.args == [True], dialog.lbl_status.text()
    assert target.is_file()


def test_a_typed_path_without_extension_exports_a_docx(qtbot, example_window: MainWindow, tmp_path) -> None:
    from ui.dialogs.export_dialog import ExportDialog

    dialog = ExportDialog(example_window.session, example_window)
    qtbot.addWidget(dialog)
    dialog.edt_path.setText(str(tmp_path / "2024年报告"))  # as 浏览… would have given it
    with qtbot.waitSignal(dialog.export_finished, timeout=15000) as blocker:
        dialog.start_export()
    assert blocker.args == [True], dialog.lbl_status.text()
    assert (tmp_path / "2024年报告.docx").is_file()
    assert dialog.edt_path.text().endswith("2024年报告.docx")


def test_a_folder_as_target_exports_into_it_under_the_report_title(qtbot, example_window: MainWindow, tmp_path) -> None:
    from ui.dialogs.export_dialog import ExportDialog

    dialog = ExportDialog(example_window.session, example_window)
    qtbot.addWidget(dialog)
    dialog.edt_path.setText(str(tmp_path))
    with qtbot.waitSignal(dialog.export_finished, timeout=15000) as blocker:
        dialog.start_export()
    assert blocker.args == [True], dialog.lbl_status.text()
    assert (tmp_path / "某市某区示范局关于2024年度法治政府建设情况的报告-报送版.docx").is_file()


def test_the_window_title_follows_a_title_changed_by_a_fix_or_its_undo(example_window: MainWindow) -> None:
    from ui.undo import MetaFieldCommand

    window = example_window
    session = window.session
    old = session.report.meta.title
    session.undo_stack.push(MetaFieldCommand(session, "title", old, "修正后的标题", "修正：标题"))
    assert window.windowTitle().startswith("修正后的标题 — ")
    window.actions_.undo.trigger()
    assert window.windowTitle().startswith(old + " — ")
