"""Human-readable locations of findings: "（七）创新城市治理方式… · 正文 第3–9字"."""

from __future__ import annotations

from models.checks.model import Finding
from models.part_labels import NODE_FIELD_NAMES, part_labels
from models.report import Report
from models.text_chars import shorten

FIELD_NAMES = {
    **NODE_FIELD_NAMES,
    "body": "全文",
    "meta.title": "报告标题",
    "meta.recipients": "主送机关",
    "meta.doc_number": "发文字号",
    "meta.date": "成文日期",
    "meta.note": "附注",
    "meta.cc": "抄送",
    "meta.signature": "署名",
    "meta.printed_on": "印发日期",
    "meta.date_typed": "成文日期",
    "meta.printed_on_typed": "印发日期",
}


def node_labels(report: Report, limit: int = 16) -> dict[int, str]:
    """node id → numbering + the start of its title (or of its text, when it has no title)."""
    return part_labels(report, limit, text_if_untitled=True)


def location(finding: Finding, labels: dict[int, str]) -> str:
    field = FIELD_NAMES.get(finding.field, finding.field)
    if finding.node_id is None:
        return field if finding.field == "body" else f"报告信息 · {field}"
    where = labels.get(finding.node_id, f"节点{finding.node_id}")
    span = ""
    if finding.end - finding.start == 1:
        span = f" 第{finding.end}字"
    elif finding.end > finding.start:
        span = f" 第{finding.start + 1}–{finding.end}字"
    return f"{where} · {field}{span}"


def finding_line(finding: Finding, labels: dict[int, str]) -> str:
    excerpt = f"「{shorten(finding.excerpt, 30, one_line=True)}」" if finding.excerpt else ""
    fix = ""
    if finding.places and finding.fixable:
        fix = f" → 可一次改好全部 {len(finding.places)} 处"
    elif finding.fix is not None:
        fix = (
            f" → 可改为「{shorten(finding.fix.replacement, 30, one_line=True)}」"
            if finding.fix.replacement
            else " → 可删除"
        )
    return f"[{finding.severity}] {location(finding, labels)}：{finding.message} {excerpt}{fix}（{finding.rule}）"
