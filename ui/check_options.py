"""The clerk's choices about 体检 that outlive one run: rules switched off in 设置, and findings
ignored in one report, which 「恢复已忽略的问题」 in the findings dock brings back.

Kept beside ui.checks_dock (which runs the checks) so that module stays about findings.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QPushButton

from models.errors import NianbaoError

if TYPE_CHECKING:
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)


class CheckOptions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.checks = window.checks
        self.btn_restore = QPushButton(self.tr("恢复已忽略的问题"))
        self.btn_restore.setToolTip(self.tr("把这份报告中点过“忽略”的问题重新列出来"))
        self.btn_restore.clicked.connect(self.restore_ignored)
        side = self.checks.panel.side_layout
        side.insertWidget(side.count() - 1, self.btn_restore, 0, Qt.AlignmentFlag.AlignLeft)  # above 修正…
        self.checks.panel.ignoreRequested.connect(self.update_button)  # after the controller saved it
        self.session.report_opened.connect(self.update_button)
        self.checks.choices_loaded.connect(self.update_button)
        self.update_button()

    def ignored_count(self) -> int:
        report_id = self.session.report_id
        if report_id is None or not self.session.library.is_open:  # no report, or the window is closing
            return 0
        if not self.checks.choices_ready():  # models.checks is still loading in the background
            return 0
        from models.checks.ignores import load_ignored

        return len(load_ignored(self.session.library, report_id))

    def update_button(self, *_args: object) -> None:
        count = self.ignored_count()
        self.btn_restore.setText(self.tr("恢复已忽略的问题（%1）").replace("%1", str(count)) if count
                                 else self.tr("恢复已忽略的问题"))
        self.btn_restore.setEnabled(count > 0 and not self.session.read_only)

    def restore_ignored(self) -> None:
        report_id = self.session.report_id
        if report_id is None or self.session.read_only:
            return
        from models.checks.ignores import clear_ignored

        try:
            clear_ignored(self.session.library, report_id)
        except NianbaoError as exc:
            self.session.failed.emit(f"恢复已忽略的问题未保存：{exc}")
            return
        self.checks.scheduler.ignored = frozenset()
        self.update_button()
        self.checks.check_now()

    def reload_rules(self) -> None:
        """After 设置: the switched-off rules may have changed; check again with the new set."""
        from models.checks.ignores import load_disabled

        self.checks.scheduler.disabled = frozenset(load_disabled(self.session.library))
        if self.session.report is not None:
            self.checks.check_now()
