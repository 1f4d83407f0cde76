"""A library file that is empty or no library: the command line refuses it untouched and names the backups."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.paths import backup_dir
from models.store import Library
from tests.cli.helpers import run


def test_an_empty_library_file_is_refused_with_the_backups(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    with Library(path) as lib:
        lib.backup()
    path.write_bytes(b"")
    code, out, err = run(capsys, "--db", str(path), "list")
    assert code == 1
    assert out == ""
    assert err.startswith("错误：资料库文件 library.db 是空的")
    assert err.count("\n") == 1
    assert f"{backup_dir(path)} 中有 1 个可用的备份" in err
    assert path.read_bytes() == b""
