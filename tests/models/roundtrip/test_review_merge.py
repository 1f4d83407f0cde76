"""审阅稿: the export with hidden part anchors; a leader's 修订, 批注 and plain edits come back per part."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx.oxml.ns import qn

from models.edition import Edition
from models.export import ExportOptions
from models.export.blocks import body_blocks, prune
from models.roundtrip.merge import CHANGED, apply_plan, plan_merge
from models.roundtrip.reading import read_returned
from models.roundtrip.records import HEADING, TEXT
from models.roundtrip.review import make_review
from models.roundtrip.summary import plan_lines
from models.store import Library
from tests.models.roundtrip.conftest import node_by_title, reload, state
from tests.models.roundtrip.wordlike import (
    add_paragraph_after,
    anchored_paragraph,
    delete_paragraph_mark_tracked,
    editing,
    mark_comments_resolved,
    retype,
    runs_after_anchor,
    split_run,
    tracked_delete,
    tracked_insert,
)


@pytest.fixture(params=[Edition.SUBMIT, Edition.PUBLIC])
def review(request: pytest.FixtureRequest, library: Library, report_id: int, tmp_path: Path) -> Path:
    target = tmp_path / "审阅稿.docx"
    make_review(library, report_id, target, ExportOptions(edition=request.param))
    return target


def test_an_untouched_review_changes_nothing(library: Library, report_id: int, review: Path) -> None:
    plan = plan_merge(library, report_id, review)
    assert (plan.changes, plan.problems, plan.proposals, plan.notes) == ([], [], [], [])
    assert plan.kind == "review"


def test_the_review_is_the_export_plus_anchors(library: Library, report_id: int, review: Path) -> None:
    """The anchors add no text: the file reads as the ordinary export's body."""
    report = reload(library, report_id)
    read = read_returned(review)
    body = [p for p in read.paragraphs if p]
    for block in body_blocks(prune(report)):
        assert block.text in body
    assert (
        read.areas[(node_by_title(library, report_id, "动态调整权责清单。").id, HEADING)].accepted
        == "一是动态调整权责清单。"
    )


def test_tracked_insertions_and_deletions_become_a_proposed_change(
    library: Library, report_id: int, review: Path
) -> None:
    leader_text = reload(library, report_id).body[2]
    with editing(review) as document:
        paragraph = anchored_paragraph(document, leader_text.id, TEXT)
        run = runs_after_anchor(paragraph, leader_text.id, TEXT)[0]
        _head, tail = split_run(run, len("局主要负责人主持召开专题会议"))
        middle, tail = split_run(tail, 1)  # "4"
        tracked_delete(middle)
        tracked_insert(paragraph, "6", after=middle.getparent())
        tracked_insert(paragraph, "研究法治建设。", after=tail)
    plan = plan_merge(library, report_id, review)
    [change] = plan.changes
    assert (change.node_id, change.field, change.status) == (leader_text.id, "text", CHANGED)
    assert change.theirs == "局主要负责人主持召开专题会议6次。研究法治建设。"
    assert [(c.kind, c.text, c.author) for c in change.tracked] == [
        ("del", "4", "李局长"),
        ("ins", "6", "李局长"),
        ("ins", "研究法治建设。", "李局长"),
    ]
    assert not change.untracked
    assert "其中 3 处是修订，修订人：李局长" in "\n".join(plan_lines(plan))
    apply_plan(library, plan)
    assert reload(library, report_id).body[2].text == "局主要负责人主持召开专题会议6次。研究法治建设。"


def test_edits_without_track_changes_are_found_by_comparing(library: Library, report_id: int, review: Path) -> None:
    study = node_by_title(library, report_id, "深入学习贯彻习近平法治思想")
    with editing(review) as document:
        paragraph = anchored_paragraph(document, study.id, TEXT)
        retype(paragraph, "局党委会议专题学习3次。", runs_after_anchor(paragraph, study.id, TEXT))
        add_paragraph_after(paragraph, "组织旁听庭审1次。")
    [change] = plan_merge(library, report_id, review).changes
    assert change.untracked
    assert change.theirs == "局党委会议专题学习3次。\n组织旁听庭审1次。\n举办法治培训2期，参训120人次。"


def test_a_tracked_deleted_paragraph_mark_joins_the_paragraphs(library: Library, report_id: int, review: Path) -> None:
    study = node_by_title(library, report_id, "深入学习贯彻习近平法治思想")
    with editing(review) as document:
        delete_paragraph_mark_tracked(anchored_paragraph(document, study.id, TEXT))
    [change] = plan_merge(library, report_id, review).changes
    assert change.theirs == "局党委会议专题学习习近平法治思想3次。举办法治培训2期，参训120人次。"
    assert not change.untracked


def test_a_retitled_heading_changes_the_title_without_its_number(
    library: Library, report_id: int, review: Path
) -> None:
    decisions = node_by_title(library, report_id, "动态调整权责清单。")
    with editing(review) as document:
        paragraph = anchored_paragraph(document, decisions.id, HEADING)
        retype(paragraph, "一是动态调整权力清单。", runs_after_anchor(paragraph, decisions.id, HEADING)[:1])
    plan = plan_merge(library, report_id, review)
    assert [(c.field, c.theirs, c.ours) for c in plan.changes] == [
        ("title", "动态调整权力清单。", "动态调整权责清单。")
    ]
    apply_plan(library, plan)
    assert reload(library, report_id).find(decisions.id).title == "动态调整权力清单。"


def test_comments_become_notes_on_their_part(library: Library, report_id: int, review: Path) -> None:
    leader_text = reload(library, report_id).body[2]
    with editing(review) as document:
        paragraph = anchored_paragraph(document, leader_text.id, TEXT)
        runs = [r for r in paragraph.runs if r.text]
        document.add_comment(runs, text="次数请与会议纪要核对。", author="王主任", initials="王")
    before = state(library, report_id)
    plan = plan_merge(library, report_id, review)
    assert state(library, report_id) == before
    assert [(n.node_id, n.author, n.text, n.quote, n.resolved) for n in plan.notes] == [
        (leader_text.id, "王主任", "次数请与会议纪要核对。", "局主要负责人主持召开专题会议4次。", False)
    ]
    assert plan.changes == []
    apply_plan(library, plan)
    [note] = library.notes(report_id)
    assert (note.node_id, note.quote) == (leader_text.id, "局主要负责人主持召开专题会议4次。")
    library.set_note_resolved(note.id)
    assert library.notes(report_id)[0].resolved


def test_edits_outside_the_parts_are_reported_not_merged(library: Library, report_id: int, review: Path) -> None:
    with editing(review) as document:
        title = next(p for p in document.paragraphs if p.text.startswith("重庆市某区某局关于"))
        title.add_run("（修改稿）")
    plan = plan_merge(library, report_id, review)
    assert plan.changes == []
    assert any("正文以外" in p and "（修改稿）" in p for p in plan.problems)


def test_the_review_bookmarks_are_hidden_and_short(review: Path) -> None:
    import docx

    names = [b.get(qn("w:name")) for b in docx.Document(str(review)).element.body.iter(qn("w:bookmarkStart"))]
    assert names
    assert all(name.startswith("_nb") and len(name) <= 40 for name in names)


def test_a_comment_resolved_in_word_arrives_resolved(library: Library, report_id: int, review: Path) -> None:
    leader_text = reload(library, report_id).body[2]
    with editing(review) as document:
        paragraph = anchored_paragraph(document, leader_text.id, TEXT)
        document.add_comment([r for r in paragraph.runs if r.text], text="已核对。", author="王主任")
    mark_comments_resolved(review)
    [note] = plan_merge(library, report_id, review).notes
    assert (note.text, note.resolved) == ("已核对。", True)


def test_changes_can_be_accepted_one_by_one_and_the_revision_names_the_reviewer(
    library: Library, report_id: int, review: Path
) -> None:
    leader_text = reload(library, report_id).body[2]
    study = node_by_title(library, report_id, "深入学习贯彻习近平法治思想")
    with editing(review) as document:
        tracked_insert(anchored_paragraph(document, leader_text.id, TEXT), "研究法治建设。", author="李局长")
        delete_paragraph_mark_tracked(anchored_paragraph(document, study.id, TEXT), author="李局长")
    plan = plan_merge(library, report_id, review)
    assert {c.node_id for c in plan.changes} == {leader_text.id, study.id}
    apply_plan(library, plan, only={(leader_text.id, "text")})  # 接受 one, 不接受 the other
    after = reload(library, report_id)
    assert after.find(leader_text.id).text.endswith("研究法治建设。")
    assert after.find(study.id).text == "局党委会议专题学习习近平法治思想3次。\n举办法治培训2期，参训120人次。"
    assert library.list_revisions(report_id)[0].label.startswith("合并审阅稿前自动保存（李局长，")
    assert library.sent_files(report_id)[0].merged is None  # a part was not accepted: not settled


def test_a_review_with_ledger_references_reads_back_unchanged(library: Library, tmp_path: Path) -> None:
    """The 审阅稿 prints the figure; an untouched file proposes nothing (the reference is kept)."""
    from decimal import Decimal

    from models.ledger.values import CURRENT
    from tests.models.roundtrip.conftest import filled_report

    report = filled_report()
    report.body[2].text = "全年共办理行政复议案件{{ledger:recon_resp_cases}}。"
    report.ledger.set("recon_resp_cases", CURRENT, Decimal(12))
    report_id = library.create_report(report)
    target = tmp_path / "审阅稿.docx"
    make_review(library, report_id, target, ExportOptions())
    assert "全年共办理行政复议案件12件。" in read_returned(target).paragraphs
    plan = plan_merge(library, report_id, target)
    assert (plan.changes, plan.problems) == ([], [])
    node = reload(library, report_id).body[2]
    with editing(target) as document:
        paragraph = anchored_paragraph(document, node.id, TEXT)
        retype(paragraph, "全年共办理行政复议案件12件，均已审结。", runs_after_anchor(paragraph, node.id, TEXT))
    [change] = plan_merge(library, report_id, target).changes
    assert change.status == CHANGED  # the leader's edit, not a conflict with the reference
    assert change.theirs == "全年共办理行政复议案件12件，均已审结。"


def test_merging_the_same_review_twice_stores_nothing_twice(library: Library, report_id: int, review: Path) -> None:
    leader_text = reload(library, report_id).body[2]
    with editing(review) as document:
        paragraph = anchored_paragraph(document, leader_text.id, TEXT)
        runs = [r for r in paragraph.runs if r.text]
        document.add_comment(runs, text="次数请与会议纪要核对。", author="王主任", initials="王")
        retype(paragraph, "局主要负责人主持召开专题会议6次。")
    first = plan_merge(library, report_id, review)
    assert not any("合并过" in p for p in first.problems)
    assert apply_plan(library, first) is not None
    merged = library.sent_files(report_id)[0].merged
    assert merged
    before = state(library, report_id)
    again = plan_merge(library, report_id, review)
    assert f"此文件已于 {merged[:16].replace('T', ' ')} 合并过" in "\n".join(again.problems)
    assert (again.changes, again.notes) == ([], [])
    assert apply_plan(library, again) is None
    assert state(library, report_id) == before  # no second note, no second revision
    assert "合并过" in "\n".join(plan_lines(again))


def test_a_note_stored_once_is_not_stored_again_for_the_same_file(
    library: Library, report_id: int, review: Path
) -> None:
    """Even when a plan made before the first merge is applied again (two windows, a repeated command)."""
    leader_text = reload(library, report_id).body[2]
    with editing(review) as document:
        runs = [r for r in anchored_paragraph(document, leader_text.id, TEXT).runs if r.text]
        document.add_comment(runs, text="请核对。", author="王主任", initials="王")
        document.add_comment(runs, text="请核对。", author="李局长", initials="李")
    plan = plan_merge(library, report_id, review)
    apply_plan(library, plan)
    library.apply_round_trip(report_id, [], "再次合并", plan.file.id if plan.file else None, plan.notes)
    assert sorted(n.author for n in library.notes(report_id)) == ["李局长", "王主任"]
