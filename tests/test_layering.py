"""models/ never imports Qt; ui/ never reaches the database or the .docx library directly."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def sources(package: str) -> list[Path]:
    files = sorted((ROOT / package).rglob("*.py"))
    assert files, f"no sources under {package}/"
    return files


@pytest.mark.parametrize(("package", "forbidden"), [
    ("models", {"PySide6", "shiboken6"}),
    ("ui", {"sqlite3", "sqlite_utils", "docx"}),
])
def test_package_does_not_import(package: str, forbidden: set[str]) -> None:
    offenders = {str(path.relative_to(ROOT)): sorted(imported_modules(path) & forbidden)
                 for path in sources(package)}
    assert {name: mods for name, mods in offenders.items() if mods} == {}


def test_scanner_sees_imports(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("import sqlite3\nfrom PySide6.QtCore import Qt\nfrom . import sibling\n", encoding="utf-8")
    assert imported_modules(sample) == {"sqlite3", "PySide6"}


def test_only_the_store_package_reaches_sqlite() -> None:
    """SQLite is the store's business: everything else goes through models.store (bench/ and tests/ may look in)."""
    skipped = {"tests", "bench", "build", "dist"}
    found = {}
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if parts[0] in skipped or any(part.startswith(".") for part in parts) or parts[:2] == ("models", "store"):
            continue
        used = imported_modules(path) & {"sqlite3", "sqlite_utils"}
        if used:
            found[str(path.relative_to(ROOT))] = sorted(used)
    assert found == {}
