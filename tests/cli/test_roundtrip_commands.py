"""assign, package, merge, notes and export --review, through cli.main."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.roundtrip.parts import find_part
from models.store import Library
from tests.cli.helpers import run
from tests.models.roundtrip.conftest import filled_report
from tests.models.roundtrip.wordlike import anchored_paragraph, editing, retype, runs_after_anchor


@pytest.fixture
def db(tmp_path: Path) -> tuple[str, int]:
    path = tmp_path / "library.db"
    with Library(path) as library:
        report_id = library.create_report(filled_report())
    return str(path), report_id


def _node_id(db: str, report_id: int, position: str) -> int:
    with Library(db) as library:
        return find_part(library.load_report(report_id), position).id


def test_assign_then_package_by_unit_then_merge(db, tmp_path, capsys) -> None:
    path, report_id = db
    rid = str(report_id)
    assert run(capsys, "--db", path, "assign", rid)[1].startswith("这份报告还没有分工")
    code, out, _ = run(
        capsys, "--db", path, "assign", rid, "--part", "1.1", "--part", "2", "--unit", "执法科", "--due", "2025-01-20"
    )
    assert (code, out.strip()) == (
        0,
        "2 个部分已分给执法科：深入学习贯彻习近平法治思想、党政主要负责人履行推进法治建设第一责任人职责情况",
    )
    target = tmp_path / "执法科.docx"
    assert run(capsys, "--db", path, "package", rid, "--unit", "执法科", "-o", str(target))[:2] == (0, f"{target}\n")
    assert "已发出" in run(capsys, "--db", path, "assign", rid)[1]
    leader = _node_id(path, report_id, "2")
    with editing(target) as document:
        retype(anchored_paragraph(document, leader, "t"), "局主要负责人主持召开专题会议6次。")
    code, out, err = run(capsys, "--db", path, "merge", rid, str(target))
    assert code == 0
    assert "改：局主要负责人主持召开专题会议〔删：4〕〔增：6〕次。" in out
    assert "报告没有任何改动" in err
    code, out, err = run(capsys, "--db", path, "merge", rid, str(target), "--accept")
    assert code == 0
    assert "已合并 1 处修改、0 条批注；合并前的报告已保存为历史版本" in err
    with Library(path) as library:
        assert library.load_report(report_id).find(leader).text == "局主要负责人主持召开专题会议6次。"
    assert "已交回" in run(capsys, "--db", path, "assign", rid)[1].split("\n")[1]


def test_merge_conflicts_are_skipped_unless_chosen(db, tmp_path, capsys) -> None:
    path, report_id = db
    rid = str(report_id)
    target = tmp_path / "p.docx"
    run(capsys, "--db", path, "package", rid, "--part", "2", "--unit", "办公室", "-o", str(target))
    leader = _node_id(path, report_id, "2")
    with editing(target) as document:
        retype(anchored_paragraph(document, leader, "t"), "文件里的文字。")
    with Library(path) as library:
        library.update_node(leader, text="库里的文字。")
    _code, out, err = run(capsys, "--db", path, "merge", rid, str(target), "--accept")
    assert "【冲突】" in out
    assert "有 1 处冲突没有合并" in err
    assert run(capsys, "--db", path, "merge", rid, str(target), "--theirs")[2].startswith("错误：命令行参数有误")
    assert run(capsys, "--db", path, "merge", rid, str(target), "--accept", "--theirs", "--ours")[0] == 1
    run(capsys, "--db", path, "merge", rid, str(target), "--accept", "--theirs")
    with Library(path) as library:
        assert library.load_report(report_id).find(leader).text == "文件里的文字。"


def test_review_export_comments_and_notes(db, tmp_path, capsys) -> None:
    path, report_id = db
    rid = str(report_id)
    target = tmp_path / "审阅稿.docx"
    assert run(capsys, "--db", path, "export", rid, "-o", str(target), "--review")[0] == 0
    leader = _node_id(path, report_id, "2")
    with editing(target) as document:
        paragraph = anchored_paragraph(document, leader, "t")
        runs = [r for r in paragraph.runs if r._r in runs_after_anchor(paragraph, leader, "t")]
        document.add_comment(runs, text="请补充会议主题。", author="王主任")
    _code, out, _ = run(capsys, "--db", path, "merge", rid, str(target), "--accept")
    assert "【批注】王主任（针对“局主要负责人主持召开专题会议4次。”）：请补充会议主题。" in out
    _code, out, _ = run(capsys, "--db", path, "notes", rid)
    note_id, status, where, author, _quote, text = out.strip().split("\t")
    assert (status, where, author, text) == (
        "未解决",
        "二、党政主要负责人履行推进法治建设第一责任人职责情况",
        "王主任",
        "请补充会议主题。",
    )
    assert run(capsys, "--db", path, "notes", rid, "--resolve", note_id)[1].startswith(f"批注 {note_id} 已标为已解决")
    assert "已解决" in run(capsys, "--db", path, "notes", rid)[1]
    assert "没有编号为 999 的批注" in run(capsys, "--db", path, "notes", rid, "--resolve", "999")[2]


def test_round_trip_usage_errors_are_chinese(db, tmp_path, capsys) -> None:
    path, report_id = db
    rid = str(report_id)
    cases = [
        (["package", rid, "-o", str(tmp_path / "x.docx")], "请用 --part 写明部分"),
        (["package", rid, "--part", "9", "-o", str(tmp_path / "x.docx")], "报告中没有第 9 个部分"),
        (["package", rid, "--unit", "审批科", "-o", str(tmp_path / "x.docx")], "没有分给“审批科”的部分"),
        (["package", rid, "--part", "1", "-o", str(tmp_path / "x.pdf")], "填报文件只能生成 .docx 文件"),
        (["export", rid, "-o", str(tmp_path / "x.txt"), "--review"], "审阅稿只能导出为 .docx 文件"),
        (["assign", rid, "--part", "1"], "请用 --unit 写明科室"),
        (["merge", rid, str(tmp_path / "无.docx")], "无法读取文件 无.docx"),
    ]
    for args, message in cases:
        code, _, err = run(capsys, "--db", path, *args)
        assert (code, message in err, err.startswith("错误：")) == (1, True, True), (args, err)


def test_merging_a_review_twice_says_so_and_changes_nothing(db, tmp_path, capsys) -> None:
    path, report_id = db
    rid = str(report_id)
    target = tmp_path / "审阅稿.docx"
    run(capsys, "--db", path, "export", rid, "-o", str(target), "--review")
    leader = _node_id(path, report_id, "2")
    with editing(target) as document:
        paragraph = anchored_paragraph(document, leader, "t")
        runs = [r for r in paragraph.runs if r._r in runs_after_anchor(paragraph, leader, "t")]
        document.add_comment(runs, text="请补充会议主题。", author="王主任")
    run(capsys, "--db", path, "merge", rid, str(target), "--accept")
    with Library(path) as library:
        revisions = len(library.list_revisions(report_id))
    code, out, err = run(capsys, "--db", path, "merge", rid, str(target), "--accept")
    assert code == 0
    assert "【提示】此文件已于" in out
    assert "没有需要合并的修改，报告没有改动。" in err
    with Library(path) as library:
        assert len(library.notes(report_id)) == 1
        assert len(library.list_revisions(report_id)) == revisions


def test_merge_ours_with_proposals_keeps_the_clerks_text(db, tmp_path, capsys) -> None:
    path, report_id = db
    rid = str(report_id)
    target = tmp_path / "p.docx"
    run(capsys, "--db", path, "package", rid, "--part", "2", "--unit", "办公室", "-o", str(target))
    leader = _node_id(path, report_id, "2")
    with editing(target) as document:
        retype(anchored_paragraph(document, leader, "t"), "文件里的文字。")
        anchored_paragraph(document, leader, "g").add_run("写在要点里的文字。")
    with Library(path) as library:
        library.update_node(leader, text="库里的文字。")
    _code, out, _err = run(capsys, "--db", path, "merge", rid, str(target), "--accept", "--ours", "--proposals")
    assert "写在要点里的文字。" in out  # reported for the clerk to add by hand
    with Library(path) as library:
        assert library.load_report(report_id).find(leader).text == "库里的文字。"
