"""delete, restore and purge say what they did, or truly why they did nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.store import Library
from tests.cli.helpers import run
from tests.cli.test_arguments import one_chinese_line


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "lib.db")


def _new(capsys: pytest.CaptureFixture[str], db: str) -> str:
    return run(capsys, "new", "--year", "2024", "--issuer", "某局", "--db", db)[1].strip()


def test_restore_a_report_not_in_the_trash_says_so(capsys: pytest.CaptureFixture[str], db: str) -> None:
    report_id = _new(capsys, db)
    code, out, err = run(capsys, "restore", report_id, "--db", db)
    assert code == 1
    assert "已从回收站恢复" not in out
    assert f"报告 {report_id} 不在回收站中" in err, err
    one_chinese_line(err)


def test_delete_a_report_already_in_the_trash_says_so(capsys: pytest.CaptureFixture[str], db: str) -> None:
    report_id = _new(capsys, db)
    assert run(capsys, "delete", report_id, "--db", db)[0] == 0
    with Library(Path(db)) as lib:
        trashed = lib.list_reports(include_trashed=True)[0].trashed
    code, out, err = run(capsys, "delete", report_id, "--db", db)
    assert code == 1
    assert out == ""
    assert f"报告 {report_id} 已在回收站中" in err, err
    one_chinese_line(err)
    with Library(Path(db)) as lib:
        assert lib.list_reports(include_trashed=True)[0].trashed == trashed  # the date it was deleted stays


def test_purge_a_report_not_in_the_trash_says_so(capsys: pytest.CaptureFixture[str], db: str) -> None:
    report_id = _new(capsys, db)
    code, out, err = run(capsys, "purge", report_id, "--db", db)
    assert code == 1
    assert out == ""
    assert "只能彻底删除回收站中的报告" in err
    one_chinese_line(err)
    with Library(Path(db)) as lib:
        assert lib.has_report(int(report_id))


@pytest.mark.parametrize("command", ["delete", "restore", "purge"])
def test_trash_commands_on_a_missing_report(capsys: pytest.CaptureFixture[str], db: str, command: str) -> None:
    code, out, err = run(capsys, command, "42", "--db", db)
    assert code == 1
    assert out == ""
    assert "资料库中没有编号为 42 的报告" in err
    one_chinese_line(err)


def test_the_trash_commands_still_work(capsys: pytest.CaptureFixture[str], db: str) -> None:
    report_id = _new(capsys, db)
    assert run(capsys, "delete", report_id, "--db", db)[:2] == (0, f"已将报告 {report_id} 移入回收站。\n")
    assert run(capsys, "restore", report_id, "--db", db)[:2] == (0, f"已从回收站恢复报告 {report_id}。\n")
    run(capsys, "delete", report_id, "--db", db)
    assert run(capsys, "purge", report_id, "--db", db)[:2] == (0, f"已彻底删除报告 {report_id}。\n")
