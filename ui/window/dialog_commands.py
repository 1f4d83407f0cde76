"""The window's dialog commands (export, versions, trash, settings, recent reports), kept
out of main_window.py. The dialogs are imported on first use: start-up time."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, Signal

from models.edition import Edition
from models.errors import NianbaoError
from ui.actions import Actions
from ui.dialogs import alerts
from ui.session import Session
from ui.settings import save_settings
from ui.window.port import WindowPort


class ExportChecks(Protocol):
    """What 导出 needs of 体检 (the window's ChecksController)."""

    def open_errors(self, edition: Edition) -> int: ...

    def show_findings(self, edition: Edition) -> None: ...


class DialogCommands(QObject):
    settings_applied = Signal()  # 设置 accepted: the editor font and the like may have changed
    rules_changed = Signal()  # rules switched on or off in 设置

    def __init__(self, window: WindowPort, session: Session, acts: Actions, checks: ExportChecks) -> None:
        super().__init__(window.widget())
        self.window = window
        self.session = session
        self.actions = acts
        self.checks = checks

    def fill_recent(self) -> None:
        menu = self.actions.recent
        menu.clear()
        live = {s.id: s for s in self.session.library.list_reports()}
        for report_id in self.session.settings.recent_reports:
            if report_id in live:
                summary = live[report_id]
                action = menu.addAction(f"{summary.year}  {summary.title}")
                action.triggered.connect(lambda _=False, rid=report_id: self.window.open_report(rid))
        if menu.isEmpty():
            menu.addAction(self.tr("（没有最近打开的报告）")).setEnabled(False)

    def export_report(self) -> None:
        from ui.dialogs.export_dialog import ExportDialog

        if self.session.report is None:
            return
        dialog = ExportDialog(self.session, self.window.widget(), open_errors=self.checks.open_errors)
        dialog.exec()
        if dialog.findings_requested:  # 查看错误 instead of exporting with 错误 left
            self.checks.show_findings(Edition.SUBMIT)

    def save_revision(self) -> None:
        if self.session.report is None or self.session.read_only:
            return
        label, accepted = alerts.ask_text(
            self.window.widget(),
            self.tr("保存版本"),
            self.tr("为这个版本写一句说明（如“报局长审阅稿”）："),
            self.tr("手动保存"),
        )
        if accepted and self.session.create_revision(label) is not None:
            self.window.show_message(self.tr("已保存版本：") + label)

    def show_revisions(self) -> None:
        from ui.dialogs.revisions import RevisionsDialog

        if self.session.report is not None:
            RevisionsDialog(self.session, self.window.widget()).exec()

    def show_trash(self) -> None:
        from ui.dialogs.trash import TrashDialog

        if self.session.report is not None:
            TrashDialog(self.session, self.window.widget()).exec()

    def edit_settings(self) -> None:
        from ui.dialogs.rules_page import RulesPage
        from ui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.session.settings, self.window.widget())
        rules = RulesPage(self.session.library, self.session.read_only)
        dialog.add_page(rules, self.tr("检查规则"))
        if dialog.exec():
            dialog.apply()
            save_settings(self.session.settings)
            self.settings_applied.emit()
            try:
                changed = rules.apply()
            except NianbaoError as exc:
                alerts.show_error(self.window.widget(), self.tr("检查规则未保存：") + str(exc))
                return
            if changed:
                self.rules_changed.emit()
