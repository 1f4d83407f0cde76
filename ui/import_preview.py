"""Import preview: the recognised tree beside the source text and the import notes.

The clerk fixes what recognition got wrong before anything is saved: raise or lower a
node's level, merge it into the text before it, split it at the cursor, change its kind,
correct its heading or text, and choose which statutory item (举措和成效, 不足和原因…) each
level-1 part serves. Above the tree, what was recognised as 标题, 主送, 文号, 成文日期 and 年度
(and whether the year was found or guessed) can be corrected in place; beside the notes, what
was removed (web clutter, metadata lines, a repeated title) is listed, and the figures the text
states are offered for the 数据台账 as a checklist: only those the clerk ticks are filled in.
``edited_report()`` returns the result; this dialog never touches the library (the caller saves
the report).

Every edit keeps the document order of the words: merge appends a node's words to the
node just before it in reading order, split hands the words after the cursor (and the
node's children, which follow them) to a new sibling.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.importing import STATUTORY_LABELS, ImportResult
from models.importing.markers import POINT_PATTERN, leading_marker
from models.importing.metadata import parse_date
from models.interchange import dumps
from models.ledger.definitions import LedgerDefinitionError
from models.ledger.extract import Proposal, accept
from models.ledger.sheet import Sheet
from models.ledger.values import CURRENT
from models.numbering import number_report
from models.report import PARAGRAPH, POINT, SECTION, TABLE, YEAR_MAX, YEAR_MIN, Node, Report, ReportMeta
from models.text_chars import shorten
from ui.dialogs import alerts
from ui.dialogs.buttons import ok_cancel_buttons

_LABEL_CHARS = 40


class ImportPreviewDialog(QDialog):
    def __init__(self, result: ImportResult, source_text: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: Report = result.report
        self.proposals: list[Proposal] = list(result.figures)
        self._year_state = "found" if result.year_found else "guessed"  # "typed" once the clerk sets it
        self._nodes: list[Node] = []
        self._current: Node | None = None
        self._loading = False
        self.setWindowTitle(self.tr("导入预览"))
        self.resize(1100, 700)
        self._build(result, result.source_text if source_text is None else source_text)
        self._refresh()
        self._as_recognised = dumps(self.report)

    def reject(self) -> None:
        """Esc or 取消 after corrections: ask first, or minutes of fixing are gone."""
        if dumps(self.report) != self._as_recognised and not alerts.ask_yes_no(
            self, self.tr("放弃对识别结果所做的修改，不导入这份报告吗？")
        ):
            return
        super().reject()

    # --- construction ---

    def _build(self, result: ImportResult, source_text: str) -> None:
        heading = self._meta_form()
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("识别出的结构"), self.tr("类型"), self.tr("法定内容")])
        self.tree.setColumnWidth(0, 420)
        self.tree.currentItemChanged.connect(self._on_select)

        buttons = QHBoxLayout()
        self.raise_button = self._button(self.tr("升一级"), self.raise_level, buttons)
        self.lower_button = self._button(self.tr("降一级"), self.lower_level, buttons)
        self.merge_button = self._button(self.tr("并入上文"), self.merge_with_previous, buttons)
        self.split_button = self._button(self.tr("在光标处拆分"), self.split_at_cursor, buttons)

        self.kind_box = QComboBox()
        for kind, label in (
            (SECTION, self.tr("标题")),
            (POINT, self.tr("分项（一是……）")),
            (PARAGRAPH, self.tr("段落")),
        ):
            self.kind_box.addItem(label, kind)
        self.kind_box.currentIndexChanged.connect(self._on_kind)
        self.part_box = QComboBox()  # the statutory item of the selected level-1 part
        for key, label in STATUTORY_LABELS.items():
            self.part_box.addItem(self.tr(label), key)
        self.part_box.currentIndexChanged.connect(self._on_part)
        self.title_edit = QLineEdit()
        self.title_edit.textEdited.connect(self._on_title)
        self.text_edit = QPlainTextEdit()
        self.text_edit.textChanged.connect(self._on_text)
        form = QFormLayout()
        form.addRow(self.tr("类型"), self.kind_box)
        form.addRow(self.tr("法定内容"), self.part_box)
        form.addRow(self.tr("标题"), self.title_edit)
        form.addRow(self.tr("正文"), self.text_edit)

        self.status = QLabel()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.tree, 3)
        left_layout.addLayout(buttons)
        left_layout.addLayout(form, 2)
        left_layout.addWidget(self.status)

        self.source = QPlainTextEdit(source_text)
        self.source.setReadOnly(True)
        self.notes = QListWidget()
        self.notes.setWordWrap(True)
        self.notes.addItems(result.notes or [self.tr("没有发现需要注意的地方。")])
        self.removed = QListWidget()
        self.removed.setWordWrap(True)
        shown_removed = removed_pieces(result.removed, self.report.meta)
        self.removed.addItems(shown_removed or [self.tr("没有略去任何文字。")])
        self.figures = self._figure_list()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.notes, self.tr("导入提示"))
        self.tabs.addTab(self.removed, self.tr("已略去（{count}）").format(count=len(shown_removed)))
        self.tabs.addTab(self._figure_page(), self.tr("数据台账（{count}）").format(count=len(self.proposals)))
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(QLabel(self.tr("原文")))
        right_layout.addWidget(self.source, 3)
        right_layout.addWidget(self.tabs, 2)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        box = ok_cancel_buttons(self, self.tr("导入"))

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(splitter, 1)
        layout.addWidget(box)

    def _meta_form(self) -> QWidget:
        """What was recognised as the report's 标题, 主送, 文号, 成文日期 and 年度, each correctable."""
        meta = self.report.meta
        unknown = self.tr("（未识别）")
        self.meta_title = self._meta_line(meta.title, unknown, "title")
        self.meta_recipients = self._meta_line(meta.recipients, unknown, "recipients")
        self.meta_number = self._meta_line(meta.doc_number, unknown, "doc_number")
        self.meta_date = QLineEdit(meta.date)
        self.meta_date.setPlaceholderText(self.tr("（未识别）如 2024-03-06 或 2024年3月6日"))
        self.meta_date.editingFinished.connect(self._on_date)
        self.meta_year = QSpinBox()
        self.meta_year.setRange(YEAR_MIN, YEAR_MAX)
        self.meta_year.setValue(meta.year)
        self.meta_year.valueChanged.connect(self._on_year)
        self.year_state = QLabel()
        self._show_year_state()
        year_row = QHBoxLayout()
        year_row.addWidget(self.meta_year)
        year_row.addWidget(self.year_state, 1)
        form = QFormLayout()
        form.addRow(self.tr("报告标题"), self.meta_title)
        form.addRow(self.tr("主送"), self.meta_recipients)
        form.addRow(self.tr("文号"), self.meta_number)
        form.addRow(self.tr("成文日期"), self.meta_date)
        form.addRow(self.tr("报告年度"), year_row)
        box = QWidget()
        box.setLayout(form)
        return box

    def _meta_line(self, value: str, placeholder: str, name: str) -> QLineEdit:
        edit = QLineEdit(value)
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(lambda text: setattr(self.report.meta, name, text.strip()))
        return edit

    def _on_date(self) -> None:
        typed = self.meta_date.text().strip()
        parsed = parse_date(typed) if typed else ""
        if typed and not parsed:
            self._say(
                self.tr("“{typed}”不是日期，成文日期未修改。请写成 2024-03-06 或 2024年3月6日。").format(typed=typed)
            )
            self.meta_date.setText(self.report.meta.date)
            return
        if parsed != self.report.meta.date:  # a date the clerk typed here: the source's form no longer applies
            self.report.meta.date, self.report.meta.date_typed = parsed, ""
        self.meta_date.setText(parsed)

    def _on_year(self, year: int) -> None:
        self.report.meta.year = year
        self._year_state = "typed"
        self._show_year_state()

    def _show_year_state(self) -> None:
        states = {
            "found": self.tr("已识别"),
            "guessed": self.tr("未识别，暂定，请核对"),
            "typed": self.tr("已改为您填写的年度"),
        }
        self.year_state.setText(states[self._year_state])

    def _figure_list(self) -> QListWidget:
        """The figures the text states, unticked: the clerk confirms each before it enters the ledger."""
        names = _indicator_names(self.report)
        figures = QListWidget()
        figures.setWordWrap(True)
        for proposal in self.proposals:
            item = QListWidgetItem(self._figure_label(proposal, names))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            figures.addItem(item)
        return figures

    def _figure_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        hint = (
            self.tr("文中写到的数字，勾选确认后填入新报告数据台账的“本年”列；不勾选的不填。")
            if self.proposals
            else self.tr("文中没有找到可以填入数据台账的数字。")
        )
        label = QLabel(hint)
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addWidget(self.figures, 1)
        row = QHBoxLayout()
        self._button(self.tr("全部勾选"), lambda: self._tick_all(Qt.CheckState.Checked), row)
        self._button(self.tr("全部取消"), lambda: self._tick_all(Qt.CheckState.Unchecked), row)
        row.addStretch(1)
        layout.addLayout(row)
        return page

    def _figure_label(self, proposal: Proposal, names: dict[str, tuple[str, str]]) -> str:
        name, unit = names.get(proposal.key, (proposal.key, ""))
        about = self.tr("约") if proposal.approximate else ""
        label = f"{name}：{about}{_plain(proposal.value)}{unit}"
        if proposal.others:
            others = "、".join(_plain(v) + unit for v in proposal.others)
            label += self.tr("（文中另有 {others}，请核对）").format(others=others)
        return f"{label}\n    {proposal.excerpt}"

    def _tick_all(self, state: Qt.CheckState) -> None:
        for row in range(self.figures.count()):
            self.figures.item(row).setCheckState(state)

    def confirmed_figures(self) -> list[Proposal]:
        return [
            p for row, p in enumerate(self.proposals) if self.figures.item(row).checkState() == Qt.CheckState.Checked
        ]

    def _button(self, label: str, slot, layout: QHBoxLayout) -> QPushButton:
        button = QPushButton(label)
        button.clicked.connect(slot)
        layout.addWidget(button)
        return button

    # --- the tree view ---

    def _refresh(self, select: Node | None = None) -> None:
        select = select or self._current
        markers = number_report(self.report)
        kinds = {SECTION: self.tr("标题"), POINT: self.tr("分项"), PARAGRAPH: self.tr("段落"), TABLE: self.tr("表格")}
        self._nodes = []
        self.tree.blockSignals(True)
        self.tree.clear()
        chosen: QTreeWidgetItem | None = None

        def add(nodes: list[Node], parent: QTreeWidgetItem | None) -> None:
            nonlocal chosen
            for node in nodes:
                part = self._part_label(node) if parent is None else ""
                item = QTreeWidgetItem([self._label(node, markers[id(node)]), kinds[node.kind], part])
                item.setData(0, Qt.ItemDataRole.UserRole, len(self._nodes))
                self._nodes.append(node)
                if parent is None:
                    self.tree.addTopLevelItem(item)
                else:
                    parent.addChild(item)
                if node is select:
                    chosen = item
                add(node.children, item)

        add(self.report.body, None)
        self.tree.expandAll()
        self.tree.blockSignals(False)
        if chosen is None and self.tree.topLevelItemCount():
            chosen = self.tree.topLevelItem(0)
        self.tree.setCurrentItem(chosen)
        self._on_select(chosen, None)

    def _label(self, node: Node, marker: str) -> str:
        words = node.title if node.kind != PARAGRAPH else node.text
        if node.kind == TABLE:
            words = node.title or node.cells_text.split("\n")[0]
        words = words.replace("\n", " ").replace("\t", " ")
        return marker + shorten(words, _LABEL_CHARS)

    def _part_label(self, node: Node) -> str:
        if node.kind != SECTION:
            return ""
        return self.tr(STATUTORY_LABELS.get(node.key, STATUTORY_LABELS[""]))

    def node_for(self, item: QTreeWidgetItem | None) -> Node | None:
        return None if item is None else self._nodes[item.data(0, Qt.ItemDataRole.UserRole)]

    def select(self, node: Node) -> None:
        self._refresh(node)

    def _on_select(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        self._current = self.node_for(item)
        node = self._current
        self._loading = True
        self.kind_box.setCurrentIndex(self.kind_box.findData(node.kind) if node else 0)
        self.title_edit.setText(node.title if node else "")
        self.title_edit.setEnabled(node is not None and node.kind != PARAGRAPH)
        is_table = node is not None and node.kind == TABLE  # its cells are edited after import, in the grid
        self.kind_box.setEnabled(not is_table)
        self.text_edit.setReadOnly(is_table)
        self.text_edit.setPlainText(node.cells_text if is_table else node.text if node else "")
        is_part = node is not None and node.kind == SECTION and any(n is node for n in self.report.body)
        self.part_box.setCurrentIndex(
            max(0, self.part_box.findData(node.key if is_part and node.key in STATUTORY_LABELS else ""))
        )
        self.part_box.setEnabled(is_part)
        self._loading = False
        for button in (self.raise_button, self.lower_button, self.merge_button, self.split_button):
            button.setEnabled(node is not None)

    # --- field edits ---

    def _on_title(self, value: str) -> None:
        if self._current is not None and not self._loading:
            self._current.title = value
            self._relabel()

    def _on_text(self) -> None:
        if self._current is not None and not self._loading:
            self._current.text = self.text_edit.toPlainText()
            self._relabel()

    def _relabel(self) -> None:
        item = self.tree.currentItem()
        if item is not None and self._current is not None:
            marker = number_report(self.report)[id(self._current)]
            item.setText(0, self._label(self._current, marker))

    def _on_part(self, _index: int) -> None:
        node, item = self._current, self.tree.currentItem()
        if node is None or item is None or self._loading or not self.part_box.isEnabled():
            return
        node.key = self.part_box.currentData()
        item.setText(2, self._part_label(node))

    def _on_kind(self, _index: int) -> None:
        node, kind = self._current, self.kind_box.currentData()
        if node is None or self._loading or kind == node.kind or node.kind == TABLE:
            return
        if kind != SECTION and node.children:
            self._say(self.tr("它下面还有内容，只有标题可以包含下级内容。"))
            self._refresh()
            return
        if kind == PARAGRAPH:
            node.text = node.title + node.text
            node.title = ""
        elif node.kind == PARAGRAPH:
            node.title, node.text = _lead_sentence(node.text)
        node.kind = kind
        self._done(node)

    # --- structural edits ---

    def raise_level(self) -> None:
        node = self._current
        parent = self.report.parent_of(node) if node else None
        if node is None or parent is None:
            self._say(self.tr("已经是第一级，不能再升级。"))
            return
        grand = self.report.parent_of(parent)
        siblings = self.report.body if grand is None else grand.children
        position = next(i for i, n in enumerate(siblings) if n is parent) + 1
        self.report.move(node, grand, position)
        self._done(node)

    def lower_level(self) -> None:
        node = self._current
        previous = self._previous_sibling(node) if node else None
        if node is None or previous is None or previous.kind != SECTION:
            self._say(self.tr("上一项不是标题，不能降级。"))
            return
        self.report.move(node, previous, len(previous.children))
        self._done(node)

    def merge_with_previous(self) -> None:
        node = self._current
        target = self._previous_in_reading_order(node) if node else None
        if node is None or target is None:
            self._say(self.tr("前面没有可以合并的内容。"))
            return
        if TABLE in (node.kind, target.kind):
            self._say(self.tr("表格不能与文字合并。"))
            return
        words = node.text if node.kind == PARAGRAPH else node.title + node.text
        separator = "" if target.kind == POINT else "\n"
        target.text = f"{target.text}{separator}{words}" if target.text else words
        parent, index = self.report.remove(node)
        siblings = self.report.body if parent is None else parent.children
        siblings[index:index] = node.children  # its children stay where they were in the text
        self._done(target)

    def split_at_cursor(self) -> None:
        node = self._current
        if node is None:
            return
        cursor = self.text_edit.textCursor().position()
        head, tail = node.text[:cursor], node.text[cursor:]
        if not tail.strip():
            self._say(self.tr("请先在正文中把光标放到要拆开的位置。"))
            return
        node.text = head.rstrip("\n")
        tail = tail.lstrip("\n")
        if node.kind == PARAGRAPH:
            new = Node(PARAGRAPH, text=tail)
        else:
            title, text = _lead_sentence(tail)
            new = Node(node.kind, title=title, text=text)
        new.children, node.children = node.children, []
        parent = self.report.parent_of(node)
        siblings = self.report.body if parent is None else parent.children
        position = next(i for i, n in enumerate(siblings) if n is node) + 1
        self.report.insert(new, parent, position)
        self._done(new)

    def _previous_sibling(self, node: Node) -> Node | None:
        siblings = self.report.siblings_of(node)
        index = next(i for i, n in enumerate(siblings) if n is node)
        return siblings[index - 1] if index > 0 else None

    def _previous_in_reading_order(self, node: Node) -> Node | None:
        previous = None
        for candidate in self.report.walk():
            if candidate is node:
                return previous
            previous = candidate
        return None

    def _done(self, node: Node) -> None:
        self.status.clear()
        self._current = node
        self._refresh(node)

    def _say(self, message: str) -> None:
        self.status.setText(message)

    # --- result ---

    def edited_report(self) -> Report:
        """The corrected report, with the figures the clerk ticked in its ledger's 本年 column."""
        confirmed = self.confirmed_figures()
        if confirmed:
            self.report.ledger = accept(self.report.ledger, confirmed, CURRENT)
        return self.report


def removed_pieces(removed: list[str], meta: ReportMeta) -> list[str]:
    """What the importer set aside, without the typed numbers (一、 （一） 一是) it replaced by its own
    and the lines it took into the fields above (the title, 主送, 文号, 署名, 成文日期)."""
    taken = {meta.title, meta.doc_number, meta.signature, meta.recipients + "：", meta.recipients + ":"} - {""}
    shown = []
    for piece in removed:
        text = piece.strip()
        marker = leading_marker(text)
        if not text or (marker is not None and len(marker.raw.strip()) == len(text)) or POINT_PATTERN.fullmatch(text):
            continue
        if text in taken or (meta.date and parse_date(text) == meta.date):
            continue
        shown.append(text)
    return shown


def _indicator_names(report: Report) -> dict[str, tuple[str, str]]:
    try:
        sheet = Sheet(report.ledger, report.meta.issuer)
    except LedgerDefinitionError:
        return {}
    return {i.key: (i.name, i.unit) for i in sheet.indicators}


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f") if value == value.to_integral() else str(value)


def _lead_sentence(words: str) -> tuple[str, str]:
    stop = words.find("。")
    return (words, "") if stop < 0 else (words[: stop + 1], words[stop + 1 :])
