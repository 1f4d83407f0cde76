"""协作 in the window: 分工 (badge, dialog, dock), 填报文件, merging a returned file part by part
as one undo step, conflicts, bad files, the 审阅稿 and the 批注 dock."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from models.roundtrip.package import make_package
from models.roundtrip.records import GUIDANCE, TEXT
from models.store import Library
from tests.models.roundtrip.conftest import filled_report
from tests.models.roundtrip.wordlike import add_paragraph_after, anchored_paragraph, editing, retype, tracked_insert
from tests.ui.conftest import Alerts
from ui.collab.assign_dialog import AssignDialog
from ui.collab.commands import CollabCommands
from ui.collab.diff_view import DELETED, INSERTED, diff_html, readable
from ui.collab.merge_dialog import EDITED, MergeDialog
from ui.collab.package_dialog import PackageDialog
from ui.outline_model import UNIT_ROLE
from ui.window.main_window import MainWindow

NEW_STUDY = "局党委会议专题学习5次。\n举办法治培训2期，参训120人次。"  # the 科室 retyped its first paragraph


@pytest.fixture
def filled(window: MainWindow) -> MainWindow:
    window.open_report(window.session.library.create_report(filled_report()))
    assert window.session.report is not None
    return window


def texts(library: Library, report_id: int) -> dict[int, tuple[str, str]]:
    return {n.id: (n.title, n.text) for n in library.load_report(report_id).walk()}


def assign_by_dialog(monkeypatch: pytest.MonkeyPatch, window: MainWindow, unit: str, due: str) -> None:
    """The real 分工 dialog, filled in as the clerk would and accepted."""

    def fill(dialog: AssignDialog) -> int:
        dialog.cmb_unit.setEditText(unit)
        dialog.edt_due.setText(due)
        return 1

    monkeypatch.setattr(AssignDialog, "exec", fill)
    window.actions_.assign.trigger()


def test_assigning_a_part_is_an_undo_step_and_listed_in_the_dock(
    monkeypatch: pytest.MonkeyPatch, filled: MainWindow
) -> None:
    session = filled.session
    leader = session.report.body[2]
    filled.select_node(leader)
    assign_by_dialog(monkeypatch, filled, "办公室", "2025-01-20")
    assert session.library.load_report(session.report_id).find(leader.id).unit == "办公室"
    assert session.outline.index_of(leader).data(UNIT_ROLE) == "办公室"
    filled.actions_.assignments.trigger()
    panel = filled.collab.assignments_dock.panel
    assert filled.collab.assignments_dock.isVisible()
    assert panel.rows() == [("办公室", "二、" + leader.title, "2025-01-20", "未发出")]
    session.undo()
    assert session.library.load_report(session.report_id).find(leader.id).unit == ""
    assert panel.rows() == []
    session.redo()
    assert panel.rows()[0][3] == "未发出"
    assign_by_dialog(monkeypatch, filled, "", "2025-01-20")  # an empty 科室 clears it
    assert (leader.unit, leader.due) == ("", "")


def test_clicking_an_assigned_part_selects_it(filled: MainWindow) -> None:
    session = filled.session
    study = session.report.body[1].children[0]
    session.request_assign([study.id], "执法科", "")
    filled.collab.show_assignments()
    panel = filled.collab.assignments_dock.panel
    row = panel.tree.topLevelItem(0).child(0)
    panel.tree.itemClicked.emit(row, 0)
    assert filled.current_node() is study
    assert panel.rows()[0][2] == "未定"


def test_package_dialog_ticks_the_units_parts_and_writes_the_file(
    monkeypatch: pytest.MonkeyPatch, filled: MainWindow, tmp_path: Path, shown: Alerts
) -> None:
    session = filled.session
    report = session.report
    one, two = report.body[1], report.body[2]
    session.request_assign([one.id], "执法科", "2025-01-20")
    session.request_assign([two.id], "办公室", "")
    target = tmp_path / "执法科.docx"
    asked: list[Path] = []
    monkeypatch.setattr(PackageDialog, "ask_target", lambda self, default: asked.append(default) or target)
    dialog = PackageDialog(session, "执法科", filled)
    assert [p.id for p in dialog.chosen_parts()] == [one.id]
    assert asked == []
    assert "执法科" in dialog.cmb_unit.currentText()
    dialog.generate()
    assert asked[0].name == "2024年度法治政府建设报告-执法科-填报文件.docx"
    assert target.stat().st_size > 0
    assert dialog.written == target
    [record] = session.library.sent_files(report.id)
    assert record.unit == "执法科"
    filled.collab.show_assignments()
    states = {row[0]: row[3] for row in filled.collab.assignments_dock.panel.rows()}
    assert states["执法科"].startswith("已发出")
    assert states["办公室"] == "未发出"
    # the file exists: 否 keeps it untouched and records nothing
    before = target.read_bytes()
    shown.answer = False
    PackageDialog(session, "执法科", filled).generate()
    assert target.read_bytes() == before
    assert len(session.library.sent_files(report.id)) == 1
    assert "已经存在" in shown.questions[-1]
    # nothing ticked: a message, no file
    empty = PackageDialog(session, "", filled)
    assert empty.cmb_unit.currentText() == "执法科"  # without a 科室 given: the first one assigned
    empty.cmb_unit.setEditText("人事科")  # has no parts yet
    assert empty.chosen_parts() == []
    empty.generate()
    assert shown.errors == ["请至少勾选一个部分。"]


def returned_package(window: MainWindow, tmp_path: Path) -> tuple[Path, int, int]:
    """A 填报文件 for 一、 sent to 执法科; the 科室 rewrote （一）'s text and filled （三）."""
    session = window.session
    report = session.report
    study, decisions = report.body[1].children[0], report.body[1].children[2]
    session.request_assign([report.body[1].id], "执法科", "")
    path = tmp_path / "执法科.docx"
    make_package(session.library, report.id, [report.body[1]], "执法科", path)
    with editing(path) as document:
        retype(anchored_paragraph(document, study.id, TEXT), "局党委会议专题学习5次。")
        filled_in = anchored_paragraph(document, decisions.id, TEXT)
        filled_in.add_run("重大决策全部经过合法性审查。")
        add_paragraph_after(filled_in, "公开征求意见3次。")
    return path, study.id, decisions.id


def merge_with(monkeypatch: pytest.MonkeyPatch, window: MainWindow, path: Path, decide) -> list[MergeDialog]:  # type: ignore[no-untyped-def]
    """协作 › 导入填报文件或审阅稿… on ``path``; ``decide`` plays the clerk in the dialog."""
    seen: list[MergeDialog] = []

    def run(dialog: MergeDialog) -> int:
        seen.append(dialog)
        decide(dialog)
        return int(dialog.result())

    monkeypatch.setattr(CollabCommands, "ask_returned_file", lambda self: path)
    monkeypatch.setattr(MergeDialog, "exec", run)
    window.actions_.import_returned.trigger()
    return seen


def test_accepting_every_part_is_one_undo_step_after_a_labelled_version(
    monkeypatch: pytest.MonkeyPatch, filled: MainWindow, tmp_path: Path
) -> None:
    session = filled.session
    report_id = session.report_id
    path, study_id, decisions_id = returned_package(filled, tmp_path)
    before = texts(session.library, report_id)
    [dialog] = merge_with(monkeypatch, filled, path, lambda d: (d.btn_all.click(), d.btn_apply.click()))
    assert [e.title.split("】")[0] for e in dialog.entries] == ["【修改", "【修改"]
    shown_diff = dialog.pages.widget(0).findChildren(type(_browser()))[0].toHtml()
    assert "#c8f0c8" in shown_diff  # the added characters highlighted
    after = session.library.load_report(report_id)
    assert after.find(study_id).text == NEW_STUDY
    assert after.find(decisions_id).text == "重大决策全部经过合法性审查。\n公开征求意见3次。"
    assert [r.label[:16] for r in session.revisions() if r.label.startswith("合并")] == [
        "合并填报文件前自动保存（执法科，"
    ]
    assert session.library.sent_files(report_id)[0].merged  # 已交回
    filled.collab.show_assignments()
    assert filled.collab.assignments_dock.panel.rows()[0][3].startswith("已交回")
    assert session.undo_stack.undoText() == "合并填报文件（执法科）"
    session.undo()  # ONE step takes both parts back
    assert texts(session.library, report_id) == before
    session.redo()
    assert session.library.load_report(report_id).find(study_id).text == NEW_STUDY


def test_a_part_not_accepted_is_left_and_the_file_stays_out(
    monkeypatch: pytest.MonkeyPatch, filled: MainWindow, tmp_path: Path
) -> None:
    session = filled.session
    report_id = session.report_id
    path, study_id, decisions_id = returned_package(filled, tmp_path)
    study_text = session.report.find(study_id).text

    def decide(dialog: MergeDialog) -> None:
        assert all(dialog.lst.item(row).checkState() == Qt.CheckState.Checked for row in range(dialog.lst.count()))
        dialog.set_accepted(0, False)  # 不接受 （一）
        dialog.btn_apply.click()

    merge_with(monkeypatch, filled, path, decide)
    after = session.library.load_report(report_id)
    assert after.find(study_id).text == study_text
    assert after.find(decisions_id).text == "重大决策全部经过合法性审查。\n公开征求意见3次。"
    assert session.library.sent_files(report_id)[0].merged is None  # a part is still open


def test_text_typed_into_grey_guidance_is_a_proposal_ticked_by_hand(
    monkeypatch: pytest.MonkeyPatch, filled: MainWindow, tmp_path: Path
) -> None:
    session = filled.session
    path, _study, decisions_id = returned_package(filled, tmp_path)
    with editing(path) as document:
        anchored_paragraph(document, decisions_id, GUIDANCE).add_run("另：聘请法律顾问2名。")

    def decide(dialog: MergeDialog) -> None:
        row = next(i for i, e in enumerate(dialog.entries) if e.proposal)
        assert "灰色" in dialog.lbl_problems.text()
        dialog.btn_all.click()
        assert dialog.lst.item(row).checkState() == Qt.CheckState.Unchecked  # a guess: not in 全部接受
        dialog.set_accepted(row, True)
        dialog.btn_apply.click()

    merge_with(monkeypatch, filled, path, decide)
    assert session.library.load_report(session.report_id).find(decisions_id).text.endswith("另：聘请法律顾问2名。")


def test_merging_with_nothing_ticked_changes_nothing(
    monkeypatch: pytest.MonkeyPatch, filled: MainWindow, tmp_path: Path
) -> None:
    session = filled.session
    path, _study, _decisions = returned_package(filled, tmp_path)
    before = texts(session.library, session.report_id), len(session.revisions())

    def decide(dialog: MergeDialog) -> None:
        for row in range(dialog.lst.count()):
            dialog.set_accepted(row, False)
        dialog.btn_apply.click()

    merge_with(monkeypatch, filled, path, decide)
    assert (texts(session.library, session.report_id), len(session.revisions())) == before
    assert not session.undo_stack.undoText().startswith("合并")


def test_a_read_only_window_lists_but_does_not_change(library_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from models.store import Library
    from ui.session import Session
    from ui.settings import AppSettings

    with Library(library_path) as holder:
        report_id = holder.create_report(filled_report())
        holder.set_assignment(holder.load_report(report_id).body[2].id, "办公室", "")
        window = MainWindow(Session(Library(library_path, lock=False), AppSettings(), read_only=True))
        qtbot.addWidget(window)
        try:
            window.open_report(report_id)
            acts = window.actions_
            assert [a.isEnabled() for a in (acts.assignments, acts.notes)] == [True, True]
            assert not any(
                a.isEnabled() for a in (acts.assign, acts.make_package, acts.import_returned, acts.export_review)
            )
            acts.assignments.trigger()
            assert window.collab.assignments_dock.panel.rows()[0][:2] == (
                "办公室",
                "二、" + window.session.report.body[2].title,
            )
            window.collab.assign_current()  # even if reached: nothing asked, nothing written
            assert window.session.library.load_report(report_id).body[2].unit == "办公室"
        finally:
            window.close()


def test_cancel_changes_nothing(monkeypatch: pytest.MonkeyPatch, filled: MainWindow, tmp_path: Path) -> None:
    session = filled.session
    path, _study, _decisions = returned_package(filled, tmp_path)
    before = texts(session.library, session.report_id), len(session.revisions())
    merge_with(monkeypatch, filled, path, lambda d: d.btn_cancel.click())
    assert (texts(session.library, session.report_id), len(session.revisions())) == before


def test_a_conflict_shows_both_sides_and_takes_the_clerks_own_text(
    monkeypatch: pytest.MonkeyPatch, filled: MainWindow, tmp_path: Path
) -> None:
    session = filled.session
    path, study_id, _decisions = returned_package(filled, tmp_path)
    study = session.report.find(study_id)
    session.apply_changes([_Change(study_id, "text", study.text, "局党委会议专题学习4次。")], "改")

    def decide(dialog: MergeDialog) -> None:
        row = next(i for i, e in enumerate(dialog.entries) if e.conflict)
        assert dialog.lst.item(row).checkState() == Qt.CheckState.Unchecked  # ours kept until the clerk chooses
        page_text = " ".join(b.toPlainText() for b in dialog.pages.widget(row).findChildren(type(_browser())))
        assert "5" in page_text
        assert "4" in page_text
        dialog.choose(row, EDITED)
        dialog.editors[row].setPlainText("局党委会议专题学习4次，另有专题讲座1次。")
        dialog.btn_apply.click()

    merge_with(monkeypatch, filled, path, decide)
    assert (
        session.library.load_report(session.report_id).find(study_id).text == "局党委会议专题学习4次，另有专题讲座1次。"
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("损坏.docx", b"not a zip at all"),
        ("空文件.docx", b""),
        ("旧版.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504),
    ],
)
def test_a_bad_file_gets_the_chinese_message_and_changes_nothing(
    monkeypatch: pytest.MonkeyPatch, filled: MainWindow, tmp_path: Path, shown: Alerts, name: str, content: bytes
) -> None:
    session = filled.session
    bad = tmp_path / name
    bad.write_bytes(content)
    before = texts(session.library, session.report_id), len(session.revisions())
    assert merge_with(monkeypatch, filled, bad, lambda d: None) == []
    assert len(shown.errors) == 1
    assert name in shown.errors[0]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in shown.errors[0])  # said in Chinese
    assert (texts(session.library, session.report_id), len(session.revisions())) == before


def test_another_reports_file_is_refused(
    monkeypatch: pytest.MonkeyPatch, filled: MainWindow, tmp_path: Path, shown: Alerts
) -> None:
    session = filled.session
    other = session.library.create_report(filled_report())
    path = tmp_path / "别的报告.docx"
    make_package(session.library, other, [session.library.load_report(other).body[1]], "执法科", path)
    assert merge_with(monkeypatch, filled, path, lambda d: None) == []
    assert "另一份报告" in shown.errors[0]


def test_review_comes_back_with_a_tracked_change_and_a_comment_in_the_notes_dock(
    monkeypatch: pytest.MonkeyPatch, filled: MainWindow, tmp_path: Path
) -> None:
    session = filled.session
    leader = session.report.body[2]
    target = tmp_path / "审阅稿.docx"
    answer = str(target.with_suffix(""))  # .docx added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (answer, "")))
    filled.actions_.export_review.trigger()
    assert target.exists()
    assert any(r.label == "导出审阅稿前自动保存" for r in session.revisions())
    with editing(target) as document:
        paragraph = anchored_paragraph(document, leader.id, TEXT)
        tracked_insert(paragraph, "，研究法治工作", author="李局长")
        quoted = [r for r in paragraph.runs if "专题会议" in r.text]
        document.add_comment(quoted, text="请写明议题。", author="王主任", initials="王")

    def decide(dialog: MergeDialog) -> None:
        assert dialog.what == "审阅稿"
        assert dialog.lbl_notes.isVisibleTo(dialog)
        assert "王主任：请写明议题。" in dialog.lbl_notes.text()
        dialog.btn_apply.click()

    merge_with(monkeypatch, filled, target, decide)
    assert session.report.find(leader.id).text.endswith("，研究法治工作")
    assert any("李局长" in r.label for r in session.revisions())
    dock = filled.collab.notes_dock
    assert dock.isVisible()  # opened by the merge that brought 批注
    panel = dock.panel
    [(part, text, author, state)] = panel.rows()
    assert (part, author, state) == ("二、" + leader.title, "王主任", "未解决")
    assert text.endswith("请写明议题。")
    # clicking it selects the part and the quoted characters in the editor
    item = panel.tree.topLevelItem(0).child(0)
    panel.tree.setCurrentItem(item)
    panel.tree.itemClicked.emit(item, 0)
    assert filled.current_node() is session.report.find(leader.id)
    note = panel.current_note()
    assert note is not None
    assert note.quote
    assert filled.node_form.edt_body.textCursor().selectedText() == note.quote
    panel.btn_resolve.click()
    assert session.library.notes(session.report_id)[0].resolved
    assert panel.rows()[0][3] == "已解决"
    panel.chk_resolved.setChecked(False)
    assert panel.rows() == []
    panel.chk_resolved.setChecked(True)
    panel.select_note(note.id)
    panel.btn_reopen.click()
    assert not session.library.notes(session.report_id)[0].resolved


def test_diff_marks_insertions_and_deletions() -> None:
    html_text = diff_html("学习3次。\n培训", "学习5次。培训<b>")
    assert f'<span style="{DELETED}">3</span>' in html_text
    assert f'<span style="{INSERTED}">5</span>' in html_text
    assert f'<span style="{DELETED}">¶</span>' in html_text  # a removed paragraph break is visible
    assert "&lt;b&gt;" in html_text


class _Change:
    """A FieldChange (as 体检 fixes make) for editing a part through the undo stack."""

    def __init__(self, node_id: int, field: str, old: str, new: str) -> None:
        self.node_id, self.field, self.old, self.new = node_id, field, old, new


def _browser():  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QTextBrowser

    return QTextBrowser()


def test_a_rewritten_phrase_reads_as_one_change_not_interleaved_characters() -> None:
    old, new = "专题学习习近平法治思想3次。", "专题学习5次，中心组学习2次。"
    pieces = readable(old, new)
    assert "".join(t for op, t in pieces if op != "+") == old  # nothing of either side is lost
    assert "".join(t for op, t in pieces if op != "-") == new
    changes = [op for op, _ in pieces if op != "="]
    assert changes == ["-", "+"]  # one deletion, one insertion
    assert readable("第一段\n第二段", "第一段\n第二段改") == [("=", "第一段\n第二段"), ("+", "改")]


def test_a_proposal_never_overrides_keeping_the_clerks_text_in_a_conflict(
    monkeypatch: pytest.MonkeyPatch, filled: MainWindow, tmp_path: Path
) -> None:
    session = filled.session
    path, study_id, _decisions = returned_package(filled, tmp_path)
    with editing(path) as document:
        anchored_paragraph(document, study_id, GUIDANCE).add_run("另：专题讲座1次。")
    study = session.report.find(study_id)
    session.apply_changes([_Change(study_id, "text", study.text, "局党委会议专题学习4次。")], "改")

    def decide(dialog: MergeDialog) -> None:
        for row, entry in enumerate(dialog.entries):
            if entry.proposal:
                dialog.set_accepted(row, True)
        assert not any(e.accepted for e in dialog.entries if e.conflict)  # 保留年报助手中的文字
        assert all(key[0] != study_id for key in dialog.chosen())
        dialog.btn_apply.click()

    merge_with(monkeypatch, filled, path, decide)
    assert session.library.load_report(session.report_id).find(study_id).text == "局党委会议专题学习4次。"


def test_a_file_merged_before_says_so_and_a_second_merge_saves_nothing(
    monkeypatch: pytest.MonkeyPatch, filled: MainWindow, tmp_path: Path
) -> None:
    session = filled.session
    path, _study, _decisions = returned_package(filled, tmp_path)
    merge_with(monkeypatch, filled, path, lambda d: (d.btn_all.click(), d.btn_apply.click()))
    before = texts(session.library, session.report_id), len(session.revisions())

    def decide(dialog: MergeDialog) -> None:
        assert "此文件已于" in dialog.lbl_problems.text()
        assert dialog.entries == []
        assert not dialog.btn_apply.isEnabled()
        dialog.btn_apply.click()

    merge_with(monkeypatch, filled, path, decide)
    assert (texts(session.library, session.report_id), len(session.revisions())) == before


def test_accept_all_ticks_plain_changes_and_leaves_each_conflict_to_the_clerk(
    monkeypatch: pytest.MonkeyPatch, filled: MainWindow, tmp_path: Path
) -> None:
    session = filled.session
    path, study_id, decisions_id = returned_package(filled, tmp_path)
    study = session.report.find(study_id)
    session.apply_changes([_Change(study_id, "text", study.text, "局党委会议专题学习4次。")], "改")

    def decide(dialog: MergeDialog) -> None:
        dialog.btn_all.click()
        conflict = next(e for e in dialog.entries if e.conflict)
        assert conflict.choice == "ours"  # 保留年报助手中的文字 until the clerk chooses otherwise
        assert all(e.accepted for e in dialog.entries if not e.conflict and not e.proposal)
        dialog.btn_apply.click()

    merge_with(monkeypatch, filled, path, decide)
    after = session.library.load_report(session.report_id)
    assert after.find(study_id).text == "局党委会议专题学习4次。"
    assert after.find(decisions_id).text == "重大决策全部经过合法性审查。\n公开征求意见3次。"


def test_a_proposal_is_shown_against_the_text_as_the_file_showed_it(
    monkeypatch: pytest.MonkeyPatch, filled: MainWindow, tmp_path: Path
) -> None:
    """Blank lines and indents the clerk typed are no 删除 in the proposal's diff."""
    session = filled.session
    report = session.report
    study = report.body[1].children[0]
    typed = "  局党委会议专题学习5次。\n\n  举办法治培训2期。"
    session.apply_changes([_Change(study.id, "text", study.text, typed)], "改")
    path = tmp_path / "执法科.docx"
    make_package(session.library, report.id, [report.body[1]], "执法科", path)
    with editing(path) as document:
        anchored_paragraph(document, study.id, GUIDANCE).add_run("另：专题讲座1次。")

    def decide(dialog: MergeDialog) -> None:
        row = next(i for i, e in enumerate(dialog.entries) if e.proposal)
        html_text = " ".join(b.toHtml() for b in dialog.pages.widget(row).findChildren(type(_browser())))
        assert "line-through" not in html_text  # nothing shown as deleted
        assert "另：专题讲座1次。" in html_text
        dialog.btn_cancel.click()

    merge_with(monkeypatch, filled, path, decide)


def test_accepting_a_change_keeps_blank_lines_and_indents_typed_elsewhere_in_the_part(
    monkeypatch: pytest.MonkeyPatch, filled: MainWindow, tmp_path: Path
) -> None:
    session = filled.session
    report = session.report
    study = report.body[1].children[0]
    session.apply_changes([_Change(study.id, "text", study.text, "  学习5次。\n\n  举办法治培训2期。")], "改")
    path = tmp_path / "执法科.docx"
    make_package(session.library, report.id, [report.body[1]], "执法科", path)
    with editing(path) as document:
        retype(next(p for p in document.paragraphs if p.text.strip() == "举办法治培训2期。"), "举办法治培训3期。")
    merge_with(monkeypatch, filled, path, lambda d: (d.btn_all.click(), d.btn_apply.click()))
    assert session.library.load_report(report.id).find(study.id).text == "  学习5次。\n\n  举办法治培训3期。"


def test_an_existing_review_file_is_replaced_only_after_a_yes(
    monkeypatch: pytest.MonkeyPatch, filled: MainWindow, tmp_path: Path, shown: Alerts
) -> None:
    target = tmp_path / "审阅稿.docx"
    target.write_bytes(b"kept")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    shown.answer = False
    filled.actions_.export_review.trigger()
    assert shown.questions == ["「审阅稿.docx」已经存在。用新导出的审阅稿替换它吗？\n选“否”则保留原文件。"]
    assert target.read_bytes() == b"kept"
    assert all(r.label != "导出审阅稿前自动保存" for r in filled.session.revisions())
    shown.answer = True
    filled.actions_.export_review.trigger()
    assert target.read_bytes() != b"kept"
