"""Library.apply_fixes: a revision first, then node and metadata fields, in one transaction."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.store import Library
from tests.seed_report import seed_report


def test_apply_fixes_saves_the_report_as_it_was_then_writes_fields(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        report_id = lib.create_report(seed_report())
        report = lib.load_report(report_id)
        node = next(n for n in report.walk() if n.text)
        revision = lib.apply_fixes(
            report_id, [(node.id, "text", "改好的正文。"), (None, "meta.recipients", "区委、区政府")], "体检自动修正前"
        )
        after = lib.load_report(report_id)
        saved = lib.load_revision(revision)
    assert next(n for n in after.walk() if n.id == node.id).text == "改好的正文。"
    assert after.meta.recipients == "区委、区政府"
    assert next(n for n in saved.walk() if n.title == node.title and n.kind == node.kind).text == node.text
    assert saved.meta.recipients == report.meta.recipients


@pytest.mark.parametrize(("node_id", "field"), [(None, "meta.nonsense"), (1, "kind")])
def test_apply_fixes_refuses_unknown_fields_and_changes_nothing(tmp_path: Path, node_id, field) -> None:
    with Library(tmp_path / "lib.db") as lib:
        report_id = lib.create_report(seed_report())
        before = lib.load_report(report_id)
        first = next(n for n in before.walk()).id
        with pytest.raises(ValueError, match="unknown"):
            lib.apply_fixes(report_id, [(first, "text", "新的。"), (node_id and first, field, "x")], "体检自动修正前")
        assert lib.load_report(report_id) == before
        assert lib.list_revisions(report_id) == []
