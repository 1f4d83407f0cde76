"""models/ never imports Qt; ui/ never reaches the database or the .docx library directly."""

from __future__ import annotations

import ast
from collections.abc import Iterator
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


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [
        ("models", {"PySide6", "shiboken6"}),
        ("ui", {"sqlite3", "sqlite_utils", "docx"}),
    ],
)
def test_package_does_not_import(package: str, forbidden: set[str]) -> None:
    offenders = {str(path.relative_to(ROOT)): sorted(imported_modules(path) & forbidden) for path in sources(package)}
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


WINDOW_MODULE = "ui.window.main_window"
WINDOW_IMPORTERS = {"ui/window/main_window.py", "ui/app.py"}  # the window itself and the entry point


def test_ui_helpers_never_import_the_main_window() -> None:
    offenders = [
        path.relative_to(ROOT).as_posix()
        for path in sources("ui")
        if path.relative_to(ROOT).as_posix() not in WINDOW_IMPORTERS
        and WINDOW_MODULE in set(imported_names(path, module_name(path)))
    ]
    assert offenders == []


def test_window_scanner_sees_deferred_imports(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ui.window import main_window\n"
        "def later():\n    import ui.window.main_window\n",
        encoding="utf-8",
    )
    assert WINDOW_MODULE in set(imported_names(sample, "ui.sample"))


# --- import cycles ---------------------------------------------------------------------------


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def module_files(root: Path) -> dict[str, Path]:
    """Dotted module name → file, for the project's own code (entry points, models/, ui/)."""
    found = {path.stem: path for path in root.glob("*.py")}
    for package in ("models", "ui"):
        found.update((module_name(path, root), path) for path in (root / package).rglob("*.py"))
    return found


def imported_names(path: Path, module: str) -> Iterator[str]:
    """Every module name an import in ``path`` may load: absolute, relative, inside functions and
    under TYPE_CHECKING alike (``from a import b`` names both ``a`` and ``a.b``)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            yield base
            yield from (f"{base}.{alias.name}" for alias in node.names)


def import_graph(root: Path) -> dict[str, set[str]]:
    modules = module_files(root)
    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        targets = set()
        for name in imported_names(path, module):
            while name and name not in modules:  # `a.b.func` → the module `a.b`
                name = name.rpartition(".")[0]
            if name and name != module:
                targets.add(name)
        graph[module] = targets
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = stack[stack.index(node) :]
                    del stack[stack.index(node) :]
                    if len(group) > 1:
                        groups.append(sorted(group))
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                work.append((child, iter(sorted(graph[child]))))
            elif child in stack:
                low[node] = min(low[node], index[child])
    return groups


def test_no_import_cycles() -> None:
    assert cycles(import_graph(ROOT)) == []


def test_cycle_finder_sees_package_and_relative_imports(tmp_path: Path) -> None:
    (tmp_path / "models" / "export").mkdir(parents=True)
    (tmp_path / "ui").mkdir()
    (tmp_path / "models" / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "models" / "export" / "__init__.py").write_text("from .writer import build\n", encoding="utf-8")
    (tmp_path / "models" / "export" / "writer.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from models.export import Options\n", encoding="utf-8"
    )
    (tmp_path / "ui" / "a.py").write_text("def f():\n    import ui.b\n", encoding="utf-8")
    (tmp_path / "ui" / "b.py").write_text("from ui import a\n", encoding="utf-8")
    (tmp_path / "ui" / "c.py").write_text("from ui.a import f\n", encoding="utf-8")
    assert cycles(import_graph(tmp_path)) == [["models.export", "models.export.writer"], ["ui.a", "ui.b"]]
