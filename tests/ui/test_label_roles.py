"""Labels take their look from their role, without an application-wide style sheet."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel

from ui.label_roles import CAPTION_COLOR, HINT_COLOR, as_caption, as_hint, as_page_heading


def test_each_role_sets_its_font_colour_and_name(qtbot) -> None:
    plain = QLabel("正文")
    heading, caption, hint = as_page_heading(QLabel("报告库")), as_caption(QLabel("写作要点")), as_hint(QLabel("提示"))
    for label in (plain, heading, caption, hint):
        qtbot.addWidget(label)
    assert heading.font().bold()
    assert heading.font().pointSizeF() == 16
    assert caption.font().bold()
    assert not hint.font().bold()
    assert caption.palette().color(QPalette.ColorRole.WindowText) == QColor(CAPTION_COLOR)
    assert hint.palette().color(QPalette.ColorRole.WindowText) == QColor(HINT_COLOR)
    assert plain.palette().color(QPalette.ColorRole.WindowText) != QColor(HINT_COLOR)
    assert [label.objectName() for label in (heading, caption, hint)] == ["pageHeading", "panelCaption", "hint"]


def test_the_editor_path_line_is_a_hint(window) -> None:
    assert window.node_form.lbl_path.palette().color(QPalette.ColorRole.WindowText) == QColor(HINT_COLOR)
