"""Which arguments open the window and which the command line (main.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import main as entry
from tests.cli.test_arguments import one_chinese_line

ROOT = Path(__file__).resolve().parents[2]


def test_only_nothing_a_library_or_a_dropped_file_opens_the_window(tmp_path: Path) -> None:
    dropped = tmp_path / "去年的报告.docx"
    dropped.write_bytes(b"PK")
    other = tmp_path / "notes.pdf"  # the window says in Chinese that it cannot read it
    other.write_bytes(b"%PDF")
    for argv in (
        [],
        ["--debug"],
        ["--db", "x.db"],
        ["--db=x.db"],
        ["--debug", "--db", "x.db"],
        [str(dropped)],
        [str(dropped), "--db", "x.db"],
        [str(other)],
    ):
        assert not entry.wants_command_line(argv), argv
    for argv in (
        ["--frobnicate"],
        ["--db"],
        ["--db", "x.db", "--frobnicate"],
        ["--db", "a.db", "--db", "b.db"],
        [str(dropped), str(dropped)],
        [str(tmp_path / "missing.docx")],
        ["-x"],
        ["--help"],
        ["--version"],
        ["list"],
        ["--db", "--debug"],
    ):
        assert entry.wants_command_line(argv), argv


def test_a_command_wins_over_a_file_of_the_same_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("list", "backup", "show"):
        (tmp_path / name).write_text("x", encoding="utf-8")
        assert entry.wants_command_line([name])
    assert entry.wants_command_line(["--db", "x.db", "list"])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--frobnicate"], "无法识别的参数 --frobnicate"),
        (["--db"], "--db 后面缺少取值"),
    ],
)
def test_the_program_run_with_bad_arguments_answers_on_the_command_line(
    tmp_path: Path, args: list[str], message: str
) -> None:
    result = subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={
            "NIANBAO_HOME": str(tmp_path),
            "PATH": "",
            "QT_QPA_PLATFORM": "offscreen",
            "NIANBAO_EXIT_AFTER_SHOWN": "1",
        },
    )
    assert result.returncode == 1, result.stderr
    assert message in result.stderr
    one_chinese_line(result.stderr)
