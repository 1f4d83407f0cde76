"""The main window: the library page, or the section tree | editor | 写作要点 of one report.

The window owns its pages, forms, tree view and docks. Its command groups (ui.window.*) get
the window as a :class:`ui.window.port.WindowPort`; the 体检 dock, the 落实清单 dock and the
library page are built on first use (start-up time).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QModelIndex, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from models import APP_NAME
from models.errors import NianbaoError
from models.report import POINT, TYPED_DATE_FIELDS, Node
from models.text_chars import count_chars
from ui.actions import Actions
from ui.dialogs import alerts
from ui.editors.guidance import GuidancePanel
from ui.editors.node_form import NodeForm
from ui.fonts import editor_font
from ui.outline_view import OutlineView
from ui.session import Session, example_report
from ui.side_panel import SidePanel
from ui.window.checks_controller import ChecksController
from ui.window.port import MESSAGE_MS
from ui.window.tree_commands import TreeCommands

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from ui.checklist_panel import ChecklistDock
    from ui.collab.commands import CollabCommands
    from ui.editors.ledger_form import LedgerForm
    from ui.editors.meta_form import MetaForm
    from ui.find_panel import FindDock
    from ui.full_text_view import FullTextView
    from ui.pages.page_dock import PageDock
    from ui.start_page import StartPage
    from ui.undo_bar import UndoBar
    from ui.window.backup_actions import BackupActions
    from ui.window.check_options import CheckOptions
    from ui.window.dialog_commands import DialogCommands
    from ui.window.import_actions import ImportActions
    from ui.window.level_moves import LevelMoves

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.setWindowTitle(APP_NAME)
        self.actions_ = Actions(self, session.undo_stack)
        self.actions_.build_menus(self)
        self.actions_.build_toolbar(self)
        self._start_page: StartPage | None = None  # these are built on first use
        self._checklist_dock: ChecklistDock | None = None
        self._importer: ImportActions | None = None
        self._backups: BackupActions | None = None
        self._levels: LevelMoves | None = None
        self._dialogs: DialogCommands | None = None
        self._collab: CollabCommands | None = None
        self._find_dock: FindDock | None = None
        self._full_text: FullTextView | None = None
        self._page_dock: PageDock | None = None
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_library_page())
        self.pages.addWidget(self._build_editor_page())
        self.setCentralWidget(self.pages)
        self._build_status_bar()
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(300)
        self._count_timer.timeout.connect(self.update_counts)
        acts = self.actions_
        self.tree_commands = TreeCommands(self, session, acts, self.tree_view, lambda: self.undo_bar)
        self._connect()
        self._connect_commands()
        self.checks = ChecksController(self, session, acts.check)
        self._connect_checks()
        acts.restore_backup.setEnabled(not session.read_only)
        acts.restore_library.setEnabled(not session.read_only)
        self.apply_settings()
        self._restore_geometry()
        self._update_actions()

    # --- building ---

    def _build_library_page(self) -> QWidget:
        """A holder for the library page, which is built the first time it is shown."""
        self._library_holder = QWidget()
        QVBoxLayout(self._library_holder).setContentsMargins(0, 0, 0, 0)
        return self._library_holder

    @property
    def start_page(self) -> StartPage:
        if self._start_page is None:
            from ui.start_page import StartPage

            self._start_page = StartPage(self.session)
            self._library_holder.layout().addWidget(self._start_page)
            self._start_page.open_requested.connect(self.open_report)
            self._start_page.new_requested.connect(self.new_report)
            self._start_page.example_requested.connect(self.open_example)
            self._start_page.roll_requested.connect(self.importer.roll_forward_report)
        return self._start_page

    @property
    def checklist_dock(self) -> ChecklistDock:
        if self._checklist_dock is None:
            from ui.checklist_panel import ChecklistDock

            self._checklist_dock = ChecklistDock(self.session, self)
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self._checklist_dock)
        return self._checklist_dock

    def _connect_commands(self) -> None:
        """The menu commands of the groups built on first use (lambdas: the group may not exist yet)."""
        acts = self.actions_
        for action, run in (
            (acts.import_, lambda: self.importer.import_from_file()),
            (acts.paste_import, lambda: self.importer.import_from_clipboard()),
            (acts.roll_forward, lambda: self.importer.roll_forward_current()),
            (acts.backup, lambda: self.backups.backup_now()),
            (acts.open_backups, lambda: self.backups.open_folder()),
            (acts.restore_backup, lambda: self.backups.restore_reports()),
            (acts.restore_library, lambda: self.backups.restore_library()),
            (acts.export, lambda: self.dialogs.export_report()),
            (acts.snapshot, lambda: self.dialogs.save_revision()),
            (acts.revisions, lambda: self.dialogs.show_revisions()),
            (acts.trash, lambda: self.dialogs.show_trash()),
            (acts.settings, lambda: self.dialogs.edit_settings()),
            (acts.outdent, lambda: self.levels.outdent_current()),
            (acts.indent, lambda: self.levels.indent_current()),
            (acts.assign, lambda: self.collab.assign_current()),
            (acts.assignments, lambda: self.collab.show_assignments()),
            (acts.make_package, lambda: self.collab.make_package()),
            (acts.import_returned, lambda: self.collab.import_returned()),
            (acts.export_review, lambda: self.collab.export_review()),
            (acts.notes, lambda: self.collab.show_notes()),
            (acts.find, lambda: self.find_dock.open(replace=False)),
            (acts.replace, lambda: self.find_dock.open(replace=True)),
            (acts.find_next, lambda: self.find_dock.step(1)),
            (acts.find_previous, lambda: self.find_dock.step(-1)),
            (acts.full_text, lambda: self.full_text.show_view()),
            (acts.print_, lambda: self.page_dock.print_report()),
            (acts.print_preview, lambda: self.page_dock.preview()),
        ):
            action.triggered.connect(run)
        acts.recent.aboutToShow.connect(lambda: self.dialogs.fill_recent())
        # triggered, not toggled: the dock's own visibility changes (minimizing) only tick the menu
        acts.page_view.triggered.connect(lambda shown: self.page_dock.setVisible(shown))

    @property
    def importer(self) -> ImportActions:
        if self._importer is None:
            from ui.window.import_actions import ImportActions

            self._importer = ImportActions(self, self.session)
        return self._importer

    @property
    def backups(self) -> BackupActions:
        if self._backups is None:
            from ui.window.backup_actions import BackupActions

            self._backups = BackupActions(self, self.session)
        return self._backups

    @property
    def levels(self) -> LevelMoves:
        if self._levels is None:
            from ui.window.level_moves import LevelMoves

            self._levels = LevelMoves(self, self.session)
        return self._levels

    @property
    def dialogs(self) -> DialogCommands:
        if self._dialogs is None:
            from ui.window.dialog_commands import DialogCommands

            self._dialogs = DialogCommands(self, self.session, self.actions_, self.checks)
            self._dialogs.settings_applied.connect(self.apply_settings)
            self._dialogs.rules_changed.connect(self.checks.reload_rules)
        return self._dialogs

    @property
    def collab(self) -> CollabCommands:
        if self._collab is None:
            from ui.collab.commands import CollabCommands

            self._collab = CollabCommands(self, self.session)
        return self._collab

    @property
    def find_dock(self) -> FindDock:
        if self._find_dock is None:
            from ui.find_panel import FindDock

            self._find_dock = FindDock(self.session, self)
            self._find_dock.hide()  # placed in the window when first shown
        return self._find_dock

    @property
    def full_text(self) -> FullTextView:
        if self._full_text is None:
            from ui.full_text_view import FullTextView

            self._full_text = FullTextView(self.session, self)
        return self._full_text

    @property
    def page_dock(self) -> PageDock:
        """视图 › 页面, beside the editor; it follows the part shown and re-lays out after typing."""
        if self._page_dock is None:
            from ui.pages.page_dock import PageDock

            dock = PageDock(self.session, self)
            dock.hide()
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            dock.visibilityChanged.connect(self.actions_.page_view.setChecked)
            self.statusBar().insertPermanentWidget(0, dock.lbl_page)
            dock.btn_preview.setDefaultAction(self.actions_.print_preview)
            dock.btn_print.setDefaultAction(self.actions_.print_)
            self.node_form.edited.connect(dock.schedule)
            self.tree_view.selectionModel().currentChanged.connect(dock.follow_current)
            self._page_dock = dock
        return self._page_dock

    @property
    def meta_form(self) -> MetaForm:
        if self._meta_form is None:
            from ui.editors.meta_form import MetaForm

            form = MetaForm()
            form.set_read_only(self.session.read_only)
            if self.session.report is not None:
                form.load(self.session.report.meta)
            form.meta_edited.connect(self._meta_edited)
            form.meta_edited.connect(self.checks.schedule)  # typing is checked again after a pause
            self._meta_scroll.setWidget(form)
            self._meta_form = form
        return self._meta_form

    @property
    def ledger_form(self) -> LedgerForm:
        """数据台账, built the first time it is shown."""
        if self._ledger_form is None:
            from ui.editors.ledger_form import LedgerForm

            self._ledger_form = LedgerForm(self.session)
            self._ledger_holder.layout().addWidget(self._ledger_form)
        return self._ledger_form

    @property
    def undo_bar(self) -> UndoBar:
        if self._undo_bar is None:
            from ui.undo_bar import UndoBar

            self._undo_bar = UndoBar(self.session)
            self._left_layout.addWidget(self._undo_bar)
            self.node_form.edited.connect(self._undo_bar.dismiss)  # typing is the next step
        return self._undo_bar

    @property
    def check_options(self) -> CheckOptions:
        return self.checks.options

    def _build_editor_page(self) -> QWidget:
        self.btn_meta = QPushButton(self.tr("报告信息（标题、主送、文号、日期…）"))
        self.btn_meta.setCheckable(True)
        self.btn_ledger = QPushButton(self.tr("数据台账（本年、上年的各项数字）"))
        self.btn_ledger.setCheckable(True)
        self.tree_view = OutlineView(self.session.outline)  # dragging reorders; a heading's middle nests
        self.tree_view.setHeaderHidden(True)
        self.tree_view.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.tree_view.setWordWrap(False)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 0, 6)
        left_layout.addWidget(self.btn_meta)
        left_layout.addWidget(self.btn_ledger)
        left_layout.addWidget(self.tree_view, 1)
        self._left_layout = left_layout
        self._undo_bar: UndoBar | None = None  # under the tree, from the first deletion of a part with text
        self._meta_form: MetaForm | None = None
        self._meta_scroll = QScrollArea()  # 报告信息, filled the first time it is shown
        self._meta_scroll.setWidgetResizable(True)
        self._ledger_form: LedgerForm | None = None
        self._ledger_holder = QWidget()  # 数据台账, filled the first time it is shown
        QVBoxLayout(self._ledger_holder).setContentsMargins(0, 0, 0, 0)
        self.node_form = NodeForm()
        self.node_form.edt_body.set_lookup(self.session.shown_value)  # references show the ledger's figures
        self.lbl_nothing = QLabel(self.tr("在左边的目录中选择要编辑的部分。"))
        self.lbl_nothing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.editors = QStackedWidget()
        for widget in (self.lbl_nothing, self._meta_scroll, self.node_form, self._ledger_holder):
            self.editors.addWidget(widget)
        self.guidance = GuidancePanel()
        self.side = SidePanel(self.guidance)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        for widget in (left, self.editors, self.side):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([380, 600, 300])
        return self.splitter

    def _build_status_bar(self) -> None:
        self.lbl_saved = QLabel()
        self.lbl_counts = QLabel()
        self.statusBar().addPermanentWidget(self.lbl_counts)
        self.statusBar().addPermanentWidget(self.lbl_saved)

    def _connect(self) -> None:
        acts, session = self.actions_, self.session
        acts.undo.triggered.connect(session.undo)
        acts.redo.triggered.connect(session.redo)
        acts.new.triggered.connect(self.new_report)
        acts.open.triggered.connect(self.show_library)
        acts.close_report.triggered.connect(self.show_library)
        acts.quit.triggered.connect(self.close)
        acts.meta.triggered.connect(self.show_meta)
        acts.ledger.triggered.connect(self.show_ledger)
        acts.insert_data.triggered.connect(self.insert_data)
        self.btn_ledger.clicked.connect(self.show_ledger)
        acts.checklist.triggered.connect(self._show_checklist)
        acts.about.triggered.connect(self._show_about)
        acts.help.triggered.connect(self._show_help)
        self.btn_meta.clicked.connect(self.show_meta)
        self.tree_view.selectionModel().currentChanged.connect(self._current_changed)
        self.tree_view.clicked.connect(self._clicked)
        self.node_form.edited.connect(self._node_edited)
        self.node_form.focus_lost.connect(session.flush)
        app = QApplication.instance()
        if app is not None:  # any focus change (another field, another window) saves at once
            app.focusChanged.connect(self._focus_changed)
        self.node_form.table_edited.connect(session.request_table_edit)
        self.node_form.table_refused.connect(self.show_message)
        self.node_form.shift_requested.connect(session.request_shift)
        self.node_form.add_point_requested.connect(self._add_point)
        session.saved.connect(self._saved)
        session.failed.connect(self._failed)
        session.node_replaced.connect(self._node_replaced)
        session.report_opened.connect(self._report_opened)
        session.meta_replaced.connect(self._meta_replaced)
        session.ledger_replaced.connect(self._ledger_replaced)
        session.edited.connect(self._tree_reshaped)  # a bound method: Qt drops it with the window
        session.library_lost.connect(self._library_lost)

    def _connect_checks(self) -> None:
        """Typing is checked again after a pause; 设置 may switch rules on or off."""
        self.node_form.edited.connect(self.checks.schedule)
        # underlines in the body: the node typed in is re-checked at once, the rest with the full check
        self.node_form.edited.connect(self._recheck_shown_node)
        self.checks.findings_shown.connect(self.node_form.show_findings)
        self.node_form.fix_requested.connect(self.checks.fix)
        self.statusBar().insertPermanentWidget(0, self.checks.badge)

    def _recheck_shown_node(self, node_id: int, *_changed: object) -> None:
        self.node_form.show_findings(self.checks.recheck_node(node_id))

    # --- settings and geometry ---

    def apply_settings(self) -> None:
        font = editor_font(self.session.settings.editor_font_size)
        self.node_form.set_editor_font(font)
        read_only = self.session.read_only
        self.node_form.set_read_only(read_only)
        if self._meta_form is not None:
            self._meta_form.set_read_only(read_only)

    def _restore_geometry(self) -> None:
        settings = self.session.settings
        if settings.geometry:
            self.restoreGeometry(QByteArray.fromHex(settings.geometry.encode("ascii")))
        else:
            self.resize(1280, 800)
        if len(settings.splitter_sizes) == 3:
            self.splitter.setSizes(settings.splitter_sizes)

    def _remember_geometry(self) -> None:
        settings = self.session.settings
        settings.geometry = bytes(self.saveGeometry().toHex().data()).decode("ascii")
        self._remember_splitter()

    def _remember_splitter(self) -> None:
        """Only while the editor page is shown: a hidden splitter keeps stale, unscaled sizes."""
        if self.pages.currentIndex() == 1:
            self.session.settings.splitter_sizes = list(self.splitter.sizes())

    # --- pages and reports ---

    def show_library(self) -> None:
        self.tree_commands.finish_rename()
        self._commit_ledger_typing()
        if not self.session.close_report():
            return
        self._remember_splitter()
        self._count_timer.stop()
        self.lbl_counts.clear()  # the closed report's 字数 and save stamp say nothing about the library
        self.lbl_saved.setStyleSheet("")
        self.lbl_saved.clear()
        self.start_page.refresh()
        self.pages.setCurrentIndex(0)
        self.setWindowTitle(APP_NAME + ("（只读）" if self.session.read_only else ""))
        self._update_actions()

    def open_report(self, report_id: int) -> None:
        self.tree_commands.finish_rename()
        self._commit_ledger_typing()
        self.session.open_report(report_id)

    def _report_opened(self) -> None:
        report = self.session.report
        assert report is not None
        self._update_checklist(report.checklist != [])
        self.pages.setCurrentIndex(1)
        self.tree_view.expandAll()
        self._show_report_title()
        if self._meta_form is not None:
            self._meta_form.load(report.meta)
        if self._ledger_form is not None:
            self._ledger_form.load()
        self.side.set_report(report)
        start = self._part_to_reopen()
        if start.isValid() and self.tree_view.currentIndex() != start:
            self.tree_view.setCurrentIndex(start)  # shows the part and its counts
            self.tree_view.setFocus()  # else the 报告信息 button has it: arrow keys would do nothing
        elif start.isValid():
            self.tree_view.setFocus()
            self.update_counts()
        else:
            self.show_meta()
            self.update_counts()
        self.lbl_saved.setText(
            self.tr("只读：只能查看和导出，不能修改") if self.session.read_only else self.tr("修改会自动保存")
        )
        self._update_actions()

    def _part_to_reopen(self) -> QModelIndex:
        """The part last shown in this report; the first one if it was deleted or none was."""
        last_part = self.session.last_part
        index = self.session.outline.index_of_id(last_part) if last_part is not None else QModelIndex()
        return index if index.isValid() else self.session.outline.index(0, 0)

    def new_report(self) -> None:
        if self.session.read_only:
            return
        from models.templates import DEFAULT_TEMPLATE, load_template, new_report
        from ui.dialogs.new_report import NewReportDialog

        template = load_template(DEFAULT_TEMPLATE)
        issuer, year = self.session.new_report_defaults()
        (year, issuer, variant), accepted = NewReportDialog.ask(template, issuer, year, self)
        if accepted:
            self._open_created(lambda: self.session.library.create_report(new_report(template, year, issuer, variant)))

    def open_example(self) -> None:
        if self.session.read_only:  # the library is open for viewing only
            return
        self._open_created(lambda: self.session.library.create_report(example_report()))

    def _open_created(self, create: Callable[[], int]) -> None:
        try:
            report_id = create()
        except NianbaoError as exc:
            alerts.show_error(self, str(exc))
            return
        self.open_report(report_id)

    def selected_report_id(self) -> int | None:
        return self._start_page.selected_id() if self._start_page is not None else None

    # --- docks and messages ---

    def widget(self) -> QWidget:
        return self

    def show_message(self, text: str, timeout_ms: int = MESSAGE_MS) -> None:
        self.statusBar().showMessage(text, timeout_ms)

    def show_dock(self, dock: QDockWidget, height: int) -> None:
        if self.dockWidgetArea(dock) == Qt.DockWidgetArea.NoDockWidgetArea:
            self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        if not dock.isVisible():
            dock.show()
            self.resizeDocks([dock], [height], Qt.Orientation.Vertical)
        dock.raise_()

    def _show_checklist(self) -> None:
        self.checklist_dock.show_and_raise()

    def _update_checklist(self, has_checklist: bool) -> None:
        """A rolled-forward report shows its checklist once, on its first opening."""
        if not has_checklist:
            if self._checklist_dock is not None:
                self._checklist_dock.hide()
            return
        from ui.checklist_panel import first_opening

        if first_opening(self.session):
            self._show_checklist()

    def _show_about(self) -> None:
        from ui.dialogs.about import about_text

        alerts.show_info(self, about_text(str(self.session.library.path)))

    def _show_help(self) -> None:
        from ui.dialogs.about import HELP_TEXT

        alerts.show_info(self, HELP_TEXT)

    # --- selection and editing ---

    def current_node(self) -> Node | None:
        return self.tree_commands.current_node()

    def select_node(self, node: Node) -> None:
        self.tree_commands.select_node(node)

    def _add_point(self, _section_id: int) -> None:
        self.tree_commands.add_node(POINT, sibling=None)

    def reveal(self, node_id: int | None, field: str, start: int, end: int) -> None:
        report = self.session.report
        if report is None:
            return
        if node_id is None:
            self._reveal_meta(field.removeprefix("meta."), start, end)
            return
        node = next((n for n in report.walk() if n.id == node_id), None)
        if node is None:
            return
        self.select_node(node)
        if field == "title":
            self.node_form.edt_title.setFocus()
            self.node_form.edt_title.setSelection(start, end - start)
            return
        if field.startswith("cell."):  # a table cell found by 查找
            from models.search import cell_position

            row, column = cell_position(field) or (0, 0)
            grid = self.node_form.table_grid.grid
            grid.setCurrentCell(row, column)
            grid.setFocus()
            return
        self._reveal_text(node, start, end)

    def _reveal_meta(self, name: str, start: int, end: int) -> None:
        self.show_meta()
        # A date as the source typed it is not shown: its finding points at the date itself.
        name = next((date for date, typed in TYPED_DATE_FIELDS.items() if typed == name), name)
        date_field = getattr(self.meta_form, "dte_" + name, None)
        if date_field is not None:
            date_field.edt_date.setFocus()
            return
        editor = getattr(self.meta_form, "edt_" + name, None)
        if isinstance(editor, QLineEdit):
            editor.setFocus()
            editor.setSelection(start, end - start)

    def _reveal_text(self, node: Node, start: int, end: int) -> None:
        body = self.node_form.edt_body
        cursor = body.textCursor()
        length = len(body.toPlainText())
        start, end = body.editor_position(start, node.text), body.editor_position(end, node.text)
        cursor.setPosition(min(start, length))
        cursor.setPosition(min(end, length), QTextCursor.MoveMode.KeepAnchor)
        body.setTextCursor(cursor)
        body.setFocus()
        body.ensureCursorVisible()

    def _ancestors(self, node: Node) -> list[Node]:
        chain, parent = [], self.session.outline.parent_node(node)
        while parent is not None:
            chain.insert(0, parent)
            parent = self.session.outline.parent_node(parent)
        return chain

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        self.session.flush()
        node = self.session.outline.node(current)
        report = self.session.report
        if node is None or report is None:
            if self.editors.currentWidget() is self.node_form:
                self.editors.setCurrentWidget(self.lbl_nothing)
            return
        self.btn_meta.setChecked(False)
        self.btn_ledger.setChecked(False)
        self.session.watch_node(node)
        self.node_form.load(node, *self._position(node))
        self.node_form.show_findings(self.checks.findings)
        self.editors.setCurrentWidget(self.node_form)
        ancestors = self._ancestors(node)
        self.side.show_for(report, node, ancestors)
        self.update_counts()

    def _clicked(self, index: QModelIndex) -> None:
        """With 报告信息 shown, the current item is only unselected: clicking it changes no current
        item, yet must bring its editor back (else typing lands in the 报告信息 form)."""
        if index == self.tree_view.currentIndex() and self.editors.currentWidget() is not self.node_form:
            self._current_changed(index, index)

    def _position(self, node: Node) -> tuple[str, list[str], int]:
        """Marker, numbered ancestor headings and depth of ``node``, for the editor's heading."""
        ancestors = self._ancestors(node)
        path = [self.session.outline.display_text(a) for a in ancestors]
        return self.session.outline.marker(node), path, len(ancestors) + 1

    def _tree_reshaped(self, *_args: object) -> None:
        """Moves, additions and deletions renumber: the shown node's heading and guidance follow."""
        node, report = self.node_form.node, self.session.report
        if node is not None and report is not None and self.session.outline.index_of(node).isValid():
            self.node_form.set_position(*self._position(node))
            if self.editors.currentWidget() is self.node_form:
                self.side.show_for(report, node, self._ancestors(node))
        self._schedule_counts()

    def show_meta(self) -> None:
        report = self.session.report
        if report is None:
            return
        self.session.watch_node(None)
        self.session.flush()
        self.btn_meta.setChecked(True)
        self.btn_ledger.setChecked(False)
        self.tree_view.selectionModel().clearSelection()
        self.meta_form.load(report.meta)
        self.editors.setCurrentIndex(1)
        self.side.show_for(report, None, [])
        self.meta_form.edt_issuer.setFocus()

    def show_ledger(self) -> None:
        """数据台账 in the editor's place, as 报告信息 is shown."""
        report = self.session.report
        if report is None:
            return
        self.session.watch_node(None)
        self.session.flush()
        self.btn_meta.setChecked(False)
        self.btn_ledger.setChecked(True)
        self.tree_view.selectionModel().clearSelection()
        self.ledger_form.load()
        self.editors.setCurrentWidget(self._ledger_holder)
        self.side.setCurrentIndex(0)
        self.guidance.show_ledger()
        self.update_counts()

    def _commit_ledger_typing(self) -> None:
        if self._ledger_form is not None:
            self._ledger_form.commit_focused()

    def _ledger_replaced(self) -> None:
        """An edit of the ledger, or its undo: the page and every figure cited in the text follow."""
        if self._ledger_form is not None:
            self._ledger_form.load()
        self.node_form.edt_body.refresh_references()
        self._schedule_counts()

    def insert_data(self) -> None:
        """插入数据: choose a figure of the ledger and put it at the cursor of the body text."""
        if self.editors.currentWidget() is not self.node_form or self.node_form.node is None:
            self.show_message(self.tr("先在目录中选择要写入数字的部分，把光标放在正文中，再插入数据。"))
            return
        from ui.editors.data_menu import data_menu

        body = self.node_form.edt_body
        menu = data_menu(self.session.sheet(), self.session.shown_value, self)
        chosen = menu.exec(body.mapToGlobal(body.cursorRect().bottomLeft()))
        if chosen is not None and chosen.data():
            self.insert_reference(*chosen.data())

    def insert_reference(self, key: str, column: str) -> None:
        """The figure as its own undo step: the typing before it is committed first."""
        if self.session.read_only:
            return
        self.session.commit_typing()
        self.node_form.insert_reference(key, column)
        self.session.commit_typing()

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if self.session.library.is_open:
            self.session.flush()

    def _meta_edited(self, changes: dict) -> None:
        self.session.edit_meta(**changes)
        if "title" in changes:
            self._show_report_title()

    def _meta_replaced(self) -> None:
        """A fix (or its undo) changed the metadata: the form and the title follow."""
        report = self.session.report
        if report is not None and self._meta_form is not None:
            self._meta_form.load(report.meta)
        self._show_report_title()

    def _show_report_title(self) -> None:
        """The window title names the report (typed, fixed by 体检, or undone)."""
        report = self.session.report
        if report is not None:
            suffix = "（只读）" if self.session.read_only else ""
            self.setWindowTitle(f"{report.meta.title or '（无标题）'} — {APP_NAME}{suffix}")

    def _node_edited(self, node_id: int, title: str | None, text: str | None) -> None:
        self.session.edit_node(node_id, title=title, text=text)
        self._count_timer.start()
        if not self.session.read_only:  # typing becomes an undo step only on leaving the node
            self.actions_.undo.setEnabled(True)

    def _node_replaced(self, node_id: int) -> None:
        if self.node_form.node is not None and self.node_form.node.id == node_id:
            self.node_form.refresh()
        self._schedule_counts()  # undo, redo, rename and fixes change the counts too

    def _schedule_counts(self, *_args: object) -> None:
        self._count_timer.start()

    def update_counts(self) -> None:
        if self.session.report is None:
            self.lbl_counts.clear()
            return
        node = self.node_form.node if self.editors.currentWidget() is self.node_form else None
        shown = self.session.shown_text
        node_chars = count_chars(shown(node.title)) + count_chars(shown(node.text)) if node is not None else 0
        self.lbl_counts.setText(
            self.tr("本部分 {0} 字　全文 {1} 字")
            .replace("{0}", str(node_chars))
            .replace("{1}", str(self.session.report_chars()))
        )

    def _saved(self, stamp: str) -> None:
        self.lbl_saved.setStyleSheet("")
        self.lbl_saved.setText(self.tr("已自动保存 ") + stamp)

    def _failed(self, message: str) -> None:
        self.lbl_saved.setStyleSheet("color:#b00020")
        self.lbl_saved.setText(self.tr("未保存"))
        self.statusBar().showMessage(message, 10000)

    # --- actions ---

    def _update_actions(self) -> None:
        has_report = self.session.report is not None
        writable = not self.session.read_only
        for action in self.actions_.report_actions():
            action.setEnabled(has_report and (writable or action in self._read_only_actions()))
        for action in (
            self.actions_.new,
            self.actions_.import_,
            self.actions_.paste_import,
            self.actions_.roll_forward,
        ):
            action.setEnabled(writable)

    def _read_only_actions(self) -> tuple:
        acts = self.actions_
        return (
            acts.export,
            acts.revisions,
            acts.close_report,
            acts.meta,
            acts.ledger,
            acts.check,
            acts.checklist,
            acts.assignments,
            acts.notes,
            acts.find,
            acts.find_next,
            acts.find_previous,
            acts.full_text,
            acts.page_view,
            acts.print_,
            acts.print_preview,
        )

    # --- closing: never lose an edit ---

    def _library_lost(self) -> None:
        """The library could not be reopened (after a restore) and the clerk chose to quit: close
        once the dialog that asked has returned; everything was saved before the library was released."""
        QTimer.singleShot(0, self.close)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.tree_commands.finish_rename()
        self._commit_ledger_typing()
        saved = self._checklist_dock.panel.flush() if self._checklist_dock is not None else True
        if not (self.session.flush() and saved) and not alerts.ask_yes_no(
            self, self.tr("有修改没能保存到资料库（见状态栏的说明）。现在退出会丢失这些修改，确定退出吗？")
        ):
            event.ignore()
            return
        self._remember_geometry()
        backup_failure = self.session.shutdown()
        self.checks.wait_for_runs()
        if backup_failure is not None:  # the library is closed and saved: nothing waits on this
            alerts.show_error(self, backup_failure)
        event.accept()
