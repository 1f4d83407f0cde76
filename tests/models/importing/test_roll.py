"""Roll-forward: next year's report from last year's, with the checklist of last year's plans."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cli
from models import interchange
from models.errors import InterchangeError, NotFoundError
from models.importing import import_file, import_text
from models.importing.roll import RollForwardError, roll_forward, shift_years
from models.report import ChecklistItem
from models.store import Library
from models.store.schema import SCHEMA_VERSION
from tests.conftest import SEED_REPORT

SMALL = """某局关于2023年度法治政府建设情况的报告
2023年，我局依法行政。
一、2023年法治政府建设工作情况
（一）加强学习。一是集中学。学了4次。二是自学。
（二）完善制度。制定办法3个。
二、存在的问题
一是制度不全。二是队伍不强。
三、2024年推进法治政府建设的主要安排
（一）深化改革。推进审批。
（二）加强队伍。开展培训。
某局
2024年3月6日"""


def test_skeleton_years_and_references() -> None:
    last = import_text(SMALL).report
    last.meta.doc_number = "某发〔2024〕1号"
    last.meta.printed_on = "2024-03-07"
    new = roll_forward(last, 2024)
    assert new.meta.year == 2024
    assert new.meta.title == "某局关于2024年度法治政府建设情况的报告"
    assert (new.meta.date, new.meta.printed_on, new.meta.doc_number) == ("", "", "")
    assert (new.meta.issuer, new.meta.signature) == (last.meta.issuer, "某局")
    preamble, measures, problems, plans = new.body
    assert (preamble.text, preamble.reference) == ("", "2023年，我局依法行政。")
    assert measures.title == "2024年法治政府建设工作情况"
    assert [c.title for c in measures.children] == ["加强学习。", "完善制度。"]
    assert all(not n.text for n in new.walk())
    assert measures.children[0].children == []  # points are last year's content, kept as reference
    assert measures.children[0].reference == "一是集中学。学了4次。\n二是自学。"
    assert measures.children[1].reference == "制定办法3个。"
    assert problems.reference == "一是制度不全。\n二是队伍不强。"
    assert plans.title == "2025年推进法治政府建设的主要安排"
    assert plans.children == []
    assert plans.reference == "（一）深化改革。推进审批。\n（二）加强队伍。开展培训。"
    assert [i.text for i in new.checklist] == ["深化改革。推进审批。", "加强队伍。开展培训。"]
    assert last.meta.year == 2023
    assert last.body[2].children


def test_the_division_of_work_rolls_forward_without_its_due_date() -> None:
    last = import_text(SMALL).report
    last.body[1].children[0].unit, last.body[1].children[0].due = "执法科", "2024-01-20"
    last.body[3].unit = "办公室"
    new = roll_forward(last, 2024)
    assert [(n.title, n.unit, n.due) for n in new.walk() if n.unit] == [
        ("加强学习。", "执法科", ""),
        ("2025年推进法治政府建设的主要安排", "办公室", ""),
    ]


def test_shift_years_moves_only_the_report_years() -> None:
    assert (
        shift_years("2023年工作和2024年安排，纲要（2021—2025年）", 2023, 2024)
        == "2024年工作和2025年安排，纲要（2021—2025年）"
    )
    assert shift_years("2023年度", 2023, 2026) == "2026年度"


@pytest.mark.parametrize(("year", "message"), [(2023, "应晚于"), (2022, "应晚于"), (99, "四位年份")])
def test_bad_years_are_refused(year: int, message: str) -> None:
    with pytest.raises(RollForwardError, match=message):
        roll_forward(import_text(SMALL).report, year)


def test_plans_found_by_title_without_a_key() -> None:
    report = import_text(SMALL).report
    for node in report.body:
        node.key = ""
    assert len(roll_forward(report, 2024).checklist) == 2


def test_seed_roll_forward_checklist_holds_the_five_plans(library: Library) -> None:
    last = import_file(SEED_REPORT).report
    new = roll_forward(last, 2024)
    plans = next(n for n in last.body if n.key == "plans")
    assert len(new.checklist) == 5
    assert [i.text for i in new.checklist] == [c.title + c.text for c in plans.children]
    assert new.checklist[0].text.startswith("持续深化“放管服”改革优化营商环境。复制推广")
    new_id = library.create_report(new)
    stored = library.load_report(new_id)
    assert [i.text for i in stored.checklist] == [i.text for i in new.checklist]
    assert all(not i.done and i.note == "" for i in stored.checklist)
    assert stored.body[1].title == "2024年法治政府建设工作情况"


def test_checklist_in_library_and_interchange(library: Library) -> None:
    new = roll_forward(import_text(SMALL).report, 2024)
    report_id = library.create_report(new)
    items = library.load_checklist(report_id)
    library.update_checklist_item(items[0].id, done=True, note="已完成审批改革。")
    stored = library.load_report(report_id)
    assert (stored.checklist[0].done, stored.checklist[0].note) == (True, "已完成审批改革。")
    text = interchange.dumps(stored)
    assert json.loads(text)["checklist"][0] == {
        "text": "深化改革。推进审批。",
        "done": True,
        "note": "已完成审批改革。",
    }
    again, _ = interchange.loads(text)
    assert interchange.dumps(again) == text
    library.replace_checklist(report_id, [ChecklistItem("新任务")])
    assert [i.text for i in library.load_checklist(report_id)] == ["新任务"]
    with pytest.raises(NotFoundError):
        library.update_checklist_item(99999, done=True)


def test_interchange_without_checklist_has_no_key(template_report) -> None:
    assert "checklist" not in json.loads(interchange.dumps(template_report))


def test_interchange_rejects_a_bad_checklist(template_report) -> None:
    data = interchange.report_to_dict(template_report)
    data["checklist"] = [{"text": "x", "done": "yes"}]
    with pytest.raises(InterchangeError, match=r"checklist\[0\]\.done"):
        interchange.report_from_dict(data)


def test_checklist_goes_with_the_report_when_purged(library: Library) -> None:
    report_id = library.create_report(roll_forward(import_text(SMALL).report, 2024))
    library.trash_report(report_id)
    library.purge_report(report_id)
    assert library.conn.execute("SELECT count(*) FROM checklist").fetchone()[0] == 0
    assert library.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_cli_import_then_roll(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "last.txt"
    source.write_text(SMALL, encoding="utf-8")
    db = tmp_path / "library.db"
    assert cli.main(["--db", str(db), "import", str(source)]) == 0
    out, err = capsys.readouterr()
    old_id = int(out.strip())
    assert "编码" not in err  # UTF-8 needs no word
    assert cli.main(["--db", str(db), "roll", str(old_id), "--year", "2024"]) == 0
    out, err = capsys.readouterr()
    new_id = int(out.strip())
    assert "2 项工作打算列入落实清单" in err
    assert cli.main(["--db", str(db), "show", str(new_id), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["meta"]["year"] == 2024
    assert [i["text"] for i in shown["checklist"]] == ["深化改革。推进审批。", "加强队伍。开展培训。"]
    assert cli.main(["--db", str(db), "roll", "999", "--year", "2024"]) == 1
    assert "没有编号为 999 的报告" in capsys.readouterr().err


def test_cli_import_prints_notes_to_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "gbk.txt"
    source.write_bytes(SMALL.encode("gbk"))
    assert cli.main(["--db", str(tmp_path / "library.db"), "import", str(source)]) == 0
    out, err = capsys.readouterr()
    assert out.strip().isdigit()
    assert "提示：文本文件的编码是 GB18030/GBK" in err
