"""What build.spec leaves out of the bundle, as plain functions the tests can call.

The Qt modules, plugins, libraries, translations and Python modules a running 年报助手 never
uses. A Qt module that ui/ or models/ imports (or one that such a module imports in turn) is
never left out, so the spec keeps working while the desktop code grows.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

# (destination name, source path, kind), as in PyInstaller's Analysis.binaries/.datas.
Entry = tuple[str, str, str]

# Qt's Chinese texts, and ours for what Qt's file lacks (resources/translations, ui/app.py).
KEPT_TRANSLATIONS = {"qtbase_zh_CN.qm", "qt_extra_zh_CN.qm"}

# Every PySide6 module except QtCore/QtGui/QtWidgets and the small ones a desktop editor may
# reach for (QtSvg/QtSvgWidgets for icons, QtPrintSupport for printing).
QT_MODULES_UNUSED = (
    "Qt3DAnimation",
    "Qt3DCore",
    "Qt3DExtras",
    "Qt3DInput",
    "Qt3DLogic",
    "Qt3DRender",
    "QtAxContainer",
    "QtBluetooth",
    "QtCharts",
    "QtConcurrent",
    "QtDBus",
    "QtDataVisualization",
    "QtDesigner",
    "QtGraphs",
    "QtGraphsWidgets",
    "QtHelp",
    "QtHttpServer",
    "QtLabsStyleKit",
    "QtLocation",
    "QtMultimedia",
    "QtMultimediaWidgets",
    "QtNetwork",
    "QtNetworkAuth",
    "QtNfc",
    "QtOpenGL",
    "QtOpenGLWidgets",
    "QtPdf",
    "QtPdfWidgets",
    "QtPositioning",
    "QtQml",
    "QtQmlFeatures",
    "QtQuick",
    "QtQuick3D",
    "QtQuickControls2",
    "QtQuickTest",
    "QtQuickWidgets",
    "QtRemoteObjects",
    "QtScxml",
    "QtSensors",
    "QtSerialBus",
    "QtSerialPort",
    "QtSpatialAudio",
    "QtSql",
    "QtStateMachine",
    "QtTest",
    "QtTextToSpeech",
    "QtUiTools",
    "QtWebChannel",
    "QtWebEngineCore",
    "QtWebEngineQuick",
    "QtWebEngineWidgets",
    "QtWebSockets",
    "QtXml",
)
# Standard library and development tools a running 年报助手 never imports.
PYTHON_UNUSED = (
    "tkinter",
    "_tkinter",
    "turtle",
    "turtledemo",
    "idlelib",
    "lib2to3",
    "unittest",
    "doctest",
    "pydoc",
    "pydoc_data",
    "test",
    "ensurepip",
    "distutils",
    "xmlrpc",
    "curses",
    "pdb",
    "setuptools",
    "pkg_resources",
    "pip",
    "PyInstaller",
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "docx2python",
    "IPython",
    "numpy",
    "pandas",
    "matplotlib",
    # The program never uses the network (docs/architecture.md); hashlib falls back to its built-in hashes.
    "ssl",
    "_ssl",
    "_hashlib",
    # python-docx needs lxml.etree only.
    "lxml.objectify",
    "lxml.isoschematron",
)
# Plugin folders (under PySide6/Qt/plugins) a widgets program on a desktop does not load.
PLUGIN_DIRS_UNUSED = frozenset(
    {
        "egldeviceintegrations",
        "networkinformation",
        "tls",
        "qmltooling",
        "sqldrivers",
        "designer",
        "wayland-decoration-client",
        "wayland-graphics-integration-client",
        "wayland-graphics-integration-server",
        "wayland-shell-integration",
        "generic",
    }
)
# Single plugins not needed: platforms other than the desktop and headless ones, rare image
# formats, and the GTK theme (it drags in GTK's stack and finds no libgtk-3 in the bundle).
PLUGIN_FILES_UNUSED = re.compile(
    r"(qminimal|qminimalegl|qlinuxfb|qvnc|qvkkhrdisplay|qeglfs|qwayland[\w-]*|qdirect2d"
    r"|qtga|qtiff|qwbmp|qwebp|qicns|qpdf|qgtk3)\.(so|dll|dylib)$"
)
# OpenCC (traditional → simplified on import) ships command-line tools, C++ headers and static
# libraries beside its Python extension; the program needs the extension and the t2s dictionaries.
OPENCC_UNUSED_DIRS = ("opencc/clib/bin/", "opencc/clib/include/", "opencc/clib/lib64/", "opencc/clib/lib/")
OPENCC_CONFIG = "t2s.json"
OPENCC_DATA_DEST = "opencc/clib/share/opencc"
# Windows: the software OpenGL and Direct3D shader compiler DLLs (~25 MB) serve OpenGL/Quick only.
FILES_UNUSED = frozenset({"opengl32sw.dll", "d3dcompiler_47.dll"})


def qt_modules_imported(root: Path, packages: Iterable[str]) -> set[str]:
    """Names of the PySide6 modules imported anywhere in these source packages."""
    used: set[str] = set()
    for package in packages:
        for source in (root / package).rglob("*.py"):
            text = source.read_text(encoding="utf-8")
            used.update(re.findall(r"PySide6\.(Qt\w+)", text))
            for names in re.findall(r"from\s+PySide6\s+import\s+\(?([\w\s,]+)\)?", text):
                used.update(n.strip() for n in names.split(",") if n.strip().startswith("Qt"))
    return used


def with_dependencies(modules: set[str], python: str = sys.executable) -> set[str]:
    """These PySide6 modules and the ones they import in turn, found by importing them."""
    if not modules:
        return set()
    code = (
        "import contextlib, importlib, sys\n"
        f"for name in {sorted(modules)!r}:\n"
        "    with contextlib.suppress(ImportError): importlib.import_module('PySide6.' + name)\n"
        "print(' '.join(m.split('.')[1] for m in sys.modules if m.startswith('PySide6.Qt')))"
    )
    found = subprocess.run([python, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    return modules | set(found)


def excluded_qt_modules(used: set[str]) -> list[str]:
    """The unused Qt modules, keeping any that a used one is named after (QtPdf for QtPdfWidgets)."""
    return [m for m in QT_MODULES_UNUSED if not any(u.startswith(m) for u in used)]


def unused_qt_libraries(used: set[str]) -> re.Pattern[str]:
    """Qt libraries only dropped plugins or unused modules pull in (kept when the code needs them)."""
    stems = [
        "WaylandClient",
        "WaylandEglClientHwIntegration",
        "WlShellIntegration",
        "EglFSDeviceIntegration",
        "EglFsKmsSupport",
        r"VirtualKeyboard\w*",
    ]
    for module in ("Network", "Qml", "Quick", "Pdf", "OpenGL"):
        if not any(name.startswith("Qt" + module) for name in used):
            stems.append(module + r"\w*")
    return re.compile(rf"Qt6({'|'.join(stems)})[.\d]*\.(so|dll)", re.IGNORECASE)


def entry_filter(used: set[str]) -> Callable[[Entry], bool]:
    """A predicate: True for a collected binary or data file the bundle keeps."""
    unused_libraries = unused_qt_libraries(used)

    def wanted(entry: Entry) -> bool:
        dest = entry[0].replace("\\", "/")
        name = dest.rsplit("/", 1)[-1]
        if dest.startswith(OPENCC_UNUSED_DIRS):
            return False
        if "/translations/" in dest and name.endswith(".qm"):
            return name in KEPT_TRANSLATIONS
        if "/plugins/" in dest:
            plugin_dir = dest.split("/plugins/", 1)[1].split("/", 1)[0]
            return plugin_dir not in PLUGIN_DIRS_UNUSED and not PLUGIN_FILES_UNUSED.search(name)
        return name.lower() not in FILES_UNUSED and not unused_libraries.search(name)

    return wanted


def opencc_datas(share_dir: Path, config: str = OPENCC_CONFIG) -> list[tuple[str, str]]:
    """(source, destination folder) for Analysis.datas: OpenCC's configuration and the dictionary
    files it names, where the package looks for them (next to its __init__, under clib/share)."""
    settings = json.loads((share_dir / config).read_text(encoding="utf-8"))
    names = {config} | set(re.findall(r'"file":\s*"([^"]+)"', json.dumps(settings)))
    return [(str(share_dir / name), OPENCC_DATA_DEST) for name in sorted(names)]


def without_orphans(
    kept: list[Entry], dropped: list[Entry], imports_of: Callable[[str], Iterable[tuple[str, str | None]]]
) -> list[Entry]:
    """Remove the libraries collected only as link-time dependencies of dropped files.

    ``imports_of(path)`` gives (name, resolved path) pairs, as PyInstaller's bindepend.get_imports.
    """

    def closure(sources: list[str]) -> set[str]:
        seen: set[str] = set()
        stack = list(sources)
        while stack:
            for _name, full in imports_of(stack.pop()):
                real = full and os.path.realpath(full)
                if real and real not in seen:
                    seen.add(real)
                    stack.append(real)
        return seen

    suspects = closure([src for _dest, src, _kind in dropped])
    needed = closure([src for _dest, src, _kind in kept if os.path.realpath(src) not in suspects])
    return [e for e in kept if os.path.realpath(e[1]) not in suspects or os.path.realpath(e[1]) in needed]
