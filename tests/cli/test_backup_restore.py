"""``backup --list`` and ``backup --restore FILE`` on the command line."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from models.report import SECTION, Node, Report, ReportMeta
from models.store import Library
from tests.cli.helpers import run
from tests.models.store.test_restore import crashed_library, folder_state


def one_chinese_line(text: str) -> None:
    assert text.count("\n") == 1
    assert text.endswith("\n")
    assert text.startswith("错误：")
    assert re.search(r"[\u4e00-\u9fff]", text)
    assert "Traceback" not in text


def make_library(path: Path) -> Path:
    with Library(path) as lib:
        lib.create_report(Report(ReportMeta(year=2024, issuer="甲"), [Node(SECTION, "一", "内容")]))
        return lib.backup()


def test_restore_after_crash(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    backup = crashed_library(path)
    code, out, err = run(capsys, "backup", "--restore", str(backup), "--db", str(path))
    assert code == 0, err
    assert backup.name in out
    assert "library-replaced-" in out
    assert out.count("\n") == 1
    listed = run(capsys, "list", "--db", str(path))[1]
    assert "甲" in listed
    assert "乙" not in listed
    assert len(list(tmp_path.glob("library-replaced-*.db-wal"))) == 1


def test_restore_by_name_from_the_backups_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    backup = make_library(path)
    code, out, err = run(capsys, "--db", str(path), "backup", "--restore", backup.name)
    assert code == 0, err
    assert "已恢复" in out
    code, _, err = run(capsys, "--db", str(path), "backup", "--restore", "nothing.db")
    assert code == 1
    assert f"找不到备份文件 {backup.parent / 'nothing.db'}" in err  # the folder looked in is named


def test_restore_refusals_are_one_line_and_exit_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    backup = make_library(path)
    damaged = backup.with_name("damaged.db")
    damaged.write_bytes(backup.read_bytes()[:3000])
    empty = backup.with_name("empty.db")
    empty.write_bytes(b"")
    before = folder_state(tmp_path)
    for target, words in ((damaged, "已损坏"), (empty, "已损坏"), (tmp_path / "missing.db", "找不到备份文件")):
        code, out, err = run(capsys, "backup", "--restore", str(target), "--db", str(path))
        assert code == 1
        assert out == ""
        one_chinese_line(err)
        assert words in err
        assert "未作任何改动" in err
    with Library(path):
        code, out, err = run(capsys, "backup", "--restore", str(backup), "--db", str(path))
    assert code == 1
    one_chinese_line(err)
    assert f"进程 {os.getpid()}" in err
    assert "未作任何改动" in err
    assert folder_state(tmp_path) == before


def test_list_shows_date_size_reports_and_state(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    backup = make_library(path)
    damaged = backup.with_name("library-20200101-080000-000000.db")
    damaged.write_bytes(backup.read_bytes()[:3000])
    code, out, err = run(capsys, "backup", "--list", "--db", str(path))
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == 2
    good, bad = lines
    assert backup.name in good
    assert "完好" in good
    assert "1 份报告" in good
    assert re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", good)
    assert re.search(r"\d+(\.\d+)? ?(KB|MB|字节)", good)
    assert damaged.name in bad
    assert "2020-01-01 08:00:00" in bad
    assert "已损坏" in bad


def test_list_without_backups(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "backup", "--list", "--db", str(tmp_path / "library.db"))
    assert code == 0
    assert "还没有备份" in out
    assert not (tmp_path / "library.db").exists()  # listing makes no library


def test_list_and_restore_together_is_a_usage_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "backup", "--list", "--restore", "x.db", "--db", str(tmp_path / "library.db"))
    assert code == 1
    one_chinese_line(err)
