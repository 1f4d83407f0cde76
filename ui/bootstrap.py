"""What must happen before PySide6 is first imported, and a start-up probe for benchmarks.

This module imports no Qt at import time: ``main.py`` calls it on the window path only.
"""

from __future__ import annotations

import os
import sys

# Set by bench/bench_frozen.py: quit as soon as the event loop has shown the first window.
EXIT_AFTER_SHOWN = "NIANBAO_EXIT_AFTER_SHOWN"
PINNED_REFERENCES = 1 << 40


def pin_singletons() -> None:
    """Make None, True and False immortal on Python 3.11, as Python 3.12 does.

    PySide6 6.12's abi3 bindings hand back None (every void call) and True (every
    ``Signal.emit``) without a new reference, which only immortal singletons tolerate. On
    3.11 each call drops one reference, and after about two thousand keystrokes the
    interpreter aborts with "deallocating None" (no crash dialog, no last save).
    """
    if sys.version_info >= (3, 12) or hasattr(sys, "gettotalrefcount"):  # immortal already; debug build
        return
    import ctypes

    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += PINNED_REFERENCES


def prepare_frozen_qt() -> None:
    """Point Qt at the bundled plugins before PySide6 is first imported (frozen builds only).

    build.spec drops PyInstaller's PySide6 run-time hook, which would import QtCore at every
    start and make the command line load Qt too; this is the part of it the window needs.
    PySide6 itself registers the qt.conf that locates the translations.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if not getattr(sys, "frozen", False) or bundle is None:
        return
    qt_dir = os.path.join(bundle, "PySide6") if sys.platform == "win32" else os.path.join(bundle, "PySide6", "Qt")
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt_dir, "plugins")  # not a Qt installed elsewhere
    if sys.platform == "win32":  # as the hook does: bundled DLLs first for Qt's own LoadLibrary calls
        os.environ["PATH"] = bundle + os.pathsep + os.environ.get("PATH", "")


def quit_when_event_loop_starts() -> None:
    """Make ``QApplication.exec`` return once it has processed the first window's show events.

    A start-up probe that needs nothing from ui/: whatever window the program shows before
    entering its event loop is on screen when the loop gets to the queued quit.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    original_exec = QApplication.exec

    def exec_then_quit(*_args: object) -> int:
        app = QApplication.instance()
        if app is not None:
            QTimer.singleShot(0, app.quit)
        return original_exec()

    QApplication.exec = exec_then_quit  # type: ignore[method-assign]
