"""Start the desktop program: QApplication set-up, crash dialog, library lock, main window."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTimer, QTranslator, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from models import APP_ID, APP_NAME, __version__
from models.logs import setup_logging
from models.paths import default_library_path, resource_dir
from ui.excepthook import install_excepthook
from ui.fonts import ui_font
from ui.gc_guard import collect_on_gui_thread
from ui.library_open import open_library
from ui.session import Session
from ui.settings import load_settings
from ui.window.main_window import MainWindow

log = logging.getLogger(__name__)

# Qt's own texts in Chinese. Qt's qtbase_zh_CN.qm lags behind its sources: it has no Chinese for the
# file dialog's "&Look in:" and "Files of &type:" (its texts predate the "&") and keeps the key names
# "Ins" and "Del". resources/translations/qt_extra_zh_CN.ts holds those; its compiled .qm is
# installed after Qt's file, so it is asked first. Compiled catalogues: Qt reads them in C++.
QT_CATALOGS = ("qtbase_zh_CN", "qt_extra_zh_CN")


def parse_gui_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="nianbao")
    parser.add_argument("--db", type=Path)
    parser.add_argument("--debug", action="store_true")
    # A .docx/.txt dropped on the program's icon (or "Open with") arrives as a bare path.
    parser.add_argument("file", nargs="?", type=Path)
    args, _unknown = parser.parse_known_args(argv)  # a window never dies of a stray argument
    return args


def app_icon() -> QIcon:
    return QIcon(str(resource_dir() / "icons" / "app.svg"))


def _set_windows_app_id() -> None:
    """Give the taskbar our own icon and grouping instead of python.exe's."""
    if sys.platform == "win32":
        import ctypes

        ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID(f"{APP_ID}.{APP_ID}.{__version__}")


def install_qt_translations(app: QCoreApplication) -> list[QTranslator]:
    """Install :data:`QT_CATALOGS` in ``app``; returns the translators installed (to remove them)."""
    folders = (QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), str(resource_dir() / "translations"))
    installed: list[QTranslator] = []
    for catalog, folder in zip(QT_CATALOGS, folders, strict=True):
        translator = QTranslator(app)
        if translator.load(catalog, folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def create_app(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    _set_windows_app_id()
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    # Fusion from the start, as a command-line style: setStyle() afterwards would build a second
    # style and wrap it for Python (QStyle's enums alone cost ~7 ms of every start).
    app = QApplication([*(argv[:1] or [APP_NAME]), "-style", "fusion"])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_ID)
    app.setApplicationVersion(__version__)
    app.setFont(ui_font())
    app.setWindowIcon(app_icon())
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    install_qt_translations(app)  # before any window: menus and tooltips read key names once
    collect_on_gui_thread(app)  # Qt wrappers in cyclic garbage must not die on a worker thread
    qInstallMessageHandler(lambda mode, context, message: log.debug("Qt: %s", message))
    return app


def start(argv: list[str]) -> tuple[QApplication, MainWindow] | None:
    """Everything up to the shown window (``run`` adds the event loop; benchmarks time this)."""
    args = parse_gui_args(argv)
    log_path = setup_logging(args.debug)
    save_hooks: list[Callable[[], object]] = []
    install_excepthook(str(log_path or ""), lambda: [hook() for hook in save_hooks])
    app = create_app(sys.argv[:1])
    opened = open_library(args.db or default_library_path())
    if opened is None:
        return None
    library, read_only = opened
    settings = load_settings()
    session = Session(library, settings, read_only=read_only)
    save_hooks.append(session.flush)
    window = MainWindow(session)
    if settings.last_report is not None and library.has_report(settings.last_report):
        window.open_report(settings.last_report)
    else:
        window.show_library()
    window.show()
    if args.file is not None:
        QTimer.singleShot(0, lambda: window.importer.import_path(args.file))
    return app, window


def run(argv: list[str]) -> int:
    started = start(argv)
    if started is None:
        return 1
    app, _window = started
    return app.exec()
