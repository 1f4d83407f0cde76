"""The 数据台账 in the library: stored with the report, in revisions, duplicates, backups and purges;
an older library gains it by migration."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

import sqlite_utils

from models.importing.roll import roll_forward
from models.ledger.definitions import custom_indicator
from models.ledger.values import CURRENT, PREVIOUS, Ledger
from models.report import PARAGRAPH, SECTION, Node, Report, ReportMeta
from models.store import Library
from models.store.backups import copy_reports, open_backup
from models.store.schema import MIGRATIONS, SCHEMA_VERSION


def _figures(ledger: Ledger) -> dict[str, tuple[Decimal | None, Decimal | None]]:
    return {key: (entry.current, entry.previous) for key, entry in ledger.entries.items()}


def _report(year: int = 2023) -> Report:
    ledger = Ledger(kind="county", custom=[custom_indicator("x_river_patrols", "河道巡查", "次", "巡河次数")])
    ledger.set("recon_received", CURRENT, Decimal(35))
    ledger.set("recon_received", PREVIOUS, Decimal(30))
    ledger.set("litig_head_rate", CURRENT, Decimal("99.56"))
    ledger.set("x_river_patrols", CURRENT, Decimal(48))
    body = [Node(SECTION, title=f"{year}年工作情况", children=[Node(PARAGRAPH, text="全年收到行政复议申请35件。")])]
    return Report(meta=ReportMeta(year=year, issuer="某县人民政府"), body=body, ledger=ledger)


def test_ledger_is_stored_and_read_back_exactly(library: Library) -> None:
    report = _report()
    report_id = library.create_report(report)
    loaded = library.load_report(report_id).ledger
    assert loaded.kind == "county"
    assert _figures(loaded) == {
        "recon_received": (Decimal(35), Decimal(30)),
        "litig_head_rate": (Decimal("99.56"), None),
        "x_river_patrols": (Decimal(48), None),
    }
    assert [(i.key, i.name, i.unit, i.definition, i.custom) for i in loaded.custom] == [
        ("x_river_patrols", "河道巡查", "次", "巡河次数", True)
    ]
    assert library.load_ledger(report_id) == loaded


def test_save_ledger_replaces_the_figures_and_counts_as_an_edit(library: Library) -> None:
    report_id = library.create_report(_report())
    before = library.list_reports()[0].modified
    ledger = library.load_ledger(report_id)
    ledger.set("recon_received", CURRENT, None)
    ledger.set("recon_received", PREVIOUS, None)
    ledger.set("norm_issued", CURRENT, Decimal(4))
    ledger.custom.clear()
    ledger.kind = ""
    library.save_ledger(report_id, ledger)
    again = library.load_ledger(report_id)
    assert _figures(again) == {
        "litig_head_rate": (Decimal("99.56"), None),
        "x_river_patrols": (Decimal(48), None),
        "norm_issued": (Decimal(4), None),
    }
    assert again.kind == ""
    assert again.custom == []
    assert library.list_reports()[0].modified >= before


def test_revisions_keep_the_ledger_and_restore_brings_it_back(library: Library) -> None:
    report_id = library.create_report(_report())
    revision = library.create_revision(report_id, "定稿前")
    ledger = library.load_ledger(report_id)
    ledger.set("recon_received", CURRENT, Decimal(36))
    library.save_ledger(report_id, ledger)
    assert library.load_revision(revision).ledger.get("recon_received") == Decimal(35)
    safety = library.restore_revision(revision)
    assert library.load_ledger(report_id).get("recon_received") == Decimal(35)
    library.restore_revision(safety)  # the restore is undone by restoring the revision it saved
    assert library.load_ledger(report_id).get("recon_received") == Decimal(36)


def test_a_revision_from_before_the_ledger_keeps_todays_figures(library: Library) -> None:
    import json
    import zlib

    report_id = library.create_report(_report())
    revision = library.create_revision(report_id)
    blob = library.conn.execute("SELECT snapshot FROM revisions WHERE id = ?", (revision,)).fetchone()[0]
    data = json.loads(zlib.decompress(blob))
    del data["ledger"]  # as schema v2 wrote it
    library.conn.execute(
        "UPDATE revisions SET snapshot = ? WHERE id = ?",
        (zlib.compress(json.dumps(data, ensure_ascii=False).encode()), revision),
    )
    library.restore_revision(revision)
    assert library.load_ledger(report_id).get("recon_received") == Decimal(35)


def test_duplicate_roll_forward_and_purge(library: Library) -> None:
    report_id = library.create_report(_report())
    copy = library.load_report(library.duplicate_report(report_id))
    assert _figures(copy.ledger) == _figures(library.load_ledger(report_id))
    rolled_id = library.create_report(roll_forward(library.load_report(report_id), 2024))
    rolled = library.load_ledger(rolled_id)
    assert _figures(rolled) == {
        "recon_received": (None, Decimal(35)),
        "litig_head_rate": (None, Decimal("99.56")),
        "x_river_patrols": (None, Decimal(48)),
    }
    assert rolled.kind == "county"
    assert [i.key for i in rolled.custom] == ["x_river_patrols"]
    library.trash_report(report_id)
    library.purge_report(report_id)
    left = library.conn.execute("SELECT count(*) FROM ledger_values WHERE report_id = ?", (report_id,)).fetchone()[0]
    assert left == 0


def test_reports_brought_back_from_a_backup_keep_their_ledger(library: Library, tmp_path: Path) -> None:
    report_id = library.create_report(_report())
    backup = library.backup(tmp_path / "backups")
    with open_backup(backup) as source, Library(tmp_path / "other.db") as target:
        [new_id] = copy_reports(source, target, [report_id])
        assert _figures(target.load_ledger(new_id))["recon_received"] == (Decimal(35), Decimal(30))


def test_a_v2_library_gains_an_empty_ledger(tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    conn = sqlite3.connect(old, isolation_level=None)
    db = sqlite_utils.Database(conn)
    MIGRATIONS[0](db)
    MIGRATIONS[1](db)
    conn.execute("INSERT INTO reports (year, title, created, modified) VALUES (2023, '旧报告', 'x', 'x')")
    conn.execute("INSERT INTO nodes (report_id, position, kind, text) VALUES (1, 0, 'paragraph', '正文')")
    conn.execute("PRAGMA user_version = 2")
    conn.close()
    with Library(old) as upgraded, Library(tmp_path / "new.db") as fresh:
        schema = "SELECT type, name, sql FROM sqlite_master ORDER BY name"
        assert upgraded.conn.execute(schema).fetchall() == fresh.conn.execute(schema).fetchall()
        assert upgraded.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 6
        report = upgraded.load_report(1)
        assert report.ledger == Ledger()
        assert report.body[0].text == "正文"
        ledger = report.ledger
        ledger.set("norm_issued", CURRENT, Decimal(2))
        upgraded.save_ledger(1, ledger)
        assert upgraded.load_ledger(1).get("norm_issued") == Decimal(2)
    assert list((tmp_path / "backups").glob("old-*-v2-before-upgrade.db"))
