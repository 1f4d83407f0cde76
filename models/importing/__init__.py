"""Files → reports. ``import_file`` picks the reader by the file's extension.

The .docx and text readers arrive with the import issue; until then only the
interchange .json is read and other files get a clear message.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from models import interchange
from models.errors import UnsupportedFormatError
from models.report import Report


@dataclass
class ImportResult:
    report: Report
    notes: list[str] = field(default_factory=list)  # what was odd, for the user to read


def import_file(path: Path) -> ImportResult:
    suffix = path.suffix.lower()
    if suffix == ".json":
        report, cleaned = interchange.read_file(path)
        notes = [f"已删除 {cleaned} 个无法保存到 Word 文档的控制字符。"] if cleaned else []
        return ImportResult(report, notes)
    raise UnsupportedFormatError(f"暂不支持导入 {suffix or '无扩展名'} 文件：目前只能导入年报助手的 .json 交换文件。")
