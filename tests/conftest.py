"""Shared fixtures. Every test gets its own app-data folder, so nothing touches the real one."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# CI must not go red on a new random example: there the property tests replay a fixed
# sequence. Locally they explore afresh each run (and keep what they find in .hypothesis/).
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")

from models.store import Library  # noqa: E402
from models.templates import load_template, new_report  # noqa: E402

# Every fixture a test reads lives here: the repository stands alone.
DATA = ROOT / "tests" / "data"
SEED_REPORT = DATA / "seed-report-2023.txt"


@pytest.fixture(autouse=True)
def app_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("NIANBAO_HOME", str(home))
    return home


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    with Library(tmp_path / "library.db") as lib:
        yield lib


@pytest.fixture
def template_report():
    return new_report(load_template("fzzf-annual"), 2024, "重庆市某区某局")
