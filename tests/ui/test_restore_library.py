"""从备份恢复整个资料库: in the running program, and at start when the library cannot be opened."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.errors import LibraryLockedError
from models.paths import backup_dir
from models.report import SECTION, Node, Report, ReportMeta
from models.store import Library
from models.store.backups import list_backups, restore_backup
from tests.models.store.files import digest
from tests.models.store.test_restore import crashed_library
from ui import app as app_module
from ui import library_open
from ui import session as session_module
from ui.dialogs import restore_library
from ui.dialogs.restore_library import RestoreLibraryDialog
from ui.window.main_window import MainWindow


def add_report(library: Library, issuer: str) -> int:
    return library.create_report(Report(ReportMeta(year=2024, issuer=issuer), [Node(SECTION, "一、主要举措", "内容")]))


def issuers(library: Library) -> list[str]:
    return sorted(s.issuer for s in library.list_reports(include_trashed=True))


@pytest.fixture
def clerk_picks_first(monkeypatch: pytest.MonkeyPatch) -> list[RestoreLibraryDialog]:
    """The dialog as the clerk uses it: the newest whole backup (selected when shown), 恢复, confirmed."""
    shown: list[RestoreLibraryDialog] = []

    def run(dialog: RestoreLibraryDialog) -> int:
        shown.append(dialog)
        dialog.btn_restore.click()
        return dialog.result()

    monkeypatch.setattr(RestoreLibraryDialog, "exec", run)
    return shown


def library_with_backup(path: Path) -> Path:
    """甲 in the backup, 乙 written after it; returns the backup."""
    with Library(path) as library:
        add_report(library, "甲")
        backup = library.backup()
        add_report(library, "乙")
    return backup


def damage(path: Path, how: str) -> None:
    if how == "empty":
        path.write_bytes(b"")
    elif how == "foreign":
        path.write_text("这不是资料库" * 200, encoding="utf-8")
    else:  # the first page's table of contents overwritten: SQLite calls it malformed
        with path.open("r+b") as handle:
            handle.seek(100)
            handle.write(b"\xff" * 3000)


@pytest.mark.parametrize("how", ["empty", "foreign", "damaged"])
def test_unopenable_library_at_start_offers_restore(
    qtbot, library_path: Path, shown, clerk_picks_first, how: str
) -> None:
    backup = library_with_backup(library_path)
    damage(library_path, how)
    damaged = digest(library_path)
    started = app_module.start(["--db", str(library_path)])
    assert started is not None
    window = started[1]
    qtbot.addWidget(window)
    offer, confirm = shown.questions
    assert "要现在从备份恢复整个资料库吗" in offer
    assert shown.labels[0] == {"yes": "从备份恢复…", "no": "退出"}
    assert f"用备份 {backup.name} 替换整个资料库吗" in confirm
    assert "不会删除" in confirm
    assert "library-replaced-日期时间.db" in confirm
    (dialog,) = clerk_picks_first
    assert dialog.lbl_reason.text().startswith(("资料库文件 library.db", "library.db 不是"))  # why, at the top
    assert issuers(window.session.library) == ["甲"]
    assert window.session.library.integrity_ok()
    assert window.pages.currentIndex() == 0
    (kept,) = library_path.parent.glob("library-replaced-*.db")
    assert digest(kept) == damaged  # the unopenable file kept as it was, not deleted
    assert shown.errors == []
    window.close()


def test_restore_at_start_declined_changes_nothing(library_path: Path, shown, clerk_picks_first) -> None:
    library_with_backup(library_path)
    damage(library_path, "empty")
    before = sorted(p.name for p in library_path.parent.glob("library*"))
    shown.answer = False
    assert app_module.start(["--db", str(library_path)]) is None
    assert clerk_picks_first == []  # 退出: no dialog
    assert sorted(p.name for p in library_path.parent.glob("library*")) == before
    assert library_path.read_bytes() == b""


def test_whole_library_restore_in_the_program(make_window, library_path: Path, shown, clerk_picks_first) -> None:
    backup = library_with_backup(library_path)
    window: MainWindow = make_window()
    window.open_report(window.session.library.list_reports()[0].id)
    window.node_form.edt_body.setPlainText("恢复之前刚打的字。")  # pending: saved before the restore
    window.actions_.restore_library.trigger()
    (dialog,) = clerk_picks_first
    assert dialog.lst_backups.count() == 1
    assert "1 份报告" in dialog.lst_backups.item(0).text()
    assert issuers(window.session.library) == ["甲"]
    assert window.pages.currentIndex() == 0  # back at the library, listing the restored reports
    assert window.session.report is None
    message = window.statusBar().currentMessage()
    assert f"已用备份 {backup.name} 恢复整个资料库（1 份报告）" in message
    (kept,) = library_path.parent.glob("library-replaced-*.db")
    assert kept.name in message
    add_report(window.session.library, "丙")  # the restored library is open for writing
    window.close()
    with Library(kept) as old:  # the replaced library holds everything, the last typing too
        assert issuers(old) == ["乙", "甲"]
        texts = [n.text for s in old.list_reports() for n in old.load_report(s.id).walk()]
    assert "恢复之前刚打的字。" in texts
    with Library(library_path) as library:
        assert issuers(library) == ["丙", "甲"]


def test_damaged_backup_is_refused_when_chosen_and_the_library_stays(
    make_window, library_path: Path, shown, clerk_picks_first
) -> None:
    backup = library_with_backup(library_path)
    backup.write_bytes(backup.read_bytes()[:2000])
    window: MainWindow = make_window()
    window.actions_.restore_library.trigger()
    (dialog,) = clerk_picks_first
    assert "已损坏，不能恢复" in dialog.lst_backups.item(0).text()
    assert not dialog.btn_restore.isEnabled()
    assert f"备份 {backup.name} 已损坏，不能用来恢复" in dialog.lbl_error.text()
    assert shown.questions == []  # refused before the confirmation
    assert issuers(window.session.library) == ["乙", "甲"]
    assert list(library_path.parent.glob("library-replaced-*")) == []


def test_backups_are_listed_unchecked_and_only_the_chosen_one_is_checked(
    qtbot, library_path: Path, shown, monkeypatch: pytest.MonkeyPatch
) -> None:
    older = library_with_backup(library_path)
    older.write_bytes(older.read_bytes()[:2000])  # damaged, but never chosen
    with Library(library_path) as library:
        newer = library.backup(label="manual")
    checked: list[Path] = []
    real_check = restore_library.check_backup
    monkeypatch.setattr(restore_library, "check_backup", lambda b: checked.append(b.path) or real_check(b))
    restored: list[Path] = []
    dialog = RestoreLibraryDialog(library_path, lambda b: restored.append(b) or restore_backup(library_path, b))
    qtbot.addWidget(dialog)
    assert checked == []  # opening the dialog reads no backup
    assert [dialog.lst_backups.item(row).text().split("　")[1] for row in range(2)] == ["手动备份", "自动备份"]
    assert all("份报告" not in dialog.lst_backups.item(row).text() for row in range(2))
    dialog.btn_restore.click()
    assert checked == [newer]
    assert "2 份报告" in dialog.lst_backups.item(0).text()
    assert "已损坏" not in dialog.lst_backups.item(1).text()
    assert restored == [newer]
    with Library(library_path) as library:
        assert issuers(library) == ["乙", "甲"]


def test_refused_restore_reopens_the_library_as_it_was(
    make_window, library_path: Path, shown, monkeypatch: pytest.MonkeyPatch
) -> None:
    library_with_backup(library_path)
    window: MainWindow = make_window()
    dialogs: list[RestoreLibraryDialog] = []

    def run(dialog: RestoreLibraryDialog) -> int:
        dialogs.append(dialog)
        for backup in list_backups(library_path):  # the backup vanishes after the list was shown
            backup.path.unlink()
        dialog.btn_restore.click()
        return dialog.result()

    monkeypatch.setattr(RestoreLibraryDialog, "exec", run)
    window.actions_.restore_library.trigger()
    assert "找不到备份文件" in dialogs[0].lbl_error.text()
    assert "未作任何改动" in dialogs[0].lbl_error.text()
    assert issuers(window.session.library) == ["乙", "甲"]
    add_report(window.session.library, "丙")  # reopened, writable
    assert backup_dir(library_path).is_dir()


def test_restore_in_the_program_after_a_crash(make_window, library_path: Path, shown, clerk_picks_first) -> None:
    """A -wal left by a killed writer beside the library: the program opens it (recovering what the
    writer saved), and the restore holds exactly the backup's reports; the old library keeps all."""
    backup = crashed_library(library_path)
    window: MainWindow = make_window()
    window.actions_.restore_library.trigger()
    assert clerk_picks_first[0].chosen() == backup
    assert issuers(window.session.library) == ["甲"]
    assert window.session.library.integrity_ok()
    window.close()
    (kept,) = library_path.parent.glob("library-replaced-*.db")
    with Library(kept) as old:
        assert issuers(old) == ["乙", "甲"]
        assert old.integrity_ok()


@pytest.fixture
def lock_taken_after_restore(monkeypatch: pytest.MonkeyPatch) -> None:
    """Another program takes the library's lock while it is released for the restore."""
    real = Library

    def locked(path: Path, *, lock: bool = True, lock_wait: float = 0.0) -> Library:
        if lock:
            raise LibraryLockedError("资料库正被另一个程序使用。")
        return real(path, lock=False)

    monkeypatch.setattr(session_module, "Library", locked)
    monkeypatch.setattr(library_open, "Library", locked)


def test_lock_taken_during_the_restore_offers_read_only(
    make_window, library_path: Path, shown, clerk_picks_first, lock_taken_after_restore
) -> None:
    backup = library_with_backup(library_path)
    window: MainWindow = make_window()
    window.actions_.restore_library.trigger()
    (dialog,) = clerk_picks_first
    assert dialog.result_ is not None
    assert dialog.result_.backup == backup
    assert "只读方式打开" in shown.questions[-1]  # what the start offers for a lock held elsewhere
    assert window.session.read_only
    assert window.session.library.is_open
    assert issuers(window.session.library) == ["甲"]  # the restored library, readable
    assert f"已用备份 {backup.name} 恢复整个资料库" in window.statusBar().currentMessage()
    assert shown.errors == []


def test_library_not_reopened_and_read_only_declined_ends_the_program(
    qtbot, make_window, library_path: Path, shown, clerk_picks_first, lock_taken_after_restore
) -> None:
    library_with_backup(library_path)
    window: MainWindow = make_window()
    failures: list[str] = []
    window.session.failed.connect(failures.append)
    shown.answer = True  # 恢复 confirmed ...
    answers = iter([True, False])  # ... then 以只读方式打开 declined
    alerts_ask = shown.questions
    from ui.dialogs import alerts

    def ask(parent: object, text: str, **labels: str) -> bool:
        alerts_ask.append(text)
        return next(answers)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(alerts, "ask_yes_no", ask)
        window.actions_.restore_library.trigger()
    assert clerk_picks_first[0].result_ is not None  # the restore itself was done
    assert not window.session.library.is_open
    qtbot.waitUntil(lambda: not window.isVisible())  # closed, not left working on a closed library
    assert shown.errors == []
    assert failures == []
    with Library(library_path) as library:
        assert issuers(library) == ["甲"]


def test_refused_restore_keeps_its_error_when_the_library_is_not_reopened(
    make_window, library_path: Path, shown, monkeypatch: pytest.MonkeyPatch, lock_taken_after_restore
) -> None:
    library_with_backup(library_path)
    window: MainWindow = make_window()
    dialogs: list[RestoreLibraryDialog] = []

    def run(dialog: RestoreLibraryDialog) -> int:
        dialogs.append(dialog)
        for backup in list_backups(library_path):
            backup.path.unlink()
        dialog.btn_restore.click()
        return dialog.result()

    monkeypatch.setattr(RestoreLibraryDialog, "exec", run)
    window.actions_.restore_library.trigger()
    assert "找不到备份文件" in dialogs[0].lbl_error.text()  # the refusal, not the reopening's trouble
    assert window.session.read_only
    assert issuers(window.session.library) == ["乙", "甲"]
