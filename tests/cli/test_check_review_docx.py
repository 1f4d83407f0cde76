"""``python main.py check ID --review-docx FILE [--force]``: the 审校稿 from the command line."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from models.checks import run_checks
from models.edition import Edition
from models.store import Library
from tests.cli.helpers import run
from tests.seed_report import seed_report


@pytest.fixture
def db(tmp_path: Path) -> tuple[Path, int]:
    path = tmp_path / "library.db"
    with Library(path) as lib:
        report_id = lib.create_report(seed_report())
    return path, report_id


@pytest.mark.parametrize("edition", [Edition.SUBMIT, Edition.PUBLIC])
def test_check_writes_the_annotated_copy_with_one_comment_per_finding(db, tmp_path, capsys, edition) -> None:
    path, report_id = db
    target = tmp_path / "报告-审校稿.docx"
    code, out, err = run(
        capsys, "--db", str(path), "check", str(report_id), "--review-docx", str(target), "--edition", edition.value
    )
    assert code == 0
    with Library(path) as lib:
        expected = run_checks(lib.load_report(report_id), edition=edition)
    document = docx.Document(io.BytesIO(target.read_bytes()))
    assert len(document.comments) == len(expected)
    assert [c.text.split("\n")[0] for c in document.comments] == [f"【{f.severity}】{f.message}" for f in expected]
    assert f"已导出审校稿：{target}（{len(expected)} 条批注）" in err
    assert "[错误]" in out  # the findings are still listed


def test_check_refuses_to_overwrite_the_annotated_copy_unless_forced(db, tmp_path, capsys) -> None:
    path, report_id = db
    target = tmp_path / "审校稿.docx"
    target.write_bytes(b"the reviewer's own file")
    code, _, err = run(capsys, "--db", str(path), "check", str(report_id), "--review-docx", str(target))
    assert code != 0
    assert "目标文件已存在" in err
    assert "--force" in err
    assert target.read_bytes() == b"the reviewer's own file"
    code, _, _ = run(capsys, "--db", str(path), "check", str(report_id), "--review-docx", str(target), "--force")
    assert code == 0
    assert len(docx.Document(str(target)).comments) > 0


def test_check_refuses_an_annotated_copy_that_is_not_docx_before_fixing_anything(db, tmp_path, capsys) -> None:
    path, report_id = db
    target = tmp_path / "审校稿.pdf"
    code, _, err = run(capsys, "--db", str(path), "check", str(report_id), "--fix", "--review-docx", str(target))
    assert code != 0
    assert "只能导出为 .docx" in err
    assert not target.exists()
    with Library(path) as lib:
        assert lib.list_revisions(report_id) == []  # --fix did not run


def test_force_alone_is_a_usage_error(db, capsys) -> None:
    path, report_id = db
    code, _, err = run(capsys, "--db", str(path), "check", str(report_id), "--force")
    assert code != 0
    assert "--review-docx" in err


def test_check_then_fix_writes_the_annotated_copy_of_what_is_left(db, tmp_path, capsys) -> None:
    path, report_id = db
    target = tmp_path / "审校稿.docx"
    code, _, err = run(capsys, "--db", str(path), "check", str(report_id), "--fix", "--review-docx", str(target))
    assert code == 0
    with Library(path) as lib:
        left = run_checks(lib.load_report(report_id))
    assert 0 < len(left) < len(run_checks(seed_report()))
    assert len(docx.Document(str(target)).comments) == len(left)
    assert "修正后还有" in err
