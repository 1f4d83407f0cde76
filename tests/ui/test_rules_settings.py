"""设置 › 检查规则 (rules on/off, kept in the library) and 恢复已忽略的问题 in the findings dock."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from models.checks import FAMILIES, RULES, Finding
from models.checks.ignores import load_disabled, load_ignored
from models.store import Library
from ui.dialogs.rules_page import RulesPage
from ui.dialogs.settings_dialog import SettingsDialog
from ui.session import Session
from ui.settings import AppSettings
from ui.window.main_window import MainWindow

WAIT_MS = 5000
FAULTY_TEXT = "2023年03月06日，全年办理案件12件,同比增长。"  # a half-width comma and leading zeros
ASCII, LEADING_ZERO = "punct.ascii", "number.date-leading-zero"


def rules_found(window: MainWindow) -> set[str]:
    return {f.rule for f in window.checks.panel.findings()}


def settle(qtbot, window: MainWindow) -> None:
    """Wait for the check run that is under way to be shown."""
    qtbot.waitUntil(lambda: window.checks.dock.lbl_state.text() == "", timeout=WAIT_MS)


@pytest.fixture
def faulty_window(qtbot, example_window: MainWindow) -> MainWindow:
    """The example report with a faulty preamble, checked, the findings dock open."""
    example_window.node_form.edt_body.setPlainText(FAULTY_TEXT)
    example_window.session.flush()
    example_window.actions_.check.trigger()
    qtbot.waitUntil(lambda: {ASCII, LEADING_ZERO} <= rules_found(example_window), timeout=WAIT_MS)
    return example_window


def in_settings(monkeypatch: pytest.MonkeyPatch, change) -> None:
    """Make the next settings dialog run ``change(rules_page)`` and be accepted."""

    def run(dialog: SettingsDialog) -> int:
        pages = [dialog.tabs.widget(i) for i in range(dialog.tabs.count())]
        page = next(p for p in pages if isinstance(p, RulesPage))
        assert dialog.tabs.tabText(pages.index(page)) == "检查规则"
        change(page)
        return 1

    monkeypatch.setattr(SettingsDialog, "exec", run)


def test_rules_page_lists_every_rule_by_family(example_window: MainWindow) -> None:
    page = RulesPage(example_window.session.library)
    groups = [page.tree.topLevelItem(i).text(0) for i in range(page.tree.topLevelItemCount())]
    assert groups == list(FAMILIES.values())
    assert len(page.rule_items()) == len(RULES)
    item = page.item_for(ASCII)
    rule = next(r for r in RULES if r.id == ASCII)
    assert item.text(1) == rule.severity
    assert item.text(2) == rule.source
    assert rule.explanation in item.toolTip(0)
    assert rule.source in item.toolTip(0)
    assert item.checkState(0) == Qt.CheckState.Checked
    assert page.disabled_rules() == set()


def test_unticking_a_family_switches_off_all_its_rules(example_window: MainWindow) -> None:
    page = RulesPage(example_window.session.library)
    family = page.tree.topLevelItem(list(FAMILIES).index("privacy"))
    family.setCheckState(0, Qt.CheckState.Unchecked)
    assert page.disabled_rules() == {r.id for r in RULES if r.family == "privacy"}
    assert page.apply() is True
    assert load_disabled(example_window.session.library) == page.disabled_rules()
    page.enable_all()
    assert page.apply() is True
    assert load_disabled(example_window.session.library) == set()
    assert page.apply() is False  # nothing changed since


def test_switching_a_rule_off_removes_its_findings_and_survives_reopening(
    qtbot, make_window, faulty_window: MainWindow, monkeypatch
) -> None:
    window = faulty_window
    in_settings(monkeypatch, lambda page: page.set_rule_checked(ASCII, False))
    window.actions_.settings.trigger()
    qtbot.waitUntil(lambda: ASCII not in rules_found(window), timeout=WAIT_MS)
    settle(qtbot, window)
    assert LEADING_ZERO in rules_found(window)  # the other rules still run
    report_id = window.session.report_id
    window.close()

    reopened = make_window()
    assert ASCII in load_disabled(reopened.session.library)
    reopened.open_report(report_id)
    reopened.actions_.check.trigger()
    qtbot.waitUntil(lambda: LEADING_ZERO in rules_found(reopened), timeout=WAIT_MS)
    assert ASCII not in rules_found(reopened)
    page = RulesPage(reopened.session.library)
    assert page.item_for(ASCII).checkState(0) == Qt.CheckState.Unchecked

    in_settings(monkeypatch, lambda page: page.enable_all())
    reopened.actions_.settings.trigger()
    qtbot.waitUntil(lambda: ASCII in rules_found(reopened), timeout=WAIT_MS)


def test_cancelled_settings_change_no_rule(qtbot, faulty_window: MainWindow, monkeypatch) -> None:
    def cancel(dialog: SettingsDialog) -> int:
        next(
            dialog.tabs.widget(i) for i in range(dialog.tabs.count()) if isinstance(dialog.tabs.widget(i), RulesPage)
        ).set_rule_checked(ASCII, False)
        return 0

    monkeypatch.setattr(SettingsDialog, "exec", cancel)
    faulty_window.actions_.settings.trigger()
    assert load_disabled(faulty_window.session.library) == set()
    assert ASCII in rules_found(faulty_window)


def ignore(window: MainWindow, finding: Finding) -> None:
    assert window.checks.panel.select_finding(finding)
    window.checks.panel.btn_ignore.click()


def test_restore_ignored_findings_brings_them_back(qtbot, faulty_window: MainWindow) -> None:
    window = faulty_window
    button = window.check_options.btn_restore
    assert not button.isEnabled()
    assert button.text() == "恢复已忽略的问题"
    ignore(window, next(f for f in window.checks.panel.findings() if f.rule == ASCII))
    assert ASCII not in rules_found(window)
    assert button.isEnabled()
    assert button.text() == "恢复已忽略的问题（1）"
    settle(qtbot, window)
    assert ASCII not in rules_found(window)  # the re-check after ignoring keeps it hidden

    button.click()
    qtbot.waitUntil(lambda: ASCII in rules_found(window), timeout=WAIT_MS)
    assert load_ignored(window.session.library, window.session.report_id) == set()
    assert not button.isEnabled()


def test_restore_button_counts_per_report_after_reopening(qtbot, make_window, faulty_window: MainWindow) -> None:
    window = faulty_window
    ignore(window, next(f for f in window.checks.panel.findings() if f.rule == LEADING_ZERO))
    report_id = window.session.report_id
    window.close()
    reopened = make_window()
    assert not reopened.check_options.btn_restore.isEnabled()  # the library page: no report
    reopened.open_report(report_id)
    assert reopened.check_options.btn_restore.text() == "恢复已忽略的问题（1）"


def test_read_only_window_cannot_change_rules_or_restore(qtbot, faulty_window: MainWindow, library_path) -> None:
    ignore(faulty_window, next(f for f in faulty_window.checks.panel.findings() if f.rule == ASCII))
    session = Session(Library(library_path, lock=False), AppSettings(), read_only=True)
    reader = MainWindow(session)
    qtbot.addWidget(reader)
    reader.open_report(faulty_window.session.report_id)
    assert not reader.check_options.btn_restore.isEnabled()
    page = RulesPage(session.library, read_only=True)
    assert not page.tree.isEnabled()
    assert page.apply() is False
