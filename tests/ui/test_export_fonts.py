"""导出 says per element which face will print on this machine (a fake font list stands for it) and
offers 仿宋/楷体 as the default when the _GB2312 faces are missing."""

from __future__ import annotations

import pytest

from models.export import font_check
from ui.dialogs.export_dialog import ExportDialog
from ui.window.main_window import MainWindow

WINDOWS = frozenset({"SimSun", "NSimSun", "SimHei", "FangSong", "KaiTi", "Times New Roman"})


def dialog_with(monkeypatch: pytest.MonkeyPatch, window: MainWindow, fonts: frozenset[str] | None) -> ExportDialog:
    monkeypatch.setattr(font_check, "installed_families", lambda: fonts)
    return ExportDialog(window.session, window)


def test_missing_gb2312_faces_make_the_stand_ins_the_default(monkeypatch, example_window: MainWindow) -> None:
    dialog = dialog_with(monkeypatch, example_window, WINDOWS)
    assert dialog.chk_fallback.isChecked()
    assert dialog.options().fallback_fonts
    lines = dialog.lbl_fonts.text().split("\n")
    assert lines[0].startswith("✗ 标题、发文机关标志：本机没有方正小标宋简体 → 打印时换用其他字体（通常是宋体）")
    assert "✓ 正文、三级及以下标题、落款、版记：仿宋" in lines
    assert "✓ 二级标题、签发人姓名：楷体" in lines
    dialog.chk_fallback.setChecked(False)  # the clerk insists on the _GB2312 faces
    text = dialog.lbl_fonts.text()
    assert "✗ 正文、三级及以下标题、落款、版记：本机没有仿宋_GB2312" in text
    assert "可改用本机的仿宋" in text
    assert not dialog.options().fallback_fonts


def test_a_machine_with_every_face_keeps_the_standard_faces(monkeypatch, example_window: MainWindow) -> None:
    everything = WINDOWS | {"仿宋_GB2312", "楷体_GB2312", "方正小标宋简体"}
    dialog = dialog_with(monkeypatch, example_window, everything)
    assert not dialog.chk_fallback.isChecked()
    assert all(line.startswith("✓") for line in dialog.lbl_fonts.text().split("\n"))


def test_characters_the_gb2312_faces_lack_are_named(monkeypatch, example_window: MainWindow) -> None:
    window = example_window
    report = window.session.report
    window.session.edit_meta(signature="某市某区示范局（张喆）")
    everything = WINDOWS | {"仿宋_GB2312", "楷体_GB2312", "方正小标宋简体"}
    dialog = dialog_with(monkeypatch, window, everything)
    assert "有 1 个字不在 GB2312 字符集中（喆）" in dialog.lbl_fonts.text()
    assert report.meta.signature.endswith("（张喆）")


def test_fonts_that_cannot_be_listed_are_said_so(monkeypatch, example_window: MainWindow) -> None:
    dialog = dialog_with(monkeypatch, example_window, None)
    assert dialog.lbl_fonts.text() == "无法查看本机安装了哪些字体。"
    assert not dialog.chk_fallback.isChecked()
