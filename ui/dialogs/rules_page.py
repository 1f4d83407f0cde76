"""设置 › 检查规则: every 体检 rule, grouped by family, each with a checkbox.

Switched-off rules are kept in the library (setting ``disabled_rules`` through
models.checks.ignores), so they hold for every report in it and on every start.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
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

from models.checks import FAMILIES, RULES, Rule
from models.checks.ignores import SettingsStore, load_disabled, set_rule_enabled
from ui.label_roles import as_hint

RULE_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_WIDTH = 420


def rule_name(rule: Rule) -> str:
    """The first clause of the explanation: short enough for one row."""
    for mark in ("：", "。", "，"):
        head = rule.explanation.split(mark, 1)[0]
        if len(head) < len(rule.explanation):
            return head
    return rule.explanation


class RulesPage(QWidget):
    def __init__(self, store: SettingsStore, read_only: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.read_only = read_only
        self.initially_disabled = load_disabled(store)
        hint = QLabel(
            self.tr("取消勾选的规则在本资料库的所有报告中都不再检查。把鼠标停在规则上可以看到完整说明。")
            if not read_only
            else self.tr("资料库以只读方式打开，不能修改检查规则。")
        )
        hint.setWordWrap(True)
        as_hint(hint)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("规则"), self.tr("级别"), self.tr("依据")])
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.tree.setColumnWidth(0, NAME_WIDTH)
        self.tree.setMinimumSize(760, 420)
        self._fill()
        self.tree.setEnabled(not read_only)
        self.btn_all = QPushButton(self.tr("全部启用"))
        self.btn_all.setEnabled(not read_only)
        self.btn_all.clicked.connect(self.enable_all)
        row = QHBoxLayout()
        row.addWidget(hint, 1)
        row.addWidget(self.btn_all)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.tree, 1)

    def _fill(self) -> None:
        groups: dict[str, QTreeWidgetItem] = {}
        order = list(FAMILIES)
        for rule in sorted(RULES, key=lambda r: order.index(r.family) if r.family in order else len(order)):
            group = groups.get(rule.family)
            if group is None:
                group = QTreeWidgetItem(self.tree, [FAMILIES.get(rule.family, rule.family)])
                group.setFlags(group.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate)
                groups[rule.family] = group
            item = QTreeWidgetItem(group, [rule_name(rule), rule.severity, rule.source])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setData(0, RULE_ROLE, rule.id)
            enabled = rule.id not in self.initially_disabled
            item.setCheckState(0, Qt.CheckState.Checked if enabled else Qt.CheckState.Unchecked)
            tip = self.tr("%1\n依据：%2").replace("%1", rule.explanation).replace("%2", rule.source)
            for column in range(3):
                item.setToolTip(column, tip)
        self.tree.expandAll()

    def rule_items(self) -> list[QTreeWidgetItem]:
        return [
            self.tree.topLevelItem(g).child(c)
            for g in range(self.tree.topLevelItemCount())
            for c in range(self.tree.topLevelItem(g).childCount())
        ]

    def item_for(self, rule_id: str) -> QTreeWidgetItem:
        return next(item for item in self.rule_items() if item.data(0, RULE_ROLE) == rule_id)

    def set_rule_checked(self, rule_id: str, enabled: bool) -> None:
        self.item_for(rule_id).setCheckState(0, Qt.CheckState.Checked if enabled else Qt.CheckState.Unchecked)

    def disabled_rules(self) -> set[str]:
        return {item.data(0, RULE_ROLE) for item in self.rule_items() if item.checkState(0) != Qt.CheckState.Checked}

    def enable_all(self) -> None:
        for item in self.rule_items():
            item.setCheckState(0, Qt.CheckState.Checked)

    def apply(self) -> bool:
        """Save what changed; True when the set of switched-off rules is different now."""
        if self.read_only:
            return False
        wanted = self.disabled_rules()
        for rule_id in sorted(wanted ^ self.initially_disabled):
            set_rule_enabled(self.store, rule_id, rule_id not in wanted)
        changed = wanted != self.initially_disabled
        self.initially_disabled = wanted
        return changed
