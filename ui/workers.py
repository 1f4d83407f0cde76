"""Background work on a QThreadPool; results come back to the UI thread through signals."""

from __future__ import annotations

import copy
import logging
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from models.errors import NianbaoError
from models.export import ExportOptions, export_report, settle_layout
from models.report import Report

log = logging.getLogger(__name__)


class ExportSignals(QObject):
    finished = Signal(str)  # the written path
    failed = Signal(str, bool)  # message, True if the target file was the problem (retry makes sense)


class ExportWorker(QRunnable):
    def __init__(self, report: Report, target: Path, options: ExportOptions) -> None:
        super().__init__()
        self.report = copy.deepcopy(report)  # the clerk may keep typing while it runs
        self.target = target
        self.options = options
        self.notice = ""  # what the layout changed, said with the result (a tightened last page)
        self.signals = ExportSignals()

    def run(self) -> None:
        from models.fileio import TargetFileError

        try:
            options, self.notice = settle_layout(self.report, self.target.suffix.lower(), self.options)
            written = export_report(self.report, self.target, options)
        except TargetFileError as exc:
            self.signals.failed.emit(str(exc), True)
        except NianbaoError as exc:
            self.signals.failed.emit(str(exc), False)
        except Exception:  # a writer bug must not kill the program; it is logged in full
            log.exception("export to %s failed", self.target)
            self.signals.failed.emit("导出失败（程序内部错误），详情已写入日志。", False)
        else:
            self.signals.finished.emit(str(written))
