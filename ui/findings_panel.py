"""体检 panel: findings grouped by family, with 修正 / 全部修正 / 忽略. A finding that stands for
several places ("本段有 12 处半角标点", or one for the whole report) expands to them; a click on
a place selects its characters, and 修正 on it fixes the whole finding.

The panel only shows findings and emits requests; the window owns the report, applies
fixes through its undo stack and re-runs the checks (see :mod:`ui.check_worker`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.text_chars import shorten

if TYPE_CHECKING:
    from models.checks import Finding
    from models.checks.model import Place

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
PLACE_ROLE = Qt.ItemDataRole.UserRole + 2
SIDE_WIDTH = 330
LOCATION_WIDTH = 340


class FindingsPanel(QWidget):
    finding_activated = Signal(object, str, int, int)  # node_id (int or None), field, start, end
    fix_requested = Signal(object)  # Finding
    fix_all_requested = Signal(str)  # rule id
    ignore_requested = Signal(object)  # Finding

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._findings: list[Finding] = []
        self.read_only = False  # a report opened read-only: findings are shown, nothing is changed
        # Widgets
        self.lbl_summary = QLabel(self)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("问题"), self.tr("位置")])
        self.tree.setUniformRowHeights(True)
        self.tree.setWordWrap(False)
        self.lbl_detail = QLabel(self)
        self.lbl_detail.setWordWrap(True)
        self.lbl_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.btn_fix = QPushButton(self.tr("修正"), self)
        self.btn_fix_all = QPushButton(self.tr("全部修正"), self)
        self.btn_ignore = QPushButton(self.tr("忽略"), self)
        # Assemble: the list on the left, the explanation and the buttons beside it (a wide, low dock)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        buttons = QHBoxLayout()
        for button in (self.btn_fix, self.btn_fix_all, self.btn_ignore):
            buttons.addWidget(button)
        buttons.addStretch(1)
        side = QWidget(self)
        side.setFixedWidth(SIDE_WIDTH)
        self.side_layout = QVBoxLayout(side)  # the dock adds its own controls at the top
        self.side_layout.setContentsMargins(0, 0, 0, 0)
        self.side_layout.addWidget(self.lbl_summary)
        self.side_layout.addWidget(self.lbl_detail)
        self.side_layout.addStretch(1)
        self.side_layout.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tree, 1)
        layout.addWidget(side)
        # Signals
        self.tree.currentItemChanged.connect(self._update_selection)
        self.tree.itemActivated.connect(self._activate)
        self.tree.itemClicked.connect(self._activate)
        self.btn_fix.clicked.connect(self._request_fix)
        self.btn_fix_all.clicked.connect(self._request_fix_all)
        self.btn_ignore.clicked.connect(self._request_ignore)
        self.set_findings([], {})

    # --- content ---

    def set_findings(self, findings: Sequence[Finding], labels: Mapping[int, str]) -> None:
        """Show ``findings``; ``labels`` maps node ids to what the clerk sees ("（七）创新…")."""
        self._findings = list(findings)
        self.tree.clear()
        if self._findings:
            self._fill(labels)
        self.tree.setColumnWidth(1, min(LOCATION_WIDTH, max(120, self.tree.sizeHintForColumn(1) + 12)))
        self.lbl_summary.setText(self.summary_text())
        self._update_selection(None, None)

    def _fill(self, labels: Mapping[int, str]) -> None:
        from models.checks import FAMILIES  # not at import: the window opens without the rules

        by_family: dict[str, list[Finding]] = {}
        for finding in self._findings:
            by_family.setdefault(finding.family, []).append(finding)
        for family, name in FAMILIES.items():
            if family in by_family:
                self._add_family(name, by_family.pop(family), labels)
        for family, items in by_family.items():  # a family the panel does not know yet
            self._add_family(family, items, labels)
        self.tree.expandToDepth(0)  # the families open, a finding's places folded until asked for

    def _add_family(self, name: str, findings: list[Finding], labels: Mapping[int, str]) -> None:
        group = QTreeWidgetItem(self.tree, [self.tr("%1（%2）").replace("%1", name).replace("%2", str(len(findings)))])
        for finding in findings:
            text = f"[{finding.severity}] {finding.message}"
            if finding.excerpt:
                text += f" 「{shorten(finding.excerpt, 24, one_line=True)}」"
            item = QTreeWidgetItem(group, [text, self._location(finding, labels)])
            item.setData(0, FINDING_ROLE, finding)
            item.setToolTip(0, finding.message)
            self._add_places(item, finding, finding.places, labels)

    def _add_places(
        self, parent: QTreeWidgetItem, finding: Finding, places: Sequence[Place], labels: Mapping[int, str]
    ) -> None:
        for place in places:
            text = place.message or self.tr("「%1」").replace("%1", shorten(place.excerpt, 24, one_line=True))
            if place.fix is not None and not place.places:
                text += self.tr(" → 「%1」").replace("%1", shorten(place.fix.replacement, 24, one_line=True))
            item = QTreeWidgetItem(parent, [text, self._place_location(place, labels)])
            item.setData(0, FINDING_ROLE, finding)  # the buttons act on the finding the place belongs to
            item.setData(0, PLACE_ROLE, place)
            self._add_places(item, finding, place.places, labels)

    def _place_location(self, place: Place, labels: Mapping[int, str]) -> str:
        from models.checks.labels import FIELD_NAMES

        field = FIELD_NAMES.get(place.field, place.field)
        where = labels.get(place.node_id, str(place.node_id)) if place.node_id is not None else self.tr("报告信息")
        span = (
            self.tr(" 第%1字").replace("%1", str(place.end))
            if place.end - place.start == 1
            else self.tr(" 第%1–%2字").replace("%1", str(place.start + 1)).replace("%2", str(place.end))
        )
        return f"{where} · {field}{span}"

    def _location(self, finding: Finding, labels: Mapping[int, str]) -> str:
        from models.checks.labels import FIELD_NAMES

        field = FIELD_NAMES.get(finding.field, finding.field)
        if finding.node_id is None:
            return self.tr("全文") if finding.field == "body" else self.tr("报告信息 · %1").replace("%1", field)
        return f"{labels.get(finding.node_id, str(finding.node_id))} · {field}"

    def findings(self) -> list[Finding]:
        return list(self._findings)

    def counts(self) -> tuple[int, int]:
        if not self._findings:
            return 0, 0
        from models.checks import ERROR

        errors = sum(1 for f in self._findings if f.severity == ERROR)
        return errors, len(self._findings) - errors

    def summary_text(self) -> str:
        """For the status-bar badge too: "体检：错误 3 条，建议 5 条" or "体检：未发现问题"."""
        errors, advice = self.counts()
        if not self._findings:
            return self.tr("体检：未发现问题")
        return self.tr("体检：错误 %1 条，建议 %2 条").replace("%1", str(errors)).replace("%2", str(advice))

    # --- selection and requests ---

    def current_finding(self) -> Finding | None:
        item = self.tree.currentItem()
        return item.data(0, FINDING_ROLE) if item is not None else None

    def select_finding(self, finding: Finding) -> bool:
        for group_index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(group_index)
            for child_index in range(group.childCount()):
                item = group.child(child_index)
                if item.data(0, FINDING_ROLE) == finding:
                    self.tree.setCurrentItem(item)
                    return True
        return False

    def current_place(self) -> Place | None:
        item = self.tree.currentItem()
        return item.data(0, PLACE_ROLE) if item is not None else None

    def fixable_count(self, rule_id: str) -> int:
        return sum(1 for f in self._findings if f.rule == rule_id and f.fixable)

    def _update_selection(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        finding = self.current_finding()
        writable = finding is not None and not self.read_only
        self.btn_fix.setEnabled(writable and finding.fixable)
        self.btn_fix_all.setEnabled(writable and self.fixable_count(finding.rule) > 0)
        self.btn_ignore.setEnabled(writable)
        self.lbl_detail.setText(self._detail(finding) if finding else "")

    def _detail(self, finding: Finding) -> str:
        from models.checks import RULES_BY_ID

        rule = RULES_BY_ID.get(finding.rule)
        explanation = rule.explanation if rule else finding.message
        text = self.tr("%1\n依据：%2").replace("%1", explanation).replace("%2", finding.source)
        if finding.places:
            text = (
                finding.message
                + "\n"
                + text
                + "\n"
                + self.tr("展开可逐处查看；修正会一次改好全部 %1 处。").replace("%1", str(len(finding.places)))
            )
        elif finding.fix is not None:
            replacement = finding.fix.replacement
            text += "\n" + (self.tr("修正为：%1").replace("%1", replacement) if replacement else self.tr("修正：删除"))
        folded = [RULES_BY_ID[r].explanation for r in finding.folded if r in RULES_BY_ID]
        if folded:
            text += "\n" + self.tr("这里同时还有：%1（修正时一并改好）").replace("%1", "".join(folded))
        return text

    def _activate(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        place = item.data(0, PLACE_ROLE)
        finding = place if place is not None else item.data(0, FINDING_ROLE)
        if finding is not None:
            self.finding_activated.emit(finding.node_id, finding.field, finding.start, finding.end)

    def _request_fix(self) -> None:
        finding = self.current_finding()
        if finding is not None and finding.fixable:
            self.fix_requested.emit(finding)

    def _request_fix_all(self) -> None:
        finding = self.current_finding()
        if finding is not None:
            self.fix_all_requested.emit(finding.rule)

    def _request_ignore(self) -> None:
        finding = self.current_finding()
        if finding is not None:
            self.ignore_requested.emit(finding)
