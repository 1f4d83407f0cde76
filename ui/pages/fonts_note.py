"""Which font prints each element, said honestly above the pages: installed, or missing and what
Word/WPS puts in its place (:mod:`models.export.font_check`), and which file the view draws with."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from models.export import font_check
from models.export.layout import faces_for

if TYPE_CHECKING:
    from models.typeset import Pages


def tr(text: str) -> str:
    return QCoreApplication.translate("PageFonts", text)


def face_lines(statuses: Iterable[font_check.FaceStatus]) -> list[str]:
    """「✓ 正文：仿宋_GB2312」 or 「✗ 正文：本机没有… → 打印时换用…」, one per element (the page view's
    tooltip and the export dialog say it alike)."""
    lines = []
    for status in statuses:
        if status.found:
            lines.append(tr("✓ {0}：{1}").replace("{0}", status.element).replace("{1}", status.face))
        else:
            lines.append(
                tr("✗ {0}：本机没有{1} → 打印时换用{2}，{3}")
                .replace("{0}", status.element)
                .replace("{1}", status.face)
                .replace("{2}", status.prints_as)
                .replace("{3}", status.effect)
            )
    return lines


def fonts_note(pages: Pages, fallback: bool) -> tuple[str, str]:
    """(one line for the header, the details for its tooltip)."""
    installed = font_check.installed_families()
    drawn = _drawn_with(pages)
    if installed is None:
        return tr("字体：无法查看本机安装了哪些字体"), drawn
    statuses = font_check.check_faces(faces_for(fallback), installed)
    lines = face_lines(statuses)
    missing = [status.face for status in statuses if not status.found]
    if missing:
        names = list(dict.fromkeys(missing))
        shown = "、".join(names[:2]) + (tr("等 {0} 种").replace("{0}", str(len(names))) if len(names) > 2 else "")
        summary = tr("字体：本机缺少 {0} → 打印时换用其他字体，行数和分页不变（详见提示）").replace("{0}", shown)
    else:
        summary = tr("字体：各部分的字体本机都已安装")
    return summary, "\n".join([*lines, "", drawn])


def _drawn_with(pages: Pages) -> str:
    """The files this view draws each asked-for family with (fontconfig or the Windows folders)."""
    files: dict[str, str] = {}
    for page in pages:
        for line in [*page.lines, *([page.folio] if page.folio else [])]:
            for run in line.runs:
                if run.family not in files:
                    files[run.family] = run.font.family if run.font is not None else tr("（未找到，用系统字体）")
    shown = "；".join(f"{family} → {face}" for family, face in files.items())
    return tr("页面中显示用的字体：") + shown
