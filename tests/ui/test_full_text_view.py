"""视图 › 全文: the report read through as the .txt export has it; a click goes to the part."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from models.export.web import BOM, build_text
from ui.window.main_window import MainWindow


def exported_paragraphs(window: MainWindow) -> list[str]:
    text = build_text(window.session.report).decode("utf-8").removeprefix(BOM)
    return [p.replace("\r\n", "\u2028") for p in text.rstrip("\r\n").split("\r\n\r\n")]


def shown_paragraphs(window: MainWindow) -> list[str]:
    document = window.full_text.text.document()
    return [document.findBlockByNumber(i).text() for i in range(document.blockCount())]


def test_the_whole_text_is_the_export_with_its_numbering(example_window: MainWindow) -> None:
    window = example_window
    window.actions_.full_text.trigger()
    view = window.full_text
    assert view.isVisible()
    assert view.text.isReadOnly()
    assert shown_paragraphs(window) == exported_paragraphs(window)
    assert any(p.startswith("一、") for p in shown_paragraphs(window))


def test_clicking_a_paragraph_shows_its_part_in_the_editor(example_window: MainWindow, qtbot) -> None:
    window = example_window
    report = window.session.report
    long_part = next(n for n in report.walk() if n.kind == "section" and n.text.strip())
    window.session.edit_node(long_part.id, text=long_part.text + "\n第二段写在这里。")
    window.actions_.full_text.trigger()
    view = window.full_text
    index = next(i for i, p in enumerate(view.paragraphs) if p.text.startswith("二、"))
    node_id = view.paragraphs[index].anchors[0][1]
    cursor = view.text.textCursor()
    cursor.setPosition(view.text.document().findBlockByNumber(index).position() + 1)
    view.text.setTextCursor(cursor)
    view.text.ensureCursorVisible()
    point = view.text.cursorRect(cursor).center() + QPoint(2, 0)
    qtbot.mouseClick(view.text.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.node_form.node is report.find(node_id)
    # A body paragraph that is not its part's first: the cursor lands where it begins.
    later = [
        (i, p)
        for i, p in enumerate(view.paragraphs)
        if p.anchors
        and p.anchors[0][1] is not None
        and p.anchors[0][2] == "text"
        and report.find(p.anchors[0][1]).text.find(p.text[:20]) > 0
    ]
    body, paragraph = later[0]
    view.go_to(body, 0)
    node = report.find(paragraph.anchors[0][1])
    assert window.node_form.node is node
    assert window.node_form.edt_body.textCursor().position() == node.text.find(paragraph.text[:20])
    view.go_to(0, 0)  # the title: 报告信息
    assert window.editors.currentIndex() == 1


def test_the_view_follows_edits_and_undo(example_window: MainWindow) -> None:
    window = example_window
    window.actions_.full_text.trigger()
    report = window.session.report
    heading = next(n for n in report.walk() if n.kind == "section")
    window.session.request_rename(heading.id, "新的一级标题")
    assert "一、新的一级标题" in shown_paragraphs(window)
    window.session.undo()
    assert shown_paragraphs(window) == exported_paragraphs(window)
    assert "一、新的一级标题" not in shown_paragraphs(window)
