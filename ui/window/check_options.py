"""The clerk's choices about 体检 that outlive one run: findings ignored in one report, which
「恢复已忽略的问题」 in the findings dock brings back. (Rules switched off in 设置 are
reloaded by the checks controller.)

Kept beside ui.window.checks_controller (which runs the checks) so that module stays about findings.
"""

from __future__ import annotations

import logging
from typing import Protocol

from PySide6.QtCore import QObject, Qt, SignalInstance
from PySide6.QtWidgets import QPushButton

from models.errors import NianbaoError
from ui.check_worker import CheckScheduler
from ui.findings_panel import FindingsPanel
from ui.session import Session

log = logging.getLogger(__name__)


class ChecksRunner(Protocol):
    """The checks controller, as far as these options need it."""

    scheduler: CheckScheduler
    choices_loaded: SignalInstance

    def choices_ready(self) -> bool: ...
    def check_now(self) -> None: ...


class CheckOptions(QObject):
    def __init__(
        self, checks: ChecksRunner, panel: FindingsPanel, session: Session, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.checks = checks
        self.btn_restore = QPushButton(self.tr("恢复已忽略的问题"))
        self.btn_restore.setToolTip(self.tr("把这份报告中点过“忽略”的问题重新列出来"))
        self.btn_restore.clicked.connect(self.restore_ignored)
        side = panel.side_layout
        side.insertWidget(side.count() - 1, self.btn_restore, 0, Qt.AlignmentFlag.AlignLeft)  # above 修正…
        panel.ignore_requested.connect(self.update_button)  # after the controller saved it
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
        self.btn_restore.setText(
            self.tr("恢复已忽略的问题（%1）").replace("%1", str(count)) if count else self.tr("恢复已忽略的问题")
        )
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
