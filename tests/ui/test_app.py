"""Start page, library lock, settings, crash dialog and program start."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from models.interchange import read_file
from models.store import Library
from ui import app as app_module
from ui.dialogs import crash
from ui.excepthook import install_excepthook
from ui.settings import AppSettings, load_settings, save_settings, settings_path
from ui.start_page import StartPage
from ui.window.main_window import MainWindow


def report_rows(page: StartPage) -> list[list[str]]:
    rows = []
    for g in range(page.lst_reports.topLevelItemCount()):
        group = page.lst_reports.topLevelItem(g)
        rows.append([group.text(0)])
        rows += [[group.child(i).text(c) for c in (0, 1, 3, 4)] for i in range(group.childCount())]
    return rows


def test_empty_library_offers_the_example(window: MainWindow) -> None:
    page = window.start_page
    assert page.stack.currentIndex() == 1
    page.btn_example.click()
    assert window.session.report.meta.issuer == "某市某区示范局"
    assert window.pages.currentIndex() == 1
    window.actions_.open.trigger()
    assert window.pages.currentIndex() == 0
    rows = report_rows(page)
    assert rows[0] == ["2024 年度"]
    assert rows[1][:2] == ["某市某区示范局关于2024年度法治政府建设情况的报告", "某市某区示范局"]
    assert int(rows[1][2]) > 2000
    assert rows[1][3] == "起草中"


def test_duplicate_trash_and_restore(window: MainWindow, shown) -> None:
    window.open_example()
    window.show_library()
    page = window.start_page
    page.btn_duplicate.click()
    assert sorted(r[0] for r in report_rows(page)[1:]) == [
        "某市某区示范局关于2024年度法治政府建设情况的报告",
        "某市某区示范局关于2024年度法治政府建设情况的报告（副本）",
    ]
    page.btn_delete.click()
    assert shown.questions
    assert len(window.session.library.list_reports()) == 1
    page.chk_trash.setChecked(True)
    assert report_rows(page)[1][3] == "在回收站"
    page.btn_restore.click()
    assert len(window.session.library.list_reports()) == 2


@pytest.fixture(autouse=True)
def hook_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """start() must install the crash hook before it builds the window; record instead of
    replacing pytest's own hook (a modal crash dialog would hang the test run)."""
    calls: list[str] = []
    monkeypatch.setattr(app_module, "install_excepthook", lambda *a: calls.append("hook"))
    real_window = app_module.MainWindow

    def window(*args):
        calls.append("window")
        return real_window(*args)

    monkeypatch.setattr(app_module, "MainWindow", window)
    return calls


def test_start_opens_the_last_report_and_remembers_geometry(qtbot, library_path: Path, hook_calls) -> None:
    started = app_module.start(["--db", str(library_path)])
    assert hook_calls == ["hook", "window"]
    assert started is not None
    _app, window = started
    qtbot.addWidget(window)
    window.open_example()
    report_id = window.session.report_id
    window.resize(700, 500)
    window.close()
    assert load_settings().last_report == report_id
    again = app_module.start(["--db", str(library_path)])
    assert again is not None
    qtbot.addWidget(again[1])
    assert again[1].session.report_id == report_id
    assert again[1].width() == 700  # the offscreen screen is 800×600
    assert len(load_settings().splitter_sizes) == 3
    again[1].close()


def test_locked_library_offers_read_only(qtbot, library_path: Path, shown) -> None:
    with Library(library_path) as holder:
        holder.create_report(read_file(app_module.resource_dir() / "examples" / "example-report.json")[0])
        shown.answer = False
        assert app_module.start(["--db", str(library_path)]) is None
        assert shown.questions[0].startswith("资料库正被计算机")
        assert "以只读方式打开" in shown.questions[0]
        shown.answer = True
        started = app_module.start(["--db", str(library_path)])
        assert started is not None
        window = started[1]
        qtbot.addWidget(window)
        assert window.session.read_only
        assert "只读" in window.windowTitle()
        window.open_report(holder.list_reports()[0].id)
        assert window.node_form.edt_body.isReadOnly()
        assert not window.actions_.delete.isEnabled()
        assert window.actions_.export.isEnabled()
        assert window.session.request_add("section", None) is None
        window.close()


def test_an_empty_library_file_is_refused_untouched(library_path: Path, shown) -> None:
    library_path.parent.mkdir(parents=True, exist_ok=True)
    library_path.write_bytes(b"")
    assert app_module.start(["--db", str(library_path)]) is None
    assert shown.errors[0].startswith("资料库文件 library.db 是空的（0 字节）")
    assert "文件未作任何改动" in shown.errors[0]
    assert "中没有备份" in shown.errors[0]
    assert library_path.read_bytes() == b""
    assert sorted(p.name for p in library_path.parent.iterdir() if p.name.startswith("library")) == ["library.db"]


def test_settings_round_trip_and_damaged_file(app_home: Path) -> None:
    settings = AppSettings(editor_font_size=16, default_edition="public")
    settings.remember_report(3)
    settings.remember_report(5)
    settings.remember_report(3)
    save_settings(settings)
    loaded = load_settings()
    assert (loaded.editor_font_size, loaded.default_edition, loaded.recent_reports) == (16, "public", [3, 5])
    settings_path().write_text("{不是 JSON", encoding="utf-8")
    assert load_settings() == AppSettings()
    settings_path().write_text('{"editor_font_size": "大", "unknown": 1}', encoding="utf-8")
    assert load_settings().editor_font_size == AppSettings().editor_font_size


def test_crash_report_and_hook(monkeypatch) -> None:
    try:
        raise ValueError("测试错误")
    except ValueError as exc:
        text = crash.crash_report(ValueError, exc, exc.__traceback__, "/tmp/nianbao.log")
    assert "年报助手" in text
    assert "PySide6" in text
    assert "ValueError: 测试错误" in text
    assert "/tmp/nianbao.log" in text
    saved: list[bool] = []
    shown: list[str] = []
    monkeypatch.setattr(crash.CrashDialog, "exec", lambda self: shown.append(self.txt_report.toPlainText()))
    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: None))
    original = sys.excepthook
    try:
        install_excepthook("/tmp/nianbao.log", lambda: saved.append(True))
        sys.excepthook(RuntimeError, RuntimeError("坏了"), None)
    finally:
        sys.excepthook = original
    assert saved == [True]
    assert "RuntimeError: 坏了" in shown[0]


@pytest.mark.parametrize("size", [9, 20])
def test_editor_font_size_setting_applies(window: MainWindow, size: int) -> None:
    window.session.settings.editor_font_size = size
    window.apply_settings()
    assert window.node_form.edt_body.font().pointSize() == size


def test_about_shows_version_and_settings_apply(window: MainWindow, shown, monkeypatch) -> None:
    from models import __version__
    from ui.dialogs.settings_dialog import SettingsDialog

    window.actions_.about.trigger()
    assert f"年报助手 {__version__}" in shown.infos[-1]
    monkeypatch.setattr(SettingsDialog, "exec", lambda self: (self.spn_font.setValue(18), 1)[1])
    window.actions_.settings.trigger()
    assert window.session.settings.editor_font_size == 18
    assert window.node_form.edt_body.font().pointSize() == 18


def test_close_makes_one_backup_a_day(make_window, library_path: Path) -> None:
    from models.paths import backup_dir

    window = make_window()
    window.open_example()
    window.close()
    backups = list(backup_dir(library_path).glob("*.db"))
    assert len(backups) == 1
    with Library(backups[0]) as copy:
        assert copy.list_reports()[0].issuer == "某市某区示范局"
    make_window().close()
    assert len(list(backup_dir(library_path).glob("*.db"))) == 1
