"""The 协作 menu's commands: 分工, 生成填报文件, 导入填报文件或审阅稿, 导出审阅稿, and the 分工 and
批注 docks. Built on first use; dialogs and models.roundtrip are imported here, not at start-up."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from models.edition import Edition
from models.errors import NianbaoError
from models.export import ExportOptions
from ui.collab.assign_dialog import AssignDialog, known_units
from ui.collab.assignments_panel import AssignmentsDock
from ui.collab.notes_panel import NotesDock
from ui.dialogs import alerts
from ui.dialogs.export_dialog import documents_folder, safe_file_name
from ui.dialogs.save_docx import ask_docx_target
from ui.session import Session
from ui.window.port import WindowPort

OPEN_FILTER = "Word 文档 (*.docx)"


class CollabCommands(QObject):
    def __init__(self, window: WindowPort, session: Session) -> None:
        super().__init__(window.widget())
        self.window = window
        self.session = session
        self._assignments: AssignmentsDock | None = None
        self._notes: NotesDock | None = None

    # --- docks ---

    @property
    def assignments_dock(self) -> AssignmentsDock:
        if self._assignments is None:
            self._assignments = AssignmentsDock(self.session, self.window.widget())
            panel = self._assignments.panel
            panel.part_selected.connect(self._select_part)
            panel.assign_requested.connect(self.assign_current)
            panel.package_requested.connect(self.make_package)
        return self._assignments

    @property
    def notes_dock(self) -> NotesDock:
        if self._notes is None:
            self._notes = NotesDock(self.session, self.window.widget())
            self._notes.panel.reveal_requested.connect(self.window.reveal)
        return self._notes

    def show_assignments(self) -> None:
        self.window.show_dock(self.assignments_dock, 240)

    def show_notes(self) -> None:
        self.window.show_dock(self.notes_dock, 240)

    def _select_part(self, node_id: int) -> None:
        if self.session.report is not None:
            self.window.select_node(self.session.report.find(node_id))

    # --- 分工 ---

    def assign_current(self) -> None:
        node = self.window.current_node()
        report = self.session.report
        if report is None or self.session.read_only:
            return
        if node is None or node.id is None:
            self.window.show_message(self.tr("请先在目录中选择要分工的部分。"))
            return
        from models.roundtrip.parts import part_labels

        dialog = AssignDialog(
            part_labels(report)[node.id], known_units(report), node.unit, node.due, self.window.widget()
        )
        if dialog.exec():
            unit, due = dialog.values()
            if (unit, due if unit else "") != (node.unit, node.due) and self.session.request_assign(
                [node.id], unit, due
            ):
                self.window.show_message(self.tr("已分给") + unit if unit else self.tr("已取消分工"))

    def make_package(self, unit: str = "") -> None:
        from ui.collab.package_dialog import PackageDialog

        if self.session.report is None or self.session.read_only:
            return
        dialog = PackageDialog(self.session, unit, self.window.widget())
        if dialog.exec() and dialog.written is not None:
            self.window.show_message(self.tr("已生成填报文件：") + str(dialog.written))

    # --- files coming back ---

    def ask_returned_file(self) -> Path | None:
        folder = self.session.settings.last_folder or str(documents_folder())
        path, _ = QFileDialog.getOpenFileName(
            self.window.widget(), self.tr("导入填报文件或审阅稿"), folder, self.tr(OPEN_FILTER)
        )
        return Path(path) if path else None

    def import_returned(self) -> None:
        """One action for both kinds: the file's anchors say whether it is a 填报文件 or a 审阅稿."""
        from models.roundtrip.merge import plan_merge
        from ui.collab.merge_dialog import MergeDialog

        report = self.session.report
        if report is None or report.id is None or self.session.read_only:
            return
        path = self.ask_returned_file()
        if path is None or not self.session.flush():  # compared with what the clerk sees now
            return
        try:
            plan = plan_merge(self.session.library, report.id, path)
        except NianbaoError as exc:
            alerts.show_error(self.window.widget(), str(exc))
            return
        self.session.settings.last_folder = str(path.parent)
        if not (plan.changes or plan.proposals or plan.notes or plan.problems):
            alerts.show_info(
                self.window.widget(), self.tr("{0} 与报告现稿相同，没有需要合并的修改。").replace("{0}", path.name)
            )
            return
        dialog = MergeDialog(self.session, plan, path, self.window.widget())
        if dialog.exec() and dialog.revision is not None:
            self.window.show_message(
                self.tr("已合并；合并前的报告已保存为历史版本“{0}”，可按 Ctrl+Z 撤销。").replace("{0}", plan.label())
            )
            if plan.notes:
                self.show_notes()

    # --- 审阅稿 ---

    def export_review(self) -> None:
        """The .docx with hidden part anchors, for a leader to mark up with 修订 and 批注."""
        from models.roundtrip.review import make_review

        report = self.session.report
        if report is None or report.id is None or self.session.read_only:
            return
        settings = self.session.settings
        folder = Path(settings.last_folder) if settings.last_folder else documents_folder()
        default = folder / f"{safe_file_name(report.meta.title)}-审阅稿.docx"
        target = ask_docx_target(self.window.widget(), self.tr("导出审阅稿"), default, self.tr("审阅稿"))
        if target is None:
            return
        if self.session.create_revision(self.tr("导出审阅稿前自动保存")) is None:
            return
        edition = self.session.report_setting("export_edition", settings.default_edition)
        known = edition in {e.value for e in Edition}
        options = ExportOptions(
            edition=Edition(edition) if known else Edition.SUBMIT, fallback_fonts=settings.fallback_fonts
        )
        try:
            make_review(self.session.library, report.id, target, options)
        except NianbaoError as exc:
            alerts.show_error(self.window.widget(), self.tr("审阅稿没有导出：") + str(exc))
            return
        settings.last_folder = str(target.parent)
        self.window.show_message(
            self.tr("已导出审阅稿：") + str(target) + self.tr("。请领导在 Word 或 WPS 中打开“修订”后修改。")
        )
