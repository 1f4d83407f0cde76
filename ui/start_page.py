"""The library page: reports grouped by year; new, open, duplicate, delete and restore."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.errors import NianbaoError
from models.store import ReportSummary
from ui.dialogs import alerts
from ui.label_roles import as_page_heading
from ui.session import Session

COLUMNS = ("标题", "单位", "最后编辑", "字数", "状态")
ID_ROLE = Qt.ItemDataRole.UserRole


def status_text(summary: ReportSummary) -> str:
    if summary.trashed:
        return "在回收站"
    return "未动笔" if summary.chars < 400 else "起草中"


class StartPage(QWidget):
    open_requested = Signal(int)
    new_requested = Signal()
    example_requested = Signal()
    roll_requested = Signal(int)  # 新建下一年度报告 from the selected report

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        heading = QLabel(self.tr("报告库"))
        as_page_heading(heading)
        self.btn_new = QPushButton(self.tr("新建报告…"))
        self.btn_open = QPushButton(self.tr("打开"))
        self.btn_roll = QPushButton(self.tr("新建下一年度报告"))
        self.btn_roll.setToolTip(
            self.tr("以所选报告为基础新建下一年度的报告：保留结构，去年的内容留作参考，去年的工作安排变成落实清单")
        )
        self.btn_duplicate = QPushButton(self.tr("复制一份"))
        self.btn_delete = QPushButton(self.tr("移入回收站"))
        self.btn_restore = QPushButton(self.tr("从回收站恢复"))
        self.chk_trash = QCheckBox(self.tr("显示回收站"))
        self.lst_reports = QTreeWidget()
        self.lst_reports.setHeaderLabels([self.tr(c) for c in COLUMNS])
        self.lst_reports.setRootIsDecorated(False)
        self.lst_reports.setAlternatingRowColors(True)
        self.lst_reports.setUniformRowHeights(True)
        header = self.lst_reports.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.lst_reports)
        self.stack.addWidget(self._build_empty_panel())
        toolbar = QHBoxLayout()
        for button in (
            self.btn_new,
            self.btn_open,
            self.btn_roll,
            self.btn_duplicate,
            self.btn_delete,
            self.btn_restore,
        ):
            button.setAutoDefault(False)
            toolbar.addWidget(button)
        toolbar.addStretch(1)
        toolbar.addWidget(self.chk_trash)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addWidget(heading)
        layout.addLayout(toolbar)
        layout.addWidget(self.stack, 1)
        self._connect()
        self.refresh()

    def _build_empty_panel(self) -> QWidget:
        panel = QWidget()
        text = QLabel(
            self.tr(
                "资料库里还没有报告。\n\n可以按模板新建一份，也可以先打开程序自带的示例报告，看看写好的报告在这里是什么样子。"
            )
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.btn_empty_new = QPushButton(self.tr("新建报告…"))
        self.btn_example = QPushButton(self.tr("打开示例报告"))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.btn_empty_new)
        row.addWidget(self.btn_example)
        row.addStretch(1)
        layout = QVBoxLayout(panel)
        layout.addStretch(1)
        layout.addWidget(text)
        layout.addLayout(row)
        layout.addStretch(2)
        return panel

    def _connect(self) -> None:
        self.btn_new.clicked.connect(self.new_requested)
        self.btn_empty_new.clicked.connect(self.new_requested)
        self.btn_example.clicked.connect(self.example_requested)
        self.btn_open.clicked.connect(self.open_selected)
        self.btn_duplicate.clicked.connect(self.duplicate_selected)
        self.btn_roll.clicked.connect(self._roll_selected)
        self.btn_delete.clicked.connect(self.trash_selected)
        self.btn_restore.clicked.connect(self.restore_selected)
        self.chk_trash.toggled.connect(self.refresh)
        self.lst_reports.itemActivated.connect(lambda *_: self.open_selected())
        self.lst_reports.currentItemChanged.connect(lambda *_: self._update_buttons())

    def refresh(self) -> None:
        show_trash = self.chk_trash.isChecked()
        try:
            summaries = self.session.library.list_reports(include_trashed=show_trash)
        except NianbaoError as exc:
            alerts.show_error(self, str(exc))
            summaries = []
        if show_trash:
            summaries = [s for s in summaries if s.trashed]
        self.lst_reports.clear()
        groups: dict[int, QTreeWidgetItem] = {}
        for summary in summaries:
            group = groups.get(summary.year)
            if group is None:
                group = QTreeWidgetItem(self.lst_reports, [f"{summary.year} 年度"])
                group.setFirstColumnSpanned(True)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                groups[summary.year] = group
            row = [
                summary.title or "（无标题）",
                summary.issuer,
                summary.modified.replace("T", " ")[:16],
                str(summary.chars),
                status_text(summary),
            ]
            item = QTreeWidgetItem(group, row)
            item.setData(0, ID_ROLE, summary.id)
            item.setTextAlignment(3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.lst_reports.expandAll()
        first = self.lst_reports.topLevelItem(0)
        if first is not None and first.childCount():
            self.lst_reports.setCurrentItem(first.child(0))
        empty = not summaries and not show_trash
        self.stack.setCurrentIndex(1 if empty else 0)
        self._update_buttons()

    def selected_id(self) -> int | None:
        item = self.lst_reports.currentItem()
        return item.data(0, ID_ROLE) if item is not None else None

    def _update_buttons(self) -> None:
        selected = self.selected_id() is not None
        trash = self.chk_trash.isChecked()
        writable = not self.session.read_only
        self.btn_open.setEnabled(selected and not trash)
        self.btn_duplicate.setEnabled(selected and not trash and writable)
        self.btn_roll.setEnabled(selected and not trash and writable)
        self.btn_delete.setEnabled(selected and not trash and writable)
        self.btn_restore.setVisible(trash)
        self.btn_restore.setEnabled(selected and writable)
        for button in (self.btn_new, self.btn_empty_new, self.btn_example):
            button.setEnabled(writable)

    def open_selected(self) -> None:
        report_id = self.selected_id()
        if report_id is not None and not self.chk_trash.isChecked():
            self.open_requested.emit(report_id)

    def _roll_selected(self) -> None:
        report_id = self.selected_id()
        if report_id is not None and not self.chk_trash.isChecked():
            self.roll_requested.emit(report_id)

    def _library_action(self, action: str, step: object) -> object:
        report_id = self.selected_id()
        if report_id is None:
            return None
        result = None
        try:
            result = step(report_id)  # type: ignore[operator]
        except NianbaoError as exc:
            alerts.show_error(self, f"{action}失败：{exc}")
        self.refresh()
        return result

    def select_report(self, report_id: int) -> None:
        for group in (self.lst_reports.topLevelItem(i) for i in range(self.lst_reports.topLevelItemCount())):
            for item in (group.child(j) for j in range(group.childCount())):
                if item.data(0, ID_ROLE) == report_id:
                    self.lst_reports.setCurrentItem(item)
                    return

    def duplicate_selected(self) -> None:
        copy = self._library_action("复制", self.session.library.duplicate_report)
        if isinstance(copy, int):  # two reports now share a title: show which one is new
            self.select_report(copy)

    def trash_selected(self) -> None:
        if alerts.ask_yes_no(self, self.tr("把这份报告移入回收站？之后可以勾选“显示回收站”再恢复。")):
            self._library_action("删除", self.session.library.trash_report)

    def restore_selected(self) -> None:
        self._library_action("恢复", self.session.library.restore_report)
