"""The 分工 dock: assigned parts grouped by 科室, with due date and 未发出 / 已发出 / 已交回
(the state the command line's ``assign ID`` prints, from models.roundtrip.summary)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.errors import NianbaoError
from models.roundtrip.summary import Assignment, assignments
from ui.session import Session

NODE_ID = Qt.ItemDataRole.UserRole + 1
UNIT = Qt.ItemDataRole.UserRole + 2


class AssignmentsPanel(QWidget):
    part_selected = Signal(int)  # node id
    assign_requested = Signal()  # 分工… for the part selected in the outline
    package_requested = Signal(str)  # 生成填报文件… for this 科室 ("" none chosen)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("部分"), self.tr("期限"), self.tr("状态")])
        self.tree.setColumnWidth(0, 280)
        self.lbl_empty = QLabel(self.tr("还没有分工。在目录中选一个部分，点“分工…”指定负责的科室。"))
        self.lbl_empty.setWordWrap(True)
        self.btn_assign = QPushButton(self.tr("分工…"))
        self.btn_package = QPushButton(self.tr("生成填报文件…"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.btn_assign)
        buttons.addWidget(self.btn_package)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lbl_empty)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self.tree.itemClicked.connect(self._clicked)
        self.btn_assign.clicked.connect(self.assign_requested)
        self.btn_package.clicked.connect(lambda: self.package_requested.emit(self.selected_unit()))
        session.assignment_changed.connect(self.refresh)
        session.report_opened.connect(self.refresh)
        session.report_closed.connect(self.refresh)
        session.revision_created.connect(self.refresh)  # a merge marks a file 已交回
        session.edited.connect(self.refresh)  # renumbering changes the labels
        self.refresh()

    def refresh(self, *_args: object) -> None:
        self.tree.clear()
        report = self.session.report
        items: list[Assignment] = []
        if report is not None and report.id is not None:
            try:
                items = assignments(report, self.session.library.sent_files(report.id))
            except NianbaoError as exc:
                self.lbl_empty.setText(str(exc))
        by_unit: dict[str, list[Assignment]] = {}
        for item in items:
            by_unit.setdefault(item.node.unit, []).append(item)
        for unit, parts in by_unit.items():
            back = sum(1 for part in parts if part.returned)
            head = QTreeWidgetItem(
                [
                    self.tr("{0}（{1} 个部分，已交回 {2} 个）")
                    .replace("{0}", unit)
                    .replace("{1}", str(len(parts)))
                    .replace("{2}", str(back))
                ]
            )
            head.setData(0, UNIT, unit)
            for part in parts:
                row = QTreeWidgetItem([part.label, part.node.due or self.tr("未定"), part.state])
                row.setData(0, NODE_ID, part.node.id)
                row.setData(0, UNIT, unit)
                row.setToolTip(0, part.label)
                head.addChild(row)
            self.tree.addTopLevelItem(head)
        self.tree.expandAll()
        self.lbl_empty.setVisible(not items)

    def rows(self) -> list[tuple[str, str, str, str]]:
        """(科室, part, due, state) as shown, top to bottom."""
        found = []
        for i in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(i)
            for j in range(head.childCount()):
                row = head.child(j)
                found.append((str(row.data(0, UNIT)), row.text(0), row.text(1), row.text(2)))
        return found

    def selected_unit(self) -> str:
        item = self.tree.currentItem()
        return str(item.data(0, UNIT)) if item is not None and item.data(0, UNIT) else ""

    def _clicked(self, item: QTreeWidgetItem) -> None:
        node_id = item.data(0, NODE_ID)
        if node_id is not None:
            self.part_selected.emit(int(node_id))


class AssignmentsDock(QDockWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("分工"))
        self.setObjectName("assignmentsDock")
        self.panel = AssignmentsPanel(session, self)
        self.setWidget(self.panel)
