"""Run 体检 off the UI thread: a QRunnable on the global QThreadPool reporting through a
dispatcher QObject, plus a debouncing scheduler that drops results of superseded runs.

``models.checks`` (its rule regexes take ~60 ms to import) is imported off the UI thread too,
by the first worker or by a RulesLoader started when a report opens, so that opening the
window does not wait for it.
"""

from __future__ import annotations

import copy
import logging
import sys
import threading
from collections.abc import Collection

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from models.edition import Edition
from models.report import Report

log = logging.getLogger(__name__)


def known_edition(edition: str) -> Edition:
    """``edition`` if it is one the checks know, else the submitted edition."""
    return Edition(edition) if edition in Edition.values() else Edition.SUBMIT


_rules_imported = threading.Event()
_loaders = {"running": 0}  # RulesLoader runs still importing
_loaders_lock = threading.Lock()
_started: list[RulesLoader] = []  # keeps the wrappers alive; loaders are only made until the rules are in


def rules_ready() -> bool:
    """Whether ``models.checks`` can be imported without waiting for (or doing) the ~60 ms load."""
    with _loaders_lock:
        idle = _loaders["running"] == 0
    return _rules_imported.is_set() or (idle and "models.checks" in sys.modules)


def import_rules() -> None:
    import models.checks  # noqa: F401

    _rules_imported.set()


class LoaderSignals(QObject):
    loaded = Signal()


class RulesLoader(QRunnable):
    """Imports ``models.checks`` on a pool thread; ``signals.loaded`` is queued to the UI thread."""

    def __init__(self) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = LoaderSignals()

    def start(self, pool: QThreadPool | None = None) -> None:
        with _loaders_lock:
            _loaders["running"] += 1
        _started.append(self)
        (pool or QThreadPool.globalInstance()).start(self)

    def run(self) -> None:
        try:
            import_rules()
        except Exception:  # reported again, with its message, by the check run that follows
            log.exception("importing the check rules failed")
        finally:
            with _loaders_lock:
                _loaders["running"] -= 1
        self.signals.loaded.emit()


class CheckSignals(QObject):
    finished = Signal(int, object)  # generation, list[Finding]
    failed = Signal(int, str)  # generation, message


class CheckWorker(QRunnable):
    """Checks a deep copy of the report taken when the worker is made (on the UI thread),
    so later edits cannot race with the check."""

    def __init__(
        self,
        report: Report,
        generation: int = 0,
        *,
        edition: Edition = Edition.SUBMIT,
        disabled: Collection[str] = frozenset(),
        ignored: Collection[tuple] = frozenset(),
    ) -> None:
        super().__init__()
        self.report = copy.deepcopy(report)
        self.generation = generation
        self.edition = edition
        self.disabled = frozenset(disabled)
        self.ignored = frozenset(ignored)
        self.signals = CheckSignals()

    def run(self) -> None:
        try:
            from models.checks import run_checks

            findings = run_checks(self.report, edition=self.edition, disabled=self.disabled, ignored=self.ignored)
        except Exception as exc:  # a bug in a rule must not take the window down
            log.exception("check run failed")
            self.signals.failed.emit(self.generation, f"{type(exc).__name__}: {exc}")
            return
        self.signals.finished.emit(self.generation, findings)


class CheckScheduler(QObject):
    """``request(report)`` after every edit; checks run ``delay_ms`` after the last request,
    one at a time, and only the newest run's findings are announced."""

    findings_ready = Signal(object)  # list[Finding]
    check_failed = Signal(str)

    def __init__(self, parent: QObject | None = None, *, delay_ms: int = 600, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.pool = pool or QThreadPool.globalInstance()
        self.edition = Edition.SUBMIT
        self.disabled: frozenset[str] = frozenset()
        self.ignored: frozenset[tuple] = frozenset()
        self._generation = 0
        self._pending: Report | None = None
        self._workers: dict[int, CheckWorker] = {}  # keep Python wrappers alive while running
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.run_now)

    @property
    def is_running(self) -> bool:
        """A check run has started and not yet ended."""
        return bool(self._workers)

    def request(self, report: Report) -> None:
        self._pending = report
        self._timer.start()

    def run_now(self) -> None:
        self._timer.stop()
        if self._pending is None:
            return
        self._generation += 1
        worker = CheckWorker(
            self._pending, self._generation, edition=self.edition, disabled=self.disabled, ignored=self.ignored
        )
        self._pending = None
        worker.setAutoDelete(False)
        worker.signals.finished.connect(self._finished)
        worker.signals.failed.connect(self._failed)
        self._workers[worker.generation] = worker
        self.pool.start(worker)

    def _finished(self, generation: int, findings: object) -> None:
        self._workers.pop(generation, None)
        if generation == self._generation:
            self.findings_ready.emit(findings)

    def _failed(self, generation: int, message: str) -> None:
        self._workers.pop(generation, None)
        if generation == self._generation:
            self.check_failed.emit(message)
