"""The import preview dialog: the clerk fixes the recognised tree before saving."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from models.importing import import_text
from models.report import PARAGRAPH, POINT, SECTION
from ui.import_preview import ImportPreviewDialog

SOURCE = """某局关于2023年度法治政府建设情况的报告
2023年，我局依法行政。
一、工作情况
（一）加强学习。一是集中学。学了4次。二是自学。
（二）完善制度。制定办法3个。
3.误判的小标题
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
    wrong = part.children[1].children[0]  # "3.误判的小标题" nested under （二）
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
    heading = widget.findChildren(QLabel)[0].text()
    assert f"年度：{result.report.meta.year}（未识别，暂定）" in heading
    assert any("没有识别到报告年度" in widget.notes.item(i).text() for i in range(widget.notes.count()))
    found = ImportPreviewDialog(import_text(SOURCE))
    qtbot.addWidget(found)
    assert "年度：2023　" in found.findChildren(QLabel)[0].text()
