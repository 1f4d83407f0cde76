"""体检 in the window: runs the checks, keeps their findings, shows the status-bar badge, and
builds the findings dock the first time the clerk opens it.

Checks run off the UI thread (ui.check_worker.CheckScheduler), debounced after every edit.
A click on a finding asks the window to reveal its characters in the editor; 修正 / 全部修正
become one undoable step through :meth:`ui.session.Session.apply_changes`.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton

from models.edition import Edition
from models.errors import NianbaoError
from models.report import Node, Report
from ui.check_worker import CheckScheduler, RulesLoader, known_edition, rules_ready
from ui.session import Session
from ui.window.port import WindowPort

if TYPE_CHECKING:
    from models.checks import Finding
    from models.checks.model import Context, Place
    from ui.findings_dock import FindingsDock
    from ui.findings_panel import FindingsPanel
    from ui.window.check_options import CheckOptions

log = logging.getLogger(__name__)

DOCK_HEIGHT = 260
WAIT_ON_CLOSE_MS = 5000


class ChecksController(QObject):
    """models.checks is imported at first use: in the background when a report opens (the
    rules and the clerk's choices are loaded, then the first check runs), or at once when a
    command needs it earlier."""

    choices_loaded = Signal()  # the switched-off rules and the report's ignored findings are read
    findings_shown = Signal(object)  # list[Finding]: the newest full check, for the editor's underlines

    def __init__(self, window: WindowPort, session: Session, check_action: QAction) -> None:
        super().__init__(window.widget())
        self.window = window
        self.session = session
        self._choices_for: int | None = None  # the report whose choices the scheduler holds
        self._loader: RulesLoader | None = None
        self._findings: list[Finding] = []
        self._context: Context | None = None  # build_context of the open report, for recheck_node
        self._state = ""  # 正在检查… or the error of the last run
        self._dock: FindingsDock | None = None
        self._options: CheckOptions | None = None
        self.scheduler = CheckScheduler(self)
        self.badge = QPushButton()
        self.badge.setFlat(True)
        self.badge.setCursor(Qt.CursorShape.PointingHandCursor)
        self.badge.setToolTip(self.tr("打开体检结果"))
        self.badge.hide()
        check_action.triggered.connect(self.show_checks)
        self._connect()

    def _connect(self) -> None:
        session = self.session
        self.badge.clicked.connect(self.show_checks)
        self.scheduler.findings_ready.connect(self._findings_ready)
        self.scheduler.check_failed.connect(self._check_failed)
        session.report_opened.connect(self._report_opened)
        session.report_closed.connect(self._report_closed)
        session.edited.connect(self.schedule)

    # --- the dock, built on first use ---

    @property
    def dock(self) -> FindingsDock:
        if self._dock is None:
            self._dock = self._build_dock()
        return self._dock

    @property
    def panel(self) -> FindingsPanel:
        return self.dock.panel

    @property
    def options(self) -> CheckOptions:
        """恢复已忽略的问题, which lives in the dock."""
        _dock = self.dock  # built with it
        assert self._options is not None
        return self._options

    def _build_dock(self) -> FindingsDock:
        from ui.findings_dock import FindingsDock

        dock = FindingsDock(self.window.widget())  # placed in the window when first shown
        dock.hide()
        dock.set_edition(self.scheduler.edition)
        dock.lbl_state.setText(self._state)
        panel = dock.panel
        panel.read_only = self.session.read_only
        dock.btn_recheck.clicked.connect(self.check_now)
        dock.btn_annotated.clicked.connect(self.export_annotated)
        dock.cmb_edition.currentIndexChanged.connect(self._edition_changed)
        panel.finding_activated.connect(self.go_to)
        panel.fix_requested.connect(self.fix)
        panel.fix_all_requested.connect(self.fix_rule)
        panel.ignore_requested.connect(self.ignore)
        self._dock = dock
        self._fill_panel()
        self._options = self._build_options(dock)
        return dock

    def _build_options(self, dock: FindingsDock) -> CheckOptions:
        from ui.window.check_options import CheckOptions

        return CheckOptions(self, dock.panel, self.session, self)  # its handlers run after the ones above

    def _fill_panel(self) -> None:
        report = self.session.report
        if self._dock is None:
            return
        if not self._findings or report is None:
            self._dock.panel.set_findings([], {})
            return
        from models.checks.labels import node_labels

        self._dock.panel.set_findings(self._findings, node_labels(report))

    def _set_state(self, text: str) -> None:
        self._state = text
        if self._dock is not None:
            self._dock.lbl_state.setText(text)

    # --- running ---

    def show_checks(self) -> None:
        if self.session.report is None:
            return
        self.window.show_dock(self.dock, DOCK_HEIGHT)
        self.check_now()

    def open_errors(self, edition: Edition) -> int:
        """How many 错误 the checks find now for ``edition``, leaving out the rules switched off
        and the findings ignored (a run on this thread: ~20 ms)."""
        report = self.session.report
        if report is None:
            return 0
        self._load_choices()
        from models.checks import ERROR, run_checks

        findings = run_checks(report, edition=edition, disabled=self.scheduler.disabled, ignored=self.scheduler.ignored)
        return sum(1 for f in findings if f.severity == ERROR)

    def show_findings(self, edition: Edition) -> None:
        """The 体检 dock, checking ``edition``."""
        if self.session.report is None:
            return
        self.scheduler.edition = edition
        dock = self.dock
        dock.cmb_edition.blockSignals(True)
        dock.set_edition(edition)
        dock.cmb_edition.blockSignals(False)
        self.show_checks()

    def export_annotated(self) -> None:
        """导出审校稿…: the findings of the dock's edition as Word comments (ui.annotated_export)."""
        if self.session.report is None:
            return
        self._load_choices()
        from ui.annotated_export import export_annotated_copy

        export_annotated_copy(
            self.window, self.session, self.scheduler.edition, self.scheduler.disabled, self.scheduler.ignored
        )

    def schedule(self, *_args: object) -> None:
        # before the choices are loaded, the check that follows their loading covers this edit
        if self.session.report is not None and self.choices_ready():
            self.scheduler.request(self.session.report)

    def check_now(self) -> None:
        if self.session.report is not None:
            self._load_choices()
            self._set_state(self.tr("正在检查…"))
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

    def reload_rules(self) -> None:
        """After 设置: the switched-off rules may have changed; check again with the new set."""
        from models.checks.ignores import load_disabled

        self.scheduler.disabled = frozenset(load_disabled(self.session.library))
        if self.session.report is not None:
            self.check_now()

    def _report_opened(self) -> None:
        self._choices_for = None
        self.scheduler.edition = known_edition(self.session.settings.default_edition)
        self._findings = []
        self._context = None
        if self._dock is not None:
            self._dock.cmb_edition.blockSignals(True)
            self._dock.set_edition(self.scheduler.edition)
            self._dock.cmb_edition.blockSignals(False)
            self._dock.panel.read_only = self.session.read_only
            self._fill_panel()
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
        if self.session.report is not None and not self.choices_ready() and self.session.library.is_open:
            self.check_now()  # the rules may finish loading after the window closed its library

    def wait_for_runs(self) -> None:
        """On closing: a check (or the rules' import) still running on a pool thread would meet
        a finalising interpreter and crash the process on its way out."""
        self.scheduler.pool.waitForDone(WAIT_ON_CLOSE_MS)

    def _report_closed(self) -> None:
        self._choices_for = None
        self._findings = []
        self._context = None
        self.badge.hide()
        if self._dock is not None:
            self._fill_panel()
            self._dock.hide()

    def _edition_changed(self, _index: int) -> None:
        self.scheduler.edition = self.dock.edition()
        self.check_now()

    def _findings_ready(self, findings: object) -> None:
        if self.session.report is not None:
            self._show(list(findings))  # type: ignore[call-overload]

    def _show(self, findings: list[Finding]) -> None:
        current = self._dock.panel.current_finding() if self._dock is not None else None
        self._findings = findings
        self._context = None  # the tree may have changed shape since: rebuilt on the next keystroke
        self.findings_shown.emit(findings)
        self._fill_panel()
        if current is not None and self._dock is not None:
            self._dock.panel.select_finding(current)
        self._update_badge()
        self._set_state("")

    def _update_badge(self) -> None:
        from models.checks import ERROR

        errors = sum(1 for f in self._findings if f.severity == ERROR)
        advice = len(self._findings) - errors
        self.badge.setText(
            self.tr("体检：错误 {0} · 建议 {1}").replace("{0}", str(errors)).replace("{1}", str(advice))
            if self._findings
            else self.tr("体检：未发现问题")
        )
        self.badge.setStyleSheet("color:#b00020" if errors else "")
        self.badge.show()

    def _check_failed(self, message: str) -> None:
        self._set_state(self.tr("检查出错：") + message)

    @property
    def findings(self) -> list[Finding]:
        return self._findings

    def recheck_node(self, node_id: int) -> list[Finding]:
        """The field rules over one node, on the UI thread: the quick re-check after each keystroke
        (bench/bench_live_marks.py: well under 5 ms at p99 on a 100-page report with the tree's
        context kept). Report-wide rules wait for the full check, which runs in the background."""
        report = self.session.report
        if report is None or not self.choices_ready():
            return []
        node = next((n for n in report.walk() if n.id == node_id), None)
        if node is None:
            return []
        from models.checks import check_node

        scheduler = self.scheduler
        context = self._context_for(report, node)
        fresh = check_node(
            report,
            node,
            edition=scheduler.edition,
            disabled=scheduler.disabled,
            ignored=scheduler.ignored,
            context=context,
        )
        others = [f for f in self._findings if f.node_id != node_id]
        return others + fresh

    def _context_for(self, report: Report, node: Node):  # type: ignore[no-untyped-def]
        """The tree's context (which part each node is in), kept while the tree keeps its shape."""
        from models.checks.structure import build_context

        cached = self._context
        edition = self.scheduler.edition
        if cached is None or cached.report is not report or cached.edition != edition or id(node) not in cached.part_of:
            cached = self._context = build_context(report, edition)
        return cached

    # --- going to a finding ---

    def go_to(self, node_id: int | None, field: str, start: int, end: int) -> None:
        if self.session.report is not None and field != "body":
            self.window.reveal(node_id, field, start, end)

    # --- fixing and ignoring ---

    def fix(self, finding: Finding) -> None:
        self._apply([finding], self.tr("修正：") + finding.message)

    def fix_rule(self, rule_id: str) -> None:
        from models.checks import RULES_BY_ID

        rule = RULES_BY_ID.get(rule_id)
        findings = [f for f in self._findings if f.rule == rule_id and f.fixable]
        self._apply(findings, self.tr("全部修正：") + (rule.explanation[:20] if rule else rule_id))

    def _apply(self, findings: Sequence[Finding], label: str) -> None:
        session, report = self.session, self.session.report
        if report is None or session.read_only or not findings:
            return
        from models.checks import planned_changes

        changes = planned_changes(report, self._fresh(report, findings))
        if session.apply_changes(changes, label):
            self.window.show_message(self.tr("已修正，可按 Ctrl+Z 撤销"))
        else:
            self.window.show_message(self.tr("这些问题已经改过了，已重新检查。"))
        self.check_now()

    def _fresh(self, report: Report, findings: Sequence[Finding]) -> list[Finding]:
        """The findings as they are now: typed-over offsets are found again by a fresh run."""
        if all(_still_there(report, f) for f in findings):
            return list(findings)
        from models.checks import run_checks

        wanted = {(f.rule, f.node_id, f.field, f.excerpt) for f in findings}
        current = run_checks(
            report, edition=self.scheduler.edition, disabled=self.scheduler.disabled, ignored=self.scheduler.ignored
        )
        return [f for f in current if f.fixable and (f.rule, f.node_id, f.field, f.excerpt) in wanted]

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
        self._show([f for f in self._findings if f.ignore_key != finding.ignore_key])
        self.schedule()


def _still_there(report: Report, finding: Finding | Place) -> bool:
    if finding.field == "body":  # a finding for the whole report: each of its paragraphs
        return bool(finding.places) and all(_still_there(report, place) for place in finding.places)
    if finding.node_id is None:
        value = getattr(report.meta, finding.field.removeprefix("meta."), None)
    else:
        node = next((n for n in report.walk() if n.id == finding.node_id), None)
        value = getattr(node, finding.field, None) if node is not None else None
    return isinstance(value, str) and value[finding.start : finding.end] == finding.excerpt
