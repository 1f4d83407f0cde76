"""The window's helpers see it through WindowPort; what the first screen does not show is built
(and imported) on first use."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from models.store import Library
from ui.session import example_report
from ui.settings import AppSettings, save_settings
from ui.window.main_window import MainWindow
from ui.window.port import WindowPort

ROOT = Path(__file__).resolve().parents[2]

DEFERRED = (
    "ui.findings_panel",
    "ui.findings_dock",
    "ui.checklist_panel",
    "ui.start_page",
    "ui.editors.meta_form",
    "ui.window.import_actions",
    "ui.window.backup_actions",
    "ui.window.dialog_commands",
    "ui.window.level_moves",
    "ui.window.check_options",
    "ui.dialogs.new_report",
    "ui.dialogs.settings_dialog",
    "ui.collab.commands",
)

CHILD = """
import sys
from ui.app import start

app, window = start(["--db", sys.argv[1]])
print(window.session.report is not None, sorted(set(sys.argv[2:]) & set(sys.modules)), flush=True)
window.close()
"""


def port_members() -> set[str]:
    return {name for name in vars(WindowPort) if not name.startswith("_")}


def test_the_window_provides_every_member_of_its_port() -> None:
    assert port_members() <= {name for name in dir(MainWindow) if callable(getattr(MainWindow, name))}


def test_the_first_screen_leaves_docks_and_commands_unbuilt(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    with Library(path) as library:
        report_id = library.create_report(example_report())
    save_settings(AppSettings(last_report=report_id))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), *DEFERRED],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=30,
    )
    assert result.stdout.splitlines()[:1] == ["True []"], result.stdout + result.stderr


def test_docks_and_commands_are_built_when_asked_for(example_window: MainWindow) -> None:
    window = example_window
    assert window.checks.panel is window.checks.dock.panel
    assert window.check_options.btn_restore.text() == "恢复已忽略的问题"
    assert not window.checklist_dock.isVisible()  # the example has no checklist
    assert window.meta_form.edt_issuer.text() == window.session.report.meta.issuer
    importer = window.importer
    assert window.importer is importer  # built once, then kept
    window.actions_.check.trigger()
    assert window.checks.dock.isVisible()


def test_the_report_form_built_late_is_shown(example_window: MainWindow) -> None:
    example_window.show_meta()
    assert example_window.meta_form.edt_issuer.isVisible()
    assert example_window.meta_form.edt_issuer.hasFocus() or not example_window.isActiveWindow()
