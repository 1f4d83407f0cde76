"""Qt's own texts in Chinese: the file dialog's labels, key names in menus and tooltips.

Qt ships qtbase_zh_CN.qm, but it lags behind Qt's sources: the file dialog's "&Look in:" and
"Files of &type:" (their old texts had no "&") and the key names "Ins"/"Del" have no Chinese
there (it keeps "Ins" and "Del" as they are). :class:`QtGapsTranslator` answers only those and
is asked before Qt's file; every other text falls through to it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

QTBASE_CATALOG = "qtbase_zh_CN"

# (context, source text) → Chinese. Key names follow Qt's own ("退格", "上方向"); a lone "删除"
# beside the menu's "删除" would read as a repeat, hence "删除键".
QT_GAPS: dict[tuple[str, str], str] = {
    ("QFileDialog", "&Look in:"): "查找范围(&L)：",
    ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
    ("QShortcut", "Ins"): "插入键",
    ("QShortcut", "Del"): "删除键",
    ("QShortcut", "PgUp"): "上翻页",
    ("QShortcut", "PgDown"): "下翻页",
}


class QtGapsTranslator(QTranslator):
    """A translator over :data:`QT_GAPS`; any other text falls through to the next translator."""

    def translate(  # type: ignore[override]
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        return QT_GAPS.get((context, source_text))  # None: a null string, which Qt passes on

    def isEmpty(self) -> bool:
        return False


def install_qt_translations(app: QCoreApplication) -> list[QTranslator]:
    """Install Qt's Chinese texts in ``app``; returns the translators installed (to remove them)."""
    installed: list[QTranslator] = []
    qtbase = QTranslator(app)
    if qtbase.load(QTBASE_CATALOG, QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qtbase)
        installed.append(qtbase)
    gaps = QtGapsTranslator(app)
    if app.installTranslator(gaps):  # installed last: asked first
        installed.append(gaps)
    return installed
