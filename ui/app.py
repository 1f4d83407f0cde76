"""Start the desktop program (placeholder until the desktop issue lands: a library list)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from models import APP_NAME
from models.errors import NianbaoError
from models.logs import setup_logging
from models.paths import default_library_path
from models.store import Library


def parse_gui_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="nianbao")
    parser.add_argument("--db", type=Path)
    parser.add_argument("--debug", action="store_true")
    return parser.parse_args(argv)


def run(argv: list[str]) -> int:
    from PySide6.QtWidgets import QApplication, QListWidget, QMainWindow, QMessageBox

    args = parse_gui_args(argv)
    setup_logging(args.debug)
    app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    try:
        library = Library(args.db or default_library_path())
    except NianbaoError as exc:
        QMessageBox.critical(None, APP_NAME, str(exc))
        return 1
    window = QMainWindow()
    window.setWindowTitle(APP_NAME)
    listing = QListWidget()
    for r in library.list_reports():
        listing.addItem(f"{r.year}  {r.title}")
    window.setCentralWidget(listing)
    window.resize(900, 600)
    window.show()
    try:
        return app.exec()
    finally:
        library.close()
