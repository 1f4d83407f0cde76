"""The installer, exercised: built around a stand-in payload, run under Wine in a fresh prefix.

Silent install of an older version; while that runs, an upgrade and an uninstall that are
refused and change nothing; then a silent upgrade to this version and a silent uninstall. The
program folder, the HKCU uninstall key and the shortcuts follow the installer; the user's data
folder (%LOCALAPPDATA%\\Nianbao) with its library is never touched.
Wine is sandboxed: its prefix, HOME and XDG folders all live in tmp_path, and
winemenubuilder is off, so nothing lands in the real desktop or menus.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from models import APP_ID, APP_NAME, __version__
from tests.conftest import DATA
from tests.test_distribution import NSI, load_script

OLD_VERSION = "0.0.1"
UNINSTALL_KEY = rf"Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{APP_ID}"
LIBRARY_BYTES = b"SQLite format 3\x00 stand-in library the clerk wrote"
STAND_IN_PROGRAM = DATA / "installer" / "stand-in-program.nsi"
RUNNING_MARKER = "nianbao-stand-in-running"  # left in %TEMP% by the stand-in program while it runs
NSIS_ABORTED = 2  # an NSIS installer's exit code after Abort

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis not installed (Debian: nsis)"),
    pytest.mark.skipif(
        shutil.which("wine") is None,
        reason="Wine not installed, installer not exercised (Debian: dpkg --add-architecture i386; "
        "apt-get install wine wine32 wine64; scripts/install-system-deps.sh tries this)",
    ),
]


class WinePrefix:
    """A throwaway Wine prefix; runs programs in it and reads what they left behind."""

    def __init__(self, root: Path) -> None:
        home = root / "unix-home"
        (home / "Desktop").mkdir(parents=True)
        self.prefix = root / "prefix"
        self.env = {
            **os.environ,
            "WINEPREFIX": str(self.prefix),
            "WINEDEBUG": "-all",
            # No Mono/Gecko install prompts; no menu entries written into the real desktop.
            "WINEDLLOVERRIDES": "mscoree,mshtml=;winemenubuilder.exe=d",
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
            "XDG_CACHE_HOME": str(home / ".cache"),
        }
        self.env.pop("DISPLAY", None)  # silent installs show no window; none is needed
        self.run("wineboot", "--init")
        users = [p for p in (self.prefix / "drive_c" / "users").iterdir() if p.name != "Public"]
        assert len(users) == 1, users
        self.profile = users[0]
        self.local_appdata = self.profile / "AppData" / "Local"
        self.start_menu = self.profile / "AppData" / "Roaming" / "Microsoft" / "Windows" / "Start Menu" / "Programs"
        self.desktop = self.profile / "Desktop"

    def run(self, *command: str | Path, exit_code: int = 0, wait: bool = True) -> None:
        """Run a command; unless told not to, wait until every process in the prefix has ended."""
        result = subprocess.run(
            [str(c) for c in command], env=self.env, capture_output=True, text=True, timeout=120, check=False
        )
        assert result.returncode == exit_code, f"{command} exited {result.returncode}: {result.stdout}{result.stderr}"
        if wait:
            self.wait()

    @contextmanager
    def running(self, windows_exe: str) -> Iterator[None]:
        """The stand-in program running (its file locked) for the duration of the block."""
        marker = self.profile / "Temp" / RUNNING_MARKER
        program = subprocess.Popen(["wine", windows_exe], env=self.env)
        try:
            deadline = time.monotonic() + 60
            while not marker.exists():
                assert program.poll() is None, f"the stand-in program ended with {program.returncode}"
                assert time.monotonic() < deadline, "the stand-in program did not start"
                time.sleep(0.1)
            yield
        finally:
            marker.unlink(missing_ok=True)
            program.wait(timeout=60)
        self.wait()

    def wait(self) -> None:
        # An NSIS uninstaller copies itself to %TEMP% and returns at once; the copy does the work.
        # wineserver -w returns when the prefix has no process left (and its registry is saved).
        subprocess.run(["wineserver", "-w"], env=self.env, timeout=120, check=True)

    def to_unix(self, windows_path: str) -> Path:
        drive, _, rest = windows_path.partition(":\\")
        assert drive.upper() == "C", windows_path
        return self.prefix / "drive_c" / Path(*rest.split("\\"))

    def user_key(self, key: str) -> dict[str, str] | None:
        """The string values of an HKCU key as saved in user.reg, or None if the key is absent."""
        text = (self.prefix / "user.reg").read_text(encoding="utf-8", errors="replace")
        header = f"[{key}]"
        for section in text.split("\n\n"):
            lines = section.strip().splitlines()
            if lines and lines[0].startswith(header + " "):
                return {
                    name: decode_reg_string(value)
                    for line in lines[1:]
                    if (m := re.fullmatch(r'"((?:[^"\\]|\\.)*)"="((?:[^"\\]|\\.)*)"', line))
                    for name, value in [m.groups()]
                }
        return None


def decode_reg_string(value: str) -> str:
    """Wine writes non-ASCII as \\xNNNN and escapes quotes and backslashes."""
    return re.sub(
        r"\\x([0-9a-fA-F]{1,4})|\\(.)", lambda m: chr(int(m.group(1), 16)) if m.group(1) else m.group(2), value
    )


def makensis(script: Path, **defines: str) -> None:
    result = subprocess.run(
        ["makensis", "-V2", *(f"-D{name}={value}" for name, value in defines.items()), str(script)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def build_installer(tmp_path: Path, version: str, payload_files: dict[str, bytes]) -> Path:
    payload = tmp_path / f"payload-{version}"
    for name, data in payload_files.items():
        (payload / name).parent.mkdir(parents=True, exist_ok=True)
        (payload / name).write_bytes(data)
    version4 = ".".join(map(str, load_script("make_version_info").version_tuple(version)))
    setup = tmp_path / f"nianbao-{version}-setup.exe"
    makensis(NSI, VERSION=version, VERSION4=version4, PAYLOAD=str(payload), OUTFILE=str(setup))
    return setup


def build_stand_in_program(tmp_path: Path) -> bytes:
    exe = tmp_path / "stand-in.exe"
    makensis(STAND_IN_PROGRAM, OUTFILE=str(exe))
    return exe.read_bytes()


def program_files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_silent_install_upgrade_and_uninstall_under_wine(tmp_path: Path) -> None:
    old_payload = {"nianbao.exe": build_stand_in_program(tmp_path), "_internal/resources/old-only.txt": b"old"}
    new_payload = {"nianbao.exe": f"MZ {__version__}".encode(), "_internal/resources/模板.txt": "新".encode()}
    old_setup = build_installer(tmp_path, OLD_VERSION, old_payload)
    new_setup = build_installer(tmp_path, __version__, new_payload)
    wine = WinePrefix(tmp_path)
    install_dir = wine.local_appdata / "Programs" / APP_ID
    data_dir = wine.local_appdata / APP_ID
    shortcuts = [wine.start_menu / f"{APP_NAME}.lnk", wine.desktop / f"{APP_NAME}.lnk"]

    wine.run("wine", old_setup, "/S")
    old_install = program_files(install_dir)
    assert old_install.keys() == {*old_payload, "uninstall.exe"}
    key = wine.user_key(UNINSTALL_KEY)
    assert key is not None
    assert key["DisplayVersion"] == OLD_VERSION
    assert wine.to_unix(key["InstallLocation"]) == install_dir
    assert all(shortcut.is_file() for shortcut in shortcuts)
    # The clerk's library, a backup and their settings in the data folder.
    data = {"library.db": LIBRARY_BYTES, "backups/library-1.db": LIBRARY_BYTES, "settings.ini": b"[ui]\n"}
    for name, content in data.items():
        (data_dir / name).parent.mkdir(parents=True, exist_ok=True)
        (data_dir / name).write_bytes(content)

    exe = f"{key['InstallLocation']}\\nianbao.exe"
    uninstaller = f"{key['InstallLocation']}\\uninstall.exe"
    with wine.running(exe):
        wine.run("wine", new_setup, "/S", exit_code=NSIS_ABORTED, wait=False)
        # _?= runs the uninstaller in place, so its exit code is the one that counts.
        wine.run("wine", uninstaller, "/S", f"_?={key['InstallLocation']}", exit_code=NSIS_ABORTED, wait=False)
        assert program_files(install_dir) == old_install
    assert wine.user_key(UNINSTALL_KEY) == key
    assert all(shortcut.is_file() for shortcut in shortcuts)

    wine.run("wine", new_setup, "/S")
    installed = program_files(install_dir)
    assert installed.keys() == {*new_payload, "uninstall.exe"}  # the old version's files are gone
    assert {name: installed[name] for name in new_payload} == new_payload
    key = wine.user_key(UNINSTALL_KEY)
    assert key is not None
    assert key["DisplayVersion"] == __version__
    assert key["DisplayName"] == APP_NAME
    assert wine.to_unix(key["InstallLocation"]) == install_dir
    assert key["QuietUninstallString"] == f'"{uninstaller}" /S'
    assert all(shortcut.is_file() for shortcut in shortcuts)
    assert program_files(data_dir) == data

    # As Windows' Apps list does it: the quiet uninstall command, by its Windows path. The
    # uninstaller copies itself to %TEMP% and returns; run() waits for the copy to finish.
    wine.run("wine", uninstaller, "/S")
    assert not install_dir.exists()
    assert wine.user_key(UNINSTALL_KEY) is None
    assert not any(shortcut.exists() for shortcut in shortcuts)
    assert program_files(data_dir) == data
