"""The 数据台账 page: the report's figures grouped by topic, with 本年, 上年, 单位 and 同比.

Each figure is checked as it is typed (``models.ledger.editing.apply_changes`` on a copy): a bad
value or a new contradiction is marked at once with the model's Chinese message and never saved.
A good value becomes one undo step when the field is left (Enter, Tab, a click elsewhere), through
``Session.change_ledger``. Derived figures (纠错率…) are computed and shown read-only; the
constraint problems of the saved ledger are listed above the table and marked on their fields.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from models.errors import NianbaoError
from models.ledger.definitions import OWN_PREFIX, Indicator, load_catalogue
from models.ledger.editing import LedgerChanges, apply_changes
from models.ledger.sheet import Sheet, describe_change
from models.ledger.values import COLUMN_NAMES, CURRENT, PREVIOUS, format_value, parse_value
from ui.editors.text_edit import LineEdit
from ui.label_roles import as_hint
from ui.session import Session

BAD_STYLE = "QLineEdit { background: #fde2e2; }"
WARN_STYLE = "QLineEdit { background: #fff3cd; }"
COMPUTED_STYLE = "QLineEdit { background: palette(window); }"
COLUMNS = (CURRENT, PREVIOUS)


def indicator_tip(indicator: Indicator, sheet: Sheet) -> str:
    """Hover text: what the figure counts, where it comes from, how a derived one is computed."""
    lines = [indicator.name]
    if indicator.definition:
        lines.append(indicator.definition)
    if indicator.source:
        lines.append(f"来源：{indicator.source}")
    if indicator.formula is not None:
        lines.append(f"计算：{sheet.label(indicator.formula)}")
    lines.append(f"代码：{indicator.key}")
    return "\n".join(lines)


class LedgerForm(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.fields: dict[tuple[str, str], QLineEdit] = {}
        self.changes: dict[str, QLabel] = {}  # 同比 per key
        self._errors: dict[tuple[str, str], str] = {}  # typed values refused, still shown in their field
        self._shape: tuple[int | None, str, tuple[str, ...]] = (None, "", ())
        self.cmb_kind = QComboBox()
        for indicator_set in load_catalogue().sets:
            self.cmb_kind.addItem(indicator_set.name, indicator_set.id)
        self.cmb_kind.activated.connect(self._kind_chosen)
        self.lbl_hint = QLabel(
            self.tr("填本年和上年的数字，比率由分子分母自动计算；正文中可用“插入数据”引用这些数字。")
        )
        as_hint(self.lbl_hint)
        self.lbl_hint.setWordWrap(True)
        self.lbl_error = QLabel()
        self.lbl_error.setWordWrap(True)
        self.lbl_error.setStyleSheet("color:#b00020")
        self.lbl_problems = QLabel()
        self.lbl_problems.setWordWrap(True)
        self.lbl_problems.setStyleSheet("color:#8a5a00")
        self.grid_holder = QWidget()
        self.grid = QGridLayout(self.grid_holder)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_holder)
        self.edt_own_name = LineEdit()
        self.edt_own_name.setPlaceholderText(self.tr("指标名称，如：河道巡查"))
        self.edt_own_unit = LineEdit()
        self.edt_own_unit.setPlaceholderText(self.tr("单位，如：次"))
        self.edt_own_unit.setMaximumWidth(120)
        self.btn_add_own = QPushButton(self.tr("添加本单位指标"))
        self.btn_add_own.setAutoDefault(False)
        self.btn_add_own.clicked.connect(self.add_own)
        self._build_layout(scroll)

    def _build_layout(self, scroll: QScrollArea) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("台账类型")))
        top.addWidget(self.cmb_kind)
        top.addStretch(1)
        own = QHBoxLayout()
        own.addWidget(self.edt_own_name, 1)
        own.addWidget(self.edt_own_unit)
        own.addWidget(self.btn_add_own)
        layout = QVBoxLayout(self)
        caption = QLabel(self.tr("数据台账"))
        font = QFont(caption.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        caption.setFont(font)
        for item in (caption, top, self.lbl_hint, self.lbl_error, self.lbl_problems):
            layout.addLayout(item) if isinstance(item, QHBoxLayout) else layout.addWidget(item)
        layout.addWidget(scroll, 1)
        layout.addLayout(own)

    # --- showing ---

    def load(self) -> None:
        """Show the open report's ledger (opened, edited, undone); the grid is rebuilt only when the
        indicators listed change (another kind, an own indicator added)."""
        sheet = self.session.sheet()
        if sheet is None:
            return
        self.cmb_kind.setCurrentIndex(max(0, self.cmb_kind.findData(sheet.kind)))
        shape = (self.session.report_id, sheet.kind, tuple(i.key for i in sheet.indicators))
        if shape != self._shape:  # another report, another kind, an indicator added or taken away
            self._build_grid(sheet)
            self._shape = shape
            self._errors.clear()
        self._fill(sheet)
        self.lbl_error.setText("\n".join(self._errors.values()))

    def _build_grid(self, sheet: Sheet) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.fields.clear()
        self.changes.clear()
        year = self.session.report.meta.year if self.session.report is not None else 0
        row = 0
        for label, column in (
            (self.tr("指标"), 0),
            (f"本年（{year}年）" if year else "本年", 1),
            (f"上年（{year - 1}年）" if year else "上年", 2),
            (self.tr("单位"), 3),
            (self.tr("同比"), 4),
        ):
            header = QLabel(label)
            as_hint(header)
            self.grid.addWidget(header, row, column)
        group = None
        for indicator in sheet.indicators:
            if indicator.group != group:
                group = indicator.group
                row += 1
                heading = QLabel(sheet.group_name(group))
                font = QFont(heading.font())
                font.setBold(True)
                heading.setFont(font)
                self.grid.addWidget(heading, row, 0, 1, 5)
            row += 1
            self._add_row(sheet, indicator, row)
        self.grid.setRowStretch(row + 1, 1)
        self.grid.setColumnStretch(0, 1)

    def _add_row(self, sheet: Sheet, indicator: Indicator, row: int) -> None:
        tip = indicator_tip(indicator, sheet)
        name = QLabel(indicator.name)
        name.setToolTip(tip)
        self.grid.addWidget(name, row, 0)
        for offset, column in enumerate(COLUMNS):
            field = QLineEdit()
            field.setObjectName(f"{indicator.key}:{column}")
            field.setToolTip(tip)
            field.setMaximumWidth(140)
            field.setAlignment(Qt.AlignmentFlag.AlignRight)
            if indicator.formula is not None:
                field.setReadOnly(True)
                field.setStyleSheet(COMPUTED_STYLE)
            else:
                field.textEdited.connect(lambda text, k=indicator.key, c=column: self.check_typed(k, c, text))
                field.editingFinished.connect(lambda k=indicator.key, c=column: self.commit(k, c))
            self.fields[(indicator.key, column)] = field
            self.grid.addWidget(field, row, 1 + offset)
        unit = QLabel(indicator.unit)
        self.grid.addWidget(unit, row, 3)
        change = QLabel()
        self.changes[indicator.key] = change
        self.grid.addWidget(change, row, 4)

    def _fill(self, sheet: Sheet) -> None:
        read_only = self.session.read_only
        for (key, column), field in self.fields.items():
            if (key, column) in self._errors:
                continue  # the refused text stays, marked, for the clerk to correct
            field.setText(format_value(sheet.value(key, column)))
            field.setStyleSheet(COMPUTED_STYLE if field.isReadOnly() else "")
            if read_only:
                field.setReadOnly(True)
        for row in sheet.rows():
            self.changes[row.indicator.key].setText(describe_change(row.indicator, row.change))
        problems = sheet.problems()
        for problem in problems:
            field = self.fields.get((problem.key, problem.column))
            if field is not None:
                field.setStyleSheet(BAD_STYLE if problem.hard else WARN_STYLE)
                field.setToolTip(problem.message)
        self.lbl_problems.setText("\n".join(p.message for p in problems))
        self.lbl_problems.setVisible(bool(problems))
        for widget in (self.cmb_kind, self.btn_add_own, self.edt_own_name, self.edt_own_unit):
            widget.setEnabled(not read_only)

    # --- editing ---

    def _issuer(self) -> str:
        return self.session.report.meta.issuer if self.session.report is not None else ""

    def check_typed(self, key: str, column: str, text: str) -> str:
        """Mark the field as the clerk types: the model's message for a value it would refuse."""
        report = self.session.report
        if report is None:
            return ""
        try:
            apply_changes(report.ledger, self._issuer(), LedgerChanges(figures=[(column, key, text)]))
        except NianbaoError as exc:
            self._mark_bad(key, column, str(exc))
            return str(exc)
        self._errors.pop((key, column), None)
        self.fields[(key, column)].setStyleSheet("")
        self.lbl_error.setText("\n".join(self._errors.values()))
        return ""

    def _mark_bad(self, key: str, column: str, message: str) -> None:
        self._errors[(key, column)] = f"{message}（未保存）"
        field = self.fields[(key, column)]
        field.setStyleSheet(BAD_STYLE)
        field.setToolTip(message)
        self.lbl_error.setText("\n".join(self._errors.values()))

    def commit(self, key: str, column: str) -> None:
        """The field was left: a changed, acceptable value becomes one undo step."""
        if not self.session.library.is_open:  # the window is closing: commit_focused() ran already
            return
        report, sheet = self.session.report, self.session.sheet()
        field = self.fields.get((key, column))
        if report is None or sheet is None or field is None or self.session.read_only:
            return
        text = field.text()
        if key in sheet.by_key and not sheet.by_key[key].formula:
            try:
                typed = parse_value(text, sheet.by_key[key])
            except NianbaoError:
                typed = None  # refused below, with the message
            else:
                if typed == report.ledger.get(key, column):  # the same figure (“35件” for 35): no step
                    field.setText(format_value(typed))
                    return
        name = sheet.by_key[key].name if key in sheet.by_key else key
        self._apply(
            LedgerChanges(figures=[(column, key, text)]), f"数据台账：{COLUMN_NAMES[column]}{name}", (key, column)
        )

    def commit_focused(self) -> None:
        """The window closes or another report opens: a figure still being typed is saved first."""
        for (key, column), field in self.fields.items():
            if field.hasFocus():
                self.commit(key, column)

    def _apply(self, changes: LedgerChanges, label: str, place: tuple[str, str] | None = None) -> bool:
        try:
            self.session.change_ledger(changes, label)
        except NianbaoError as exc:
            if place is not None:
                self._mark_bad(*place, str(exc))
            else:
                self.lbl_error.setText(str(exc))
            return False
        return True

    def _kind_chosen(self, index: int) -> None:
        sheet = self.session.sheet()
        kind = self.cmb_kind.itemData(index)
        if sheet is not None and kind != sheet.kind:
            self._apply(LedgerChanges(kind=kind), f"数据台账：改为{self.cmb_kind.itemText(index)}")

    def add_own(self) -> bool:
        """The unit's own indicator from its name and unit; its key (x_1, x_2…) is made here."""
        report = self.session.report
        if report is None:
            return False
        name, unit = self.edt_own_name.text().strip(), self.edt_own_unit.text().strip()
        taken = {i.key for i in report.ledger.custom}
        number = 1
        while f"{OWN_PREFIX}{number}" in taken:
            number += 1
        changes = LedgerChanges(own=[(f"{OWN_PREFIX}{number}", name, unit)])
        if not self._apply(changes, f"数据台账：添加“{name}”"):
            return False
        self.edt_own_name.clear()
        self.edt_own_unit.clear()
        return True
