"""Revisions, export (through the dialog, file dialog patched) and the locked-target message."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from models.edition import Edition
from models.fileio import LOCKED_MESSAGE
from models.interchange import read_file
from ui.dialogs.export_dialog import ExportDialog
from ui.dialogs.revisions import RevisionsDialog, diff_lines
from ui.window.main_window import MainWindow


def select(window: MainWindow, row: int) -> None:
    window.tree_view.setCurrentIndex(window.session.outline.index(row, 0))


def test_labelled_revision_and_restore(qtbot, example_window: MainWindow, shown) -> None:
    window, session = example_window, example_window.session
    shown.text_answer = ("报局长审阅稿", True)
    window.actions_.snapshot.trigger()
    assert [r.label for r in session.revisions()] == ["报局长审阅稿"]
    select(window, 0)
    window.node_form.edt_body.setPlainText("改写后的开头。")
    dialog = RevisionsDialog(session, window)
    qtbot.addWidget(dialog)
    assert "－ 2024年，某市某区示范局" in dialog.txt_diff.toPlainText()
    assert "＋ 改写后的开头。" in dialog.txt_diff.toPlainText()
    dialog.restore_selected()
    assert session.report.body[0].text.startswith("2024年，某市某区示范局")
    assert session.library.load_report(session.report_id).body[0].text.startswith("2024年，某市某区示范局")
    labels = [r.label for r in session.revisions()]
    assert labels[0] == "恢复历史版本前自动保存"  # the replaced text is kept, so the restore can be undone
    dialog.lst_revisions.setCurrentRow(0)
    dialog.restore_selected()
    assert session.report.body[0].text == "改写后的开头。"
    assert window.tree_view.model().index(0, 0).data() == "改写后的开头。"


def test_diff_lines_marks_changes() -> None:
    assert diff_lines("甲\n乙", "甲\n丙") == [(" ", "甲"), ("-", "乙"), ("+", "丙")]


def run_export(qtbot, window: MainWindow, target: Path, monkeypatch) -> ExportDialog:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    dialog = ExportDialog(window.session, window)
    qtbot.addWidget(dialog)
    dialog.btn_browse.click()
    assert dialog.edt_path.text() == str(target)
    with qtbot.waitSignal(dialog.export_finished, timeout=10000):
        dialog.btn_export.click()
    return dialog


def test_export_json_through_the_dialog(qtbot, example_window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "out" / "报告.json"
    target.parent.mkdir()
    dialog = run_export(qtbot, example_window, target, monkeypatch)
    assert dialog.lbl_status.text() == "已导出：" + str(target)
    assert not dialog.btn_open_file.isHidden()
    assert not dialog.btn_open_folder.isHidden()
    report, cleaned = read_file(target)
    assert cleaned == 0
    assert report.meta.title == "某市某区示范局关于2024年度法治政府建设情况的报告"
    assert report.body[1].children[0].children[1].title == "抓好全员培训。"
    assert [r.label for r in example_window.session.revisions()] == ["导出前自动保存"]
    again = ExportDialog(example_window.session, example_window)
    qtbot.addWidget(again)
    assert again.edt_path.text() == str(target)  # remembered for this report


def test_export_docx_through_the_dialog(qtbot, example_window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    import docx

    target = tmp_path / "报告.docx"
    dialog = run_export(qtbot, example_window, target, monkeypatch)
    assert dialog.written == target
    document = docx.Document(str(target))
    text = "".join("".join(p.text.split()) for p in document.paragraphs)  # the title may hold line breaks
    assert "某市某区示范局关于2024年度法治政府建设情况的报告" in text
    assert "（一）坚持学用结合" in text
    assert "一是抓好领导干部学法。" in text


def test_target_that_is_a_folder(qtbot, example_window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "已有文件夹.json"
    folder.mkdir()
    dialog = run_export(qtbot, example_window, folder, monkeypatch)
    assert "是一个文件夹" in dialog.lbl_status.text()
    assert not dialog.btn_retry.isHidden()
    assert dialog.btn_open_file.isHidden()


def test_locked_target_message_and_retry(qtbot, example_window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "报告.json"
    target.write_text("旧文件", encoding="utf-8")
    real_replace = os.replace

    def locked(src: str, dst: str) -> None:  # what Windows does while Word holds the file
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", locked)
    dialog = run_export(qtbot, example_window, target, monkeypatch)
    assert dialog.lbl_status.text().startswith(LOCKED_MESSAGE)
    assert not dialog.btn_retry.isHidden()
    assert target.read_text(encoding="utf-8") == "旧文件"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    monkeypatch.setattr(os, "replace", real_replace)
    with qtbot.waitSignal(dialog.export_finished, timeout=10000) as blocker:
        dialog.btn_retry.click()
    assert blocker.args == [True]
    assert read_file(target)[0].meta.issuer == "某市某区示范局"


def test_public_edition_disables_header(qtbot, example_window: MainWindow) -> None:
    dialog = ExportDialog(example_window.session, example_window)
    qtbot.addWidget(dialog)
    dialog.cmb_edition.setCurrentIndex(dialog.cmb_edition.findData("public"))
    options = dialog.options()
    assert (options.edition, options.header) == ("public", False)
    assert not dialog.chk_header.isEnabled()


def default_dialog(qtbot, window: MainWindow, folder: Path) -> ExportDialog:
    window.session.settings.last_folder = str(folder)
    dialog = ExportDialog(window.session, window)
    qtbot.addWidget(dialog)
    return dialog


def choose_edition(dialog: ExportDialog, edition: str) -> None:
    dialog.cmb_edition.setCurrentIndex(dialog.cmb_edition.findData(edition))


def test_default_name_carries_the_edition_and_follows_it(qtbot, example_window: MainWindow, tmp_path: Path) -> None:
    title = example_window.session.report.meta.title
    dialog = default_dialog(qtbot, example_window, tmp_path)
    choose_edition(dialog, "submit")
    assert dialog.edt_path.text() == str(tmp_path / f"{title}-报送版.docx")
    choose_edition(dialog, "public")
    assert dialog.edt_path.text() == str(tmp_path / f"{title}-公开版.docx")
    choose_edition(dialog, "submit")
    assert dialog.edt_path.text() == str(tmp_path / f"{title}-报送版.docx")
    own = str(tmp_path / "给局长看的.docx")
    dialog.edt_path.setText(own)
    choose_edition(dialog, "public")
    assert dialog.edt_path.text() == own  # the clerk's own name is kept


def export_now(qtbot, dialog: ExportDialog) -> None:
    with qtbot.waitSignal(dialog.export_finished, timeout=10000) as blocker:
        dialog.btn_export.click()
    assert blocker.args == [True]


def test_both_editions_with_default_names_are_both_kept(
    qtbot, example_window: MainWindow, tmp_path: Path, shown
) -> None:
    dialog = default_dialog(qtbot, example_window, tmp_path)
    choose_edition(dialog, "submit")
    export_now(qtbot, dialog)
    choose_edition(dialog, "public")
    export_now(qtbot, dialog)
    assert sorted(p.name.rsplit("-", 1)[1] for p in tmp_path.glob("*.docx")) == ["公开版.docx", "报送版.docx"]
    assert shown.questions == []  # neither replaced anything


def test_existing_file_is_replaced_only_after_a_yes(qtbot, example_window: MainWindow, tmp_path: Path, shown) -> None:
    target = tmp_path / "报告.docx"
    target.write_bytes(b"the clerk's own file")
    dialog = default_dialog(qtbot, example_window, tmp_path)
    dialog.edt_path.setText(str(target))
    finished: list[bool] = []
    dialog.export_finished.connect(finished.append)
    shown.answer = False
    dialog.btn_export.click()
    assert len(shown.questions) == 1
    assert "报告.docx" in shown.questions[0]
    assert "已经存在" in shown.questions[0]
    qtbot.wait(200)
    assert finished == []
    assert dialog.worker is None
    assert target.read_bytes() == b"the clerk's own file"
    assert example_window.session.revisions() == []  # nothing happened
    shown.answer = True
    export_now(qtbot, dialog)
    assert len(shown.questions) == 2
    assert target.read_bytes().startswith(b"PK")


def with_errors(window: MainWindow, text: str = "2024年,某区(示范)局依法行政。") -> int:
    """ASCII punctuation in the first paragraph, 错误 for the 报送版; how many the checks now find."""
    from models.checks import ERROR, run_checks

    select(window, 0)
    window.node_form.edt_body.setPlainText(text)
    window.session.flush()
    return sum(1 for f in run_checks(window.session.report, edition=Edition.SUBMIT) if f.severity == ERROR)


def export_from_the_window(qtbot, window: MainWindow, monkeypatch, edition: str, target: Path) -> list[bool]:
    """Trigger 导出 with the dialog's exec replaced by choosing the edition and clicking 导出."""
    finished: list[bool] = []

    def run(dialog: ExportDialog) -> int:
        choose_edition(dialog, edition)
        dialog.edt_path.setText(str(target))
        dialog.export_finished.connect(finished.append)
        dialog.btn_export.click()
        if dialog.worker is not None:
            qtbot.waitUntil(lambda: bool(finished), timeout=10000)
        return 0

    monkeypatch.setattr(ExportDialog, "exec", run)
    window.actions_.export.trigger()
    return finished


def test_submit_edition_with_errors_asks_and_can_show_them(
    qtbot, example_window: MainWindow, tmp_path: Path, monkeypatch, shown
) -> None:
    window = example_window
    errors = with_errors(window)
    assert errors > 0
    shown.answer = False  # 查看错误
    target = tmp_path / "报送.docx"
    finished = export_from_the_window(qtbot, window, monkeypatch, "submit", target)
    assert shown.questions == [f"还有 {errors} 处错误没有改正。仍然导出吗？"]
    assert shown.labels == [{"yes": "仍然导出", "no": "查看错误"}]
    assert finished == []
    assert not target.exists()
    assert window.checks.dock.isVisible()
    assert window.checks.dock.edition() == Edition.SUBMIT
    shown.answer = True  # 仍然导出
    assert export_from_the_window(qtbot, window, monkeypatch, "submit", target) == [True]
    assert target.is_file()


def test_errors_switched_off_or_ignored_do_not_count(
    qtbot, example_window: MainWindow, tmp_path: Path, monkeypatch, shown
) -> None:
    from models.checks import ERROR, run_checks
    from models.checks.ignores import set_rule_enabled

    window = example_window
    # a paragraph's half-width marks are one finding: two commas and brackets, then brackets alone
    assert with_errors(window, "2024年,某区局依法行政,坚持(学法)。\n坚持(示范)引领。") == 2
    set_rule_enabled(window.session.library, "punct.ascii", False)  # the commas, as 设置 does
    found = [f for f in run_checks(window.session.report, edition=Edition.SUBMIT) if f.severity == ERROR]
    window.checks.reload_rules()
    window.checks.ignore(next(f for f in found if f.excerpt == "(示范)"))  # 忽略 in the 体检 dock
    shown.answer = False
    finished = export_from_the_window(qtbot, window, monkeypatch, "submit", tmp_path / "报送.docx")
    assert shown.questions == ["还有 1 处错误没有改正。仍然导出吗？"]  # (学法)
    assert finished == []


def test_public_edition_exports_without_the_errors_question(
    qtbot, example_window: MainWindow, tmp_path: Path, monkeypatch, shown
) -> None:
    with_errors(example_window)
    target = tmp_path / "公开.docx"
    assert export_from_the_window(qtbot, example_window, monkeypatch, "public", target) == [True]
    assert shown.questions == []


def test_the_secrets_reminder_is_a_line_for_the_public_edition(
    qtbot, example_window: MainWindow, tmp_path: Path
) -> None:
    dialog = default_dialog(qtbot, example_window, tmp_path)
    choose_edition(dialog, "public")
    assert not dialog.lbl_public_note.isHidden()
    assert "涉及党和国家秘密" in dialog.lbl_public_note.text()
    assert "第二十四条" in dialog.lbl_public_note.text()
    choose_edition(dialog, "submit")
    assert dialog.lbl_public_note.isHidden()


def test_changing_the_export_settings_clears_the_exported_line(
    qtbot, example_window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    target = tmp_path / "报告.json"
    dialog = run_export(qtbot, example_window, target, monkeypatch)
    assert dialog.lbl_status.text().startswith("已导出")
    dialog.edt_path.setText(str(tmp_path / "另一份.docx"))  # preparing another export
    assert dialog.lbl_status.text() == ""
    assert dialog.btn_open_file.isHidden()
    assert dialog.btn_open_folder.isHidden()
    dialog = run_export(qtbot, example_window, target, monkeypatch)
    dialog.cmb_edition.setCurrentIndex(1 - dialog.cmb_edition.currentIndex())
    assert dialog.lbl_status.text() == ""
    dialog = run_export(qtbot, example_window, tmp_path / "第三份.json", monkeypatch)
    dialog.chk_sealed.setChecked(not dialog.chk_sealed.isChecked())
    assert dialog.lbl_status.text() == ""
