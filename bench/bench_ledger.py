"""The 数据台账 page and live references on the UI thread, for a 20-page report whose every body
text cites a figure: first show of the page, one figure saved (undo step + library + page and
editor refreshed), and the whole report resolved (as export and 体检 read it). Prints medians;
not a test."""

from __future__ import annotations

import os
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

from common import show, sized_report, timings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from models.ledger.refs import resolved_report
from models.ledger.values import CURRENT
from models.store import Library

NODES = 160  # ≈ 20 full pages of body text
RUNS = 50
KEY = "recon_resp_cases"


def main() -> None:
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    from ui.session import Session
    from ui.settings import AppSettings
    from ui.window.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        library = Library(Path(folder) / "library.db")
        report = sized_report(NODES)
        for node in report.walk():
            if node.text:
                node.text += f"全年办理行政复议案件{{{{ledger:{KEY}}}}}。"
        report.ledger.set(KEY, CURRENT, Decimal(12))
        report_id = library.create_report(report)
        refs = sum(1 for n in report.walk() if "{{ledger:" in n.text)
        print(f"report: {len(list(report.walk()))} nodes, {refs} paragraphs citing a figure")
        show("resolved_report (export, 体检 read this)", timings(lambda: resolved_report(report), RUNS))
        window = MainWindow(Session(library, AppSettings()))
        window.open_report(report_id)
        window.show()
        show("数据台账 page, first show", timings(window.show_ledger, 1))
        show("数据台账 page, shown again", timings(window.show_ledger, RUNS))
        figures = iter(range(13, 13 + RUNS * 2))

        def save_one() -> None:
            window.ledger_form.fields[(KEY, CURRENT)].setText(str(next(figures)))
            window.ledger_form.commit(KEY, CURRENT)

        show("one figure saved (step, library, page, editor)", timings(save_one, RUNS), goal_ms=100)
        saved = library.load_ledger(report_id).get(KEY)
        show("undo of a figure", timings(window.session.undo, RUNS), goal_ms=100)
        print(f"saved figure after the runs: {saved}; after as many undos: {library.load_ledger(report_id).get(KEY)}")
        QThreadPool.globalInstance().waitForDone()  # the 体检 rules, loading since the window opened
        window.close()
        app.processEvents()


if __name__ == "__main__":
    main()
