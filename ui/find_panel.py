"""查找和替换 (Ctrl+F / Ctrl+H): a dock listing every hit in the parts' titles and text, in table cells and in the
报告信息, with its part as the tree numbers it and the words around it.

F3 / Shift+F3 select the next / previous hit in its editor. 替换 and 全部替换 go through the
session's undo stack (``Session.apply_changes``): 全部替换 is one step, undone with one Ctrl+Z.
The matching itself is :mod:`models.search`; built the first time the clerk asks for it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDockWidget,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.part_labels import part_labels
from models.search import (
    Hit,
    SearchOptions,
    context,
    find,
    replacements,
    searched_fields,
    where,
)
from ui.session import Session
from ui.window.port import WindowPort

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_DELAY_MS = 250  # typing in the find box searches again after this pause


class FindDock(QDockWidget):
    def __init__(self, session: Session, window: WindowPort) -> None:
        super().__init__(self.tr("查找和替换"), window.widget())
        self.setObjectName("findDock")
        self.setAllowedAreas(Qt.DockWidgetArea.BottomDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
        self.session = session
        self.window = window
        self.hits: list[Hit] = []
        self.current: Hit | None = None
        self.replacing = False  # opened with Ctrl+H: the replace row shows
        self._fields: dict[tuple[int | None, str], tuple[int, str]] = {}  # field → reading order, value
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self._build()
        self._connect()

    def _build(self) -> None:
        self.edt_find = QLineEdit()
        self.edt_find.setPlaceholderText(self.tr("要查找的文字"))
        self.edt_find.setClearButtonEnabled(True)
        self.edt_replace = QLineEdit()
        self.edt_replace.setPlaceholderText(self.tr("替换为（留空则删除找到的文字）"))
        self.lbl_replace = QLabel(self.tr("替换为"))
        self.chk_width = QCheckBox(self.tr("全角半角视为相同"))
        self.chk_width.setToolTip(self.tr("“，”与“,”、“（”与“(”、“：”与“:”等视为同一个字符"))
        self.chk_width.setChecked(True)
        self.chk_whole = QCheckBox(self.tr("全字匹配"))
        self.chk_whole.setToolTip(
            self.tr("数字和英文不在更长的数字、单词中间（10 不匹配 2010）；中文须是标点、空格或段首段尾之间的完整词句")
        )
        self.chk_case = QCheckBox(self.tr("区分大小写"))
        self.btn_previous = QPushButton(self.tr("上一个"))
        self.btn_next = QPushButton(self.tr("下一个"))
        self.btn_replace = QPushButton(self.tr("替换"))
        self.btn_replace_all = QPushButton(self.tr("全部替换"))
        self.lbl_count = QLabel()
        self.results = QTreeWidget()
        self.results.setColumnCount(2)
        self.results.setHeaderLabels([self.tr("位置"), self.tr("内容")])
        self.results.setRootIsDecorated(False)
        self.results.setUniformRowHeights(True)
        self.results.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.results.setColumnWidth(0, 260)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("查找")), 0, 0)
        grid.addWidget(self.edt_find, 0, 1)
        grid.addWidget(self.btn_previous, 0, 2)
        grid.addWidget(self.btn_next, 0, 3)
        grid.addWidget(self.lbl_replace, 1, 0)
        grid.addWidget(self.edt_replace, 1, 1)
        grid.addWidget(self.btn_replace, 1, 2)
        grid.addWidget(self.btn_replace_all, 1, 3)
        options = QHBoxLayout()
        for widget in (self.chk_width, self.chk_whole, self.chk_case):
            options.addWidget(widget)
        options.addStretch(1)
        options.addWidget(self.lbl_count)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(grid)
        layout.addLayout(options)
        layout.addWidget(self.results, 1)
        self.setWidget(body)

    def _connect(self) -> None:
        self.edt_find.textChanged.connect(self._timer.start)
        self.edt_find.returnPressed.connect(lambda: self.step(1))
        self.edt_replace.returnPressed.connect(self.replace_one)
        for box in (self.chk_width, self.chk_whole, self.chk_case):
            box.toggled.connect(self.refresh)
        self.btn_next.clicked.connect(lambda: self.step(1))
        self.btn_previous.clicked.connect(lambda: self.step(-1))
        self.btn_replace.clicked.connect(self.replace_one)
        self.btn_replace_all.clicked.connect(self.replace_all)
        self.results.itemActivated.connect(self._item_chosen)
        self.results.itemClicked.connect(self._item_chosen)
        for signal in (self.session.edited, self.session.saved):  # fixes, undo, and typing once saved
            signal.connect(self._report_changed)
        self.session.report_opened.connect(self._report_changed)
        self.session.report_closed.connect(self._report_changed)

    # --- showing ---

    def open(self, replace: bool) -> None:
        """Ctrl+F (``replace`` False) or Ctrl+H: show the dock, the words selected in an editor
        as the query, and the cursor in the find box."""
        self.replacing = replace
        for widget in (self.lbl_replace, self.edt_replace, self.btn_replace, self.btn_replace_all):
            widget.setVisible(replace)
        writable = not self.session.read_only
        for widget in (self.edt_replace, self.btn_replace, self.btn_replace_all):
            widget.setEnabled(writable)
        selected = _selected_words()
        if selected:
            self.edt_find.setText(selected)
        self.window.show_dock(self, 220)
        self.refresh()
        self.edt_find.setFocus()
        self.edt_find.selectAll()

    def options(self) -> SearchOptions:
        return SearchOptions(
            width_insensitive=self.chk_width.isChecked(),
            whole_phrase=self.chk_whole.isChecked(),
            case_sensitive=self.chk_case.isChecked(),
        )

    def _report_changed(self, *_args: object) -> None:
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Search again on the report as it is now; the hit the clerk is on stays chosen."""
        self._timer.stop()
        report, query = self.session.report, self.edt_find.text()
        self.hits = find(report, query, self.options()) if report is not None else []
        fields = searched_fields(report) if report is not None else ()
        self._fields = {(node_id, name): (n, value) for n, (node_id, name, value) in enumerate(fields)}
        if self.current not in self.hits:
            self.current = None
        self._fill()

    def _fill(self) -> None:
        self.results.clear()
        report = self.session.report
        labels = part_labels(report) if report is not None else {}
        for hit in self.hits:
            value = self._fields.get((hit.node_id, hit.field), (0, ""))[1]
            before, match, after = context(value, hit)
            item = QTreeWidgetItem(self.results, [where(hit, labels), f"{before}【{match}】{after}"])
            item.setData(0, HIT_ROLE, hit)
            if hit == self.current:
                self.results.setCurrentItem(item)
        self._show_count()

    def _show_count(self) -> None:
        if not self.edt_find.text():
            self.lbl_count.setText("")
        elif not self.hits:
            self.lbl_count.setText(self.tr("没有找到"))
        elif self.current is None:
            self.lbl_count.setText(self.tr("共 {0} 处").replace("{0}", str(len(self.hits))))
        else:
            self.lbl_count.setText(
                self.tr("第 {0} 处 / 共 {1} 处")
                .replace("{0}", str(self.hits.index(self.current) + 1))
                .replace("{1}", str(len(self.hits)))
            )
        has_hits = bool(self.hits)
        for button in (self.btn_next, self.btn_previous):
            button.setEnabled(has_hits)
        writable = not self.session.read_only
        self.btn_replace.setEnabled(writable and has_hits)
        self.btn_replace_all.setEnabled(writable and has_hits)

    # --- moving between hits ---

    def step(self, delta: int) -> None:
        """F3 (1) / Shift+F3 (-1): select the next / previous hit in its editor, wrapping round."""
        if not self.isVisible() or not self.edt_find.text():
            self.open(replace=self.replacing)
            if not self.edt_find.text():
                return
        self.refresh()  # the clerk may have typed since
        if not self.hits:
            self.window.show_message(self.tr("没有找到“{0}”").replace("{0}", self.edt_find.text()))
            return
        if self.current is None:
            index = 0 if delta > 0 else len(self.hits) - 1
        else:
            index = (self.hits.index(self.current) + delta) % len(self.hits)
        self.go_to(self.hits[index])

    def go_to(self, hit: Hit) -> None:
        self.current = hit
        for row in range(self.results.topLevelItemCount()):
            item = self.results.topLevelItem(row)
            if item.data(0, HIT_ROLE) == hit:
                self.results.setCurrentItem(item)
                self.results.scrollToItem(item)
        self._show_count()
        self.window.reveal(hit.node_id, hit.field, hit.start, hit.end)

    def _item_chosen(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        hit = item.data(0, HIT_ROLE)
        if isinstance(hit, Hit):
            self.go_to(hit)

    def _place(self, hit: Hit) -> int:
        return self._fields.get((hit.node_id, hit.field), (-1, ""))[0]

    # --- replacing ---

    def replace_one(self) -> None:
        """Replace the chosen hit (choosing the first when none is) and go on to the next."""
        report = self.session.report
        if report is None or self.session.read_only:
            return
        self.refresh()
        if self.current is None:
            self.step(1)
            return
        hit, replacement = self.current, self.edt_replace.text()
        label = self.tr("替换“{0}”为“{1}”").replace("{0}", self.edt_find.text()).replace("{1}", replacement)
        if not self.session.apply_changes(
            replacements(report, [hit], replacement, self.edt_find.text(), self.options()), label
        ):
            return
        self.current = None
        self.refresh()
        after = (self._place(hit), hit.start + len(replacement))
        following = [h for h in self.hits if (self._place(h), h.start) >= after]
        if following or self.hits:
            self.go_to((following or self.hits)[0])
        else:
            self.window.show_message(self.tr("已替换，没有更多了"))

    def replace_all(self) -> None:
        """Every hit, as one undo step."""
        report = self.session.report
        if report is None or self.session.read_only:
            return
        self.refresh()
        count, replacement = len(self.hits), self.edt_replace.text()
        changes = replacements(report, self.hits, replacement, self.edt_find.text(), self.options())
        label = (
            self.tr("全部替换“{0}”为“{1}”（{2} 处）")
            .replace("{0}", self.edt_find.text())
            .replace("{1}", replacement)
            .replace("{2}", str(count))
        )
        if self.session.apply_changes(changes, label):
            self.window.show_message(self.tr("已替换 {0} 处，可按 Ctrl+Z 一次撤销").replace("{0}", str(count)))
        self.current = None
        self.refresh()


def _selected_words() -> str:
    """The words selected in the focused editor, on one line, if any (a query to start from)."""
    widget = QApplication.focusWidget()
    if isinstance(widget, QLineEdit):
        text = widget.selectedText()
    elif isinstance(widget, QPlainTextEdit):
        text = widget.textCursor().selectedText()
    else:
        return ""
    return "" if "\u2029" in text or "\n" in text else text.strip()
