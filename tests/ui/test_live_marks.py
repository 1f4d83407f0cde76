"""Live underlines in the body editor (ui/editors/finding_marks.py): red wavy for 错误, blue for 建议,
the explanation and fix on hover and right-click, the typed node re-checked at once."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QFileDialog

from models.checks import ADVICE, ERROR, Finding, Fix
from models.checks.model import Place
from tests.conftest import SEED_REPORT
from tests.ui.test_checks_controller import SCRAPED_NUMBER, WAIT_MS, run_checks_in
from ui.editors.finding_marks import ADVICE_COLOUR, ERROR_COLOUR, FindingMarks, marks_for
from ui.editors.text_edit import ProseEdit
from ui.import_preview import ImportPreviewDialog
from ui.window.main_window import MainWindow

TEXT = "𠮷全年培训4次,开展活动5场。其它工作按计划推进。"


def finding(excerpt: str, severity: str, replacement: str | None, *, node_id: int = 7, text: str = TEXT) -> Finding:
    start = text.index(excerpt)
    fix = Fix(start, start + len(excerpt), replacement) if replacement is not None else None
    return Finding("rule", severity, node_id, "text", start, start + len(excerpt), excerpt, f"说明{excerpt}", fix)


@pytest.fixture
def seed_window(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """The window with the sample report imported and open (as in test_checks_controller)."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a: (str(SEED_REPORT), "")))
    monkeypatch.setattr(ImportPreviewDialog, "exec", lambda dialog: 1)
    window.actions_.import_.trigger()
    assert window.session.report is not None
    return window


@pytest.fixture
def edit(qtbot) -> ProseEdit:
    widget = ProseEdit()
    qtbot.addWidget(widget)
    widget.setPlainText(TEXT)
    return widget


def selections(edit: ProseEdit) -> list[tuple[str, QTextCharFormat]]:
    drawn = []
    for selection in edit.extraSelections():
        drawn.append((QTextCursor(selection.cursor).selectedText(), QTextCharFormat(selection.format)))
    return drawn


def test_errors_are_red_and_advice_blue_wavy_underlines(edit: ProseEdit) -> None:
    marks = FindingMarks(edit)
    marks.show([finding(",", ERROR, "，"), finding("其它", ADVICE, "其他")], node_id=7)
    drawn = selections(edit)
    assert [text for text, _ in drawn] == [",", "其它"]  # right after 𠮷, which Qt counts as two units
    assert all(f.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline for _, f in drawn)
    assert [f.underlineColor() for _, f in drawn] == [ERROR_COLOUR, ADVICE_COLOUR]


def test_only_this_node_and_field_and_text_still_there_are_marked(edit: ProseEdit) -> None:
    marks = FindingMarks(edit)
    other_node = finding(",", ERROR, "，", node_id=8)
    moved_on = Finding("rule", ERROR, 7, "text", 1, 3, "培训", "说明", None)  # the text there is 全年 now
    title = Finding("rule", ERROR, 7, "title", 0, 1, "𠮷", "说明", None)
    marks.show([other_node, moved_on, title], node_id=7)
    assert edit.extraSelections() == []
    marks.show([finding("其它", ADVICE, "其他")], node_id=7)
    marks.clear()
    assert edit.extraSelections() == []


def test_a_grouped_finding_is_marked_at_each_place_with_that_place_fix() -> None:
    text = "培训4次,开展活动5场;完成。"
    places = tuple(
        Place("punct.ascii", 7, "text", text.index(c), text.index(c) + 1, c, Fix(text.index(c), text.index(c) + 1, w))
        for c, w in ((",", "，"), (";", "；"))
    )
    grouped = Finding(
        "punct.ascii", ERROR, 7, "text", 4, 12, text[4:12], "本段有 2 处半角标点", Fix(4, 12, "x"), places=places
    )
    marks = marks_for([grouped], 7, "text", text)
    assert [(m.start, m.replacement) for m in marks] == [(4, "，"), (11, "；")]
    assert marks[1].finding.fix == Fix(11, 12, "；")  # fixing the mark fixes that place only
    assert not marks[1].finding.places


def test_hover_text_and_context_menu_give_the_explanation_and_the_fix(qtbot, edit: ProseEdit) -> None:
    marks = FindingMarks(edit)
    marks.show([finding(",", ERROR, "，"), finding("其它", ADVICE, "其他")], node_id=7)
    cursor = QTextCursor(edit.document())
    cursor.setPosition(edit.toPlainText().index("其它") + 2)  # one past the surrogate pair of 𠮷
    mark = marks.mark_at(cursor.position())
    assert mark is not None
    assert mark.replacement == "其他"
    assert marks.describe(mark) == "【建议】说明其它\n可改为：「其他」"
    menu = marks.context_menu(mark)
    first, second = menu.actions()[:2]
    assert first.text() == "改为「其他」"
    assert second.text() == "说明其它"
    assert not second.isEnabled()
    with qtbot.waitSignal(marks.fix_requested) as blocker:
        first.trigger()
    assert blocker.args[0].excerpt == "其它"
    assert marks.mark_at(0) is None  # 𠮷 carries no mark


def test_read_only_field_offers_no_fix(edit: ProseEdit) -> None:
    marks = FindingMarks(edit)
    edit.setReadOnly(True)
    marks.show([finding("其它", ADVICE, "其他")], node_id=7)
    menu = marks.context_menu(marks.marks[0])
    assert not any(a.text().startswith("改为") for a in menu.actions())


def test_window_underlines_the_open_node_and_rechecks_it_as_the_clerk_types(qtbot, seed_window: MainWindow) -> None:
    window = seed_window
    findings = run_checks_in(qtbot, window)
    scrape = next(f for f in findings if f.excerpt == SCRAPED_NUMBER)
    window.checks.go_to(scrape.node_id, scrape.field, scrape.start, scrape.end)
    form = window.node_form
    assert any(text == SCRAPED_NUMBER for text, _ in selections(form.edt_body))
    form.edt_body.moveCursor(QTextCursor.MoveOperation.End)
    form.edt_body.insertPlainText("其它工作")  # typing: the node is re-checked before the full check runs
    assert window.checks.scheduler._timer.isActive()  # the full check is still waiting
    assert any(text == "其它" for text, _ in selections(form.edt_body))
    mark = next(m for m in form.marks.marks if m.finding.excerpt == "其它")
    form.marks.fix_requested.emit(mark.finding)
    assert window.session.report.find(scrape.node_id).text.endswith("其他工作")
    qtbot.waitUntil(lambda: not any(text == "其它" for text, _ in selections(form.edt_body)), timeout=WAIT_MS)


def test_window_underlines_the_title_sentence_too(qtbot, seed_window: MainWindow) -> None:
    window = seed_window
    findings = run_checks_in(qtbot, window)
    in_title = next(f for f in findings if f.field == "title" and f.node_id is not None and f.end > f.start)
    window.checks.go_to(in_title.node_id, "title", in_title.start, in_title.end)
    drawn = selections(window.node_form.edt_title)  # type: ignore[arg-type]
    assert in_title.excerpt in [text for text, _ in drawn]


def test_fixing_one_mark_of_a_grouped_finding_fixes_that_mark_only(qtbot, seed_window: MainWindow) -> None:
    window = seed_window
    findings = run_checks_in(qtbot, window)
    [marks_finding] = [f for f in findings if f.rule == "punct.ascii"]
    paragraph = next(p for p in marks_finding.places if p.field == "text" and len(p.places) >= 2)
    window.checks.go_to(paragraph.node_id, "text", paragraph.start, paragraph.end)
    form = window.node_form
    commas = [m for m in form.marks.marks if m.finding.excerpt == ","]
    assert len(commas) >= 2
    before = window.session.report.find(paragraph.node_id).text
    form.marks.fix_requested.emit(commas[0].finding)
    after = window.session.report.find(paragraph.node_id).text
    assert after == before[: commas[0].start] + "，" + before[commas[0].start + 1 :]
