"""``nianbao ledger``: list, set, JSON; a bad value gets a Chinese error and changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import run


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "lib.db")


def _new(capsys: pytest.CaptureFixture[str], db: str, issuer: str = "某县人民政府") -> str:
    return run(capsys, "new", "--year", "2023", "--issuer", issuer, "--db", db)[1].strip()


def _lines(out: str) -> dict[str, list[str]]:
    return {line.split("\t")[0]: line.split("\t") for line in out.splitlines()}


def test_lists_one_indicator_a_line(capsys: pytest.CaptureFixture[str], db: str) -> None:
    report = _new(capsys, db)
    code, out, err = run(capsys, "ledger", report, "--db", db)
    assert (code, err) == (0, "")
    lines = _lines(out)
    assert lines["recon_received"] == ["recon_received", "收到行政复议申请", "件", "", ""]
    assert len(lines) == 62  # a county government's set
    assert all(len(fields) == 5 for fields in lines.values())


def test_set_this_year_and_last_year(capsys: pytest.CaptureFixture[str], db: str) -> None:
    report = _new(capsys, db)
    code, out, _ = run(
        capsys,
        "ledger",
        report,
        "--set",
        "recon_received=35",
        "--set",
        "recon_corrected=29",
        "--set",
        "recon_closed=135",
        "--previous",
        "recon_received=30",
        "--db",
        db,
    )
    assert code == 0
    lines = _lines(out)
    assert lines["recon_received"][3:] == ["35", "30"]
    assert lines["recon_correction_rate"][3:] == ["21.48", ""]  # computed from its parts
    listed = _lines(run(capsys, "ledger", report, "--db", db)[1])
    assert listed == lines  # stored
    data = json.loads(run(capsys, "ledger", report, "--json", "--db", db)[1])
    row = next(r for r in data["indicators"] if r["key"] == "recon_received")
    assert (row["current"], row["previous"], row["change"], row["change_text"]) == (35, 30, 16.67, "增长16.67%")
    rate = next(r for r in data["indicators"] if r["key"] == "recon_correction_rate")
    assert rate["computed"] is True
    assert (data["kind"], data["year"], data["problems"]) == ("county", 2023, [])
    _, out, _ = run(capsys, "ledger", report, "--set", "recon_received=", "--previous", "recon_received=", "--db", db)
    assert _lines(out)["recon_received"][3:] == ["", ""]  # an empty value clears


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--set", "recon_received=三十"), "错误：“收到行政复议申请”应填数字，“三十”不是数字。台账没有改动。"),
        (("--set", "recon_received=-3"), "错误：“收到行政复议申请”不能是负数（填了 -3）。台账没有改动。"),
        (("--set", "recon_received=3.5"), "错误：“收到行政复议申请”以“件”计，应为整数（填了 3.5）。台账没有改动。"),
        (
            ("--set", "litig_head_rate=101"),
            "错误：“行政机关负责人出庭应诉率”是比率，不能超过100%（填了 101%）。台账没有改动。",
        ),
        (
            ("--set", "recon_accepted=41"),
            "错误：本年“受理行政复议案件”（41件）大于“收到行政复议申请”（40件），部分不能大于总数。台账没有改动。",
        ),
        (("--set", "no_such_key=1"), "台账中没有代码为“no_such_key”的指标"),
        (("--set", "recon_received"), "应写成 指标代码=数值"),
        (("--kind", "town"), "没有“town”这类台账"),
        (("--add", "x_river_patrols=河道巡查"), "应写成 指标代码=名称/单位"),
        (("--add", "recon_received=收到/件"), "应以 x_ 开头"),
        (("--set", "recon_closed=10", "--set", "recon_received=x"), "不是数字"),  # the good one is not kept either
    ],
)
def test_bad_values_change_nothing(
    capsys: pytest.CaptureFixture[str], db: str, args: tuple[str, ...], message: str
) -> None:
    report = _new(capsys, db)
    assert run(capsys, "ledger", report, "--set", "recon_received=40", "--db", db)[0] == 0
    before = run(capsys, "ledger", report, "--json", "--db", db)[1]
    code, out, err = run(capsys, "ledger", report, *args, "--db", db)
    assert code == 1
    assert out == ""
    assert message in err
    assert "Traceback" not in err
    assert run(capsys, "ledger", report, "--json", "--db", db)[1] == before


def test_a_typed_rate_its_parts_contradict_is_kept_with_a_warning(capsys: pytest.CaptureFixture[str], db: str) -> None:
    report = _new(capsys, db)
    code, out, err = run(
        capsys,
        "ledger",
        report,
        "--set",
        "recon_corrected=29",
        "--set",
        "recon_closed=135",
        "--set",
        "recon_correction_rate=19.2",
        "--db",
        db,
    )
    assert code == 0
    assert _lines(out)["recon_correction_rate"][3] == "19.2"
    assert err == "提示：本年“直接纠错率”填的是19.2%，由“审结行政复议案件”、“直接纠错”算出的是21.48%。\n"


def test_own_indicators_and_kind(capsys: pytest.CaptureFixture[str], db: str) -> None:
    report = _new(capsys, db, "某区某局")
    lines = _lines(run(capsys, "ledger", report, "--db", db)[1])
    assert "recon_received" not in lines  # a department is not a 复议机关
    assert "recon_resp_cases" in lines
    code, out, _ = run(
        capsys,
        "ledger",
        report,
        "--add",
        "x_river_patrols=河道巡查/次",
        "--set",
        "x_river_patrols=48",
        "--kind",
        "county",
        "--db",
        db,
    )
    assert code == 0
    lines = _lines(out)
    assert lines["x_river_patrols"] == ["x_river_patrols", "河道巡查", "次", "48", ""]
    assert "recon_received" in lines
    shown = json.loads(run(capsys, "show", report, "--json", "--db", db)[1])
    assert shown["ledger"]["kind"] == "county"
    assert shown["ledger"]["custom"] == [{"key": "x_river_patrols", "name": "河道巡查", "unit": "次", "definition": ""}]


def test_roll_carries_this_year_into_last_year(capsys: pytest.CaptureFixture[str], db: str) -> None:
    report = _new(capsys, db)
    run(capsys, "ledger", report, "--set", "norm_issued=4", "--previous", "norm_issued=2", "--db", db)
    rolled = run(capsys, "roll", report, "--year", "2024", "--db", db)[1].strip()
    assert _lines(run(capsys, "ledger", rolled, "--db", db)[1])["norm_issued"][3:] == ["", "4"]


def test_unknown_report(capsys: pytest.CaptureFixture[str], db: str) -> None:
    _new(capsys, db)
    code, _, err = run(capsys, "ledger", "99", "--db", db)
    assert code == 1
    assert "没有编号为 99 的报告" in err


def test_export_ledger_table_appends_the_figures_and_refuses_json(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    report = _new(capsys, db)
    target = tmp_path / "out.html"
    code, _, err = run(capsys, "export", report, "-o", str(target), "--ledger-table", "--db", db)
    assert code != 0
    assert "数据台账中还没有填写任何数据" in err
    assert not target.exists()
    run(capsys, "ledger", report, "--set", "recon_received=35", "--previous", "recon_received=30", "--db", db)
    code, _, err = run(capsys, "export", report, "-o", str(target), "--ledger-table", "--db", db)
    assert code == 0
    page = target.read_text(encoding="utf-8")
    assert "附件：数据台账" in page
    assert "<td>收到行政复议申请</td><td>件</td><td>35</td><td>30</td><td>增长16.67%</td>" in page
    code, _, err = run(capsys, "export", report, "-o", str(tmp_path / "x.json"), "--ledger-table", "--db", db)
    assert code != 0
    assert "--ledger-table 只用于 .docx、.pdf、.html、.txt" in err
