"""Qt's own texts in Chinese: the file dialog's labels, key names in menus and tooltips.

Qt ships qtbase_zh_CN.qm, but it lags behind Qt's sources: the file dialog's "&Look in:" and
"Files of &type:" (its texts predate the "&") have no Chinese there, and it keeps the key names
"Ins" and "Del" as they are. resources/translations/qt_extra_zh_CN.ts holds those; its compiled
.qm is installed after Qt's file, so it is asked first. Both are compiled catalogues that Qt
reads in C++: no Python runs for each of the ~2,000 texts a start translates.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from models.paths import resource_dir

QTBASE_CATALOG = "qtbase_zh_CN"
EXTRA_CATALOG = "qt_extra_zh_CN"


def install_qt_translations(app: QCoreApplication) -> list[QTranslator]:
    """Install Qt's Chinese texts in ``app``; returns the translators installed (to remove them)."""
    installed: list[QTranslator] = []
    for catalog, folder in (
        (QTBASE_CATALOG, QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        (EXTRA_CATALOG, str(resource_dir() / "translations")),  # installed last: asked first
    ):
        translator = QTranslator(app)
        if translator.load(catalog, folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed
