"""The 批注 dock: comments from reviewed files, per part, with author, date and the quoted
characters. Clicking one shows its part with the quoted text selected; 已解决 / 重新打开."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
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
from models.roundtrip.parts import part_labels
from models.roundtrip.records import Note
from ui.session import Session

NOTE_ID = Qt.ItemDataRole.UserRole + 1
OUTSIDE = "正文以外"


class NotesPanel(QWidget):
    reveal_requested = Signal(int, str, int, int)  # node id, field, start, end

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.notes: dict[int, Note] = {}
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("批注"), self.tr("批注人"), self.tr("日期"), self.tr("状态")])
        self.tree.setColumnWidth(0, 360)
        self.chk_resolved = QCheckBox(self.tr("显示已解决的"))
        self.chk_resolved.setChecked(True)
        self.btn_resolve = QPushButton(self.tr("标为已解决"))
        self.btn_reopen = QPushButton(self.tr("重新打开"))
        self.lbl_empty = QLabel(
            self.tr("还没有批注。审阅稿交回后用“协作 › 导入填报文件或审阅稿…”合并，批注会列在这里。")
        )
        self.lbl_empty.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.chk_resolved)
        row.addStretch(1)
        row.addWidget(self.btn_resolve)
        row.addWidget(self.btn_reopen)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lbl_empty)
        layout.addWidget(self.tree, 1)
        layout.addLayout(row)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.currentItemChanged.connect(self._update_buttons)
        self.btn_resolve.clicked.connect(lambda: self.set_resolved(True))
        self.btn_reopen.clicked.connect(lambda: self.set_resolved(False))
        self.chk_resolved.toggled.connect(self.refresh)
        session.report_opened.connect(self.refresh)
        session.report_closed.connect(self.refresh)
        session.revision_created.connect(self.refresh)  # a merge stores the file's 批注
        self.refresh()

    def refresh(self, *_args: object) -> None:
        self.tree.clear()
        report = self.session.report
        notes: list[Note] = []
        if report is not None and report.id is not None:
            try:
                notes = self.session.library.notes(report.id)
            except NianbaoError as exc:
                self.lbl_empty.setText(str(exc))
        self.notes = {note.id: note for note in notes if note.id is not None}
        labels = part_labels(report) if report is not None else {}
        groups: dict[str, QTreeWidgetItem] = {}
        for note in notes:
            if note.resolved and not self.chk_resolved.isChecked():
                continue
            where = labels.get(note.node_id, OUTSIDE) if note.node_id else OUTSIDE
            if where not in groups:
                groups[where] = QTreeWidgetItem([where])
                self.tree.addTopLevelItem(groups[where])
            quote = f"“{note.quote}”：" if note.quote else ""
            item = QTreeWidgetItem(
                [
                    quote + note.text,
                    note.author or self.tr("未署名"),
                    note.written[:10],
                    self.tr("已解决") if note.resolved else self.tr("未解决"),
                ]
            )
            item.setToolTip(0, quote + note.text)
            item.setData(0, NOTE_ID, note.id)
            groups[where].addChild(item)
        self.tree.expandAll()
        self.lbl_empty.setVisible(not notes)
        self._update_buttons()

    def rows(self) -> list[tuple[str, str, str, str]]:
        """(part, note, author, state) as shown."""
        found = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount()):
                item = group.child(j)
                found.append((group.text(0), item.text(0), item.text(1), item.text(3)))
        return found

    def current_note(self) -> Note | None:
        item = self.tree.currentItem()
        note_id = item.data(0, NOTE_ID) if item is not None else None
        return self.notes.get(note_id) if note_id is not None else None

    def _update_buttons(self, *_args: object) -> None:
        note = self.current_note()
        writable = not self.session.read_only
        self.btn_resolve.setEnabled(writable and note is not None and not note.resolved)
        self.btn_reopen.setEnabled(writable and note is not None and note.resolved)

    def set_resolved(self, resolved: bool) -> None:
        note = self.current_note()
        if note is None or note.id is None:
            return
        try:
            self.session.library.set_note_resolved(note.id, resolved)
        except NianbaoError as exc:
            self.session.failed.emit(str(exc))
            return
        note_id = note.id
        self.refresh()
        self.select_note(note_id)

    def select_note(self, note_id: int) -> None:
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount()):
                if group.child(j).data(0, NOTE_ID) == note_id:
                    self.tree.setCurrentItem(group.child(j))
                    return

    def _clicked(self, item: QTreeWidgetItem) -> None:
        """The part shown, with the quoted characters selected where they still are."""
        note_id = item.data(0, NOTE_ID)
        note = self.notes.get(note_id) if note_id is not None else None
        report = self.session.report
        if note is None or note.node_id is None or report is None:
            return
        node = next((n for n in report.walk() if n.id == note.node_id), None)
        if node is None:
            return
        for field, text in (("text", node.text), ("title", node.title)):
            start = text.find(note.quote) if note.quote else -1
            if start >= 0:
                self.reveal_requested.emit(note.node_id, field, start, start + len(note.quote))
                return
        self.reveal_requested.emit(note.node_id, "text", 0, 0)


class NotesDock(QDockWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("批注"))
        self.setObjectName("notesDock")
        self.panel = NotesPanel(session, self)
        self.setWidget(self.panel)
