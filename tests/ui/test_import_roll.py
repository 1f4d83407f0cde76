"""导入 and 新建下一年度报告 driven through the window's actions, as a clerk would."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog

from models.ledger.values import CURRENT
from models.report import SECTION
from tests.conftest import SEED_REPORT
from ui.import_preview import ImportPreviewDialog
from ui.session import AUTOSAVE_DELAY_MS
from ui.window.main_window import MainWindow


class Previews:
    """Stands in for the clerk at the import preview: records the dialog, then accepts (or not)."""

    def __init__(self) -> None:
        self.shown: list[ImportPreviewDialog] = []
        self.accept = True
        self.tick: list[int] = []  # rows of the 数据台账 checklist to confirm


@pytest.fixture
def previews(monkeypatch: pytest.MonkeyPatch) -> Previews:
    record = Previews()

    def exec_(dialog: ImportPreviewDialog) -> int:
        record.shown.append(dialog)
        for row in record.tick:
            dialog.figures.item(row).setCheckState(Qt.CheckState.Checked)
        return 1 if record.accept else 0

    monkeypatch.setattr(ImportPreviewDialog, "exec", exec_)
    return record


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    """Patch the file dialog to pick ``path``; returns the start folders it was offered."""
    offered: list[str] = []

    def pick(parent, caption, folder, filters):
        offered.append(folder)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(pick))
    return offered


def import_seed(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> int:
    choose_file(monkeypatch, SEED_REPORT)
    window.actions_.import_.trigger()
    assert window.session.report is not None
    return window.session.report_id


def test_import_seed_through_the_action(window: MainWindow, monkeypatch, previews: Previews) -> None:
    offered = choose_file(monkeypatch, SEED_REPORT)
    window.actions_.import_.trigger()
    assert len(previews.shown) == 1
    notes = [previews.shown[0].notes.item(i).text() for i in range(previews.shown[0].notes.count())]
    assert any("网页" in note for note in notes)  # the web clutter is reported, not silently dropped
    summaries = window.session.library.list_reports()
    assert len(summaries) == 1
    stored = window.session.library.load_report(summaries[0].id)
    assert [n.title for n in stored.body if n.kind == SECTION][2] == "存在的主要问题"
    assert sum(1 for n in stored.body if n.kind == SECTION) == 4
    assert stored.meta.year == 2023
    assert window.session.report_id == summaries[0].id
    assert window.pages.currentIndex() == 1
    assert window.session.settings.last_folder == str(SEED_REPORT.parent)
    window.show_library()
    window.actions_.import_.trigger()
    assert offered == ["", str(SEED_REPORT.parent)]  # the second dialog starts in the remembered folder


def test_only_the_confirmed_figures_reach_the_new_reports_ledger(window: MainWindow, monkeypatch, previews) -> None:
    previews.tick = [0]
    import_seed(window, monkeypatch)
    proposals = previews.shown[0].proposals
    assert len(proposals) >= 2
    stored = window.session.library.load_report(window.session.report_id)
    filled = {key for key, entry in stored.ledger.entries.items() if entry.get(CURRENT) is not None}
    assert filled == {proposals[0].key}
    assert stored.ledger.get(proposals[0].key) == proposals[0].value


def test_cancelled_preview_creates_nothing(window: MainWindow, monkeypatch, previews: Previews) -> None:
    previews.accept = False
    choose_file(monkeypatch, SEED_REPORT)
    window.actions_.import_.trigger()
    assert window.session.library.list_reports() == []
    assert window.session.report is None


def test_old_word_file_gives_the_chinese_message(window: MainWindow, monkeypatch, shown, previews, tmp_path) -> None:
    bad = tmp_path / "去年的报告.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    choose_file(monkeypatch, bad)
    window.actions_.import_.trigger()
    assert len(shown.errors) == 1
    assert "去年的报告.doc" in shown.errors[0]
    assert "另存为" in shown.errors[0]
    assert previews.shown == []
    assert window.session.library.list_reports() == []
    assert QGuiApplication.overrideCursor() is None  # the wait cursor is gone again


def test_empty_text_file_gives_a_message(window: MainWindow, monkeypatch, shown, previews, tmp_path) -> None:
    empty = tmp_path / "空白.txt"
    empty.write_bytes(b"")
    choose_file(monkeypatch, empty)
    window.actions_.import_.trigger()
    assert len(shown.errors) == 1
    assert "没有" in shown.errors[0]
    assert window.session.library.list_reports() == []


def test_paste_import_from_clipboard(window: MainWindow, previews: Previews) -> None:
    QGuiApplication.clipboard().setText(SEED_REPORT.read_text(encoding="utf-8"))
    window.actions_.paste_import.trigger()
    report = window.session.report
    assert report is not None
    assert sum(1 for n in report.body if n.kind == SECTION) == 4


def test_paste_import_with_empty_clipboard(window: MainWindow, shown, previews: Previews) -> None:
    QGuiApplication.clipboard().setText("")
    window.actions_.paste_import.trigger()
    assert shown.errors
    assert "剪贴板" in shown.errors[0]
    assert previews.shown == []
    assert window.session.library.list_reports() == []


def test_roll_forward_shows_checklist_and_reference(qtbot, window: MainWindow, monkeypatch, previews) -> None:
    old_id = import_seed(window, monkeypatch)
    old = window.session.library.load_report(old_id)
    window.actions_.roll_forward.trigger()
    report = window.session.report
    assert report is not None
    assert report.id != old_id
    assert report.meta.year == 2024
    dock = window.checklist_dock
    assert dock.isVisible()  # first opening of a rolled-forward report
    rows = dock.panel.rows
    assert len(rows) == 5
    assert rows[0].lbl_text.text().startswith("1. ")
    assert "5 项" in dock.panel.lbl_summary.text()
    # last year's text of part 三 beside the editor
    model = window.session.outline
    row = next(i for i, n in enumerate(report.body) if n.title == "存在的主要问题")
    window.tree_view.setCurrentIndex(model.index(row, 0))
    side = window.side
    assert side.isTabVisible(1)
    assert side.tabText(1) == "去年内容"
    side.setCurrentIndex(1)
    old_part = next(n for n in old.body if n.title == "存在的主要问题")
    first_words = (old_part.children[0].title if old_part.children else old_part.text)[:10]
    assert first_words
    assert first_words in side.reference.text()
    assert side.reference.txt_reference.isReadOnly()
    side.reference.btn_copy.click()
    assert QGuiApplication.clipboard().text() == side.reference.text()
    # tick an item and write its 落实情况: both reach the library
    rows[1].chk_done.setChecked(True)
    QTest.keyClicks(rows[1].edt_note, "done 2024")  # ASCII only: non-ASCII keyClicks aborts Qt
    qtbot.waitUntil(
        lambda: window.session.library.load_checklist(report.id)[1].note == "done 2024", timeout=AUTOSAVE_DELAY_MS + 700
    )
    assert window.session.library.load_checklist(report.id)[1].done


def test_checklist_opens_by_itself_only_once(make_window, monkeypatch, previews) -> None:
    window = make_window()
    import_seed(window, monkeypatch)
    window.actions_.roll_forward.trigger()
    new_id = window.session.report_id
    assert window.checklist_dock.isVisible()
    window.close()
    again = make_window()
    again.open_report(new_id)
    assert not again.checklist_dock.isVisible()
    again.actions_.checklist.trigger()  # still reachable from the menu
    assert again.checklist_dock.isVisible()
    assert len(again.checklist_dock.panel.rows) == 5


def test_roll_forward_from_the_library_page(window: MainWindow, monkeypatch, previews) -> None:
    import_seed(window, monkeypatch)
    window.show_library()
    window.start_page.btn_roll.click()
    assert window.session.report is not None
    assert window.session.report.meta.year == 2024
    assert len(window.session.library.list_reports()) == 2


def test_roll_forward_of_the_example_report(window: MainWindow, shown) -> None:
    window.open_example()
    assert not window.side.isTabVisible(1)  # no last year's text: no 去年内容 tab
    window.actions_.roll_forward.trigger()
    report = window.session.report
    assert report.meta.year == 2025
    assert "2025年度" in report.meta.title
    assert window.side.isTabVisible(1)
    assert shown.errors == []


def test_roll_forward_without_selection_asks_for_one(window: MainWindow, shown) -> None:
    window.actions_.roll_forward.trigger()
    assert shown.infos
    assert "选中" in shown.infos[0]
    assert window.session.library.list_reports() == []


def test_a_file_dropped_on_the_program_icon_is_imported(window: MainWindow, previews: Previews) -> None:
    from ui.app import parse_gui_args

    args = parse_gui_args([str(SEED_REPORT), "--db", "lib.db", "-psn_0_1234"])  # stray arguments are ignored
    assert args.file == SEED_REPORT
    window.importer.import_path(args.file)
    assert len(previews.shown) == 1
    assert [r.year for r in window.session.library.list_reports()] == [2023]
