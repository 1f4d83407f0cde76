"""The message boxes: Chinese buttons, the right icon, 否 as the safe default of a question."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from ui.dialogs import alerts


def _labels(box: QMessageBox) -> list[str]:
    return sorted(button.text() for button in box.buttons())


def test_a_question_offers_yes_and_no_in_chinese_with_no_as_default(qtbot) -> None:
    box = alerts._box(None, "Question", "要以只读方式打开吗？", yes_no=True)
    qtbot.addWidget(box)
    assert _labels(box) == sorted(["是", "否"])
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    assert box.icon() == QMessageBox.Icon.Question
    assert box.text() == "要以只读方式打开吗？"


def test_an_error_has_one_chinese_ok_button(qtbot) -> None:
    box = alerts._box(None, "Warning", "资料库已损坏。")
    qtbot.addWidget(box)
    assert _labels(box) == ["确定"]
    assert box.icon() == QMessageBox.Icon.Warning


def test_a_question_can_name_its_two_answers(qtbot) -> None:
    box = alerts._box(
        None, "Question", "还有 2 处错误没有改正。仍然导出吗？", yes_no=True, yes="仍然导出", no="查看错误"
    )
    qtbot.addWidget(box)
    assert _labels(box) == sorted(["仍然导出", "查看错误"])
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
