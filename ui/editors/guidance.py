"""写作要点: the template's guidance for the selected part and the statutory item it satisfies."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from models.errors import TemplateError
from models.report import Node, Report
from models.templates import Template, fill, load_template
from ui.label_roles import as_caption

META_GUIDANCE = (
    "标题一般写作“××关于××年度法治政府建设情况的报告”。报送版按上行文格式：主送本级党委和政府、上级部门；"
    "发文字号用六角括号，如“某府发〔2024〕5号”；上行文须写签发人。成文日期用阿拉伯数字写全年月日。"
    "公开版不含版头和版记，发布前请检查是否含有个人信息。"
)

LEDGER_GUIDANCE = (
    "数据台账汇集本年度报告要用到的各项数字，本年、上年分列，同比自动计算。\n"
    "数字请以各科室的统计台账为准（悬停在指标上可看口径和来源）；比率由分子、分母自动算出。\n"
    "在正文中用“插入数据”（Ctrl+Shift+D）引用这里的数字：台账改了，正文里的数字随之更新，导出时是普通的数字。\n"
    "体检会核对正文中写出的数字与台账是否一致、比率与件数是否相符、同比说法是否正确。"
)


def guidance_for(report: Report, node: Node | None, ancestors: list[Node]) -> tuple[str, str, str]:
    """(heading, statutory line, guidance text) for ``node`` (None = the metadata form)."""
    if node is None:
        return "报告信息", "", META_GUIDANCE
    try:
        template = load_template(report.meta.template)
    except TemplateError:
        return "写作要点", "", "这份报告使用的模板不可用，暂无写作要点。"
    year, issuer = report.meta.year, report.meta.issuer
    for candidate in (node, *reversed(ancestors)):
        if candidate.key == "preamble":
            return "开头段", "", fill(template.preamble_guidance, year, issuer)
        part = template.part(candidate.key) if candidate.key else None
        if part is not None:
            return (
                fill(part.title, year, issuer),
                _statutory_line(template, candidate.key),
                fill(part.guidance, year, issuer),
            )
    return (
        "写作要点",
        "",
        "这一部分不是模板自带的，没有专门的写作要点。标题句要概括本部分内容，分条写具体做法，多用数字说明成效。",
    )


def _statutory_line(template: Template, key: str) -> str:
    """The statutory item the top-level part holding ``key`` satisfies."""
    for top in template.parts:
        if key in (top.key, *(child.key for child in top.children)) and top.statutory:
            item = template.statutory_items[top.statutory - 1] if top.statutory <= len(template.statutory_items) else ""
            return f"对应《法治政府建设与责任落实督察工作规定》要求报告的第{top.statutory}项：{item}"
    return ""


class GuidancePanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lbl_caption = QLabel(self.tr("写作要点"))
        as_caption(self.lbl_caption)
        self.txt_guidance = QTextBrowser()
        self.txt_guidance.setOpenLinks(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.lbl_caption)
        layout.addWidget(self.txt_guidance)

    def show_for(self, report: Report, node: Node | None, ancestors: list[Node]) -> None:
        self.show_text(*guidance_for(report, node, ancestors))

    def show_ledger(self) -> None:
        self.show_text("数据台账", "", LEDGER_GUIDANCE)

    def show_text(self, heading: str, statutory: str, text: str) -> None:
        paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
        statutory_html = f"<p style='color:#1d5fa8'>{html.escape(statutory)}</p>" if statutory else ""
        self.txt_guidance.setHtml(f"<h3>{html.escape(heading)}</h3>{statutory_html}{paragraphs}")

    def plain_text(self) -> str:
        return self.txt_guidance.toPlainText()
