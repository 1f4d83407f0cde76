"""Take the README screenshots (docs/screen-*.png) from the real program on a scratch library.

Run under Xvfb for real window decorations-free pixels:
    Xvfb :99 -screen 0 1600x1000x24 &  QT_QPA_PLATFORM=xcb DISPLAY=:99 python scripts/take_screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_REPORT = ROOT / "tests" / "data" / "seed-report-2023.txt"
sys.path.insert(0, str(ROOT))


def main() -> int:
    scratch = Path(tempfile.mkdtemp(prefix="nianbao-shots-"))
    os.environ["NIANBAO_HOME"] = str(scratch)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QAbstractItemView

    from models.importing import import_file
    from models.interchange import read_file
    from models.paths import resource_dir
    from models.store import Library
    from models.templates import load_template, new_report
    from ui.app import start
    from ui.dialogs.export_dialog import ExportDialog
    from ui.import_preview import ImportPreviewDialog

    library_path = scratch / "library.db"
    with Library(library_path) as library:
        library.create_report(new_report(load_template("fzzf-annual"), 2023, "某市某区示范局"))
        library.create_report(read_file(resource_dir() / "examples" / "example-report.json")[0])
    started = start(["--db", str(library_path)])
    assert started is not None
    app, window = started
    window.resize(1280, 800)
    docs = ROOT / "docs"

    def settle() -> None:
        for _ in range(20):
            app.processEvents()

    settle()
    window.grab().save(str(docs / "screen-start.png"))
    example_id = next(s.id for s in window.session.library.list_reports() if s.year == 2024)
    window.open_report(example_id)
    model = window.session.outline
    window.tree_view.setCurrentIndex(model.index(2, 0, model.index(1, 0)))
    window.checks.show_checks()
    wait_for_findings(app, window)
    window.grab().save(str(docs / "screen-main.png"))
    dialog = ExportDialog(window.session, window)
    dialog.edt_path.setText(r"C:\Users\科员\Documents\某市某区示范局关于2024年度法治政府建设情况的报告.docx")
    dialog.show()
    settle()
    dialog.grab().save(str(docs / "screen-export.png"))
    dialog.close()
    # The sample report: a published report as scraped from its web page.
    result = import_file(SEED_REPORT)
    preview = ImportPreviewDialog(result, parent=window)
    preview.show()
    settle()
    preview.grab().save(str(docs / "screen-import.png"))
    preview.close()
    window.open_report(window.session.library.create_report(result.report))
    window.checks.show_checks()
    wait_for_findings(app, window)
    panel = window.checks.panel
    finding = next(f for f in panel.findings() if f.excerpt == "〔202383号")
    panel.select_finding(finding)
    window.checks.go_to(finding.node_id, finding.field, finding.start, finding.end)
    panel.tree.scrollToItem(panel.tree.currentItem(), QAbstractItemView.ScrollHint.PositionAtCenter)
    settle()
    window.grab().save(str(docs / "screen-checks.png"))
    shoot_pages(app, window, docs / "screen-pages.png")
    QTimer.singleShot(0, window.close)
    settle()
    return 0


def shoot_pages(app, window, target: Path) -> None:
    """视图 › 页面 beside the editor on the sample report, a part of its second page shown. The
    GB/T 9704 faces are mapped onto free ones as the tests map them (this machine has none)."""
    os.environ["FONTCONFIG_FILE"] = str(ROOT / "tests" / "fonts" / "fonts.conf")  # read by fc-match
    window.checks.dock.hide()
    window.resize(1560, 960)
    window.actions_.page_view.trigger()
    dock = window.page_dock
    for _ in range(500):
        app.processEvents()
        if dock.pages is not None:
            break
        time.sleep(0.02)
    part = next(line.node for line in dock.pages[1].lines if line.node is not None and line.text.startswith("（"))
    window.select_node(window.session.report.find(part))
    for _ in range(20):
        app.processEvents()
    window.grab().save(str(target))


def wait_for_findings(app, window) -> None:
    """Checks run on a worker thread: let the events through until the panel is filled."""
    for _ in range(200):
        app.processEvents()
        if window.checks.panel.findings() or window.checks.badge.isVisible():
            break
        time.sleep(0.02)
    for _ in range(20):
        app.processEvents()


if __name__ == "__main__":
    sys.exit(main())
