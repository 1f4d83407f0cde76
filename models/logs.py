"""Logging to a file in the app-data folder (a windowed .exe has no console), rotated at start.

The file is rotated when the program starts rather than while it runs: a clerk's session writes
a few kilobytes, and ``logging.handlers`` (RotatingFileHandler) would add ~10 ms to every start.
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path

from models.paths import log_dir

LOG_NAME = "nianbao.log"
MAX_BYTES = 1_000_000
KEEP = 3  # nianbao.log.1 … .3, as RotatingFileHandler would name them


def setup_logging(debug: bool = False, folder: Path | None = None) -> Path | None:
    """Attach a file handler to the root logger (rotating a full log first); return the log path or None."""
    folder = folder or log_dir()
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    target = folder / LOG_NAME
    if any(getattr(h, "baseFilename", None) == str(target.absolute()) for h in root.handlers):
        return target  # already logging there (a second start in one process, e.g. tests)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(OSError):  # held open by another copy of the program (Windows): keep appending
            rotate(target)
        handler = logging.FileHandler(target, encoding="utf-8")
    except OSError:
        return None  # a read-only profile must not stop the program; we just log nowhere
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    return folder / LOG_NAME


def rotate(path: Path, max_bytes: int = MAX_BYTES, keep: int = KEEP) -> None:
    """A log past ``max_bytes`` becomes ``.1``, ``.1`` becomes ``.2`` …; the oldest is dropped."""
    if not path.exists() or path.stat().st_size < max_bytes:
        return
    for number in range(keep, 0, -1):
        older = path.with_name(f"{path.name}.{number - 1}") if number > 1 else path
        if older.exists():
            os.replace(older, path.with_name(f"{path.name}.{number}"))
