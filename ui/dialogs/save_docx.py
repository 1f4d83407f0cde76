"""Where to write a .docx the program makes (审校稿, 审阅稿): the save dialog, .docx added when the
clerk left it off, and our own overwrite question (it names the file and keeps 否 as the default)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from ui.dialogs import alerts

DOCX_FILTER = "Word 文档 (*.docx)"


def tr(text: str) -> str:
    return QCoreApplication.translate("SaveDocx", text)


def ask_docx_target(parent: QWidget | None, caption: str, default: Path, what: str) -> Path | None:
    """The .docx to write ``what`` (e.g. 审阅稿) to; None when cancelled or an overwrite declined."""
    path, _ = QFileDialog.getSaveFileName(
        parent, caption, str(default), tr(DOCX_FILTER), options=QFileDialog.Option.DontConfirmOverwrite
    )
    if not path:
        return None
    target = Path(path)
    if target.suffix.lower() != ".docx":
        target = target.with_name(target.name + ".docx")
    question = tr("「{0}」已经存在。用新导出的{1}替换它吗？\n选“否”则保留原文件。")
    if target.exists() and not alerts.ask_yes_no(parent, question.replace("{1}", what).replace("{0}", target.name)):
        return None
    return target
