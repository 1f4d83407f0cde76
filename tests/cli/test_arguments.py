"""What the command line says about its arguments: each a true, one-line Chinese message with
exit code 1, whatever argparse's own English says."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from tests.cli.helpers import run


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "lib.db")


def one_chinese_line(err: str) -> None:
    assert err.startswith("错误："), err
    assert len(err.strip().splitlines()) == 1, err
    assert "程序内部出错" not in err
    assert not {"usage", "argument", "expected"} & set(err.split()), err


# --- usage errors in our own words (defect 5) ---

USAGE_ERRORS = [
    (["frobnicate"], "没有“frobnicate”这个命令，可用的命令有 list、new"),
    ([], "缺少命令"),
    (["--frobnicate"], "无法识别的参数 --frobnicate"),
    (["show", "1", "--frob", "x"], "无法识别的参数 --frob x"),
    (["new", "--year", "abc", "--issuer", "x"], "--year 应为整数，而不是“abc”"),
    (["show", "abc"], "id 应为整数，而不是“abc”"),
    (["new", "--issuer", "x"], "缺少参数 --year"),
    (["show"], "缺少参数 id"),
    (["export", "1", "-o"], "-o/--output 后面缺少取值"),
    (["list", "--db"], "--db 后面缺少取值"),
    (["--db"], "--db 后面缺少取值"),
    (["export", "1", "-o", "x.docx", "--points", "list"], "“list”不是可选的值，可选的有 inline、separate"),
    (["list", "--trash=yes"], "--trash 不带取值"),
]


@pytest.mark.parametrize(("args", "message"), USAGE_ERRORS)
def test_usage_errors_areone_chinese_line(
    capsys: pytest.CaptureFixture[str], db: str, args: list[str], message: str
) -> None:
    code, out, err = run(capsys, *args, *(["--db", db] if "--db" not in args else []))
    assert code == 1
    assert out == ""
    assert message in err, err
    assert err.startswith("错误：命令行参数有误：")
    one_chinese_line(err)


@pytest.mark.parametrize(("args", "message"), USAGE_ERRORS)
def test_usage_errors_do_not_depend_on_argparse_english(
    capsys: pytest.CaptureFixture[str], db: str, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    # Another Python, or a translated one, words its messages otherwise: here in capitals.
    monkeypatch.setattr(argparse, "_", _capitals)
    monkeypatch.setattr(argparse, "ngettext", lambda one, many, n: _capitals(one if n == 1 else many))
    code, _, err = run(capsys, *args, *(["--db", db] if "--db" not in args else []))
    assert code == 1
    assert message in err, err
    assert not re.search("[A-Z]{3}", err), err


def _capitals(text: str) -> str:
    """argparse's text with its words, not its %-placeholders, in capitals."""
    return re.sub(r"%\([a-z_]+\)[srd]|%[srd]|[a-z]", lambda m: m[0] if m[0].startswith("%") else m[0].upper(), text)


def test_an_ambiguous_abbreviation_is_explained(capsys: pytest.CaptureFixture[str]) -> None:
    import cli

    parser = cli._Parser(prog="x")
    parser.add_argument("--fallback-fonts", action="store_true")
    parser.add_argument("--force", action="store_true")
    with pytest.raises(cli.CliError) as raised:
        parser.parse_args(["--f"])
    assert "--f 可以是 --fallback-fonts、--force 中的任何一个" in str(raised.value)
    assert parser.parse_args(["--fa"]).fallback_fonts  # an unambiguous abbreviation still works


# --- report ids (defect 3) ---


@pytest.mark.parametrize(
    "command", ["show", "export", "check", "delete", "restore", "purge", "revisions", "snapshot", "roll"]
)
def test_a_huge_report_id_is_no_report(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path, command: str
) -> None:
    extra = {"export": ["-o", str(tmp_path / "x.docx")], "roll": ["--year", "2025"]}.get(command, [])
    huge = str(2**63)
    code, out, err = run(capsys, command, huge, *extra, "--db", db)
    assert code == 1
    assert out == ""
    assert f"{huge} 不是有效的报告编号" in err, err
    assert "没有这份报告" in err
    one_chinese_line(err)


def test_help_shows_required_arguments_as_required(capsys: pytest.CaptureFixture[str]) -> None:
    import cli

    with pytest.raises(SystemExit):
        cli.main(["export", "--help"])
    usage = capsys.readouterr().out
    assert " -o OUTPUT " in usage
    assert "[-o OUTPUT]" not in usage
