"""年报助手 entry point: no subcommand → the desktop program; a subcommand → the command line.

The command-line path imports no Qt, so scripts and CI stay fast and headless.
"""

from __future__ import annotations

import os
import sys

from models.console import ensure_std_streams

# Set by bench/bench_frozen.py: quit as soon as the event loop has shown the first window.
EXIT_AFTER_SHOWN = "NIANBAO_EXIT_AFTER_SHOWN"


def first_positional(argv: list[str]) -> str | None:
    """The subcommand, if any (the value after ``--db`` is not one)."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--db":
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    wants_help = any(a in ("-h", "--help", "--version") for a in argv)
    if first_positional(argv) is not None or wants_help:
        ensure_std_streams(attach=True)
        from cli import main as cli_main
        from models.logs import setup_logging

        setup_logging(debug="--debug" in argv)
        return cli_main([a for a in argv if a != "--debug"])
    ensure_std_streams(attach=False)
    prepare_frozen_qt()
    if os.environ.get(EXIT_AFTER_SHOWN):
        quit_when_event_loop_starts()
    from ui.app import run

    return run(argv)


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


if __name__ == "__main__":
    sys.exit(main())
