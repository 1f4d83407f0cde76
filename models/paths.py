"""Where things live, in a source checkout and in a frozen (PyInstaller) build alike.

User data (library, backups, logs, settings) lives in the per-user app-data folder,
never in the program folder, so an uninstall or upgrade cannot touch it. A portable
copy (a ``portable.txt`` marker beside the executable) keeps its data in ``data/``
beside the program instead. ``NIANBAO_HOME`` overrides both (tests, scripts).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from models import APP_ID

PORTABLE_MARKER = "portable.txt"


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def program_dir() -> Path:
    """The folder holding the executable (frozen) or the source tree."""
    if is_frozen():
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent.parent


def resource_dir() -> Path:
    if is_frozen():
        return Path(getattr(sys, "_MEIPASS", program_dir())) / "resources"
    return program_dir() / "resources"


def app_data_dir() -> Path:
    """Per-user data folder: %LOCALAPPDATA%\\Nianbao on Windows, XDG data home elsewhere."""
    override = os.environ.get("NIANBAO_HOME")
    if override:
        return Path(override)
    if (program_dir() / PORTABLE_MARKER).exists():
        return program_dir() / "data"
    if sys.platform == "win32":
        # The variable, not platformdirs' shell query: the installer and the tests both speak of %LOCALAPPDATA%.
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / APP_ID
    # The XDG rules on macOS too, as before (platformdirs' default there is ~/Library). Imported
    # here: Windows never needs it, and every start would pay for it.
    from platformdirs.unix import Unix

    return Path(Unix(APP_ID.lower(), appauthor=False).user_data_dir)


def default_library_path() -> Path:
    return app_data_dir() / "library.db"


def backup_dir(library: Path) -> Path:
    return library.parent / "backups"


def log_dir() -> Path:
    return app_data_dir() / "logs"
