"""填报文件: made for a 科室, edited as Word would, merged back exactly; conflicts and stray text reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.roundtrip.merge import CHANGED, CONFLICT, OURS, THEIRS, MergeError, apply_plan, plan_merge
from models.roundtrip.package import make_package
from models.roundtrip.parts import PartError, find_part
from models.roundtrip.reading import read_returned
from models.roundtrip.records import GUIDANCE, TEXT
from models.roundtrip.summary import assignment_lines, plan_lines
from models.store import Library
from tests.models.roundtrip.conftest import node_by_title, reload, state
from tests.models.roundtrip.wordlike import (
    add_paragraph_after,
    anchored_paragraph,
    editing,
    remove_our_bookmarks,
    retype,
    type_into_empty,
)


def package(library: Library, report_id: int, tmp_path: Path, *positions: str, unit: str = "执法科") -> Path:
    report = reload(library, report_id)
    target = tmp_path / f"{unit}.docx"
    make_package(library, report_id, [find_part(report, p) for p in positions], unit, target, due="2025-01-20")
    return target


def test_parts_by_outline_position(library: Library, report_id: int) -> None:
    report = reload(library, report_id)
    assert find_part(report, "1").title.startswith("2024年推进法治政府建设")
    assert find_part(report, "1.3").title == "严格依法决策"
    assert find_part(report, "2").text.startswith("局主要负责人")
    with pytest.raises(PartError, match="“1”下没有第 99 个部分"):
        find_part(report, "1.99")
    with pytest.raises(PartError, match="不是部分的位置"):
        find_part(report, "二")


def test_the_package_holds_headings_guidance_last_year_and_text(
    library: Library, report_id: int, tmp_path: Path
) -> None:
    node = node_by_title(library, report_id, "深入学习贯彻习近平法治思想")
    node.reference = "2023年学习4次。"
    library.conn.execute("UPDATE nodes SET reference = ? WHERE id = ?", (node.reference, node.id))
    read = read_returned(package(library, report_id, tmp_path, "1.1", "2"))
    assert (
        read.areas[(node.id, TEXT)].accepted == "局党委会议专题学习习近平法治思想3次。\n举办法治培训2期，参训120人次。"
    )
    guidance = read.areas[(node.id, GUIDANCE)].accepted
    assert guidance.startswith("写作要点：")
    assert "去年的内容（供参考）：2023年学习4次。" in guidance
    assert read.areas[(node.id, "h")].accepted == "一、（一）深入学习贯彻习近平法治思想（标题，请勿修改）"
    assert "请于 2025-01-20 前交回" in read.areas[(0, "i")].accepted
    record = library.sent_files(report_id)[0]
    assert record.unit == "执法科"
    assert record.merged is None
    assert {a.node_id for a in record.areas} == {0, node.id, find_part(reload(library, report_id), "2").id}


def test_an_untouched_package_changes_nothing(library: Library, report_id: int, tmp_path: Path) -> None:
    path = package(library, report_id, tmp_path, "1.1", "1.2", "1.3", "2")
    plan = plan_merge(library, report_id, path)
    assert (plan.changes, plan.problems, plan.proposals, plan.notes) == ([], [], [], [])


def test_filled_package_merges_exactly_after_a_labelled_revision(
    library: Library, report_id: int, tmp_path: Path
) -> None:
    path = package(library, report_id, tmp_path, "1.1", "1.3", "2")
    study = node_by_title(library, report_id, "深入学习贯彻习近平法治思想")
    decisions = node_by_title(library, report_id, "严格依法决策")
    with editing(path) as document:
        first = anchored_paragraph(document, study.id, TEXT)
        retype(first, "局党委会议专题学习习近平法治思想5次。")  # a paragraph rewritten
        last = first._p.getnext()
        from docx.text.paragraph import Paragraph

        add_paragraph_after(Paragraph(last, first._parent), "开展旁听庭审1次。")  # a paragraph added at the end
        empty = anchored_paragraph(document, decisions.id, TEXT)
        type_into_empty(empty, "重大行政决策事项3件，均经合法性审查。")  # an empty part filled
        add_paragraph_after(empty, "聘请法律顾问2名。")
    before = state(library, report_id)
    plan = plan_merge(library, report_id, path)
    assert state(library, report_id) == before  # a preview changes nothing
    assert [(c.node_id, c.field, c.status) for c in plan.changes] == [
        (study.id, "text", CHANGED),
        (decisions.id, "text", CHANGED),
    ]
    lines = "\n".join(plan_lines(plan))
    assert "改：局党委会议专题学习习近平法治思想〔删：3〕〔增：5〕次。" in lines
    assert "增：开展旁听庭审1次。" in lines
    revision = apply_plan(library, plan)
    after = reload(library, report_id)
    assert after.find(study.id).text == (
        "局党委会议专题学习习近平法治思想5次。\n举办法治培训2期，参训120人次。\n开展旁听庭审1次。"
    )
    assert after.find(decisions.id).text == "重大行政决策事项3件，均经合法性审查。\n聘请法律顾问2名。"
    label = library.list_revisions(report_id)[0].label
    assert label.startswith("合并填报文件前自动保存（执法科，")
    assert library.list_revisions(report_id)[0].id == revision
    assert library.load_revision(revision).find(study.id).text.startswith("局党委会议专题学习习近平法治思想3次。")
    assert library.sent_files(report_id)[0].merged is not None
    # merged twice: nothing left to do
    assert plan_merge(library, report_id, path).changes == []


def test_a_part_changed_since_is_a_conflict_never_overwritten(library: Library, report_id: int, tmp_path: Path) -> None:
    path = package(library, report_id, tmp_path, "2")
    leader = find_part(reload(library, report_id), "2")
    with editing(path) as document:
        retype(anchored_paragraph(document, leader.id, TEXT), "局主要负责人主持召开专题会议6次。")
    library.update_node(leader.id, text="局主要负责人主持召开专题会议5次，听取汇报2次。")
    plan = plan_merge(library, report_id, path)
    assert [(c.status, c.base, c.theirs, c.ours) for c in plan.changes] == [
        (
            CONFLICT,
            "局主要负责人主持召开专题会议4次。",
            "局主要负责人主持召开专题会议6次。",
            "局主要负责人主持召开专题会议5次，听取汇报2次。",
        )
    ]
    assert "【冲突】二、党政主要负责人" in "\n".join(plan_lines(plan))
    apply_plan(library, plan)  # the default skips it
    assert reload(library, report_id).find(leader.id).text == "局主要负责人主持召开专题会议5次，听取汇报2次。"
    assert library.sent_files(report_id)[0].merged is None  # not returned while a conflict is open
    apply_plan(library, plan, OURS)
    assert reload(library, report_id).find(leader.id).text == "局主要负责人主持召开专题会议5次，听取汇报2次。"
    apply_plan(library, plan, THEIRS)
    assert reload(library, report_id).find(leader.id).text == "局主要负责人主持召开专题会议6次。"


def test_text_typed_into_guidance_is_reported_and_proposed(library: Library, report_id: int, tmp_path: Path) -> None:
    path = package(library, report_id, tmp_path, "1.3")
    decisions = node_by_title(library, report_id, "严格依法决策")
    with editing(path) as document:
        guidance = anchored_paragraph(document, decisions.id, GUIDANCE)
        guidance.add_run("全年审查决策事项7件。")
    plan = plan_merge(library, report_id, path)
    assert plan.changes == []
    assert any("灰色的写作要点被改动了" in p and "全年审查决策事项7件。" in p for p in plan.problems)
    assert [(p.node_id, p.text) for p in plan.proposals] == [(decisions.id, "全年审查决策事项7件。")]
    before = state(library, report_id)
    assert apply_plan(library, plan) is None
    assert state(library, report_id) == before
    apply_plan(library, plan, proposals=True)
    assert reload(library, report_id).find(decisions.id).text == "全年审查决策事项7件。"


def test_anchors_deleted_get_a_message_and_a_proposal_by_heading(
    library: Library, report_id: int, tmp_path: Path
) -> None:
    path = package(library, report_id, tmp_path, "1.1", "2")
    study = node_by_title(library, report_id, "深入学习贯彻习近平法治思想")
    with editing(path) as document:
        retype(anchored_paragraph(document, study.id, TEXT), "学习7次。")
        assert remove_our_bookmarks(document) > 0
    before = state(library, report_id)
    plan = plan_merge(library, report_id, path)
    assert plan.changes == []
    assert "没有找到年报助手的隐藏标记" in plan.problems[0]
    assert (study.id, "学习7次。\n举办法治培训2期，参训120人次。") in [(p.node_id, p.text) for p in plan.proposals]
    assert apply_plan(library, plan) is None
    assert state(library, report_id) == before


def test_one_part_lost_its_anchors_the_rest_merge(library: Library, report_id: int, tmp_path: Path) -> None:
    path = package(library, report_id, tmp_path, "1.1", "1.3")
    study = node_by_title(library, report_id, "深入学习贯彻习近平法治思想")
    decisions = node_by_title(library, report_id, "严格依法决策")
    with editing(path) as document:
        retype(anchored_paragraph(document, study.id, TEXT), "学习7次。")
        type_into_empty(anchored_paragraph(document, decisions.id, TEXT), "审查决策3件。")
        remove_our_bookmarks(document, decisions.id)
    plan = plan_merge(library, report_id, path)
    assert [(c.node_id, c.theirs) for c in plan.changes] == [(study.id, "学习7次。\n举办法治培训2期，参训120人次。")]
    assert any("隐藏标记被删除了" in p for p in plan.problems)
    assert [(p.node_id, p.text) for p in plan.proposals] == [(decisions.id, "审查决策3件。")]


def test_another_reports_package_is_refused(library: Library, report_id: int, tmp_path: Path) -> None:
    path = package(library, report_id, tmp_path, "2")
    other = library.duplicate_report(report_id)
    before = state(library, other)
    with pytest.raises(MergeError, match=f"是为另一份报告（编号 {report_id}.*）生成的.*没有作任何改动"):
        plan_merge(library, other, path)
    assert state(library, other) == before


def test_a_merge_without_the_record_judges_by_the_anchor_hash(library: Library, report_id: int, tmp_path: Path) -> None:
    path = package(library, report_id, tmp_path, "1.1", "2")
    study = node_by_title(library, report_id, "深入学习贯彻习近平法治思想")
    leader = find_part(reload(library, report_id), "2")
    with editing(path) as document:
        retype(anchored_paragraph(document, study.id, TEXT), "学习7次。")
        retype(anchored_paragraph(document, leader.id, TEXT), "召开会议9次。")
    library.update_node(leader.id, text="召开会议8次。")
    library.conn.execute("DELETE FROM roundtrip_files")  # as after restoring an older backup
    plan = plan_merge(library, report_id, path)
    assert any("没有这个文件的生成记录" in p for p in plan.problems)
    assert [(c.node_id, c.status) for c in plan.changes] == [(study.id, CHANGED), (leader.id, CONFLICT)]


def test_assignments_show_sent_and_returned(library: Library, report_id: int, tmp_path: Path) -> None:
    report = reload(library, report_id)
    library.set_assignment(find_part(report, "1.1").id, "执法科", "2025-01-20")
    library.set_assignment(find_part(report, "2").id, "办公室")
    lines = assignment_lines(reload(library, report_id), library.sent_files(report_id))
    assert [line.split("\t")[2:] for line in lines] == [
        ["执法科", "2025-01-20 前", "未发出"],
        ["办公室", "未定期限", "未发出"],
    ]
    path = package(library, report_id, tmp_path, "1.1")
    assert "已发出" in assignment_lines(reload(library, report_id), library.sent_files(report_id))[0]
    with editing(path) as document:
        retype(anchored_paragraph(document, find_part(report, "1.1").id, TEXT), "学习7次。")
    apply_plan(library, plan_merge(library, report_id, path))
    assert "已交回" in assignment_lines(reload(library, report_id), library.sent_files(report_id))[0]


def test_a_text_area_whose_bookmark_went_with_its_text_still_merges(
    library: Library, report_id: int, tmp_path: Path
) -> None:
    """Word deletes a bookmark whose whole range is typed over; the part's text still follows its guidance."""
    path = package(library, report_id, tmp_path, "2")
    leader = find_part(reload(library, report_id), "2")
    with editing(path) as document:
        retype(anchored_paragraph(document, leader.id, TEXT), "主持召开专题会议7次。")
        assert remove_our_bookmarks(document, leader.id, TEXT) == 1
    plan = plan_merge(library, report_id, path)
    assert [(c.node_id, c.status, c.theirs) for c in plan.changes] == [(leader.id, CHANGED, "主持召开专题会议7次。")]
    assert plan.problems == []


def test_a_package_shows_ledger_figures_and_an_untouched_one_keeps_the_reference(
    library: Library, tmp_path: Path
) -> None:
    from decimal import Decimal

    from models.ledger.values import CURRENT
    from tests.models.roundtrip.conftest import filled_report

    report = filled_report()
    report.body[2].text = "全年共办理行政复议案件{{ledger:recon_resp_cases}}。"
    report.ledger.set("recon_resp_cases", CURRENT, Decimal(12))
    report_id = library.create_report(report)
    node = reload(library, report_id).body[2]
    read = read_returned(package(library, report_id, tmp_path, "2"))
    assert read.areas[(node.id, TEXT)].accepted == "全年共办理行政复议案件12件。"
    plan = plan_merge(library, report_id, tmp_path / "执法科.docx")
    assert (plan.changes, plan.problems) == ([], [])
    assert reload(library, report_id).body[2].text == "全年共办理行政复议案件{{ledger:recon_resp_cases}}。"


def test_a_proposal_never_overrides_the_choice_made_for_a_conflict(
    library: Library, report_id: int, tmp_path: Path
) -> None:
    """--ours --proposals: the 科室 retyped the text AND typed into the grey 写作要点 of a part the
    clerk changed since: the clerk's text stays; the extra words are left to the clerk, not applied."""
    path = package(library, report_id, tmp_path, "2")
    leader = find_part(reload(library, report_id), "2")
    with editing(path) as document:
        retype(anchored_paragraph(document, leader.id, TEXT), "局主要负责人主持召开专题会议6次。")
        anchored_paragraph(document, leader.id, GUIDANCE).add_run("另：听取汇报3次。")
    library.update_node(leader.id, text="局主要负责人主持召开专题会议5次，听取汇报2次。")
    plan = plan_merge(library, report_id, path)
    assert [c.status for c in plan.changes] == [CONFLICT]
    assert plan.to_apply(OURS, proposals=True) == []
    apply_plan(library, plan, OURS, proposals=True)
    assert reload(library, report_id).find(leader.id).text == "局主要负责人主持召开专题会议5次，听取汇报2次。"
    assert any("另：听取汇报3次。" in p and "冲突" in p for p in plan.problems)
    apply_plan(library, plan, THEIRS, proposals=True)  # the file's text, without the grey extra guessed in
    assert reload(library, report_id).find(leader.id).text == "局主要负责人主持召开专题会议6次。"


def test_an_accepted_change_keeps_the_clerks_blank_lines_indents_and_live_references(
    library: Library, tmp_path: Path
) -> None:
    from decimal import Decimal

    from models.ledger.values import CURRENT
    from tests.models.roundtrip.conftest import filled_report

    report = filled_report()
    typed = "  全年共办理行政复议案件{{ledger:recon_resp_cases}}。\n\n  另有听证1次。\n\n  完善制度2项。"
    report.body[2].text = typed
    report.ledger.set("recon_resp_cases", CURRENT, Decimal(12))
    report_id = library.create_report(report)
    node = reload(library, report_id).body[2]
    path = package(library, report_id, tmp_path, "2")
    with editing(path) as document:
        second = next(p for p in document.paragraphs if p.text.strip() == "另有听证1次。")
        retype(second, "另有听证2次，旁听庭审1次。")
    plan = plan_merge(library, report_id, path)
    [change] = plan.changes
    assert change.theirs == "全年共办理行政复议案件12件。\n另有听证2次，旁听庭审1次。\n完善制度2项。"
    apply_plan(library, plan)
    assert reload(library, report_id).find(node.id).text == (
        "  全年共办理行政复议案件{{ledger:recon_resp_cases}}。\n\n  另有听证2次，旁听庭审1次。\n\n  完善制度2项。"
    )


def test_a_figure_edited_in_the_file_replaces_its_reference_and_nothing_else(library: Library, tmp_path: Path) -> None:
    from decimal import Decimal

    from models.ledger.values import CURRENT
    from tests.models.roundtrip.conftest import filled_report

    report = filled_report()
    report.body[
        2
    ].text = "全年办理复议案件{{ledger:recon_resp_cases}}，其中{{ledger:recon_resp_cases:previous}}为上年。"
    report.ledger.set("recon_resp_cases", CURRENT, Decimal(12))
    report_id = library.create_report(report)
    node = reload(library, report_id).body[2]
    path = package(library, report_id, tmp_path, "2")
    shown = read_returned(path).areas[(node.id, TEXT)].accepted
    with editing(path) as document:
        retype(anchored_paragraph(document, node.id, TEXT), shown.replace("12件", "15件"))
    apply_plan(library, plan_merge(library, report_id, path))
    assert reload(library, report_id).find(node.id).text == (
        "全年办理复议案件15件，其中{{ledger:recon_resp_cases:previous}}为上年。"
    )
