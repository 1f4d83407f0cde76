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


WINDOW_MODULE = "ui.window.main_window"
WINDOW_IMPORTERS = {"ui/window/main_window.py", "ui/app.py"}  # the window itself and the entry point


def imported_names(path: Path) -> set[str]:
    """Every module named by an import, in full ("ui.window.main_window"), at any depth and
    also under ``if TYPE_CHECKING:``; ``from ui.window import main_window`` names both."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_ui_helpers_never_import_the_main_window() -> None:
    offenders = [path.relative_to(ROOT).as_posix() for path in sources("ui")
                 if path.relative_to(ROOT).as_posix() not in WINDOW_IMPORTERS and WINDOW_MODULE in imported_names(path)]
    assert offenders == []


def test_window_scanner_sees_deferred_imports(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ui.window import main_window\n"
                      "def later():\n    import ui.window.main_window\n", encoding="utf-8")
    assert WINDOW_MODULE in imported_names(sample)
