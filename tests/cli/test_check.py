"""``python main.py check ID [--json] [--edition]``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cli
from models.checks import FAMILIES, run_checks
from models.checks.ignores import ignore_finding, set_rule_enabled
from models.store import Library
from tests.cli.helpers import run
from tests.models.checks.clean_report import clean_report
from tests.seed_report import seed_report

KEYS = {
    "rule",
    "severity",
    "node_id",
    "field",
    "start",
    "end",
    "excerpt",
    "message",
    "fix",
    "family",
    "source",
    "places",
    "folded",
}


@pytest.fixture
def db(tmp_path: Path) -> tuple[Path, int]:
    path = tmp_path / "library.db"
    with Library(path) as lib:
        report_id = lib.create_report(seed_report())
    return path, report_id


def test_check_json_lists_findings_with_exact_keys(db, capsys) -> None:
    path, report_id = db
    code, out, _ = run(capsys, "--db", str(path), "check", str(report_id), "--json")
    assert code == 0
    data = json.loads(out)
    assert data
    assert all(set(item) == KEYS for item in data)
    scrape = next(item for item in data if item["rule"] == "citation.doc-number-scrape")
    assert scrape["excerpt"] == "〔202383号"
    assert scrape["fix"]["replacement"] == "〔2023〕83号"
    assert scrape["fix"]["end"] - scrape["fix"]["start"] == len("〔202383号")
    assert any(item["rule"] == "content.causes" and item["fix"] is None for item in data)


def test_check_human_output_groups_findings_by_family(db, capsys) -> None:
    path, report_id = db
    code, out, err = run(capsys, "check", str(report_id), "--db", str(path))
    assert code == 0
    lines = out.splitlines()
    with Library(path) as lib:
        expected = run_checks(lib.load_report(report_id))
    finding_lines = [line for line in lines if line.startswith(("[错误] ", "[建议] "))]
    assert len(finding_lines) == len(expected)
    headers = [line for line in lines if line.startswith("【")]
    families = [FAMILIES[f] for f in FAMILIES if any(x.family == f for x in expected)]
    assert headers == [f"【{name}】{sum(1 for x in expected if FAMILIES[x.family] == name)} 条" for name in families]
    assert all(line.startswith(("[错误] ", "[建议] ", "【", "    · ")) for line in lines)
    assert any("三是依法做好行政复议和行政应诉工作" in line and "「结率均为100%」" in line for line in lines)
    assert "错误" in err
    assert "条" in err


def test_check_human_output_lists_the_places_of_a_grouped_finding(db, capsys) -> None:
    path, report_id = db
    _, out, _ = run(capsys, "check", str(report_id), "--db", str(path))
    lines = out.splitlines()
    marks = next(i for i, line in enumerate(lines) if line.endswith("（punct.ascii）"))
    places = [line for line in lines[marks + 1 : marks + 7] if line.startswith("    · ")]
    assert len(places) == 6  # five paragraphs, then how many more
    assert "处 「," in places[0]
    assert "另有" in places[-1]
    assert "--json" in places[-1]


def test_check_public_edition_has_no_reminder_finding(db, capsys) -> None:
    """The 涉密 reminder is a line of the export dialog; the sample holds no personal data."""
    path, report_id = db
    _, public, _ = run(capsys, "--db", str(path), "check", str(report_id), "--json", "--edition", "public")
    _, submit, _ = run(capsys, "--db", str(path), "check", str(report_id), "--json")
    assert json.loads(public) == json.loads(submit)
    assert not any(item["family"] == "privacy" for item in json.loads(public))


def test_check_json_lists_the_places_of_a_grouped_finding(db, capsys) -> None:
    path, report_id = db
    _, out, _ = run(capsys, "--db", str(path), "check", str(report_id), "--json")
    [marks] = [item for item in json.loads(out) if item["rule"] == "punct.ascii"]
    assert marks["field"] == "body"
    paragraph = marks["places"][0]
    assert {"rule", "node_id", "field", "start", "end", "excerpt", "fix", "message", "places"} == set(paragraph)
    assert all(
        place["fix"]["replacement"] in "，；：（）" for place in paragraph["places"] if place["rule"] == "punct.ascii"
    )


def test_check_respects_ignored_and_disabled_settings(db, capsys) -> None:
    path, report_id = db
    with Library(path) as lib:
        finding = next(f for f in run_checks(lib.load_report(report_id)) if f.rule == "content.causes")
        ignore_finding(lib, report_id, finding)
        set_rule_enabled(lib, "punct.ascii", False)
    _, out, _ = run(capsys, "--db", str(path), "check", str(report_id), "--json")
    rules = {item["rule"] for item in json.loads(out)}
    assert "content.causes" not in rules
    assert "punct.ascii" not in rules
    assert "citation.doc-number-scrape" in rules


def test_check_clean_report_says_so(tmp_path: Path, capsys) -> None:
    path = tmp_path / "clean.db"
    with Library(path) as lib:
        report_id = lib.create_report(clean_report())
    code, out, err = run(capsys, "--db", str(path), "check", str(report_id), "--edition", "public")
    assert (code, out) == (0, "")
    assert "未发现问题" in err


def test_check_unknown_report_is_a_one_line_error(db, capsys) -> None:
    path, _ = db
    code, out, err = run(capsys, "--db", str(path), "check", "999")
    assert code == 1
    assert out == ""
    assert err.startswith("错误：")
    assert len(err.strip().splitlines()) == 1


def test_check_bad_edition_is_refused(db, capsys) -> None:
    path, report_id = db
    code, _, err = run(capsys, "--db", str(path), "check", str(report_id), "--edition", "draft")
    assert code == 1
    assert "draft" in err


def test_check_is_listed_among_the_commands() -> None:
    assert "check" in cli.COMMANDS
    assert "check" in cli.HANDLERS
