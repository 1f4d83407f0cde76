"""体检 in the window: the findings dock, the status-bar badge and the wiring between them.

Checks run off the UI thread (ui.check_worker.CheckScheduler), debounced after every edit.
A click on a finding selects its node and characters in the editor; 修正 / 全部修正 become
undoable edits on the session's stack (one step, or one macro for a whole rule), made with
the same commands as typing and renaming so autosave, the tree and the editor follow.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QComboBox, QDockWidget, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from models.errors import NianbaoError
from models.report import Report
from ui.check_worker import PUBLIC, SUBMIT, CheckScheduler, RulesLoader, rules_ready
from ui.findings_panel import FindingsPanel

if TYPE_CHECKING:
    from models.checks import Finding
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)

EDITIONS = ((SUBMIT, "报送版"), (PUBLIC, "公开版"))
DOCK_HEIGHT = 260
WAIT_ON_CLOSE_MS = 5000


class ChecksDock(QDockWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("体检"), parent)
        self.setObjectName("checksDock")
        self.setAllowedAreas(Qt.DockWidgetArea.BottomDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
        self.panel = FindingsPanel()
        self.cmb_edition = QComboBox()
        for edition, label in EDITIONS:
            self.cmb_edition.addItem(self.tr(label), edition)
        self.cmb_edition.setToolTip(self.tr("公开版另外检查个人信息等不宜公开的内容"))
        self.btn_recheck = QPushButton(self.tr("重新检查"))
        self.lbl_state = QLabel()
        self.lbl_state.setObjectName("hint")
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("检查版本：")))
        row.addWidget(self.cmb_edition)
        row.addWidget(self.btn_recheck)
        row.addStretch(1)
        self.panel.side_layout.insertLayout(0, row)
        self.panel.side_layout.insertWidget(1, self.lbl_state)
        self.setWidget(self.panel)

    def edition(self) -> str:
        return self.cmb_edition.currentData()

    def set_edition(self, edition: str) -> None:
        index = self.cmb_edition.findData(edition)
        self.cmb_edition.setCurrentIndex(max(index, 0))


class ChecksController(QObject):
    """models.checks is imported at first use: in the background when a report opens (the
    rules and the clerk's choices are loaded, then the first check runs), or at once when a
    command needs it earlier."""

    choices_loaded = Signal()  # the switched-off rules and the report's ignored findings are read

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self._choices_for: int | None = None  # the report whose choices the scheduler holds
        self._loader: RulesLoader | None = None
        self.dock = ChecksDock(window)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()
        self.panel = self.dock.panel
        self.scheduler = CheckScheduler(self)
        self.badge = QPushButton()
        self.badge.setFlat(True)
        self.badge.setCursor(Qt.CursorShape.PointingHandCursor)
        self.badge.setToolTip(self.tr("打开体检结果"))
        self.badge.hide()
        window.statusBar().insertPermanentWidget(0, self.badge)
        self._connect()

    def _connect(self) -> None:
        session, window, panel = self.session, self.window, self.panel
        window.actions_.check.triggered.connect(self.show_checks)
        self.badge.clicked.connect(self.show_checks)
        self.dock.btn_recheck.clicked.connect(self.check_now)
        self.dock.cmb_edition.currentIndexChanged.connect(self._edition_changed)
        self.scheduler.findingsReady.connect(self._findings_ready)
        self.scheduler.checkFailed.connect(self._check_failed)
        panel.findingActivated.connect(self.go_to)
        panel.fixRequested.connect(self.fix)
        panel.fixAllRequested.connect(self.fix_rule)
        panel.ignoreRequested.connect(self.ignore)
        session.report_opened.connect(self._report_opened)
        session.report_closed.connect(self._report_closed)
        session.meta_replaced.connect(self._meta_replaced)
        session.edited.connect(self.schedule)
        window.node_form.edited.connect(self.schedule)
        window.meta_form.meta_edited.connect(self.schedule)

    # --- running ---

    def show_checks(self) -> None:
        if self.session.report is None:
            return
        if not self.dock.isVisible():
            self.dock.show()
            self.window.resizeDocks([self.dock], [DOCK_HEIGHT], Qt.Orientation.Vertical)
        self.dock.raise_()
        self.check_now()

    def schedule(self, *_args: object) -> None:
        # before the choices are loaded, the check that follows their loading covers this edit
        if self.session.report is not None and self.choices_ready():
            self.scheduler.request(self.session.report)

    def check_now(self) -> None:
        if self.session.report is not None:
            self._load_choices()
            self.dock.lbl_state.setText(self.tr("正在检查…"))
            self.scheduler.request(self.session.report)
            self.scheduler.run_now()

    def choices_ready(self) -> bool:
        return self.session.report is not None and self._choices_for == self.session.report_id

    def _load_choices(self) -> None:
        """Read the switched-off rules and ignored findings once per opened report (importing
        models.checks on this thread if the background import has not finished)."""
        if self.choices_ready():
            return
        from models.checks.ignores import load_disabled, load_ignored

        library = self.session.library
        self.scheduler.disabled = frozenset(load_disabled(library))
        self.scheduler.ignored = frozenset(load_ignored(library, self.session.report_id))
        self._choices_for = self.session.report_id
        self.choices_loaded.emit()

    def _report_opened(self) -> None:
        self._choices_for = None
        self.dock.set_edition(self.session.settings.default_edition)
        self.scheduler.edition = self.dock.edition()
        self.panel.read_only = self.session.read_only
        self.panel.set_findings([], {})
        if rules_ready():
            self._start_checks()
        elif self._loader is None:
            self._loader = RulesLoader()
            self._loader.signals.loaded.connect(self._rules_loaded)
            # from the event loop: the thread would otherwise share the GIL with building the window
            QTimer.singleShot(0, self, self._start_loader)

    def _start_loader(self) -> None:
        if self._loader is not None:
            self._loader.start(self.scheduler.pool)

    def _rules_loaded(self) -> None:
        self._loader = None
        self._start_checks()

    def _start_checks(self) -> None:
        """The first check of an opened report (unless a command has already run one)."""
        if self.session.report is not None and not self.choices_ready():
            self.check_now()

    def wait_for_runs(self) -> None:
        """On closing: a check (or the rules' import) still running on a pool thread would meet
        a finalising interpreter and crash the process on its way out."""
        self.scheduler.pool.waitForDone(WAIT_ON_CLOSE_MS)

    def _report_closed(self) -> None:
        self._choices_for = None
        self.panel.set_findings([], {})
        self.badge.hide()
        self.dock.hide()

    def _edition_changed(self, _index: int) -> None:
        self.scheduler.edition = self.dock.edition()
        self.check_now()

    def _findings_ready(self, findings: object) -> None:
        report = self.session.report
        if report is None:
            return
        self._show(list(findings), report)  # type: ignore[call-overload]

    def _show(self, findings: list[Finding], report: Report) -> None:
        from models.checks.labels import node_labels

        current = self.panel.current_finding()
        self.panel.set_findings(findings, node_labels(report))
        if current is not None:
            self.panel.select_finding(current)
        errors, advice = self.panel.counts()
        self.badge.setText(self.tr("体检：错误 {0} · 建议 {1}").replace("{0}", str(errors)).replace("{1}", str(advice))
                           if findings else self.tr("体检：未发现问题"))
        self.badge.setStyleSheet("color:#b00020" if errors else "")
        self.badge.show()
        self.dock.lbl_state.clear()

    def _check_failed(self, message: str) -> None:
        self.dock.lbl_state.setText(self.tr("检查出错：") + message)

    # --- going to a finding ---

    def go_to(self, node_id: int | None, field: str, start: int, end: int) -> None:
        report, window = self.session.report, self.window
        if report is None or field == "body":
            return
        if node_id is None:
            window.show_meta()
            editor = getattr(window.meta_form, "edt_" + field.removeprefix("meta."), None)
            if isinstance(editor, QLineEdit):
                editor.setFocus()
                editor.setSelection(start, end - start)
            return
        node = next((n for n in report.walk() if n.id == node_id), None)
        if node is None:
            return
        window.select_node(node)
        if field == "title":
            window.node_form.edt_title.setFocus()
            window.node_form.edt_title.setSelection(start, end - start)
            return
        body = window.node_form.edt_body
        cursor = body.textCursor()
        cursor.setPosition(min(start, len(node.text)))
        cursor.setPosition(min(end, len(node.text)), QTextCursor.MoveMode.KeepAnchor)
        body.setTextCursor(cursor)
        body.setFocus()
        body.ensureCursorVisible()

    # --- fixing and ignoring ---

    def fix(self, finding: Finding) -> None:
        self._apply([finding], self.tr("修正：") + finding.message)

    def fix_rule(self, rule_id: str) -> None:
        from models.checks import RULES_BY_ID

        rule = RULES_BY_ID.get(rule_id)
        findings = [f for f in self.panel.findings() if f.rule == rule_id and f.fix is not None]
        self._apply(findings, self.tr("全部修正：") + (rule.explanation[:20] if rule else rule_id))

    def _apply(self, findings: Sequence[Finding], label: str) -> None:
        session, report = self.session, self.session.report
        if report is None or session.read_only or not findings:
            return
        from models.checks import planned_changes

        changes = planned_changes(report, self._fresh(report, findings))
        if not session.apply_changes(changes, label):
            self.window.statusBar().showMessage(self.tr("这些问题已经改过了，已重新检查。"), 6000)
            self.check_now()
            return
        self.window.statusBar().showMessage(self.tr("已修正，可按 Ctrl+Z 撤销"), 6000)
        self.check_now()

    def _fresh(self, report: Report, findings: Sequence[Finding]) -> list[Finding]:
        """The findings as they are now: typed-over offsets are found again by a fresh run."""
        if all(_still_there(report, f) for f in findings):
            return list(findings)
        from models.checks import run_checks

        wanted = {(f.rule, f.node_id, f.field, f.excerpt) for f in findings}
        current = run_checks(report, edition=self.scheduler.edition, disabled=self.scheduler.disabled,
                             ignored=self.scheduler.ignored)
        return [f for f in current if f.fix is not None and (f.rule, f.node_id, f.field, f.excerpt) in wanted]

    def ignore(self, finding: Finding) -> None:
        session, report = self.session, self.session.report
        if report is None or report.id is None or session.read_only:
            return
        from models.checks.ignores import ignore_finding, load_ignored

        try:
            ignore_finding(session.library, report.id, finding)
        except NianbaoError as exc:
            session.failed.emit(f"忽略未保存：{exc}")
            return
        self.scheduler.ignored = frozenset(load_ignored(session.library, report.id))
        self._show([f for f in self.panel.findings() if f.ignore_key != finding.ignore_key], report)
        self.schedule()

    def _meta_replaced(self) -> None:
        report = self.session.report
        if report is not None:
            self.window.meta_form.load(report.meta)
        self.schedule()


def _still_there(report: Report, finding: Finding) -> bool:
    if finding.node_id is None:
        value = getattr(report.meta, finding.field.removeprefix("meta."), None)
    else:
        node = next((n for n in report.walk() if n.id == finding.node_id), None)
        value = getattr(node, finding.field, None) if node is not None else None
    return isinstance(value, str) and value[finding.start:finding.end] == finding.excerpt
