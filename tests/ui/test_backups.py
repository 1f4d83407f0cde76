"""文件 › 备份资料库 / 打开备份文件夹 / 从备份恢复报告…, and 关于 naming where the data lives."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from models.logs import LOG_NAME
from models.paths import backup_dir, log_dir
from models.store import Library
from models.store.backups import list_backups, open_backup
from ui.dialogs.restore_backup import RestoreBackupDialog
from ui.session import Session
from ui.settings import AppSettings
from ui.window.main_window import MainWindow

BACKED_UP = "备份时的前言。"
LATER = "备份之后改写的前言。"


def preamble(report) -> str:
    return report.body[0].text


def back_up(window: MainWindow) -> Path:
    window.actions_.backup.trigger()
    message = window.statusBar().currentMessage()
    assert message.startswith("已备份到：")
    return Path(message.removeprefix("已备份到："))


def test_backup_from_the_menu_holds_unsaved_typing(example_window: MainWindow) -> None:
    window = example_window
    window.node_form.edt_body.setPlainText(BACKED_UP)  # still pending: not yet autosaved
    target = back_up(window)
    assert target.parent == backup_dir(window.session.library.path)
    assert target.is_file()
    with open_backup(target) as backup:
        assert preamble(backup.load_report(window.session.report_id)) == BACKED_UP
    assert [b.path for b in list_backups(window.session.library.path)] == [target]


def test_manual_backup_survives_the_daily_rotation(example_window: MainWindow) -> None:
    library = example_window.session.library
    manual = back_up(example_window)
    for _ in range(11):
        library.backup()  # the automatic ones keep the newest ten
    assert manual.exists()
    assert len(list_backups(library.path)) == 11


def test_failed_backup_is_explained(example_window: MainWindow, shown) -> None:
    folder = backup_dir(example_window.session.library.path)
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.write_text("一个挡路的文件", encoding="utf-8")  # a file where the folder should be
    example_window.actions_.backup.trigger()
    assert shown.errors
    assert shown.errors[-1].startswith("备份失败：")


def test_open_backup_folder(example_window: MainWindow, monkeypatch) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    example_window.actions_.open_backups.trigger()
    folder = backup_dir(example_window.session.library.path)
    assert folder.is_dir()
    assert [Path(url.toLocalFile()) for url in opened] == [folder]


def test_about_names_library_backups_and_log(window: MainWindow, shown) -> None:
    window.actions_.about.trigger()
    text = shown.infos[-1]
    library = window.session.library.path
    for place in (str(library), str(backup_dir(library)), str(log_dir() / LOG_NAME)):
        assert place in text


def restore_through_dialog(monkeypatch: pytest.MonkeyPatch, pick) -> list[RestoreBackupDialog]:
    """Make the next restore dialog run ``pick(dialog)`` instead of waiting for the clerk."""
    seen: list[RestoreBackupDialog] = []

    def run(dialog: RestoreBackupDialog) -> int:
        seen.append(dialog)
        pick(dialog)
        return dialog.result()

    monkeypatch.setattr(RestoreBackupDialog, "exec", run)
    return seen


def test_restore_one_report_from_a_backup_as_a_new_report(example_window: MainWindow, monkeypatch) -> None:
    window = example_window
    original_id = window.session.report_id
    window.node_form.edt_body.setPlainText(BACKED_UP)
    target = back_up(window)
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    window.node_form.edt_body.setPlainText(LATER)
    window.session.flush()

    def pick(dialog: RestoreBackupDialog) -> None:
        assert dialog.lst_backups.count() == 1
        assert dialog.source == target
        assert not dialog.btn_restore.isEnabled()  # nothing ticked yet
        dialog.set_checked(original_id)
        assert dialog.btn_restore.isEnabled()
        dialog.btn_restore.click()

    seen = restore_through_dialog(monkeypatch, pick)
    window.actions_.restore_backup.trigger()
    assert len(seen) == 1
    assert len(seen[0].restored) == 1
    restored_id = seen[0].restored[0]
    library = window.session.library
    assert restored_id != original_id
    assert sorted(s.id for s in library.list_reports()) == sorted([original_id, restored_id])
    assert window.session.report_id == restored_id  # one report restored: it is opened
    assert preamble(window.session.report) == BACKED_UP
    assert preamble(library.load_report(original_id)) == LATER  # nothing overwritten
    old_ids = {n.id for n in library.load_report(original_id).walk()}
    assert not old_ids & {n.id for n in window.session.report.walk()}
    assert "已从备份恢复 1 份报告" in window.statusBar().currentMessage()
    assert hashlib.sha256(target.read_bytes()).hexdigest() == digest  # the backup is untouched
    assert not Path(f"{target}-wal").exists()


def test_restore_from_a_file_that_is_no_library(example_window: MainWindow, monkeypatch, tmp_path: Path) -> None:
    bogus = tmp_path / "not-a-library.db"
    bogus.write_text("这不是资料库", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(bogus), "")))

    def pick(dialog: RestoreBackupDialog) -> None:
        assert dialog.lst_backups.count() == 0
        assert "还没有备份" in dialog.lbl_error.text()
        dialog.btn_browse.click()
        assert dialog.lbl_error.text().startswith("无法打开这个备份：")
        assert dialog.lst_reports.count() == 0
        assert not dialog.btn_restore.isEnabled()
        dialog.reject()

    restore_through_dialog(monkeypatch, pick)
    before = example_window.session.library.list_reports()
    example_window.actions_.restore_backup.trigger()
    assert example_window.session.library.list_reports() == before


def test_restore_several_reports_shows_the_library(example_window: MainWindow, monkeypatch) -> None:
    window = example_window
    library = window.session.library
    library.duplicate_report(window.session.report_id)
    back_up(window)
    ids = [s.id for s in library.list_reports()]

    def pick(dialog: RestoreBackupDialog) -> None:
        for report_id in ids:
            dialog.set_checked(report_id)
        dialog.restore()

    restore_through_dialog(monkeypatch, pick)
    window.actions_.restore_backup.trigger()
    assert len(library.list_reports()) == 4
    assert window.session.report is None
    assert window.pages.currentIndex() == 0


def test_read_only_window_cannot_restore(qtbot, example_window: MainWindow, library_path) -> None:
    session = Session(Library(library_path, lock=False), AppSettings(), read_only=True)
    reader = MainWindow(session)
    qtbot.addWidget(reader)
    assert not reader.actions_.restore_backup.isEnabled()
    assert reader.backups.restore_reports() == []


def test_failed_backup_on_close_is_shown_with_reason_and_folder(example_window: MainWindow, shown) -> None:
    library_path = example_window.session.library.path
    folder = backup_dir(library_path)
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.write_text("一个挡路的文件", encoding="utf-8")  # a file where the folder should be
    example_window.close()
    assert not example_window.session.library.is_open  # closed as usual, nothing waits on the message
    (message,) = shown.errors
    assert "每日备份没有成功" in message
    assert "同名的文件或文件夹已存在" in message  # the system's reason, in Chinese
    assert f"备份文件夹：{folder}" in message
    assert "File exists" not in message
    folder.unlink()
    with Library(library_path) as library:
        assert library.get_setting("last_backup") is None  # tried again at the next close
        library.backup()


def test_backup_on_close_that_works_says_nothing(example_window: MainWindow, shown) -> None:
    library_path = example_window.session.library.path
    example_window.close()
    assert shown.errors == []
    assert len(list_backups(library_path)) == 1


def test_backup_folder_that_cannot_be_made_is_explained_in_chinese(example_window: MainWindow, shown) -> None:
    folder = backup_dir(example_window.session.library.path)
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.write_text("一个挡路的文件", encoding="utf-8")
    example_window.actions_.open_backups.trigger()
    assert shown.errors == [f"无法创建备份文件夹 {folder}：同名的文件或文件夹已存在"]  # not "File exists"


def test_old_backup_that_cannot_be_removed_does_not_fail_the_daily_backup(
    example_window: MainWindow, shown, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows: an antivirus holding an old copy open makes removing it fail; the new copy was made."""
    library = example_window.session.library
    older = [library.backup() for _ in range(10)]
    real_unlink = Path.unlink

    def held_open(path: Path, missing_ok: bool = False) -> None:
        if path in older:
            raise PermissionError(13, "另一个程序正在使用此文件，进程无法访问。", str(path))
        real_unlink(path, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", held_open)
    example_window.close()
    assert shown.errors == []
    assert len(list_backups(library.path)) == 11  # the oldest is left where it is, the new copy made
    monkeypatch.undo()
    with Library(library.path) as reopened:
        assert reopened.get_setting("last_backup") is not None  # not repeated at every close
