"""去年工作安排落实清单: last year's plans (roll-forward), each with 已落实 and a 落实情况 note.

A tick is saved at once; a note like other typing, ~0.8 s after the last keystroke and when
the field loses focus, the report is closed or the window shuts. Saved through
Library.update_checklist_item. The dock opens by itself the first time a rolled-forward report is opened.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from models.errors import NianbaoError
from models.report import ChecklistItem
from ui.editors.text_edit import WrappedLineEdit
from ui.session import AUTOSAVE_DELAY_MS, Session

log = logging.getLogger(__name__)

SHOWN_SETTING = "checklist_shown"


class ChecklistRow(QFrame):
    def __init__(self, number: int, item: ChecklistItem, read_only: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.lbl_text = QLabel(f"{number}. {item.text}")
        self.lbl_text.setWordWrap(True)
        self.lbl_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.chk_done = QCheckBox(self.tr("已落实"))
        self.chk_done.setChecked(item.done)
        self.edt_note = WrappedLineEdit()
        self.edt_note.setText(item.note)
        self.edt_note.setPlaceholderText(self.tr("落实情况"))
        for widget in (self.chk_done, self.edt_note):
            widget.setEnabled(not read_only)
        row = QHBoxLayout()
        row.addWidget(self.chk_done)
        row.addWidget(self.edt_note, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.lbl_text)
        layout.addLayout(row)


class ChecklistPanel(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.rows: list[ChecklistRow] = []
        self._pending: dict[int, str] = {}  # item id → note not yet written
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self.lbl_summary = QLabel()
        self.lbl_summary.setWordWrap(True)
        self.rows_box = QWidget()
        self.rows_layout = QVBoxLayout(self.rows_box)
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.rows_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.lbl_summary)
        layout.addWidget(scroll, 1)
        session.report_opened.connect(self.reload)
        session.report_closed.connect(self.reload)

    def reload(self) -> None:
        self.flush()
        while self.rows_layout.count():
            widget = self.rows_layout.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.rows = []
        report = self.session.report
        items = report.checklist if report is not None else []
        for number, item in enumerate(items, start=1):
            row = ChecklistRow(number, item, self.session.read_only)
            row.chk_done.toggled.connect(lambda done, it=item: self._done_changed(it, done))
            row.edt_note.textEdited.connect(lambda text, it=item: self._note_edited(it, text))
            row.edt_note.focus_lost.connect(self.flush)
            self.rows_layout.addWidget(row)
            self.rows.append(row)
        self.rows_layout.addStretch(1)
        self._update_summary()

    def _update_summary(self) -> None:
        report = self.session.report
        items = report.checklist if report is not None else []
        if not items:
            self.lbl_summary.setText(
                self.tr(
                    "这份报告没有落实清单。用“新建下一年度报告”从去年的报告建立的新报告，"
                    "会把去年“下一步工作打算”的每一项列在这里。"
                )
            )
            return
        done = sum(1 for item in items if item.done)
        self.lbl_summary.setText(
            self.tr("去年的报告安排了 {0} 项工作，已落实 {1} 项。写今年的报告时逐项说明落实情况。")
            .replace("{0}", str(len(items)))
            .replace("{1}", str(done))
        )

    def _done_changed(self, item: ChecklistItem, done: bool) -> None:
        if item.id is None or self.session.read_only:
            return
        try:
            self.session.library.update_checklist_item(item.id, done=done)
        except NianbaoError as exc:
            self.session.failed.emit(f"落实清单未保存：{exc}")
            return
        item.done = done
        self._update_summary()

    def _note_edited(self, item: ChecklistItem, text: str) -> None:
        if item.id is None or self.session.read_only:
            return
        item.note = text
        self._pending[item.id] = text
        self._timer.start()

    def flush(self) -> bool:
        self._timer.stop()
        if not self._pending or not self.session.library.is_open:
            return True
        try:
            for item_id in list(self._pending):
                self.session.library.update_checklist_item(item_id, note=self._pending[item_id])
                del self._pending[item_id]
        except NianbaoError as exc:
            log.error("checklist note not saved: %s", exc)
            self.session.failed.emit(f"落实清单未保存：{exc}")
            self._timer.start()
            return False
        return True


class ChecklistDock(QDockWidget):
    """Built by the window on first use: from the menu, or when a rolled-forward report opens."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("去年工作安排落实清单"), parent)
        self.setObjectName("checklistDock")
        self.session = session
        self.panel = ChecklistPanel(session)
        self.panel.reload()
        self.setWidget(self.panel)
        self.hide()
        session.report_closed.connect(self.hide)

    def show_and_raise(self) -> None:
        self.show()
        self.raise_()


def first_opening(session: Session) -> bool:
    """True once per rolled-forward report: its checklist shows by itself on its first opening."""
    if session.report is None or not session.report.checklist or session.report_setting(SHOWN_SETTING, False):
        return False
    session.set_report_setting(SHOWN_SETTING, True)
    return True
