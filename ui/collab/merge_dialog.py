"""导入填报文件 / 审阅稿: per part what the returned file would change, accepted one by one.

Each change is shown as a diff (年报助手 now → the file) with 接受 / 不接受; a conflict (the part
also changed here since the file went out) shows both sides against the text sent out, and the
clerk keeps ours, takes theirs, or edits a text of their own. 合并 saves a revision labelled with
the 科室 (or reviewers) and date, stores the file's 批注, and applies the accepted parts as one
undo step (Session.take_in_returned).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from models.ledger.refs import report_sheet, resolve_text
from models.roundtrip.anchors import shown_text
from models.roundtrip.merge import CONFLICT, FIELD_NAMES, MergePlan, PartChange, Proposal
from models.roundtrip.records import PACKAGE
from ui.collab.diff_view import diff_html
from ui.session import Session

OURS, THEIRS, EDITED = "ours", "theirs", "edited"
NOTES_SHOWN = 3  # 批注 listed in the dialog; all of them go to the 批注 panel


@dataclass
class Entry:
    """One row of the dialog: a change, a conflict or a proposal, and the clerk's decision."""

    node_id: int
    field: str
    title: str
    theirs: str
    conflict: bool = False
    proposal: bool = False
    choice: str = THEIRS  # a change or proposal: THEIRS accepted, OURS not; a conflict: any of the three
    edited: str = ""

    @property
    def accepted(self) -> bool:
        return self.choice != OURS

    @property
    def value(self) -> str:
        return self.edited if self.choice == EDITED else self.theirs


def _browser(html_text: str) -> QTextBrowser:
    view = QTextBrowser()
    view.setHtml(html_text)
    return view


class MergeDialog(QDialog):
    def __init__(self, session: Session, plan: MergePlan, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert session.report is not None
        self.session = session
        self.plan = plan
        self.revision: int | None = None
        self.what = "填报文件" if plan.kind == PACKAGE else "审阅稿"
        self.setWindowTitle(self.tr("导入{0}：{1}").replace("{0}", self.what).replace("{1}", path.name))
        self.resize(1000, 640)
        self.entries: list[Entry] = []
        self.lst = QListWidget()
        self.pages = QStackedWidget()
        self.editors: dict[int, QPlainTextEdit] = {}
        self.choices: dict[int, QButtonGroup] = {}
        for change in plan.changes:
            self._add(self._change_entry(change), self._change_page(change))
        for proposal in plan.proposals:
            self._add(
                Entry(
                    proposal.node_id,
                    "text",
                    f"【建议】{proposal.label} · 正文",
                    proposal.text,
                    proposal=True,
                    choice=OURS,
                ),
                self._proposal_page(proposal),
            )
        self._build()
        self.lst.itemChanged.connect(self._item_checked)
        self.lst.currentRowChanged.connect(self.pages.setCurrentIndex)
        if self.entries:
            self.lst.setCurrentRow(0)

    # --- building ---

    def _change_entry(self, change: PartChange) -> Entry:
        name = FIELD_NAMES[change.field]
        if change.status == CONFLICT:
            return Entry(
                change.node_id,
                change.field,
                f"【冲突】{change.label} · {name}",
                change.value,  # the file's text applied onto the stored one (references, blank lines kept)
                conflict=True,
                choice=OURS,
                edited=change.theirs,
            )
        return Entry(change.node_id, change.field, f"【修改】{change.label} · {name}", change.value)

    def _add(self, entry: Entry, page: QWidget) -> None:
        item = QListWidgetItem(entry.title)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if entry.accepted else Qt.CheckState.Unchecked)
        item.setToolTip(entry.title)
        self.entries.append(entry)
        self.lst.addItem(item)
        self.pages.addWidget(page)

    def _change_page(self, change: PartChange) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        if change.status != CONFLICT:
            layout.addWidget(QLabel(self.tr("年报助手中的文字 → 文件中的文字（绿色是增加的，红色划线是删去的）：")))
            layout.addWidget(_browser(diff_html(change.ours, change.theirs)), 1)
            notes = []
            if change.tracked:
                authors = "、".join(sorted({c.author for c in change.tracked if c.author})) or self.tr("未署名")
                notes.append(
                    self.tr("其中 {0} 处是修订，修订人：{1}")
                    .replace("{0}", str(len(change.tracked)))
                    .replace("{1}", authors)
                )
            if change.untracked and self.plan.kind != PACKAGE:  # a 科室 is not asked to use 修订
                notes.append(self.tr("有未打开“修订”时直接改的文字，已按发出时的文字比较出来"))
            if notes:
                layout.addWidget(QLabel("；".join(notes)))
            return page
        base = change.base if change.base is not None else change.ours
        layout.addWidget(QLabel(self.tr("冲突：文件发出后，年报助手中的这一部分也改过了。两边都列在下面，请选择：")))
        layout.addWidget(QLabel(self.tr("文件中的文字（与发出时相比）：")))
        layout.addWidget(_browser(diff_html(base, change.theirs)), 1)
        layout.addWidget(QLabel(self.tr("年报助手中的文字（与发出时相比）：")))
        layout.addWidget(_browser(diff_html(base, change.ours)), 1)
        group = QButtonGroup(page)
        row = QHBoxLayout()
        labels = {
            OURS: self.tr("保留年报助手中的文字"),
            THEIRS: self.tr("采用文件中的文字"),
            EDITED: self.tr("采用下面编辑后的文字"),
        }
        for choice, label in labels.items():
            button = QRadioButton(label)
            button.setProperty("choice", choice)
            button.setChecked(choice == OURS)
            group.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        editor = QPlainTextEdit(change.theirs)
        editor.setEnabled(False)
        layout.addWidget(editor, 1)
        index = len(self.entries)
        self.editors[index], self.choices[index] = editor, group
        group.buttonClicked.connect(lambda button, i=index: self.choose(i, str(button.property("choice"))))
        editor.textChanged.connect(lambda i=index: self._edited(i))
        return page

    def _proposal_page(self, proposal: Proposal) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(
            QLabel(self.tr("建议（{0}）：勾选后，这一部分的正文换成下面的文字：").replace("{0}", proposal.reason))
        )
        layout.addWidget(_browser(diff_html(self._shown_now(proposal.node_id), proposal.text)), 1)
        return page

    def _shown_now(self, node_id: int) -> str:
        """The part's text now as the file would show it (figures, no blank lines or indents),
        like the proposal: the diff compares like with like."""
        report = self.session.report
        node = report.find(node_id) if report is not None else None
        if report is None or node is None:
            return ""
        return shown_text(resolve_text(node.text, report_sheet(report)))

    def _build(self) -> None:
        unit = self.plan.unit or self.tr("未注明")
        made = self.tr("，{0} 生成").replace("{0}", self.plan.file.created[:10]) if self.plan.file else ""
        head = QLabel(
            self.tr("{0}（{1}{2}）。勾选的部分在“合并”时采用；合并前先保存一个历史版本，合并后可按 Ctrl+Z 撤销。")
            .replace("{0}", self.what)
            .replace("{1}", unit)
            .replace("{2}", made)
        )
        head.setWordWrap(True)
        self.lbl_problems = QLabel("\n".join(self.tr("提示：") + p for p in self.plan.problems))
        self.lbl_problems.setWordWrap(True)
        self.lbl_problems.setStyleSheet("color:#8a4b00")
        self.lbl_problems.setVisible(bool(self.plan.problems))
        self.lbl_notes = QLabel(
            self.tr("文件中有 {0} 条批注，合并时收入“批注”面板：").replace("{0}", str(len(self.plan.notes)))
            + "".join(f"\n{note.author or self.tr('未署名')}：{note.text}" for note in self.plan.notes[:NOTES_SHOWN])
            + ("\n……" if len(self.plan.notes) > NOTES_SHOWN else "")
        )
        self.lbl_notes.setWordWrap(True)
        self.lbl_notes.setVisible(bool(self.plan.notes))
        self.lbl_nothing = QLabel(self.tr("文件中没有需要合并的修改。"))
        self.lbl_nothing.setVisible(not self.entries)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.lst)
        split.addWidget(self.pages)
        split.setSizes([380, 620])
        self.btn_all = QPushButton(self.tr("全部接受"))
        self.btn_all.setToolTip(self.tr("接受全部修改；冲突仍按各自的选择（默认保留年报助手中的文字），建议需逐条勾选"))
        self.btn_apply = QPushButton(self.tr("合并"))
        self.btn_apply.setDefault(True)
        self.btn_cancel = QPushButton(self.tr("取消"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.btn_all)
        buttons.addStretch(1)
        buttons.addWidget(self.btn_apply)
        buttons.addWidget(self.btn_cancel)
        layout = QVBoxLayout(self)
        for widget in (head, self.lbl_problems, self.lbl_notes, self.lbl_nothing):
            layout.addWidget(widget)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        self.btn_all.setEnabled(bool(self.entries))
        self.btn_apply.setEnabled(bool(self.entries or self.plan.notes))
        self.btn_all.clicked.connect(self.accept_all)
        self.btn_apply.clicked.connect(self.apply)
        self.btn_cancel.clicked.connect(self.reject)

    # --- decisions ---

    def set_accepted(self, row: int, accepted: bool) -> None:
        self.lst.item(row).setCheckState(Qt.CheckState.Checked if accepted else Qt.CheckState.Unchecked)

    def _item_checked(self, item: QListWidgetItem) -> None:
        entry = self.entries[self.lst.row(item)]
        checked = item.checkState() == Qt.CheckState.Checked
        if checked == entry.accepted:
            return
        self.choose(self.lst.row(item), (EDITED if entry.choice == EDITED else THEIRS) if checked else OURS)

    def choose(self, row: int, choice: str) -> None:
        """A conflict's 保留 / 采用 / 编辑后采用, or a change's 接受 (THEIRS) / 不接受 (OURS)."""
        entry = self.entries[row]
        entry.choice = choice
        if row in self.choices:
            for button in self.choices[row].buttons():
                button.setChecked(button.property("choice") == choice)
            self.editors[row].setEnabled(choice == EDITED)
        self.lst.blockSignals(True)
        self.set_accepted(row, entry.accepted)
        self.lst.blockSignals(False)

    def _edited(self, row: int) -> None:
        self.entries[row].edited = self.editors[row].toPlainText()

    def accept_all(self) -> None:
        """Every plain change taken. A conflict keeps the clerk's own choice (保留 until chosen
        otherwise): never a silent overwrite either way. Proposals are guesses (found by heading,
        typed into grey text): each is ticked by hand, as ``--proposals`` on the command line."""
        for row, entry in enumerate(self.entries):
            if not entry.proposal and not entry.conflict:
                self.choose(row, THEIRS)

    def chosen(self) -> list[tuple[int, str, str]]:
        """What the ticks and choices write, by the same rule as ``merge --accept`` (MergePlan.to_apply)."""
        return self.plan.to_apply(
            proposals={e.node_id for e in self.entries if e.proposal and e.accepted},
            only={(e.node_id, e.field) for e in self.entries if not e.conflict and not e.proposal and e.accepted},
            resolved={(e.node_id, e.field): e.value for e in self.entries if e.conflict and e.accepted},
        )

    def settled(self) -> bool:
        """The file counts as 已交回 when every plain change was accepted (conflicts were decided here)."""
        return all(entry.accepted for entry in self.entries if not entry.conflict and not entry.proposal)

    def apply(self) -> None:
        if not self.chosen() and not self.plan.notes:  # nothing ticked: no version, no step
            self.reject()
            return
        file_id = self.plan.file.id if self.plan.file and self.settled() else None
        who = self.plan.unit or self.what
        step = self.tr("合并{0}（{1}）").replace("{0}", self.what).replace("{1}", who)
        self.revision = self.session.take_in_returned(self.plan.label(), step, self.chosen(), file_id, self.plan.notes)
        if self.revision is not None:
            self.accept()
