"""Start-up leaves the 体检 rules, the importer and what only later screens need unloaded; the
checks still run once the window is up, with the clerk's switched-off rules applied.

Run in a fresh interpreter: in this one, other tests have long imported models.checks.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import models.checks
from models.checks.ignores import set_rule_enabled
from models.store import Library
from ui.session import example_report
from ui.settings import AppSettings, save_settings

ROOT = Path(__file__).resolve().parents[2]

# Not needed to show the report last edited: each would cost start-up time (docs/architecture.md).
NOT_AT_START = (
    "models.checks",
    "models.importing",
    "sqlite_utils",
    "logging.handlers",
    "ui.dialogs.crash",
    "ui.start_page",
    "ui.editors.meta_form",
    "ui.editors.ledger_form",
    "models.ledger.refs",
    "ui.checklist_panel",
    "ui.findings_dock",
    "ui.undo_bar",
    "opencc",
    "ui.collab",
    "models.roundtrip.merge",
    "models.roundtrip.package",
    "ui.find_panel",
    "ui.full_text_view",
    "models.search",
    "models.export.font_check",
    "ui.pages",
    "models.typeset",
    "PySide6.QtPrintSupport",
    "models.interchange",
    "models.ledger.definitions",
    "models.ledger.formula",
    "models.ledger.sheet",
    "models.ledger.extract",
    "models.roundtrip.records",
    "ui.editors.table_grid",
    "models.export.pdf",
    "uharfbuzz",
)

CHILD = """
import sys
from PySide6.QtCore import QTimer
from ui.app import start

app, window = start(["--db", sys.argv[1]])
print("SHOWN", window.session.report is not None, [m for m in sys.argv[2:] if m in sys.modules], flush=True)
waited = [0]

def poll():
    checks = window.checks
    if checks.choices_ready() and checks.badge.text():
        print("CHECKED", sorted(checks.scheduler.disabled), checks.badge.text(), flush=True)
    elif waited[0] < 200:
        waited[0] += 1
        QTimer.singleShot(50, poll)
        return
    window.close()
    app.quit()

QTimer.singleShot(0, poll)
app.exec()
"""


def test_window_opens_before_the_rules_load_and_then_checks(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    switched_off = models.checks.RULES[0].id
    with Library(path) as library:
        report_id = library.create_report(example_report())
        set_rule_enabled(library, switched_off, False)
    save_settings(AppSettings(last_report=report_id))  # reopened at start, as the program does
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), *NOT_AT_START],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=30,
    )
    lines = result.stdout.splitlines()
    assert lines[0] == "SHOWN True []", result.stdout + result.stderr
    assert lines[1].startswith(f"CHECKED ['{switched_off}'] 体检："), result.stdout + result.stderr
    assert result.returncode == 0, result.stderr
