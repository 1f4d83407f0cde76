"""Logging to a rotating file in the app-data folder (a windowed .exe has no console)."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from models.paths import log_dir

LOG_NAME = "nianbao.log"


def setup_logging(debug: bool = False, folder: Path | None = None) -> Path | None:
    """Attach a rotating file handler to the root logger; return the log path or None."""
    folder = folder or log_dir()
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    target = folder / LOG_NAME
    if any(getattr(h, "baseFilename", None) == str(target.absolute()) for h in root.handlers):
        return target  # already logging there (a second start in one process, e.g. tests)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(folder / LOG_NAME, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None  # a read-only profile must not stop the program; we just log nowhere
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    return folder / LOG_NAME
