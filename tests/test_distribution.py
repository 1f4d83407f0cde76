"""The distribution's own files: version resource, installer script, command-line entry."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from models import __version__, paths
from ui import bootstrap

ROOT = Path(__file__).resolve().parent.parent
NSI = ROOT / "installer" / "nianbao.nsi"


def load_script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec
    assert spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def version_info() -> ModuleType:
    return load_script("make_version_info")


def record_call(name: str) -> Callable[..., tuple]:
    return lambda *args, **kwargs: (name, args, kwargs)


def nsi_lines() -> list[str]:
    text = NSI.read_text(encoding="utf-8-sig")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.strip().startswith(";")]


def test_version_is_read_from_the_package(version_info: ModuleType) -> None:
    assert version_info.read_version() == __version__


@pytest.mark.parametrize(
    ("version", "expected"),
    [
        ("0.1.0", (0, 1, 0, 0)),
        ("1.2.3rc1", (1, 2, 3, 0)),
        ("2", (2, 0, 0, 0)),
        ("1.2.3.4.5", (1, 2, 3, 4)),
    ],
)
def test_windows_version_has_four_numbers(version_info: ModuleType, version: str, expected: tuple) -> None:
    assert version_info.version_tuple(version) == expected


def test_version_too_large_for_windows_is_refused(version_info: ModuleType) -> None:
    with pytest.raises(SystemExit, match="does not fit"):
        version_info.version_tuple("70000.1")


def test_version_resource_text_evaluates_to_the_version(version_info: ModuleType) -> None:
    """PyInstaller eval()s this text with its VSVersionInfo classes; record what they would get."""
    names = (
        "VSVersionInfo",
        "FixedFileInfo",
        "StringFileInfo",
        "StringTable",
        "StringStruct",
        "VarFileInfo",
        "VarStruct",
    )
    namespace = {name: record_call(name) for name in names}
    info = eval(version_info.render_version_info("1.4.2"), namespace)
    assert info[0] == "VSVersionInfo"
    fixed = info[2]["ffi"]
    assert fixed[2]["filevers"] == fixed[2]["prodvers"] == (1, 4, 2, 0)
    string_table = info[2]["kids"][0][1][0][0]
    strings = dict(entry[1] for entry in string_table[1][1])
    assert strings["ProductName"] == "年报助手"
    assert strings["FileVersion"] == strings["ProductVersion"] == "1.4.2"
    assert strings["OriginalFilename"] == "nianbao.exe"
    assert strings["FileDescription"]
    assert strings["LegalCopyright"]


def test_version_script_writes_the_file_and_prints(
    version_info: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert version_info.main([str(tmp_path / "out" / "version_info.txt"), "--print", "version4"]) == 0
    assert capsys.readouterr().out.strip() == ".".join(map(str, version_info.version_tuple(__version__)))
    assert f"'{__version__}'" in (tmp_path / "out" / "version_info.txt").read_text(encoding="utf-8")


def test_installer_is_per_user_with_versioned_metadata() -> None:
    lines = nsi_lines()
    assert "RequestExecutionLevel user" in lines
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\${APP_ID}"' in lines
    assert "SetCompressor /SOLID lzma" in lines
    assert '!insertmacro MUI_LANGUAGE "SimpChinese"' in lines
    assert any(
        line.startswith('!define UNINST_KEY "Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\')
        for line in lines
    )
    keys = {m.group(1) for line in lines if (m := re.match(r'VIAddVersionKey /LANG=\S+ "(\w+)"', line))}
    assert {"ProductName", "ProductVersion", "FileDescription", "LegalCopyright"} <= keys


def test_installer_deletes_only_what_it_installs() -> None:
    """Upgrade and uninstall never remove a folder recursively except the bundle's _internal."""
    removals = [line for line in nsi_lines() if re.match(r"(RMDir|Delete|DeleteRegKey)\b", line)]
    assert removals
    for line in removals:
        assert not re.search(r"\$(LOCALAPPDATA|APPDATA|PROFILE)", line), line
        if line.startswith("RMDir /r"):
            assert line == 'RMDir /r "$INSTDIR\\_internal"', line
        elif line.startswith("DeleteRegKey"):
            assert line == 'DeleteRegKey HKCU "${UNINST_KEY}"', line
    assert 'RMDir "$INSTDIR"' in removals  # non-recursive: only an empty folder goes


def test_default_install_folder_is_outside_the_app_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    local = tmp_path / "Local"
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(local))
    monkeypatch.delenv("NIANBAO_HOME")
    install_line = next(line for line in nsi_lines() if line.startswith("InstallDir "))
    relative = install_line.split('"')[1].replace("$LOCALAPPDATA\\", "").replace("${APP_ID}", "Nianbao")
    install = local.joinpath(*relative.split("\\"))
    data = paths.app_data_dir()
    assert data == local / "Nianbao"
    assert not data.is_relative_to(install)
    assert not install.is_relative_to(data)


@pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis (Debian: nsis) not installed")
def test_installer_compiles_without_warnings(tmp_path: Path) -> None:
    payload = tmp_path / "nianbao"
    (payload / "_internal" / "resources").mkdir(parents=True)
    (payload / "nianbao.exe").write_bytes(b"MZ stand-in")
    (payload / "_internal" / "resources" / "说明.txt").write_text("资源", encoding="utf-8")
    setup = tmp_path / "nianbao-1.2.3-setup.exe"  # a bare "setup.exe" draws warning 9000
    result = subprocess.run(
        [
            "makensis",
            "-V2",
            "-DVERSION=1.2.3",
            "-DVERSION4=1.2.3.0",
            f"-DPAYLOAD={payload}",
            f"-DOUTFILE={setup}",
            str(NSI),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "warning" not in (result.stdout + result.stderr).lower()
    assert setup.read_bytes()[:2] == b"MZ"


@pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis (Debian: nsis) not installed")
def test_installer_without_version_is_refused(tmp_path: Path) -> None:
    result = subprocess.run(
        ["makensis", "-V1", f"-DOUTFILE={tmp_path / 's.exe'}", str(NSI)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert not (tmp_path / "s.exe").exists()


def test_command_line_path_imports_no_qt(tmp_path: Path) -> None:
    code = (
        "import sys, main; rc = main.main(['list', '--db', sys.argv[1]]); "
        "print('QT' if any(m.startswith('PySide6') for m in sys.modules) else 'NO-QT', rc)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "library.db")],
        cwd=ROOT,
        env={**os.environ, "PYTHONUTF8": "1"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=30,
        check=False,
    )
    assert result.stdout.strip().splitlines()[-1] == "NO-QT 0", result.stdout + result.stderr


def test_frozen_window_path_points_qt_at_the_bundled_plugins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    monkeypatch.setenv("QT_PLUGIN_PATH", "/some/other/qt/plugins")
    bootstrap.prepare_frozen_qt()
    qt_dir = tmp_path / "PySide6" if sys.platform == "win32" else tmp_path / "PySide6" / "Qt"
    assert os.environ["QT_PLUGIN_PATH"] == str(qt_dir / "plugins")


def test_frozen_windows_puts_the_bundle_first_on_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("PATH", "C:/Windows")
    monkeypatch.setenv("QT_PLUGIN_PATH", "")
    bootstrap.prepare_frozen_qt()
    assert os.environ["PATH"].split(os.pathsep)[0] == str(tmp_path)
    assert os.environ["QT_PLUGIN_PATH"] == os.path.join(str(tmp_path), "PySide6", "plugins")


def test_source_run_leaves_the_qt_plugin_path_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QT_PLUGIN_PATH", "/mine")
    bootstrap.prepare_frozen_qt()
    assert os.environ["QT_PLUGIN_PATH"] == "/mine"


def test_exit_after_shown_quits_the_desktop_program(tmp_path: Path) -> None:
    """The start-up probe of bench/bench_frozen.py: the window opens, then the program exits 0."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "NIANBAO_EXIT_AFTER_SHOWN": "1",
        "NIANBAO_HOME": str(tmp_path / "home"),
    }
    result = subprocess.run(
        [sys.executable, "main.py", "--db", str(tmp_path / "library.db")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "library.db").exists()  # it got as far as opening the library
