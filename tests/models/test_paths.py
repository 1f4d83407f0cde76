"""models.paths: resources and user data, in a source checkout and in a frozen build alike.

The installer and the uninstaller only ever touch the program folder; these tests show that
the user's data is never inside it (except in the portable copy, where that is the point).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from models import paths

SOURCE_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def frozen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake one-folder build: <install>/nianbao.exe with its files in <install>/_internal."""
    install = tmp_path / "Programs" / "Nianbao"
    internal = install / "_internal"
    (internal / "resources" / "templates").mkdir(parents=True)
    (install / "nianbao.exe").write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(internal), raising=False)
    monkeypatch.setattr(sys, "executable", str(install / "nianbao.exe"))
    return install


@pytest.fixture
def windows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """sys.platform == win32 with LOCALAPPDATA in tmp, and no NIANBAO_HOME override."""
    local = tmp_path / "AppData" / "Local"
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(local))
    monkeypatch.delenv("NIANBAO_HOME", raising=False)
    return local


def test_source_run_resolves_resources_in_the_checkout() -> None:
    assert not paths.is_frozen()
    assert paths.program_dir() == SOURCE_ROOT
    assert paths.resource_dir() == SOURCE_ROOT / "resources"
    assert (paths.resource_dir() / "templates" / "fzzf-annual.toml").is_file()


def test_frozen_run_resolves_resources_in_the_bundle(frozen: Path) -> None:
    assert paths.is_frozen()
    assert paths.program_dir() == frozen.resolve()
    assert paths.resource_dir() == frozen / "_internal" / "resources"


def test_frozen_without_meipass_falls_back_to_the_program_folder(frozen: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(sys, "_MEIPASS")
    assert paths.resource_dir() == frozen.resolve() / "resources"


def test_windows_data_lives_under_localappdata(frozen: Path, windows: Path) -> None:
    assert paths.app_data_dir() == windows / "Nianbao"
    assert paths.default_library_path() == windows / "Nianbao" / "library.db"
    assert paths.log_dir() == windows / "Nianbao" / "logs"
    assert paths.backup_dir(paths.default_library_path()) == windows / "Nianbao" / "backups"


def test_windows_data_is_never_inside_the_install_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, windows: Path
) -> None:
    # The installer's default: %LOCALAPPDATA%\Programs\Nianbao beside %LOCALAPPDATA%\Nianbao.
    install = windows / "Programs" / "Nianbao"
    (install / "_internal").mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(install / "_internal"), raising=False)
    monkeypatch.setattr(sys, "executable", str(install / "nianbao.exe"))
    data = paths.app_data_dir().resolve()
    program = paths.program_dir().resolve()
    assert program == install.resolve()
    assert not data.is_relative_to(program)
    assert not program.is_relative_to(data)
    assert not paths.default_library_path().resolve().is_relative_to(program)


def test_windows_without_localappdata_uses_the_profile(
    frozen: Path, windows: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("LOCALAPPDATA")
    monkeypatch.setenv("HOME", str(tmp_path / "profile"))
    monkeypatch.setenv("USERPROFILE", str(tmp_path / "profile"))  # what Path.home() reads on Windows
    assert paths.app_data_dir() == tmp_path / "profile" / "AppData" / "Local" / "Nianbao"


def test_portable_marker_keeps_data_beside_the_program(frozen: Path, windows: Path) -> None:
    (frozen / paths.PORTABLE_MARKER).write_text("portable", encoding="utf-8")
    assert paths.app_data_dir() == frozen.resolve() / "data"
    assert paths.default_library_path() == frozen.resolve() / "data" / "library.db"


def test_portable_marker_in_the_bundle_internals_does_not_count(frozen: Path, windows: Path) -> None:
    (frozen / "_internal" / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    assert paths.app_data_dir() == windows / "Nianbao"


def test_nianbao_home_overrides_platform_and_portable(
    frozen: Path, windows: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (frozen / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    monkeypatch.setenv("NIANBAO_HOME", str(tmp_path / "elsewhere"))
    assert paths.app_data_dir() == tmp_path / "elsewhere"
    assert paths.default_library_path() == tmp_path / "elsewhere" / "library.db"


def test_linux_data_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("NIANBAO_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert paths.app_data_dir() == tmp_path / "xdg" / "nianbao"
