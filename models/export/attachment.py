"""The 数据台账 as an 附件 (``export --ledger-table``): its 附件说明 and its table, shared by the
.docx, HTML and TXT writers. GB/T 9704 7.3.4 / 7.3.7: the 附件说明 ("附件：" and the name, no end
punctuation) one blank line under the body, 左空二字; the 附件 on a new page, "附件" in 3号黑体 顶格,
its title centred on line 3, the same name as in the 附件说明; bound before the 版记.
"""

from __future__ import annotations

from models.export.options import ExportError
from models.ledger.sheet import Sheet, describe_change
from models.ledger.values import format_value
from models.report import Report, TableData

LEDGER_TITLE = "数据台账"
LABEL = "附件"


def attachment_note() -> str:
    """The 附件说明 line under the body."""
    return f"{LABEL}：{LEDGER_TITLE}"


def ledger_table(report: Report) -> TableData:
    """One row per indicator with a figure: 指标, 单位, this year's and last year's figure, 同比.
    Raises ExportError when the ledger has no figure at all (an empty 附件 is not sent)."""
    sheet = Sheet(report.ledger, report.meta.issuer)
    year = report.meta.year
    header = ["指标", "单位", f"{year}年" if year else "本年", f"{year - 1}年" if year else "上年", "同比"]
    rows = [
        [
            row.indicator.name,
            row.indicator.unit,
            format_value(row.current),
            format_value(row.previous),
            describe_change(row.indicator, row.change),
        ]
        for row in sheet.rows()
        if row.current is not None or row.previous is not None
    ]
    if not rows:
        raise ExportError(
            "数据台账中还没有填写任何数据，不能附上台账表。请先在“数据台账”中填写，或不选“附上数据台账”。"
        )
    return TableData([header, *rows], header_row=True)
