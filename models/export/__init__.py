"""Report → files. ``export_report`` picks the writer by the target's extension.

The .docx (GB/T 9704), .html and .txt writers arrive with the export issue; until then
only the interchange .json is written and other targets get a clear message.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from models import interchange
from models.errors import UnsupportedFormatError
from models.fileio import write_atomic
from models.report import Report

EDITIONS = ("submit", "public")


@dataclass(frozen=True)
class ExportOptions:
    edition: str = "submit"  # "submit" 报送版 or "public" 公开版
    header: bool = True  # 版头 (发文机关标志, 发文字号, 签发人) in the 报送版
    sealed: bool = True  # 署名/日期 in the sealed layout
    points: str = "inline"  # "inline": 一是… run into the parent's paragraph; "separate": own paragraphs
    fallback_fonts: bool = False  # 仿宋/楷体 instead of the _GB2312 faces


def export_report(report: Report, target: Path, options: ExportOptions | None = None) -> Path:
    options = options or ExportOptions()
    suffix = target.suffix.lower()
    if suffix == ".json":
        write_atomic(target, interchange.dumps(report).encode("utf-8"))
        return target
    raise UnsupportedFormatError(f"暂不支持导出为 {suffix or '无扩展名'} 文件：目前只能导出 .json 交换文件。")
