"""models.store.backups: listing backups, reading one without touching it, copying reports out of it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from models.errors import NianbaoError
from models.paths import backup_dir
from models.report import ChecklistItem
from models.store import Library
from models.store.backups import backup_reports, copy_reports, list_backups, open_backup


def test_list_backups_newest_first(library: Library) -> None:
    assert list_backups(library.path) == []
    first = library.backup()
    second = library.backup(label="manual")
    stray = backup_dir(library.path) / "copied-by-hand.db"
    stray.write_bytes(first.read_bytes())
    os.utime(stray, (0, 0))  # 1970: oldest by its file time, having no time in its name
    found = list_backups(library.path)
    assert [b.path for b in found] == [second, first, stray]
    assert all(b.size > 0 for b in found)
    assert found[0].taken is not None
    assert found[0].taken >= found[1].taken


def test_copy_reports_adds_new_reports_with_checklist(library: Library, template_report, tmp_path: Path) -> None:
    template_report.checklist = [ChecklistItem("完善行政执法制度。", done=True, note="已印发办法。")]
    source_id = library.create_report(template_report)
    library.trash_report(source_id)
    backup = library.backup()
    with Library(tmp_path / "other.db") as target:
        with open_backup(backup) as opened:
            summaries = backup_reports(opened)
            assert [s.id for s in summaries] == [source_id]  # trashed reports are offered too
            new_ids = copy_reports(opened, target, [source_id])
        copied = target.load_report(new_ids[0])
    original = library.load_report(source_id)
    assert [n.title for n in copied.walk()] == [n.title for n in original.walk()]
    assert copied.meta == original.meta
    assert [(i.text, i.done, i.note) for i in copied.checklist] == [("完善行政执法制度。", True, "已印发办法。")]


def test_copy_into_the_same_library_never_overwrites(library: Library, template_report) -> None:
    report_id = library.create_report(template_report)
    backup = library.backup()
    library.update_node(template_report.body[0].id, text="备份之后写的。")
    with open_backup(backup) as opened:
        (new_id,) = copy_reports(opened, library, [report_id])
    assert library.load_report(report_id).body[0].text == "备份之后写的。"
    assert library.load_report(new_id).body[0].text == template_report.body[0].text
    old_ids = {n.id for n in library.load_report(report_id).walk()}
    assert old_ids.isdisjoint(n.id for n in library.load_report(new_id).walk())


def test_open_backup_leaves_the_file_untouched(library: Library, template_report) -> None:
    library.create_report(template_report)
    backup = library.backup()
    before = backup.read_bytes()
    with open_backup(backup) as opened:
        opened.set_setting("scribble", 1)  # even a write goes to the temporary copy
    assert backup.read_bytes() == before
    assert sorted(p.name for p in backup.parent.iterdir()) == [backup.name]


def test_open_backup_refuses_what_is_not_a_library(tmp_path: Path) -> None:
    text = tmp_path / "notes.db"
    text.write_text("不是数据库", encoding="utf-8")
    with pytest.raises(NianbaoError), open_backup(text):
        pass
    with pytest.raises(NianbaoError, match="无法读取备份文件"), open_backup(tmp_path / "missing.db"):
        pass
