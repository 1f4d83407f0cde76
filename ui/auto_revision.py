"""Automatic revisions (docs/desktop.md, Saving): while the clerk edits a report, a revision labelled
「自动保存的版本」 at most every N minutes (AppSettings.auto_revision_minutes; 0 = off).

The first edit after a revision starts an N-minute countdown; when it runs out the report is
saved as a revision, unless nothing changed since the last revision of any kind (a manual
Ctrl+S or the one an export makes also count). No edit, no countdown, no revision. Making one
is a flush plus Library.create_revision: about 2 ms for a 20-page report (bench/bench_auto_revision.py),
so it runs on the UI thread.
"""

from __future__ import annotations

import logging
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, SignalInstance

from models.report import Report
from ui.settings import AppSettings

log = logging.getLogger(__name__)

AUTO_REVISION_LABEL = "自动保存的版本"
MS_PER_MINUTE = 60_000  # tests shrink this to run the countdown in milliseconds


class RevisionSource(Protocol):
    """The session, as far as automatic revisions need it."""

    saved: SignalInstance  # typed text reached the library
    edited: SignalInstance  # add, delete, move, rename, fixes, undo and redo
    revision_created: SignalInstance
    report_opened: SignalInstance
    report_closed: SignalInstance
    settings: AppSettings
    report: Report | None
    read_only: bool

    def create_revision(self, label: str) -> int | None: ...


class AutoRevisions(QObject):
    def __init__(self, session: RevisionSource, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.changed = False  # an edit reached the library since the last revision
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.make_revision)
        session.saved.connect(self._text_saved)
        # Not QUndoStack.indexChanged: the stack emits it while the session is being destroyed.
        session.edited.connect(self._edited)
        session.revision_created.connect(self._revision_made)
        session.report_opened.connect(self._reset)
        session.report_closed.connect(self._reset)

    def interval_ms(self) -> int:
        return max(0, int(self.session.settings.auto_revision_minutes)) * MS_PER_MINUTE

    def _text_saved(self, _stamp: str) -> None:
        self._edited()

    def _edited(self) -> None:
        if self.session.report is None or self.session.read_only:
            return
        self.changed = True
        interval = self.interval_ms()
        if interval and not self.timer.isActive():
            self.timer.start(interval)

    def _revision_made(self, _revision_id: int) -> None:
        self.timer.stop()  # the next edit starts a fresh countdown
        self.changed = False

    def _reset(self) -> None:
        self.timer.stop()
        self.changed = False

    def make_revision(self) -> int | None:
        """The countdown ran out: save a revision if anything changed since the last one."""
        if not self.changed or self.session.report is None or self.session.read_only or not self.interval_ms():
            return None
        revision_id = self.session.create_revision(AUTO_REVISION_LABEL)
        if revision_id is None:  # the clerk was told why; try again after the next edit
            log.warning("automatic revision not saved")
        return revision_id
