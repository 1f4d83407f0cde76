"""The layout off the UI thread: a 20-page report takes 80–300 ms to lay out (bench/bench_typeset.py),
too long to freeze typing for. The worker lays out a deep copy taken on the UI thread."""

from __future__ import annotations

import copy
import logging

from PySide6.QtCore import QObject, QRunnable, Signal

from models.errors import NianbaoError
from models.export import ExportOptions
from models.report import Report
from models.typeset import typeset

log = logging.getLogger(__name__)


class LayoutSignals(QObject):
    finished = Signal(int, object)  # generation, Pages
    failed = Signal(int, str)  # generation, message for the clerk


class LayoutWorker(QRunnable):
    def __init__(self, report: Report, options: ExportOptions, generation: int) -> None:
        super().__init__()
        self.report = copy.deepcopy(report)  # the clerk keeps typing while it runs
        self.options = options
        self.generation = generation  # a newer request makes this result stale
        self.signals = LayoutSignals()

    def run(self) -> None:
        try:
            pages = typeset(self.report, self.options)
        except NianbaoError as exc:
            self.signals.failed.emit(self.generation, str(exc))
        except Exception:  # a layout bug must not kill the program; it is logged in full
            log.exception("page layout failed")
            self.signals.failed.emit(self.generation, "排版失败（程序内部错误），详情已写入日志。")
        else:
            self.signals.finished.emit(self.generation, pages)
