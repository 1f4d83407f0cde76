"""Automatic revisions: at most one per N minutes of editing, only when something changed."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QSpinBox

from ui import auto_revision
from ui.auto_revision import AUTO_REVISION_LABEL
from ui.dialogs.settings_dialog import SettingsDialog
from ui.window.main_window import MainWindow


def automatic(window: MainWindow) -> list[int]:
    return [r.id for r in window.session.revisions() if r.label == AUTO_REVISION_LABEL]


@pytest.fixture
def fast(monkeypatch: pytest.MonkeyPatch) -> None:
    """A "minute" of 1 ms: the default 10 minutes become 10 ms (autosave itself still takes ~0.8 s)."""
    monkeypatch.setattr(auto_revision, "MS_PER_MINUTE", 1)


def test_an_edit_makes_exactly_one_automatic_revision(qtbot, fast, example_window: MainWindow) -> None:
    window = example_window
    window.node_form.edt_body.setPlainText("自动版本里应当有这一句。")
    qtbot.waitUntil(lambda: len(automatic(window)) == 1, timeout=5000)
    # no countdown runs until the next edit, so no second version can come
    assert not window.session.auto_revisions.timer.isActive()
    assert len(automatic(window)) == 1
    saved = window.session.library.load_revision(automatic(window)[0])
    assert "自动版本里应当有这一句。" in {n.text for n in saved.walk()}


def test_no_edit_makes_no_automatic_revision(qtbot, fast, example_window: MainWindow) -> None:
    window = example_window
    assert not window.session.auto_revisions.timer.isActive()  # no countdown without an edit
    window.session.flush()
    assert automatic(window) == []
    assert not window.session.auto_revisions.timer.isActive()


def test_edits_within_the_interval_share_one_revision(example_window: MainWindow) -> None:
    window, auto = example_window, example_window.session.auto_revisions
    window.node_form.edt_body.setPlainText("第一次修改。")
    window.session.flush()
    assert auto.timer.isActive()
    assert auto.timer.interval() == 10 * 60_000  # the default: ten minutes
    window.node_form.edt_body.setPlainText("第二次修改。")
    window.session.flush()
    assert auto.make_revision() is not None  # the countdown runs out once
    assert auto.make_revision() is None  # nothing changed since
    assert len(automatic(window)) == 1


def test_tree_edits_count_as_changes(example_window: MainWindow) -> None:
    window, auto = example_window, example_window.session.auto_revisions
    window.actions_.add_sibling.trigger()
    assert auto.changed
    assert auto.timer.isActive()
    assert auto.make_revision() is not None


def test_a_manual_revision_resets_the_countdown(example_window: MainWindow, shown) -> None:
    window, auto = example_window, example_window.session.auto_revisions
    window.node_form.edt_body.setPlainText("手动保存之前的修改。")
    shown.text_answer = ("报局长审阅稿", True)
    window.actions_.snapshot.trigger()
    assert not auto.timer.isActive()
    assert auto.make_revision() is None  # the manual one already holds this text
    assert automatic(window) == []


def test_zero_minutes_switches_automatic_revisions_off(example_window: MainWindow) -> None:
    window, auto = example_window, example_window.session.auto_revisions
    window.session.settings.auto_revision_minutes = 0
    window.node_form.edt_body.setPlainText("不自动保存版本。")
    window.session.flush()
    assert not auto.timer.isActive()
    assert auto.make_revision() is None


def test_reopening_a_report_starts_clean(example_window: MainWindow) -> None:
    window, auto = example_window, example_window.session.auto_revisions
    window.node_form.edt_body.setPlainText("换报告前的修改。")
    window.session.flush()
    report_id = window.session.report_id
    window.show_library()
    assert not auto.timer.isActive()
    window.open_report(report_id)
    assert not auto.changed
    assert auto.make_revision() is None


def test_interval_is_edited_in_the_settings_dialog(example_window: MainWindow, monkeypatch) -> None:
    def choose(dialog: SettingsDialog) -> int:
        spin = dialog.spn_auto_revision
        assert isinstance(spin, QSpinBox)
        assert spin.value() == 10
        spin.setValue(3)
        return 1

    monkeypatch.setattr(SettingsDialog, "exec", choose)
    example_window.actions_.settings.trigger()
    assert example_window.session.settings.auto_revision_minutes == 3
    example_window.node_form.edt_body.setPlainText("三分钟。")
    example_window.session.flush()
    assert example_window.session.auto_revisions.timer.interval() == 3 * 60_000


def test_read_only_window_makes_no_revision(make_window, library_path) -> None:
    from models.store import Library
    from ui.session import Session
    from ui.settings import AppSettings

    writer = make_window()
    writer.open_example()
    report_id = writer.session.report_id
    session = Session(Library(library_path, lock=False), AppSettings(), read_only=True)
    reader = MainWindow(session)
    reader.open_report(report_id)
    session.auto_revisions.changed = True  # even if something claimed a change
    assert session.auto_revisions.make_revision() is None
    assert writer.session.revisions() == []
    session.library.close()
