"""The report's metadata from the lines around the body.

Head: 文号 (某府发〔2024〕5号), 签发人, the title (…关于2023年度法治政府建设情况的报告 and
variants), the 主送 line (区委、区政府：). Tail: 署名 and 成文日期 (2024年3月6日,
二〇二四年三月六日, 2024-03-06), 附注 in brackets, 抄送 and 印发 lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from models.dates import digit_date, iso_form, word_date
from models.dates import typed_date_note as _typed_date_note
from models.importing.markers import leading_marker, point_at
from models.importing.sources import Para
from models.report import ReportMeta, valid_year

_TITLE = re.compile(r"^.{0,60}?(报告|報告)(?:[（(][^）)]{1,20}[）)])?$")
_TITLE_AT_START = re.compile(r"^(.{0,40}?(?:关于|關於).{0,40}?(?:情况|情況)?的?(?:报告|報告))")
_TITLE_HINT = re.compile(r"\d{4}\s*年|年度|法治|依法行政")
_DOC_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,12}\s*[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d{1,4}\s*号$")
_SIGNER = re.compile(r"^签发人\s*[:：]\s*(.+)$")
_RECIPIENTS = re.compile(r"^([^。；]{2,60})[:：]$")
_CC = re.compile(r"^抄送\s*[:：]\s*(.+?)。?$")
_PRINTED = re.compile(r"^(.{2,30}?)\s+(\S+日)\s*印发$")
_BRACKETED = re.compile(r"^[（(]([^）)]{6,20})[）)]$")
_NOTE = re.compile(r"^[（(]([^）)]{2,80})[）)]$")
_ORG_END = re.compile(r"(局|委|办|府|院|会|室|中心|部|厅|队|所|站|镇|街道|处|科|署|馆|司|办公室|政府|委员会)$")
_DISCLOSURE = re.compile(r"^[（(](此件|本件)(主动|不予|依申请)?公开(发布)?[）)]$")


@dataclass
class MetaResult:
    meta: ReportMeta
    body: list[Para]
    removed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def parse_date(text: str) -> str:
    """'2024-03-06', '2024年3月6日' or '二〇二四年三月六日' → '2024-03-06'; '' if not a date."""
    text = text.strip().replace(" ", "")
    parts = digit_date(text) or word_date(text)
    return iso_form(parts) if parts and valid_year(parts[0]) else ""


def extract_meta(paras: list[Para], web_date: str = "") -> MetaResult:
    result = MetaResult(ReportMeta(), list(paras))
    _head(result)
    _tail(result)
    meta = result.meta
    if not meta.date and web_date:
        meta.date = web_date
        result.notes.append(f"正文末尾没有成文日期，已采用网页上的发布日期 {web_date}，请核对。")
    elif not meta.date:
        result.notes.append("没有识别到成文日期，请在报告信息中填写。")
    meta.year = _year(meta, result.body)
    meta.issuer = _issuer(meta, result.body)
    if not meta.signature:
        meta.signature = meta.issuer
    if not meta.title:
        result.notes.append("没有识别到报告标题，请在报告信息中填写。")
    return result


def _head(result: MetaResult) -> None:
    body, meta = result.body, result.meta
    for index, para in enumerate(body[:8]):
        text = para.text.strip()
        if _TITLE.match(text) and _TITLE_HINT.search(text) and not _is_body_line(text):
            before = body[:index]
            result.removed.extend(p.text for p in body[: index + 1])
            if before and _first_title_line(before[-1].text.strip(), text):
                text = before.pop().text.strip() + text  # a long title broken over two lines
            meta.title = text
            del body[: index + 1]
            _head_fields(meta, before, result.notes)
            break
        at_start = _TITLE_AT_START.match(text) if index == 0 else None
        if at_start and len(text) > len(at_start[1]) and _TITLE_HINT.search(at_start[1]):
            meta.title = at_start[1]
            result.removed.append(at_start[1])
            body[0] = Para(text[len(at_start[1]):], para.heading_level)
            break
    while body:
        text = body[0].text.strip()
        recipients = _RECIPIENTS.match(text)
        if _SIGNER.match(text) or _DOC_NUMBER.match(text):
            _head_fields(meta, [body[0]], result.notes)
        elif _BRACKETED.match(text) and parse_date(_BRACKETED.match(text)[1]) and not meta.date:
            meta.date = parse_date(_BRACKETED.match(text)[1])  # （2024年3月6日） under the title
            result.notes.extend(filter(None, [_typed_date_note(_BRACKETED.match(text)[1])]))
        elif recipients and not _is_body_line(text) and not meta.recipients:
            meta.recipients = recipients[1].strip()
        else:
            break
        result.removed.append(body.pop(0).text)


def _first_title_line(previous: str, title: str) -> bool:
    return (("关于" in previous or "關於" in previous) and "关于" not in title and "關於" not in title
            and len(previous) <= 40 and not _is_body_line(previous) and "，" not in previous)


def _head_fields(meta: ReportMeta, paras: list[Para], notes: list[str]) -> None:
    for para in paras:
        text = para.text.strip()
        signer = _SIGNER.match(text)
        if signer:
            meta.signer = signer[1].strip()
        elif _DOC_NUMBER.match(text):
            meta.doc_number = text
        elif text:
            notes.append(f"标题前的“{_short(text)}”不是正文，已略去。")


def _tail(result: MetaResult) -> None:
    body, meta = result.body, result.meta
    while body:
        text = body[-1].text.strip()
        if _CC.match(text):
            meta.cc = _CC.match(text)[1]
        elif _PRINTED.match(text) and parse_date(_PRINTED.match(text)[2]):
            found = _PRINTED.match(text)
            meta.printed_by, meta.printed_on = found[1].strip(), parse_date(found[2])
        elif _DISCLOSURE.match(text):
            meta.disclosure = text.strip("（）()")
        elif _NOTE.match(text) and (meta.date or (len(body) > 1 and parse_date(body[-2].text))):
            meta.note = _NOTE.match(text)[1]
        elif parse_date(text) and not meta.date:
            meta.date = parse_date(text)
            result.notes.extend(filter(None, [_typed_date_note(text)]))
            result.removed.append(body.pop().text)
            _signature(result)
            continue
        else:
            break
        result.removed.append(body.pop().text)


def _signature(result: MetaResult) -> None:
    body = result.body
    if body and len(body[-1].text.strip()) <= 30 and _ORG_END.search(body[-1].text.strip()) \
            and not _is_body_line(body[-1].text):
        result.meta.signature = body[-1].text.strip()
        result.removed.append(body.pop().text)


def _is_body_line(text: str) -> bool:
    return "。" in text or leading_marker(text) is not None or point_at(text, 0) is not None


def _year(meta: ReportMeta, body: list[Para]) -> int:
    for source in [meta.title] + [p.text for p in body[:6]]:
        found = re.search(r"(\d{4})\s*年", source)
        if found and valid_year(int(found[1])):
            return int(found[1])
    if meta.date:
        return int(meta.date[:4]) - 1
    return 0


def _issuer(meta: ReportMeta, body: list[Para]) -> str:
    issuer = ""
    found = re.match(r"^(.{2,40}?)(?:关于|關於|\d{4}\s*年)", meta.title)
    if found:
        issuer = found[1].strip()
    if meta.signature and (not issuer or issuer in meta.signature):
        issuer = meta.signature
    if issuer and body:
        # "区城市管理局" in the title, "九龙坡区城市管理局" in the first sentence: take the full name.
        fuller = re.search(rf"(?:^|[，,。])(?:\d{{4}}年[，,]?)?([\u4e00-\u9fff]{{1,12}}?){re.escape(issuer)}", body[0].text)
        if fuller:
            issuer = fuller[1] + issuer
    return issuer


def _short(text: str, limit: int = 20) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
