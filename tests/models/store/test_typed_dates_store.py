"""The typed forms of the dates in the library: the v6 migration, saving, revisions."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from models.report import Report
from models.store import Library
from models.store.schema import MIGRATIONS, TYPED_DATES_VERSION


def test_a_library_one_version_older_gains_the_typed_dates_and_keeps_its_reports(tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    conn = sqlite3.connect(old, isolation_level=None)
    for migration in MIGRATIONS[: TYPED_DATES_VERSION - 1]:
        migration(sqlite_utils.Database(conn))
    conn.execute(
        "INSERT INTO reports (year, title, date, created, modified) VALUES (2023, '旧报告', '2024-03-06', 'x', 'x')"
    )
    conn.execute(f"PRAGMA user_version = {TYPED_DATES_VERSION - 1}")
    conn.close()
    with Library(old) as library:
        meta = library.load_report(1).meta
        assert (meta.title, meta.date, meta.date_typed, meta.printed_on_typed) == ("旧报告", "2024-03-06", "", "")
        library.update_meta(1, date_typed="2024年03月06日")
        assert library.load_report(1).meta.date_typed == "2024年03月06日"


def test_the_typed_form_is_saved_kept_in_revisions_and_cleared(library: Library, template_report: Report) -> None:
    template_report.meta.date, template_report.meta.date_typed = "2025-01-06", "二〇二五年一月六日"
    template_report.meta.printed_on, template_report.meta.printed_on_typed = "2025-01-08", "2025.1.8"
    report_id = library.create_report(template_report)
    loaded = library.load_report(report_id).meta
    assert (loaded.date_typed, loaded.printed_on_typed) == ("二〇二五年一月六日", "2025.1.8")
    revision = library.create_revision(report_id)
    library.update_meta(report_id, date="2025-01-07", date_typed="")
    assert (library.load_report(report_id).meta.date_typed, library.load_report(report_id).meta.date) == (
        "",
        "2025-01-07",
    )
    library.restore_revision(revision)
    assert library.load_report(report_id).meta.date_typed == "二〇二五年一月六日"
