"""The command line on a Chinese Windows console: GBK output, emoji, and Chinese messages for user errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from models import interchange
from models.report import PARAGRAPH, Node, Report, ReportMeta
from models.store import Library
from tests.conftest import ROOT


def _cli(db: Path, *args: str, stdout_path: Path) -> subprocess.CompletedProcess[bytes]:
    # A Chinese Windows redirect (`show 1 --json > x.json`) gives Python a cp936 stdout.
    env = {**os.environ, "PYTHONIOENCODING": "gbk"}
    with stdout_path.open("wb") as out:
        return subprocess.run(
            [sys.executable, str(ROOT / "main.py"), *args, "--db", str(db)],
            stdout=out,
            stderr=subprocess.PIPE,
            env=env,
            timeout=60,
            check=False,
        )


def _library_with_emoji(tmp_path: Path) -> Path:
    db = tmp_path / "lib.db"
    report = Report(meta=ReportMeta(year=2023, issuer="某局"), body=[Node(PARAGRAPH, text="群众点赞👍，满意率为98%。")])
    with Library(db) as lib:
        lib.create_report(report)
    return db


def test_show_json_redirected_on_a_gbk_console_is_utf8_and_imports_again(tmp_path: Path) -> None:
    db = _library_with_emoji(tmp_path)
    target = tmp_path / "shown.json"
    result = _cli(db, "show", "1", "--json", stdout_path=target)
    assert result.returncode == 0, result.stderr.decode("gbk", "replace")
    report, _ = interchange.read_file(target)  # UTF-8, as the interchange format requires
    assert report.body[0].text == "群众点赞👍，满意率为98%。"


def test_plain_show_on_a_gbk_console_does_not_crash_on_emoji(tmp_path: Path) -> None:
    db = _library_with_emoji(tmp_path)
    target = tmp_path / "shown.txt"
    result = _cli(db, "show", "1", stdout_path=target)
    assert result.returncode == 0, result.stderr.decode("gbk", "replace")
    assert "群众点赞" in target.read_bytes().decode("gbk")


def test_missing_import_file_is_reported_in_chinese(tmp_path: Path, capsys) -> None:
    import cli

    for name in ("去年的报告.txt", "去年的报告.json", "去年的报告.docx"):
        code = cli.main(["import", str(tmp_path / name), "--db", str(tmp_path / "lib.db")])
        err = capsys.readouterr().err
        assert code == 1
        assert "文件不存在" in err, err
        assert "No such file" not in err


def test_new_refuses_a_year_that_the_report_file_format_cannot_hold(tmp_path: Path, capsys) -> None:
    import cli

    db = str(tmp_path / "lib.db")
    code = cli.main(["new", "--year", "20245", "--issuer", "某局", "--db", db])
    assert code == 1
    assert "四位年份" in capsys.readouterr().err
    with Library(Path(db)) as lib:
        assert lib.list_reports() == []


def test_option_without_its_value_is_explained_in_chinese(tmp_path: Path, capsys) -> None:
    import cli

    code = cli.main(["export", "1", "-o"])
    err = capsys.readouterr().err
    assert code == 1
    assert "expected" not in err
    assert "-o/--output 后面缺少取值" in err
