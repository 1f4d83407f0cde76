"""One Edition: its members are the plain strings every file and argument already holds."""

from __future__ import annotations

import json

from models.checks import RULES
from models.edition import Edition


def test_members_are_the_stored_strings() -> None:
    assert Edition.values() == ("submit", "public")
    assert Edition("public") is Edition.PUBLIC
    assert json.dumps({"edition": Edition.SUBMIT}) == '{"edition": "submit"}'
    assert "submit" in frozenset({Edition.SUBMIT})  # hashes as its value: plain strings from settings match


def test_labels() -> None:
    assert [edition.label for edition in Edition] == ["报送版", "公开版"]


def test_every_rule_names_known_editions() -> None:
    assert set(Edition) >= {edition for rule in RULES for edition in rule.editions}
