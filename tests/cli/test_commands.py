"""The command line as a user runs it: messages in Chinese, exit codes, no traceback, no Qt."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import cli
import main as entry
from tests.cli.helpers import run

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "lib.db")


def test_new_list_show_export_import_round_trip(capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "new", "--year", "2024", "--issuer", "重庆市某区某局", "--db", db)
    assert code == 0
    report_id = out.strip()
    code, out, _ = run(capsys, "list", "--db", db)
    assert "重庆市某区某局关于2024年度法治政府建设情况的报告" in out
    code, shown, _ = run(capsys, "show", report_id, "--json", "--db", db)
    assert json.loads(shown)["meta"]["year"] == 2024
    target = tmp_path / "out.json"
    assert run(capsys, "export", report_id, "-o", str(target), "--db", db)[0] == 0
    code, out, _ = run(capsys, "--db", db, "import", str(target))  # --db before the subcommand works too
    assert code == 0
    assert run(capsys, "show", out.strip(), "--json", "--db", db)[1] == target.read_text(encoding="utf-8")


def test_show_text_has_computed_numbering(capsys: pytest.CaptureFixture[str], db: str) -> None:
    report_id = run(capsys, "new", "--year", "2024", "--issuer", "某局", "--db", db)[1].strip()
    text = run(capsys, "show", report_id, "--db", db)[1]
    assert "一、2024年推进法治政府建设的主要举措和成效" in text
    assert "（一）深入学习贯彻习近平法治思想" in text


def test_delete_restore_purge_and_revisions(capsys: pytest.CaptureFixture[str], db: str) -> None:
    report_id = run(capsys, "new", "--year", "2024", "--issuer", "某局", "--db", db)[1].strip()
    assert "回收站" in run(capsys, "delete", report_id, "--db", db)[1]
    assert "还没有报告" in run(capsys, "list", "--db", db)[1]
    assert "[回收站]" in run(capsys, "list", "--trash", "--db", db)[1]
    run(capsys, "restore", report_id, "--db", db)
    assert "某局" in run(capsys, "list", "--db", db)[1]
    assert "还没有历史版本" in run(capsys, "revisions", report_id, "--db", db)[1]
    run(capsys, "snapshot", report_id, "--label", "初稿", "--db", db)
    assert "初稿" in run(capsys, "revisions", report_id, "--db", db)[1]
    code, _, err = run(capsys, "purge", report_id, "--db", db)
    assert code == 1
    assert "回收站" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "42"], "没有编号为 42 的报告"),
        (["frobnicate"], "没有“frobnicate”这个命令"),
        (["new", "--year", "abc", "--issuer", "x"], "--year 应为整数"),
        (["new", "--issuer", "x"], "缺少参数 --year"),
        (["import", "missing.json"], "无法读取文件"),
        (["import", "report.doc"], "另存为” .docx"),
        (["new", "--year", "2024", "--issuer", "x", "--template", "nope"], "找不到模板"),
    ],
)
def test_user_errors_are_one_chinese_line(
    capsys: pytest.CaptureFixture[str], db: str, args: list[str], message: str
) -> None:
    code, _, err = run(capsys, *args, "--db", db)
    assert code == 1
    assert message in err
    assert err.startswith("错误：")
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_broken_library_file_message(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"garbage" * 100)
    code, _, err = run(capsys, "list", "--db", str(bad))
    assert code == 1
    assert "不是 SQLite 数据库文件" in err
    assert bad.read_bytes() == b"garbage" * 100


def test_main_dispatch_skips_db_value() -> None:
    assert not entry.wants_command_line(["--db", "list"])  # a library named like a command
    assert entry.wants_command_line(["--db", "x.db", "list"])
    assert not entry.wants_command_line(["--debug"])


def test_command_line_path_imports_no_qt_and_no_docx(tmp_path: Path) -> None:
    code = (
        "import sys, main; rc = main.main(['list', '--db', sys.argv[1]]); "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'docx')]; "
        "print('IMPORTED', bad); sys.exit(rc)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "lib.db")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={"NIANBAO_HOME": str(tmp_path), "PATH": ""},
    )
    assert result.returncode == 0, result.stderr
    assert "IMPORTED []" in result.stdout


def test_whole_process_exit_code_and_stderr(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "main.py", "show", "7", "--db", str(tmp_path / "lib.db")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={"NIANBAO_HOME": str(tmp_path), "PATH": ""},
    )
    assert result.returncode == 1
    assert result.stderr.strip() == "错误：资料库中没有编号为 7 的报告。"


def test_a_file_dropped_on_the_program_opens_the_window(tmp_path: Path) -> None:
    dropped = tmp_path / "去年的报告.docx"
    dropped.write_bytes(b"PK")
    assert not entry.wants_command_line([str(dropped)])
    assert entry.wants_command_line(["list"])
    assert entry.wants_command_line(["no-such-command"])  # a typo is reported, not a window
    assert not entry.wants_command_line(["--db", "x.db"])


def test_help_is_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        cli.main(["export", "--help"])
    assert done.value.code == 0
    text = capsys.readouterr().out
    assert text.startswith("用法：nianbao export")
    assert "选项" in text
    assert "显示本帮助后退出" in text
    assert "usage" not in text
    assert "show this help" not in text
