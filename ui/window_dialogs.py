"""The window's dialog commands (export, versions, trash, settings, recent reports), kept
out of main_window.py. Rarely used dialogs are imported on first use: start-up time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from models.errors import NianbaoError
from ui.dialogs import alerts
from ui.dialogs.small import SettingsDialog
from ui.settings import save_settings

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class WindowDialogs(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        acts = window.actions_
        acts.export.triggered.connect(self.export_report)
        acts.snapshot.triggered.connect(self.save_revision)
        acts.revisions.triggered.connect(self.show_revisions)
        acts.trash.triggered.connect(self.show_trash)
        acts.settings.triggered.connect(self.edit_settings)
        acts.recent.aboutToShow.connect(self.fill_recent)

    def fill_recent(self) -> None:
        menu = self.window.actions_.recent
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

        if self.session.report is not None:
            ExportDialog(self.session, self.window).exec()

    def save_revision(self) -> None:
        if self.session.report is None or self.session.read_only:
            return
        label, accepted = alerts.ask_text(self.window, self.tr("保存版本"),
                                          self.tr("为这个版本写一句说明（如“报局长审阅稿”）："), self.tr("手动保存"))
        if accepted and self.session.create_revision(label) is not None:
            self.window.statusBar().showMessage(self.tr("已保存版本：") + label, 6000)

    def show_revisions(self) -> None:
        from ui.dialogs.revisions import RevisionsDialog

        if self.session.report is not None:
            RevisionsDialog(self.session, self.window).exec()

    def show_trash(self) -> None:
        from ui.dialogs.trash import TrashDialog

        if self.session.report is not None:
            TrashDialog(self.session, self.window).exec()

    def edit_settings(self) -> None:
        from ui.dialogs.rules_page import RulesPage

        dialog = SettingsDialog(self.session.settings, self.window)
        rules = RulesPage(self.session.library, self.session.read_only)
        dialog.add_page(rules, self.tr("检查规则"))
        if dialog.exec():
            dialog.apply()
            save_settings(self.session.settings)
            self.window.apply_settings()
            try:
                changed = rules.apply()
            except NianbaoError as exc:
                alerts.show_error(self.window, self.tr("检查规则未保存：") + str(exc))
                return
            if changed:
                self.window.check_options.reload_rules()
