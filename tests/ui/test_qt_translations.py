"""Qt's own dialogs and key names speak Chinese once the program's translations are installed."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QLabel, QMenu

from models.paths import resource_dir
from tests.ui.conftest import WindowFactory
from ui.app import QT_CATALOGS, install_qt_translations

HAN = re.compile(r"[\u4e00-\u9fff]")
NATIVE = QKeySequence.SequenceFormat.NativeText


@pytest.fixture
def chinese_qt(qapp: QApplication) -> Iterator[None]:
    """The translations the program installs at start, removed afterwards for the other tests."""
    installed = install_qt_translations(qapp)
    assert len(installed) == 2, "qtbase_zh_CN.qm (PySide6) or resources/translations/qt_extra_zh_CN.qm is missing"
    yield
    for translator in installed:
        qapp.removeTranslator(translator)


@pytest.mark.parametrize("mode", [QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave])
def test_qt_file_dialog_labels_and_buttons_are_chinese(qtbot, chinese_qt: None, mode: QFileDialog.AcceptMode) -> None:
    dialog = QFileDialog(None, "导入", "", "Word 文档 (*.docx)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(mode)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = [
        w.text()
        for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton)
        if w.isVisible() and w.text()
    ]
    texts += [w.toolTip() for w in dialog.findChildren(QAbstractButton) if w.isVisible() and w.toolTip()]
    assert len(texts) >= 8  # 查找范围, 文件名称, 文件类型, 打开/保存, 取消 and the tool buttons' tips
    assert [t for t in texts if not HAN.search(t)] == []
    assert {"查找范围(&L)：", "文件类型(&T)："} <= set(texts)


def test_menus_show_chinese_key_names(chinese_qt: None, make_window: WindowFactory) -> None:
    window = make_window()  # built after the translations, as the program builds it
    acts = window.actions_
    assert acts.delete.shortcut().toString(NATIVE) == "删除键"  # what QMenu prints beside 删除
    assert acts.add_sibling.shortcut().toString(NATIVE) == "插入键"
    assert acts.delete.toolTip() == "删除（删除键）"
    shown = [
        a.shortcut().toString(NATIVE)
        for menu in window.menuBar().findChildren(QMenu)
        for a in menu.actions()
        if not a.shortcut().isEmpty()
    ]
    assert "Ctrl+Z" in shown
    assert "Alt+上方向" in shown
    assert [s for s in shown if re.search(r"\b(Ins|Del|Insert|Delete|Up|Down|Left|Right)\b", s)] == []


def test_texts_qtbase_translates_are_left_to_it(chinese_qt: None) -> None:
    assert QCoreApplication.translate("QFileDialog", "&Open") == "打开(&O)"
    assert QCoreApplication.translate("QShortcut", "Backspace") == "退格"
    assert QCoreApplication.translate("Actions", "删除") == "删除"  # the program's own texts pass through


def _lrelease() -> str | None:
    bundled = [Path(PySide6.__file__).parent / name for name in ("lrelease", "lrelease.exe")]
    return next((str(p) for p in bundled if p.exists()), None) or shutil.which("pyside6-lrelease")


def test_the_compiled_catalogue_matches_its_source(tmp_path: Path) -> None:
    """The .qm in resources/ is the .ts beside it, compiled (edit the .ts, then run lrelease)."""
    lrelease = _lrelease()
    if lrelease is None:
        pytest.skip("PySide6's lrelease is not installed here")
    folder = resource_dir() / "translations"
    fresh = tmp_path / "fresh.qm"
    subprocess.run([lrelease, str(folder / f"{QT_CATALOGS[1]}.ts"), "-qm", str(fresh)], check=True, capture_output=True)
    assert fresh.read_bytes() == (folder / f"{QT_CATALOGS[1]}.qm").read_bytes()
