"""Ctrl+Y redoes typing in the text fields like Ctrl+Shift+Z, whatever the platform's key bindings.

Offscreen Qt uses the Windows bindings (Ctrl+Y is 重做 there), so the X11 bindings, where only
Ctrl+Shift+Z is, are tried in a child process on a virtual X server when there is one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from ui.window.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
CONTROL = Qt.KeyboardModifier.ControlModifier


def redo_keys_round_trip(window: MainWindow) -> list[str]:
    """Type into each field, then undo and redo with Ctrl+Shift+Z and with Ctrl+Y; what was wrong."""
    problems = []
    window.tree_view.setCurrentIndex(window.session.outline.index(1, 0))
    form = window.node_form
    for field, text in ((form.edt_body, form.edt_body.toPlainText), (form.edt_title, form.edt_title.text)):
        field.setFocus()
        QTest.keyClick(field, Qt.Key.Key_End, CONTROL)
        QTest.keyClicks(field, "abc")
        typed = text()
        for name, key, modifiers in (
            ("Ctrl+Shift+Z", Qt.Key.Key_Z, CONTROL | Qt.KeyboardModifier.ShiftModifier),
            ("Ctrl+Y", Qt.Key.Key_Y, CONTROL),
        ):
            QTest.keyClick(field, Qt.Key.Key_Z, CONTROL)
            if text() == typed:
                problems.append(f"Ctrl+Z did not undo in {type(field).__name__}")
            QTest.keyClick(field, key, modifiers)
            if text() != typed:
                problems.append(f"{name} did not redo in {type(field).__name__}")
    return problems


def test_ctrl_y_redoes_typing_in_the_text_fields(example_window: MainWindow) -> None:
    assert redo_keys_round_trip(example_window) == []


CHILD = textwrap.dedent("""
    import sys
    from pathlib import Path
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QApplication
    from models.store import Library
    from ui.session import Session
    from ui.settings import AppSettings
    from ui.window.main_window import MainWindow
    from tests.ui.test_redo_keys import redo_keys_round_trip

    app = QApplication([])
    redo = [k.toString() for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)]
    assert "Ctrl+Y" not in redo, redo  # the X11 bindings, as on a Linux desktop
    window = MainWindow(Session(Library(Path(sys.argv[1])), AppSettings()))
    window.show_library()
    window.show()
    window.activateWindow()
    app.processEvents()
    window.open_example()
    print("PROBLEMS", redo_keys_round_trip(window))
    window.close()
""")


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("xvfb-run") is None or not sys.platform.startswith("linux"),
    reason="needs a virtual X server (xvfb-run)",
)
def test_ctrl_y_redoes_typing_with_the_x11_key_bindings(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(ROOT)}
    for name in ("XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "KDE_FULL_SESSION", "QT_QPA_PLATFORMTHEME"):
        env.pop(name, None)
    result = subprocess.run(
        ["xvfb-run", "-a", sys.executable, "-c", CHILD, str(tmp_path / "library.db")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "PROBLEMS" in result.stdout, result.stderr[-2000:]
    assert result.stdout.split("PROBLEMS", 1)[1].strip() == "[]"
