"""Collect cyclic garbage on the GUI thread only.

Python's cyclic collector runs in whichever thread happens to allocate when a threshold is passed.
Checks, layouts and exports run on pool threads (``ui/check_worker.py``, ``ui/pages/layout_worker.py``),
so a cycle holding a Qt wrapper of a closed dialog or widget could be torn down there, and Qt
objects must die on the thread that owns them: CI once crashed with a segmentation fault
"Garbage-collecting" inside a check worker. Automatic collection is switched off and a timer on the
GUI thread collects, by the same thresholds, whenever the counts ask for it.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 250


class MainThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect_if_due)
        self.timer.start(INTERVAL_MS)

    def collect_if_due(self) -> int:
        """Collect the oldest generation whose count has passed its threshold; the objects found unreachable."""
        counts = gc.get_count()
        if counts[0] <= self.thresholds[0]:
            return 0
        generation = 0
        for older in (1, 2):
            if counts[older] > self.thresholds[older]:
                generation = older
        return gc.collect(generation)

    def stop(self) -> None:
        """Back to Python's own collection (tests)."""
        self.timer.stop()
        gc.enable()


_collector: MainThreadCollector | None = None


def collect_on_gui_thread(app: QObject) -> MainThreadCollector:
    """Install the collector once, owned by the application object (call on the GUI thread)."""
    global _collector
    if _collector is None:
        _collector = MainThreadCollector(app)
    return _collector
