"""导出审校稿…: the report as .docx with every 体检 finding as a Word comment on its characters,
for a reviewer who works in Word or WPS (models.export.annotated)."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from models.edition import Edition
from models.errors import NianbaoError
from models.export import ExportOptions
from ui.dialogs import alerts
from ui.dialogs.export_dialog import documents_folder, safe_file_name
from ui.dialogs.save_docx import ask_docx_target
from ui.session import Session
from ui.window.port import WindowPort


def tr(text: str) -> str:
    return QCoreApplication.translate("AnnotatedExport", text)


def default_target(session: Session) -> Path:
    """…-审校稿.docx in the folder used last (else 文档)."""
    report = session.report
    assert report is not None
    folder = Path(session.settings.last_folder) if session.settings.last_folder else documents_folder()
    return folder / f"{safe_file_name(report.meta.title)}-审校稿.docx"


def export_annotated_copy(
    window: WindowPort, session: Session, edition: str, disabled: Collection[str], ignored: Collection[tuple]
) -> Path | None:
    """Ask where, confirm an overwrite, check the report as it is now and write the 审校稿."""
    report = session.report
    if report is None or not session.flush():
        return None
    target = ask_docx_target(window.widget(), tr("导出审校稿"), default_target(session), tr("审校稿"))
    if target is None:
        return None
    from models.checks import run_checks
    from models.export.annotated import export_annotated

    edition = edition if edition in Edition.values() else Edition.SUBMIT.value
    findings = run_checks(report, edition=Edition(edition), disabled=disabled, ignored=ignored)
    options = ExportOptions(edition=Edition(edition), fallback_fonts=session.settings.fallback_fonts)
    try:
        export_annotated(report, target, findings, options)
    except NianbaoError as exc:
        alerts.show_error(window.widget(), tr("审校稿没有导出：") + str(exc))
        return None
    session.settings.last_folder = str(target.parent)
    window.show_message(
        tr("已导出审校稿：{0}（{1} 条批注）。").replace("{0}", str(target)).replace("{1}", str(len(findings)))
    )
    return target
