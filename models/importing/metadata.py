"""The report's metadata from the lines around the body.

Head: 文号 (某府发〔2024〕5号), 签发人, the title (…关于2023年度法治政府建设情况的报告 and
variants), the 主送 line (区委、区政府：). Tail: 署名 and 成文日期 (2024年3月6日,
二〇二四年三月六日, 2024-03-06), 附注 in brackets, 抄送 and 印发 lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from models.dates import typed_date_note as _typed_date_note
from models.dates import typed_form
from models.importing.front import ORG_END, is_body_line, parse_date, read_head
from models.importing.sources import Para
from models.report import ReportMeta
from models.text_chars import shorten

__all__ = ["MetaResult", "extract_meta", "parse_date"]

_CC = re.compile(r"^抄送\s*[:：]\s*(.+?)。?$")
_PRINTED = re.compile(r"^(.{2,30}?)\s+(\S+日)\s*印发$")
_SUBJECT_WORDS = re.compile(r"^主题词\s*[:：]")  # 版记 of documents before GB/T 9704-2012
_NOTE = re.compile(r"^[（(]([^）)]{2,80})[）)]$")
_DISCLOSURE = re.compile(r"^[（(](此件|本件)(主动|不予|依申请)?公开(发布)?[）)]$")


@dataclass
class MetaResult:
    meta: ReportMeta
    body: list[Para]
    removed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    date_from_page: bool = False  # meta.date is the web page's date, not the report's


def extract_meta(paras: list[Para], web_date: str = "", web_doc_number: str = "") -> MetaResult:
    result = MetaResult(ReportMeta(), list(paras))
    head = read_head(result.meta, result.body)
    result.removed.extend(head.removed)
    result.notes.extend(head.notes)
    _tail(result)
    meta = result.meta
    if not meta.signature and head.signature:
        meta.signature = head.signature
    if not meta.doc_number and web_doc_number:
        meta.doc_number = web_doc_number
        result.notes.append(f"正文前没有文号，已采用网页信息表中的发文字号 {web_doc_number}，请核对。")
    if not meta.date and head.date:
        meta.date = head.date
        result.notes.append(f"正文末尾没有成文日期，已采用报送函上的日期 {head.date}。")
    if not meta.date and web_date:
        meta.date = web_date
        result.date_from_page = True
        result.notes.append(f"正文末尾没有成文日期，已采用网页上的发布日期 {web_date}，请核对。")
    elif not meta.date:
        result.notes.append("没有识别到成文日期，请在报告信息中填写。")
    meta.issuer = _issuer(meta, result.body)
    if not meta.issuer and head.mark:
        meta.issuer = head.mark
        result.notes.append(f"标题和署名中没有发文机关，已采用版头的发文机关标志“{head.mark}”，请核对。")
    if not meta.signature:
        meta.signature = meta.issuer
    if not meta.title:
        result.notes.append("没有识别到报告标题，请在报告信息中填写。")
    return result


def _tail(result: MetaResult) -> None:
    body, meta = result.body, result.meta
    while body:
        text = body[-1].text.strip()
        if _CC.match(text):
            meta.cc = _CC.match(text)[1]
            result.notes.append(f"版记中的抄送“{shorten(meta.cc, 20)}”已移入报告信息。")
        elif _PRINTED.match(text) and parse_date(_PRINTED.match(text)[2]):
            found = _PRINTED.match(text)
            meta.printed_by, meta.printed_on = found[1].strip(), parse_date(found[2])
            meta.printed_on_typed = typed_form(found[2])
            result.notes.append(f"版记中的印发机关“{meta.printed_by}”和印发日期 {meta.printed_on} 已移入报告信息。")
        elif _SUBJECT_WORDS.match(text):
            result.notes.append(f"版记中的“{shorten(text, 20)}”已略去（报告信息中没有主题词一项）。")
        elif _DISCLOSURE.match(text):
            meta.disclosure = text.strip("（）()")
        elif _NOTE.match(text) and (meta.date or (len(body) > 1 and parse_date(body[-2].text))):
            meta.note = _NOTE.match(text)[1]
        elif parse_date(text) and not meta.date:
            meta.date, meta.date_typed = parse_date(text), typed_form(text)
            result.notes.extend(filter(None, [_typed_date_note(text)]))
            result.removed.append(body.pop().text)
            _signature(result)
            continue
        else:
            break
        result.removed.append(body.pop().text)


def _signature(result: MetaResult) -> None:
    body = result.body
    if (
        body
        and len(body[-1].text.strip()) <= 30
        and ORG_END.search(body[-1].text.strip())
        and not is_body_line(body[-1].text)
    ):
        result.meta.signature = body[-1].text.strip()
        result.removed.append(body.pop().text)


def _issuer(meta: ReportMeta, body: list[Para]) -> str:
    issuer = ""
    found = re.match(r"^(?!关于|關於)(.{2,40}?)(?:关于|關於|\d{4}\s*年)", meta.title)  # not 关于 in 关于2023年…
    if found:
        issuer = found[1].strip()
    if meta.signature and (not issuer or issuer in meta.signature):
        issuer = meta.signature
    if issuer and body:
        # "区城市管理局" in the title, "九龙坡区城市管理局" in the first sentence: take the full name.
        fuller = re.search(
            rf"(?:^|[，,。])(?:\d{{4}}年[，,]?)?([\u4e00-\u9fff]{{1,12}}?){re.escape(issuer)}", body[0].text
        )
        if fuller:
            issuer = fuller[1] + issuer
    return issuer
