"""Per-user program settings, kept as JSON in the app-data folder (not in any library)."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from models.edition import Edition
from models.errors import NianbaoError
from models.fileio import write_atomic
from models.paths import app_data_dir

log = logging.getLogger(__name__)

SETTINGS_NAME = "settings.json"
MAX_RECENT = 8


@dataclass
class AppSettings:
    geometry: str = ""  # QMainWindow.saveGeometry() as hex
    window_state: str = ""
    splitter_sizes: list[int] = field(default_factory=list)
    last_folder: str = ""
    editor_font_size: int = 13
    default_edition: str = Edition.SUBMIT.value  # a plain str: load_settings keeps a value of the default's type
    fallback_fonts: bool = False
    recent_reports: list[int] = field(default_factory=list)
    last_report: int | None = None
    auto_revision_minutes: int = 10  # an automatic revision at most this often while editing; 0 = off

    def remember_report(self, report_id: int) -> None:
        self.recent_reports = [report_id, *[r for r in self.recent_reports if r != report_id]][:MAX_RECENT]
        self.last_report = report_id


def settings_path() -> Path:
    return app_data_dir() / SETTINGS_NAME


def load_settings(path: Path | None = None) -> AppSettings:
    """Read settings; a missing or damaged file gives the defaults (and is logged, never fatal)."""
    path = path or settings_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return AppSettings()
    except (OSError, ValueError) as exc:
        log.warning("settings file %s unreadable, using defaults: %s", path, exc)
        return AppSettings()
    known = {f.name: f for f in fields(AppSettings)}
    values = {k: v for k, v in data.items() if k in known} if isinstance(data, dict) else {}
    settings = AppSettings()
    for name, value in values.items():
        if isinstance(value, type(getattr(settings, name))) or getattr(settings, name) is None:
            setattr(settings, name, value)
    return settings


def save_settings(settings: AppSettings, path: Path | None = None) -> None:
    path = path or settings_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps(asdict(settings), ensure_ascii=False, indent=2).encode("utf-8"))
    except (OSError, NianbaoError) as exc:
        log.warning("settings not saved to %s: %s", path, exc)
