"""scripts/bundle_rules.py: what build.spec keeps in and leaves out of the bundle."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def rules() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bundle_rules", ROOT / "scripts" / "bundle_rules.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_qt_imports_are_found_in_every_spelling(rules: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "ui" / "views").mkdir(parents=True)
    (tmp_path / "ui" / "app.py").write_text("from PySide6.QtWidgets import QApplication\n", encoding="utf-8")
    (tmp_path / "ui" / "views" / "tree.py").write_text(
        "from PySide6 import (QtCore,\n    QtSvg)\nimport PySide6.QtPrintSupport as printing\n", encoding="utf-8"
    )
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "store.py").write_text("import sqlite3\n", encoding="utf-8")
    found = rules.qt_modules_imported(tmp_path, ("ui", "models"))
    assert found == {"QtWidgets", "QtCore", "QtSvg", "QtPrintSupport"}


def test_models_import_no_qt_and_ui_does(rules: ModuleType) -> None:
    assert rules.qt_modules_imported(ROOT, ("models",)) == set()
    assert "QtWidgets" in rules.qt_modules_imported(ROOT, ("ui",))


def test_dependencies_of_used_modules_are_found_by_importing_them(rules: ModuleType) -> None:
    assert {"QtSvgWidgets", "QtSvg", "QtWidgets", "QtGui", "QtCore"} <= rules.with_dependencies({"QtSvgWidgets"})
    assert rules.with_dependencies(set()) == set()
    assert rules.with_dependencies({"QtNoSuchModule"}) == {"QtNoSuchModule"}  # not installed: no crash


def test_unused_qt_modules_are_excluded_unless_needed(rules: ModuleType) -> None:
    nothing = rules.excluded_qt_modules({"QtCore", "QtGui", "QtWidgets"})
    assert {"QtNetwork", "QtWebEngineCore", "QtQml", "QtQuick", "QtSql", "QtPdf", "QtMultimedia"} <= set(nothing)
    assert not {"QtCore", "QtGui", "QtWidgets", "QtSvg", "QtPrintSupport"} & set(nothing)
    with_pdf = rules.excluded_qt_modules({"QtPdfWidgets"})
    assert "QtPdf" not in with_pdf
    assert "QtPdfWidgets" not in with_pdf
    with_network = rules.excluded_qt_modules({"QtNetwork"})
    assert "QtNetwork" not in with_network
    assert "QtNetworkAuth" in with_network


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/translations/qtbase_zh_CN.qm", True),
        ("PySide6\\translations\\qtbase_zh_CN.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/translations/qt_help_zh_CN.qm", False),
        ("resources/translations/qt_extra_zh_CN.qm", True),
        ("resources\\translations\\qt_extra_zh_CN.qm", True),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/plugins/platforms/qwindows.dll", True),
        ("PySide6/plugins/platforms/qoffscreen.dll", True),
        ("PySide6/plugins/platforms/qminimal.dll", False),
        ("PySide6/plugins/platforms/qdirect2d.dll", False),
        ("PySide6/Qt/plugins/platforms/libqwayland-egl.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", True),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
        ("PySide6/plugins/imageformats/qsvg.dll", True),
        ("PySide6/plugins/imageformats/qico.dll", True),
        ("PySide6/plugins/imageformats/qtiff.dll", False),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/Qt/plugins/egldeviceintegrations/libqeglfs-kms-integration.so", False),
        ("PySide6/Qt/lib/libQt6Core.so.6", True),
        ("PySide6/Qt/lib/libicudata.so.73", True),
        ("PySide6/Qt6Widgets.dll", True),
        ("PySide6/Qt/lib/libQt6Network.so.6", False),
        ("PySide6/Qt6Network.dll", False),
        ("PySide6/Qt6Quick.dll", False),
        ("PySide6/Qt/lib/libQt6WaylandClient.so.6", False),
        ("PySide6/opengl32sw.dll", False),
        ("PySide6/d3dcompiler_47.dll", False),
        ("resources/templates/fzzf-annual.toml", True),
        ("resources/checks/typos.toml", True),
        ("docx/templates/default.docx", True),
    ],
)
def test_entry_filter_for_a_widgets_program(rules: ModuleType, dest: str, kept: bool) -> None:
    wanted = rules.entry_filter({"QtCore", "QtGui", "QtWidgets"})
    assert wanted((dest, "/src/" + dest, "BINARY")) is kept


def test_entry_filter_keeps_the_libraries_of_modules_in_use(rules: ModuleType) -> None:
    wanted = rules.entry_filter({"QtWidgets", "QtNetwork", "QtQuickWidgets"})
    assert wanted(("PySide6/Qt/lib/libQt6Network.so.6", "/x", "BINARY"))
    assert wanted(("PySide6/Qt6Quick.dll", "/x", "BINARY"))
    assert not wanted(("PySide6/Qt6Pdf.dll", "/x", "BINARY"))


def test_libraries_only_dropped_files_needed_are_removed(rules: ModuleType) -> None:
    graph = {
        "/q/QtWidgets.so": [("libQt6Widgets.so", "/q/libQt6Widgets.so")],
        "/q/libQt6Widgets.so": [("libX11.so", "/s/libX11.so")],
        "/q/plugins/libqgtk3.so": [
            ("libgtk-3.so", None),
            ("libcairo.so", "/s/libcairo.so"),
            ("libX11.so", "/s/libX11.so"),
        ],
        "/s/libcairo.so": [("libpixman.so", "/s/libpixman.so")],
    }
    kept = [
        ("PySide6/QtWidgets.so", "/q/QtWidgets.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Widgets.so", "/q/libQt6Widgets.so", "BINARY"),
        ("libX11.so", "/s/libX11.so", "BINARY"),
        ("libcairo.so", "/s/libcairo.so", "BINARY"),
        ("libpixman.so", "/s/libpixman.so", "BINARY"),
        ("libsqlite3.so", "/s/libsqlite3.so", "BINARY"),
    ]
    dropped = [("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/q/plugins/libqgtk3.so", "BINARY")]
    result = rules.without_orphans(kept, dropped, lambda path: graph.get(path, []))
    assert [dest for dest, _src, _kind in result] == [
        "PySide6/QtWidgets.so",
        "PySide6/Qt/lib/libQt6Widgets.so",
        "libX11.so",
        "libsqlite3.so",
    ]


def test_nothing_dropped_keeps_everything(rules: ModuleType) -> None:
    kept = [("libX11.so", "/s/libX11.so", "BINARY")]
    assert rules.without_orphans(kept, [], lambda path: []) == kept


def test_opencc_keeps_its_extension_and_drops_its_tools(rules: ModuleType) -> None:
    wanted = rules.entry_filter({"QtCore", "QtGui", "QtWidgets"})
    assert wanted(("opencc/clib/opencc_clib.cp312-win_amd64.pyd", "/x", "EXTENSION"))
    assert wanted(("opencc/clib/share/opencc/TSCharacters.ocd2", "/x", "DATA"))
    assert not wanted(("opencc/clib/bin/opencc", "/x", "BINARY"))
    assert not wanted(("opencc\\clib\\include\\opencc\\opencc.h", "/x", "DATA"))
    assert not wanted(("opencc/clib/lib64/libopencc.a", "/x", "DATA"))


def test_opencc_datas_are_the_config_and_the_dictionaries_it_names(rules: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "t2s.json").write_text(
        '{"normalization": [{"dict": {"type": "ocd2", "file": "Norm.ocd2"}}],'
        ' "conversion_chain": [{"dict": {"type": "group", "dicts": [{"type": "ocd2", "file": "TSPhrases.ocd2"},'
        ' {"type": "ocd2", "file": "TSCharacters.ocd2"}]}}]}',
        encoding="utf-8",
    )
    datas = rules.opencc_datas(tmp_path)
    assert [Path(source).name for source, _dest in datas] == [
        "Norm.ocd2",
        "TSCharacters.ocd2",
        "TSPhrases.ocd2",
        "t2s.json",
    ]
    assert {dest for _source, dest in datas} == {"opencc/clib/share/opencc"}


def test_opencc_datas_of_the_installed_package_exist(rules: ModuleType) -> None:
    spec = importlib.util.find_spec("opencc")
    assert spec is not None, "opencc is a run-time dependency (requirements.txt)"
    share = Path(spec.submodule_search_locations[0]) / "clib" / "share" / "opencc"
    datas = rules.opencc_datas(share)
    assert len(datas) >= 3
    assert all(Path(source).is_file() for source, _dest in datas)


def test_printing_is_bundled(rules: ModuleType) -> None:
    """打印 and 打印预览 (ui/pages/printing.py) need QtPrintSupport, its library and the print plugins."""
    used = rules.with_dependencies(rules.qt_modules_imported(ROOT, ("ui", "models")))
    assert "QtPrintSupport" in used
    assert "QtPrintSupport" not in rules.excluded_qt_modules(used)
    wanted = rules.entry_filter(used)
    assert wanted(("PySide6/Qt6PrintSupport.dll", "/x", "BINARY"))
    assert wanted(("PySide6/Qt/lib/libQt6PrintSupport.so.6", "/x", "BINARY"))
    assert wanted(("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", "/x", "BINARY"))
