"""What an export is asked to produce; a module of its own so the writers need not import the package."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from models.edition import Edition
from models.errors import NianbaoError

if TYPE_CHECKING:
    from models.export.docx_comments import CommentPlan

POINT_STYLES = ("inline", "separate")


class ExportError(NianbaoError):
    """Options or a report that cannot be exported."""


@dataclass(frozen=True)
class Tighten:
    """Decided by the layout (:func:`models.typeset.settle`), never by the clerk: the body's blocks
    from ``first_block`` on (as :func:`models.export.blocks.body_blocks` yields them) are set at the
    exact line pitch ``pitch`` (twips) off the grid, so that 署名 and 成文日期 stay on the page of
    the body's last lines (GB/T 9704 7.3.5: 调整行距).
    """

    first_block: int
    pitch: int


# Laid out and found fine: nothing is tightened, and a later export does not decide again.
UNTIGHTENED = Tighten(first_block=1 << 30, pitch=0)


@dataclass(frozen=True)
class ExportOptions:
    edition: Edition = Edition.SUBMIT
    header: bool = True  # 版头 (发文机关标志, 发文字号, 签发人) in the 报送版
    sealed: bool = True  # 署名/日期 in the sealed layout
    points: str = "inline"  # "inline": 一是… run into the parent's paragraph; "separate": own paragraphs
    fallback_fonts: bool = False  # 仿宋/楷体 instead of the _GB2312 faces
    ledger_table: bool = False  # append the 数据台账 as an 附件 table (models.export.attachment)
    # A 审阅稿 (models.roundtrip.review): hidden bookmarks, (node id, "h"|"t") → name; the key
    # (0, "e") marks where the body ends. None for an ordinary export.
    anchors: Mapping[tuple[int, str], str] | None = field(default=None, compare=False, hash=False)
    # A 审校稿 (models.export.annotated): Word comments on the characters of each finding.
    comments: CommentPlan | None = field(default=None, compare=False, hash=False)
    tighten: Tighten | None = None  # set by models.typeset.settle when 署名 would stand alone
