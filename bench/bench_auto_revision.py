"""Automatic revisions run on the UI thread: time one (flush + Library.create_revision) for a
20-page report, in a library that already holds many revisions. Prints medians; not a test."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from common import show, sized_report, timings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from models.store import Library

PAGE_CHARS = 22 * 28
NODES = 160  # ≈ 20 full pages of body text
RUNS = 200


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from ui.session import Session
    from ui.settings import AppSettings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        library = Library(Path(folder) / "library.db")
        report = sized_report(NODES)
        report_id = library.create_report(report)
        chars = sum(len(n.title) + len(n.text) for n in report.walk())
        print(f"report: {len(list(report.walk()))} nodes, {chars} characters ≈ {chars / PAGE_CHARS:.1f} pages")
        show("Library.create_revision (20-page report)", timings(lambda: library.create_revision(report_id, "x"), RUNS))
        session = Session(library, AppSettings())
        session.open_report(report_id)
        node = next(n for n in session.report.walk() if n.text)
        auto = session.auto_revisions

        def one_edit_then_revision() -> object:
            auto.changed = True
            return auto.make_revision()

        session.edit_node(node.id, text=node.text + "新")
        session.flush()
        show("automatic revision slot (flush + revision)", timings(one_edit_then_revision, RUNS), goal_ms=10)
        print(f"revisions in the library: {len(library.list_revisions(report_id))}")
        library.close()
    session.deleteLater()
    app.processEvents()


if __name__ == "__main__":
    main()
