"""The import preview dialog: the clerk fixes the recognised tree before saving."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from models.importing import import_text
from models.report import PARAGRAPH, POINT, SECTION
from ui.import_preview import ImportPreviewDialog

SOURCE = """某局关于2023年度法治政府建设情况的报告
2023年，我局依法行政。
一、工作情况
（一）加强学习。一是集中学。学了4次。二是自学。
（二）完善制度。制定办法3个。
1.误判的小标题
二、存在的问题
一是制度不全。二是队伍不强。"""


@pytest.fixture
def dialog(qtbot):
    result = import_text(SOURCE)
    widget = ImportPreviewDialog(result, SOURCE)
    qtbot.addWidget(widget)
    return widget


def test_shows_tree_source_and_notes(dialog) -> None:
    assert dialog.tree.topLevelItemCount() == 3
    part = dialog.tree.topLevelItem(1)
    assert part.text(0) == "一、工作情况"
    assert part.child(0).text(0) == "（一）加强学习。"
    assert part.child(0).child(0).text(0) == "一是集中学。"
    assert dialog.source.toPlainText() == SOURCE
    assert dialog.notes.count() >= 1
    assert dialog.windowTitle() == "导入预览"


def test_raise_and_lower_a_node(dialog) -> None:
    part = dialog.report.body[1]
    wrong = part.children[1].children[0]  # "1.误判的小标题" nested under （二）
    dialog.select(wrong)
    dialog.raise_level()
    assert [c.title for c in part.children] == ["加强学习。", "完善制度。", "误判的小标题"]
    assert dialog.tree.topLevelItem(1).child(2).text(0) == "（三）误判的小标题"
    dialog.lower_level()
    assert part.children[1].children[-1] is wrong
    dialog.select(dialog.report.body[0])
    dialog.raise_level()
    assert "不能再升级" in dialog.status.text()


def test_merge_keeps_reading_order(dialog) -> None:
    part = dialog.report.body[1]
    second = part.children[0].children[1]  # 二是自学。
    dialog.select(second)
    dialog.merge_with_previous()
    first = part.children[0].children
    assert len(first) == 1
    assert first[0].text == "学了4次。自学。"
    dialog.select(part.children[1])  # （二） merges into the point before it in reading order
    dialog.merge_with_previous()
    assert first[0].text == "学了4次。自学。完善制度。制定办法3个。"
    assert part.children[1].title == "误判的小标题"  # its child moved up where it stood


def test_split_at_cursor_and_change_kind(dialog) -> None:
    item = dialog.report.body[1].children[1]  # （二）完善制度。制定办法3个。
    item.text = "制定办法3个。修订制度。清理文件2件。"
    dialog.select(item)
    cursor = dialog.text_edit.textCursor()
    cursor.setPosition(len("制定办法3个。"))
    dialog.text_edit.setTextCursor(cursor)
    dialog.split_at_cursor()
    siblings = dialog.report.body[1].children
    assert item.text == "制定办法3个。"
    new = siblings[2]
    assert (new.kind, new.title, new.text) == (SECTION, "修订制度。", "清理文件2件。")
    assert [c.title for c in new.children] == ["误判的小标题"]  # the children follow the words
    dialog.select(new.children[0])
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData(PARAGRAPH))
    assert (new.children[0].kind, new.children[0].text) == (PARAGRAPH, "误判的小标题")
    dialog.select(new)
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData(POINT))
    assert new.kind == SECTION
    assert "只有标题可以包含下级内容" in dialog.status.text()


def test_editing_fields_and_accepting_returns_the_report(dialog, qtbot) -> None:
    part = dialog.report.body[2]
    dialog.select(part)
    dialog.title_edit.setText("存在的不足和原因")
    dialog.title_edit.textEdited.emit("存在的不足和原因")
    assert part.title == "存在的不足和原因"
    assert dialog.tree.currentItem().text(0) == "二、存在的不足和原因"
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "导入"
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        ok.click()
    assert dialog.edited_report().body[2].title == "存在的不足和原因"


def test_the_dialog_uses_no_library() -> None:
    import ui.import_preview as module

    source = Path(module.__file__).read_text(encoding="utf-8")
    for forbidden in ("sqlite", "Library", "store"):
        assert forbidden not in source


def test_source_text_defaults_to_what_the_importer_read(qtbot, tmp_path) -> None:
    from models.importing import import_file
    from tests.models.importing.helpers import write_structured_docx

    report = import_text(SOURCE).report
    path = tmp_path / "numbered.docx"
    write_structured_docx(report, path, "numpr")
    widget = ImportPreviewDialog(import_file(path))
    qtbot.addWidget(widget)
    shown = widget.source.toPlainText()
    assert "一、工作情况" in shown  # Word's automatic number, recreated
    assert "（二）完善制度。" in shown


def test_statutory_item_of_each_part_is_shown_and_can_be_changed(dialog) -> None:
    parts = [dialog.tree.topLevelItem(i) for i in (1, 2)]
    assert [item.text(2) for item in parts] == ["举措和成效", "不足和原因"]
    dialog.tree.setCurrentItem(parts[0].child(0))
    assert not dialog.part_box.isEnabled()  # only level-1 parts serve a statutory item
    dialog.tree.setCurrentItem(parts[1])
    assert dialog.part_box.isEnabled()
    assert dialog.part_box.currentText() == "不足和原因"
    dialog.part_box.setCurrentIndex(dialog.part_box.findData("other"))
    assert dialog.report.body[2].key == "other"
    assert dialog.tree.topLevelItem(2).text(2) == "其他"
    dialog.tree.setCurrentItem(parts[0])
    assert dialog.part_box.currentText() == "举措和成效"
    assert dialog.edited_report().body[2].key == "other"


def test_year_not_found_is_shown_as_a_guess(qtbot) -> None:
    result = import_text("某局法治政府建设情况报告\n我局依法行政。\n一、工作情况\n做了。")
    widget = ImportPreviewDialog(result)
    qtbot.addWidget(widget)
    assert widget.meta_year.value() == result.report.meta.year
    assert widget.year_state.text() == "未识别，暂定，请核对"
    assert any("没有识别到报告年度" in widget.notes.item(i).text() for i in range(widget.notes.count()))
    widget.meta_year.setValue(2023)  # the clerk corrects it
    assert widget.edited_report().meta.year == 2023
    assert widget.year_state.text() == "已改为您填写的年度"
    found = ImportPreviewDialog(import_text(SOURCE))
    qtbot.addWidget(found)
    assert (found.meta_year.value(), found.year_state.text()) == (2023, "已识别")


COVER = """某卫〔2024〕3号
省委、省政府：
某省卫生健康委员会关于2023年度法治政府建设情况的报告
2023年，我委坚持依法行政，全年办理行政复议案件12件，行政机关负责人出庭应诉率100%。
一、2023年工作情况
（一）加强学习。组织学法4次。
某省卫生健康委员会
2024年3月1日"""


@pytest.fixture
def cover(qtbot):
    widget = ImportPreviewDialog(import_text(COVER))
    qtbot.addWidget(widget)
    return widget


def test_recognised_metadata_is_shown_in_editable_fields(cover) -> None:
    assert cover.meta_title.text() == "某省卫生健康委员会关于2023年度法治政府建设情况的报告"
    assert cover.meta_recipients.text() == "省委、省政府"
    assert cover.meta_number.text() == "某卫〔2024〕3号"
    assert cover.meta_date.text() == "2024-03-01"
    assert cover.meta_year.value() == 2023


def test_the_clerk_corrects_each_metadata_field(cover, qtbot) -> None:
    for edit, typed in (
        (cover.meta_title, "某省卫生健康委员会2023年度法治政府建设情况报告"),
        (cover.meta_recipients, "省人民政府"),
        (cover.meta_number, "某卫〔2024〕5号"),
    ):
        edit.setText(typed)
        edit.textEdited.emit(typed)  # as typing does (QTest cannot type Chinese)
    cover.meta_date.setText("2024年3月8日")
    cover.meta_date.editingFinished.emit()
    meta = cover.edited_report().meta
    assert (meta.title, meta.recipients, meta.doc_number, meta.date) == (
        "某省卫生健康委员会2023年度法治政府建设情况报告",
        "省人民政府",
        "某卫〔2024〕5号",
        "2024-03-08",
    )
    assert cover.meta_date.text() == "2024-03-08"


def test_a_date_typed_over_in_the_preview_replaces_the_form_the_text_had(qtbot) -> None:
    dialog = ImportPreviewDialog(
        import_text(
            "某局关于2023年度法治政府建设情况的报告\n一、工作情况\n（一）学习。学了。\n某局\n二〇二四年三月六日"
        )
    )
    qtbot.addWidget(dialog)
    assert dialog.edited_report().meta.date_typed == "二〇二四年三月六日"
    dialog.meta_date.editingFinished.emit()  # left as it was: the source's form still stands
    assert dialog.edited_report().meta.date_typed == "二〇二四年三月六日"
    dialog.meta_date.setText("2024年3月8日")
    dialog.meta_date.editingFinished.emit()
    meta = dialog.edited_report().meta
    assert (meta.date, meta.date_typed) == ("2024-03-08", "")


@pytest.mark.parametrize("typed", ["3月8日前", "2024-13-40", "明天"])
def test_a_date_that_is_not_a_date_is_refused_with_a_message(cover, typed) -> None:
    cover.meta_date.setText(typed)
    cover.meta_date.editingFinished.emit()
    assert cover.edited_report().meta.date == "2024-03-01"
    assert cover.meta_date.text() == "2024-03-01"
    assert "不是日期" in cover.status.text()


def test_an_emptied_date_is_left_empty(cover) -> None:
    cover.meta_date.setText("")
    cover.meta_date.editingFinished.emit()
    assert cover.edited_report().meta.date == ""


def test_what_was_removed_is_listed_without_the_typed_numbers(qtbot) -> None:
    source = "首页 > 政务公开\n发布时间：2024-03-06 浏览次数：12\n" + SOURCE
    widget = ImportPreviewDialog(import_text(source))
    qtbot.addWidget(widget)
    listed = [widget.removed.item(i).text() for i in range(widget.removed.count())]
    assert "首页 > 政务公开" in listed
    assert any("浏览次数" in piece for piece in listed)
    assert not {"一、", "（一）", "一是", "二是"} & set(listed)
    assert "某局关于2023年度法治政府建设情况的报告" not in listed  # shown above as the title
    assert widget.tabs.tabText(1) == f"已略去（{len(listed)}）"


def test_nothing_removed_says_so(qtbot) -> None:
    widget = ImportPreviewDialog(import_text("某局关于2023年度法治政府建设情况的报告\n我局依法行政。"))
    qtbot.addWidget(widget)
    assert [widget.removed.item(i).text() for i in range(widget.removed.count())] == ["没有略去任何文字。"]


def test_figures_are_offered_unticked_and_only_the_ticked_enter_the_ledger(cover) -> None:
    labels = [cover.figures.item(i).text() for i in range(cover.figures.count())]
    assert len(labels) == len(cover.proposals) >= 2
    assert any("12" in label for label in labels)
    assert cover.edited_report().ledger.entries == {}  # nothing ticked, nothing filled in
    first = cover.figures.item(0)
    first.setCheckState(Qt.CheckState.Checked)
    ledger = cover.edited_report().ledger
    assert {key for key in cover.report.ledger.entries if ledger.get(key) is not None} == {cover.proposals[0].key}
    assert ledger.get(cover.proposals[0].key) == cover.proposals[0].value


def test_tick_all_and_untick_all(cover) -> None:
    cover._tick_all(Qt.CheckState.Checked)
    assert cover.confirmed_figures() == cover.proposals
    cover._tick_all(Qt.CheckState.Unchecked)
    assert cover.confirmed_figures() == []


def test_no_figures_says_so(qtbot) -> None:
    widget = ImportPreviewDialog(import_text("某局关于2023年度法治政府建设情况的报告\n我局依法行政。"))
    qtbot.addWidget(widget)
    assert widget.figures.count() == 0
    assert widget.tabs.tabText(2) == "数据台账（0）"
