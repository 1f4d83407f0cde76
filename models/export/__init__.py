"""Report → files. ``export_report`` picks the writer by the target's extension.

- ``.docx``: GB/T 9704—2012 layout, 报送版 or 公开版 (:mod:`models.export.docx_writer`)
- ``.pdf``: drawn from the same layout by :mod:`models.typeset` (:mod:`models.export.pdf`)
- ``.html`` / ``.txt``: website text (:mod:`models.export.web`)
- ``.json``: the interchange format (:mod:`models.interchange`)

Every file is written through :func:`models.fileio.write_atomic`: an interrupted or
failed export never leaves a half file and never harms the old one.
"""

from __future__ import annotations

from pathlib import Path

from models import interchange
from models.edition import Edition
from models.errors import UnsupportedFormatError
from models.export.options import POINT_STYLES, ExportError, ExportOptions
from models.fileio import write_atomic
from models.ledger.refs import resolved_report
from models.report import Node, Report
from models.text_chars import clean_text

__all__ = [
    "FORMATS",
    "POINT_STYLES",
    "ExportError",
    "ExportOptions",
    "export_report",
    "left_out_notice",
    "left_out_parts",
    "render",
    "settle_layout",
]

FORMATS = (".docx", ".pdf", ".html", ".txt", ".json")


def left_out_parts(report: Report) -> list[Node]:
    """The untouched template placeholders a .docx/.html/.txt export leaves out (a .json export
    keeps every node). See :func:`models.export.blocks.left_out_parts`."""
    from models.export.blocks import left_out_parts as parts

    return parts(report)


def left_out_notice(report: Report) -> str:
    """One Chinese line naming those parts, "" when there are none: show it before writing."""
    from models.export.blocks import left_out_notice as notice

    return notice(report)


def settle_layout(report: Report, suffix: str, options: ExportOptions) -> tuple[ExportOptions, str]:
    """For a paged format (.docx, .pdf): the options after laying the report out once (a lone 署名 makes
    the body's last page tighter, :func:`models.typeset.settle`), and a line saying so ("" when nothing
    was tightened). Exporting with these options lays it out no second time."""
    if suffix not in (".docx", ".pdf") or options.tighten is not None:
        return options, ""
    from models.typeset import settle

    settled, pages = settle(report, options)
    if not pages.tightened:
        return settled, ""
    return settled, f"正文末页的行距收紧为 {pages.tightened:.4g} 磅，使署名、成文日期与正文同页（GB/T 9704 7.3.5）。"


def render(report: Report, suffix: str, options: ExportOptions) -> bytes:
    """The file's bytes for a target with this extension."""
    inline = options.points == "inline"
    if suffix in (".docx", ".html", ".txt"):  # printed: ledger references become their figures
        report = resolved_report(report)
    if suffix == ".docx":
        from models.export.docx_writer import build_docx

        # Laid out first (unless the caller has): where 署名 would stand alone, the body's last page is
        # tightened (GB/T 9704 7.3.5), as the page view and the PDF show it.
        return build_docx(report, settle_layout(report, suffix, options)[0])
    if suffix == ".pdf":
        from models.export.pdf import build_pdf

        return build_pdf(report, options)
    if suffix == ".html":
        from models.export.web import build_html

        return build_html(report, inline_points=inline, ledger=options.ledger_table)
    if suffix == ".txt":
        from models.export.web import build_text

        return build_text(report, inline_points=inline, ledger=options.ledger_table)
    if suffix == ".json":
        # Lone surrogates cannot be encoded; escaped control characters are dropped on import.
        return clean_text(interchange.dumps(report))[0].encode("utf-8")
    raise UnsupportedFormatError(
        f"不支持导出为 {suffix or '无扩展名'} 文件：请选择 .docx、.pdf、.html、.txt 或 .json。"
    )


def export_report(report: Report, target: Path, options: ExportOptions | None = None) -> Path:
    options = options or ExportOptions()
    if options.edition not in Edition.values():
        raise ExportError(f"未知的版本“{options.edition}”：只能是报送版（submit）或公开版（public）。")
    if options.points not in POINT_STYLES:
        raise ExportError(f"未知的分条方式“{options.points}”：只能是 inline 或 separate。")
    target = Path(target)
    data = render(report, target.suffix.lower(), options)
    write_atomic(target, data)
    return target
