"""体检 in the window (ui/window/checks_controller.py and the findings dock): run, go to a finding,
修正 / 全部修正 with undo, 忽略 remembered."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog

from models.checks import Finding
from models.edition import Edition
from models.store import Library
from tests.conftest import SEED_REPORT
from ui.import_preview import ImportPreviewDialog
from ui.session import Session
from ui.settings import AppSettings
from ui.window.main_window import MainWindow

SCRAPED_NUMBER = "〔202383号"
WAIT_MS = 5000


@pytest.fixture
def seed_window(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """The window with the sample report imported through 导入 and open."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a: (str(SEED_REPORT), "")))
    monkeypatch.setattr(ImportPreviewDialog, "exec", lambda dialog: 1)
    window.actions_.import_.trigger()
    assert window.session.report is not None
    return window


def run_checks_in(qtbot, window: MainWindow) -> list[Finding]:
    panel = window.checks.panel
    window.actions_.check.trigger()
    assert window.checks.dock.isVisible()
    qtbot.waitUntil(lambda: bool(panel.findings()), timeout=WAIT_MS)
    return panel.findings()


def click_finding(window: MainWindow, finding: Finding) -> None:
    panel = window.checks.panel
    assert panel.select_finding(finding)
    item = panel.tree.currentItem()
    panel.tree.scrollToItem(item)
    QTest.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=panel.tree.visualItemRect(item).center())


def scraped(findings: list[Finding]) -> Finding:
    return next(f for f in findings if f.excerpt == SCRAPED_NUMBER)


def field_text(window: MainWindow, finding: Finding) -> str:
    return getattr(window.session.report.find(finding.node_id), finding.field)


def test_check_lists_findings_by_family_with_badge(qtbot, seed_window: MainWindow) -> None:
    findings = run_checks_in(qtbot, seed_window)
    panel = seed_window.checks.panel
    assert SCRAPED_NUMBER in {f.excerpt for f in findings}
    groups = [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())]
    assert any(g.startswith("标点符号（") for g in groups)
    assert any(g.startswith("文号与引文（") for g in groups)
    errors, advice = panel.counts()
    badge = seed_window.checks.badge
    assert badge.isVisible()
    assert badge.text() == f"体检：错误 {errors} · 建议 {advice}"
    seed_window.checks.dock.hide()
    badge.click()
    assert seed_window.checks.dock.isVisible()


def test_click_selects_node_and_characters(qtbot, seed_window: MainWindow) -> None:
    finding = scraped(run_checks_in(qtbot, seed_window))
    click_finding(seed_window, finding)
    assert seed_window.current_node().id == finding.node_id
    editor = seed_window.node_form.edt_body if finding.field == "text" else seed_window.node_form.edt_title
    selected = editor.textCursor().selectedText() if finding.field == "text" else editor.selectedText()
    assert selected == SCRAPED_NUMBER


def test_fix_is_one_undo_step(qtbot, seed_window: MainWindow) -> None:
    window = seed_window
    finding = scraped(run_checks_in(qtbot, window))
    before = field_text(window, finding)
    click_finding(window, finding)
    depth = window.session.undo_stack.count()
    window.checks.panel.btn_fix.click()
    after = field_text(window, finding)
    assert "〔2023〕83号" in after
    assert SCRAPED_NUMBER not in after
    stored = window.session.library.load_report(window.session.report_id)
    assert getattr(stored.find(finding.node_id), finding.field) == after  # saved like typing
    assert window.session.undo_stack.count() == depth + 1
    assert window.node_form.edt_body.toPlainText() == after  # the editor shows the fix
    qtbot.waitUntil(lambda: SCRAPED_NUMBER not in {f.excerpt for f in window.checks.panel.findings()}, timeout=WAIT_MS)
    window.tree_view.setFocus()
    QTest.keyClick(window.tree_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert field_text(window, finding) == before
    stored = window.session.library.load_report(window.session.report_id)
    assert getattr(stored.find(finding.node_id), finding.field) == before
    qtbot.waitUntil(lambda: SCRAPED_NUMBER in {f.excerpt for f in window.checks.panel.findings()}, timeout=WAIT_MS)


def test_fix_all_for_one_rule_is_one_macro(qtbot, seed_window: MainWindow) -> None:
    window = seed_window
    findings = run_checks_in(qtbot, window)
    [marks] = [f for f in findings if f.rule == "punct.ascii"]  # the commas of the whole report: one finding
    assert marks.field == "body"
    assert len(marks.places) > 10
    texts_before = [(n.title, n.text) for n in window.session.report.walk()]
    click_finding(window, marks)
    assert window.checks.panel.btn_fix.isEnabled()
    depth = window.session.undo_stack.count()
    window.checks.panel.btn_fix_all.click()
    assert window.session.undo_stack.count() == depth + 1
    for paragraph in marks.places:
        assert field_text(window, paragraph).count(",") == 0
    assert SCRAPED_NUMBER in field_text(window, scraped(findings))  # other rules untouched
    qtbot.waitUntil(lambda: not any(f.rule == "punct.ascii" for f in window.checks.panel.findings()), timeout=WAIT_MS)
    window.actions_.undo.trigger()
    assert [(n.title, n.text) for n in window.session.report.walk()] == texts_before
    stored = window.session.library.load_report(window.session.report_id)
    assert [(n.title, n.text) for n in stored.walk()] == texts_before


def test_ignore_is_remembered_after_reopening(qtbot, make_window, monkeypatch) -> None:
    window = make_window()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a: (str(SEED_REPORT), "")))
    monkeypatch.setattr(ImportPreviewDialog, "exec", lambda dialog: 1)
    window.actions_.import_.trigger()
    report_id = window.session.report_id
    finding = scraped(run_checks_in(qtbot, window))
    total = len(window.checks.panel.findings())
    click_finding(window, finding)
    window.checks.panel.btn_ignore.click()
    excerpts = {f.excerpt for f in window.checks.panel.findings()}
    assert SCRAPED_NUMBER not in excerpts
    assert len(window.checks.panel.findings()) == total - 1
    with qtbot.waitSignal(window.checks.scheduler.findings_ready, timeout=WAIT_MS):
        window.checks.check_now()
    assert window.checks.dock.lbl_state.text() == ""
    assert SCRAPED_NUMBER not in {f.excerpt for f in window.checks.panel.findings()}
    window.close()
    again = make_window()
    again.open_report(report_id)
    findings = run_checks_in(qtbot, again)
    assert SCRAPED_NUMBER not in {f.excerpt for f in findings}
    assert "〔202365号" in {f.excerpt for f in findings}  # only that one finding is ignored


def test_edits_are_rechecked_automatically(qtbot, seed_window: MainWindow) -> None:
    window = seed_window
    finding = scraped(run_checks_in(qtbot, window))
    click_finding(window, finding)
    body = window.node_form.edt_body
    cursor = body.textCursor()
    cursor.insertText("〔2023〕83号")  # the clerk types over the selection
    body.setTextCursor(cursor)
    qtbot.waitUntil(lambda: SCRAPED_NUMBER not in {f.excerpt for f in window.checks.panel.findings()}, timeout=WAIT_MS)


def test_edition_follows_the_setting_and_switches(qtbot, seed_window: MainWindow) -> None:
    window = seed_window
    run_checks_in(qtbot, window)
    assert window.checks.scheduler.edition == Edition.SUBMIT
    window.checks.dock.cmb_edition.setCurrentIndex(window.checks.dock.cmb_edition.findData(Edition.PUBLIC))
    assert window.checks.scheduler.edition == Edition.PUBLIC
    assert window.checks.dock.cmb_edition.currentText() == "公开版"


def test_metadata_finding_opens_the_form(qtbot, seed_window: MainWindow) -> None:
    window = seed_window
    window.show_meta()
    window.meta_form.edt_doc_number.setText("某府发[2024]5号")
    window.meta_form.edt_doc_number.textEdited.emit("某府发[2024]5号")
    findings = run_checks_in(qtbot, window)
    qtbot.waitUntil(lambda: any(f.field == "meta.doc_number" for f in window.checks.panel.findings()), timeout=WAIT_MS)
    finding = next(f for f in window.checks.panel.findings() if f.field == "meta.doc_number" and f.fix)
    assert findings
    click_finding(window, finding)
    assert window.editors.currentIndex() == 1
    assert window.meta_form.edt_doc_number.selectedText() == finding.excerpt
    window.checks.panel.btn_fix.click()
    assert window.meta_form.edt_doc_number.text() == "某府发〔2024〕5号"
    assert window.session.library.load_report(window.session.report_id).meta.doc_number == "某府发〔2024〕5号"
    window.actions_.undo.trigger()
    assert window.meta_form.edt_doc_number.text() == "某府发[2024]5号"


def test_read_only_window_shows_findings_but_changes_nothing(qtbot, seed_window: MainWindow, library_path) -> None:
    report_id = seed_window.session.report_id
    seed_window.close()
    session = Session(Library(library_path), AppSettings(), read_only=True)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    window.open_report(report_id)
    assert window.actions_.check.isEnabled()
    finding = scraped(run_checks_in(qtbot, window))
    click_finding(window, finding)
    panel = window.checks.panel
    assert not panel.btn_fix.isEnabled()
    assert not panel.btn_fix_all.isEnabled()
    assert not panel.btn_ignore.isEnabled()
    window.checks.fix(finding)  # even if asked directly
    assert SCRAPED_NUMBER in field_text(window, finding)
    window.close()
