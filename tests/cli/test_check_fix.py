"""``python main.py check ID --fix [--rule R]``: the safe fixes, applied after saving a version."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.checks import fix_all, run_checks
from models.store import Library
from tests.cli.helpers import run
from tests.models.checks.clean_report import clean_report
from tests.seed_report import seed_report


@pytest.fixture
def db(tmp_path: Path) -> tuple[Path, int]:
    path = tmp_path / "library.db"
    with Library(path) as lib:
        report_id = lib.create_report(seed_report())
    return path, report_id


def _texts(report) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(n.title, n.text) for n in report.walk()]


def test_fix_saves_a_version_first_then_applies_every_safe_fix(db, capsys) -> None:
    path, report_id = db
    with Library(path) as lib:
        before = lib.load_report(report_id)
    code, _, err = run(capsys, "--db", str(path), "check", str(report_id), "--fix")
    assert code == 0
    with Library(path) as lib:
        [revision] = lib.list_revisions(report_id)
        after = lib.load_report(report_id)
        saved = lib.load_revision(revision.id)
    assert revision.label == "体检自动修正前"
    assert _texts(saved) == _texts(before)  # the version holds the report as it was
    assert _texts(after) == _texts(fix_all(before))
    assert not [f for f in run_checks(after) if f.fixable]
    assert "〔2023〕83号" in "".join(n.text for n in after.walk())
    assert f"历史版本 {revision.id}" in err


def test_fix_with_a_rule_changes_only_what_that_rule_fixes(db, capsys) -> None:
    path, report_id = db
    code, out, _ = run(capsys, "--db", str(path), "check", str(report_id), "--fix", "--rule", "punct.ascii")
    assert code == 0
    assert out == ""  # nothing left for that rule
    with Library(path) as lib:
        after = lib.load_report(report_id)
        [revision] = lib.list_revisions(report_id)
    rules = {f.rule for f in run_checks(after)}
    assert "punct.ascii" not in rules
    assert "citation.doc-number-scrape" in rules  # another rule's fault stays for the clerk
    assert "〔202383号" in "".join(n.text for n in after.walk())
    assert revision.label == "体检自动修正前（punct.ascii）"


def test_fix_with_a_family_fixes_that_family(db, capsys) -> None:
    path, report_id = db
    run(capsys, "--db", str(path), "check", str(report_id), "--fix", "--rule", "citations")
    with Library(path) as lib:
        after = lib.load_report(report_id)
    rules = {f.rule for f in run_checks(after) if f.fixable}
    assert not {r for r in rules if r.startswith("citation.")}
    assert "punct.ascii" in rules


def test_fix_with_nothing_to_fix_saves_no_version(tmp_path: Path, capsys) -> None:
    path = tmp_path / "clean.db"
    with Library(path) as lib:
        report_id = lib.create_report(clean_report())
    code, out, err = run(capsys, "--db", str(path), "check", str(report_id), "--fix")
    # What is left is not fixable: the 5-page 报送版's printing reminder (page.odd-last-page).
    assert code == 0
    assert "page.odd-last-page" in out
    assert "没有可以自动修正的问题" in err
    with Library(path) as lib:
        assert lib.list_revisions(report_id) == []


def test_fix_with_an_unknown_rule_changes_nothing(db, capsys) -> None:
    path, report_id = db
    with Library(path) as lib:
        before = _texts(lib.load_report(report_id))
    code, out, err = run(capsys, "--db", str(path), "check", str(report_id), "--fix", "--rule", "punct.nope")
    assert code == 1
    assert out == ""
    assert "没有名为“punct.nope”的检查规则" in err
    with Library(path) as lib:
        assert _texts(lib.load_report(report_id)) == before
        assert lib.list_revisions(report_id) == []


def test_rule_without_fix_lists_only_that_rule(db, capsys) -> None:
    path, report_id = db
    code, out, _ = run(capsys, "--db", str(path), "check", str(report_id), "--rule", "citation.doc-number-scrape")
    assert code == 0
    findings = [line for line in out.splitlines() if line.startswith("[")]
    assert len(findings) == 2
    assert all(line.endswith("（citation.doc-number-scrape）") for line in findings)
    with Library(path) as lib:
        assert lib.list_revisions(report_id) == []


def test_fix_of_an_unknown_report_is_a_one_line_error(db, capsys) -> None:
    path, _ = db
    code, out, err = run(capsys, "--db", str(path), "check", "999", "--fix")
    assert (code, out) == (1, "")
    assert err.startswith("错误：")
    assert len(err.strip().splitlines()) == 1
