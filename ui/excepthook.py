"""The hook that turns an uncaught exception into the crash dialog, a last save and exit code 1.

Kept apart from the dialog so that start-up installs the hook without importing the dialog:
that happens only if something goes wrong.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)


def install_excepthook(log_path: str, last_save: Callable[[], object] | None = None) -> None:
    """Show every uncaught exception in a CrashDialog, try a final save, then quit with code 1."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log.critical("uncaught exception", exc_info=(exc_type, exc, tb))
        if last_save is not None:
            try:
                last_save()
            except Exception:  # the save is a courtesy; the dialog must still appear
                log.exception("final save after crash failed")
        if QApplication.instance() is not None:
            from ui.dialogs.crash import CrashDialog, crash_report

            CrashDialog(crash_report(exc_type, exc, tb, log_path)).exec()
            QApplication.exit(1)

    sys.excepthook = hook
