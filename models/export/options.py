"""What an export is asked to produce; a module of its own so the writers need not import the package."""

from __future__ import annotations

from dataclasses import dataclass

from models.edition import Edition
from models.errors import NianbaoError

POINT_STYLES = ("inline", "separate")


class ExportError(NianbaoError):
    """Options or a report that cannot be exported."""


@dataclass(frozen=True)
class ExportOptions:
    edition: Edition = Edition.SUBMIT
    header: bool = True  # 版头 (发文机关标志, 发文字号, 签发人) in the 报送版
    sealed: bool = True  # 署名/日期 in the sealed layout
    points: str = "inline"  # "inline": 一是… run into the parent's paragraph; "separate": own paragraphs
    fallback_fonts: bool = False  # 仿宋/楷体 instead of the _GB2312 faces
