"""导出审校稿… in the 体检 dock: a save dialog with …-审校稿.docx, a question before an overwrite, and a
.docx whose comments are the findings the dock shows."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog

from tests.conftest import SEED_REPORT
from tests.ui.conftest import Alerts
from tests.ui.test_checks_controller import run_checks_in
from ui.import_preview import ImportPreviewDialog
from ui.window.main_window import MainWindow


@pytest.fixture
def seed_window(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """The window with the sample report imported through 导入 and open."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a: (str(SEED_REPORT), "")))
    monkeypatch.setattr(ImportPreviewDialog, "exec", lambda dialog: 1)
    window.actions_.import_.trigger()
    assert window.session.report is not None
    return window


class SaveDialog:
    """Stands in for QFileDialog.getSaveFileName: records the default path, answers ``answer``."""

    def __init__(self, answer: Path | None) -> None:
        self.answer = answer
        self.defaults: list[str] = []

    def __call__(self, parent, caption, default, filters, options=None):  # type: ignore[no-untyped-def]
        self.defaults.append(default)
        return (str(self.answer), filters) if self.answer else ("", "")


def click_export(window: MainWindow) -> None:
    QTest.mouseClick(window.checks.dock.btn_annotated, Qt.MouseButton.LeftButton)


def test_the_dock_exports_the_annotated_copy_of_the_findings_it_shows(
    qtbot,
    seed_window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    shown: Alerts,
) -> None:
    findings = run_checks_in(qtbot, seed_window)
    target = tmp_path / "out" / "审阅用"  # no extension: .docx is added
    target.parent.mkdir()
    dialog = SaveDialog(target)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
    click_export(seed_window)
    assert Path(dialog.defaults[0]).name.endswith("-审校稿.docx")
    written = target.with_name("审阅用.docx")
    document = docx.Document(io.BytesIO(written.read_bytes()))
    assert len(document.comments) == len(findings)
    assert {c.text.split("\n")[0] for c in document.comments} == {f"【{f.severity}】{f.message}" for f in findings}
    assert not shown.errors
    assert not shown.questions
    assert "已导出审校稿" in seed_window.statusBar().currentMessage()
    # the next export suggests the folder just used
    dialog.answer = None
    click_export(seed_window)
    assert Path(dialog.defaults[1]).parent == written.parent


def test_an_existing_file_is_replaced_only_after_a_yes(
    qtbot,
    seed_window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    shown: Alerts,
) -> None:
    run_checks_in(qtbot, seed_window)
    target = tmp_path / "审校稿.docx"
    target.write_bytes(b"kept")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(SaveDialog(target)))
    shown.answer = False
    click_export(seed_window)
    assert len(shown.questions) == 1
    assert "审校稿.docx" in shown.questions[0]
    assert target.read_bytes() == b"kept"
    shown.answer = True
    click_export(seed_window)
    assert len(docx.Document(str(target)).comments) > 0


def test_a_failed_write_says_why_in_chinese(
    qtbot,
    seed_window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    shown: Alerts,
) -> None:
    run_checks_in(qtbot, seed_window)
    target = tmp_path / "missing-folder" / "审校稿.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(SaveDialog(target)))
    click_export(seed_window)
    assert not target.exists()
    assert shown.errors
    assert shown.errors[0].startswith("审校稿没有导出：")
