"""The lines above the report's first body paragraph: title, 主送, 文号, 签发人 and a cover letter.

Web pages and provincial departments put a lot there: a 报送 letter (文号 run into the
《title》, the title again, the 文号 alone, 省委、省政府：, 署名, date) before the report's own
title; a title broken over two or three lines, repeated, with 【2022年】 in front, a space
inside or a 。 at its end. The head ends at the first body paragraph. Title candidates
are assembled from consecutive short lines; the fullest wins and the notes say which.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from models.dates import digit_date, iso_form, typed_date_note, typed_form, word_date
from models.importing.markers import leading_marker, point_at
from models.importing.sources import Para
from models.report import ReportMeta, valid_year
from models.text_chars import shorten

TITLE = re.compile(r"^.{0,60}?(报告|報告)(?:[（(][^）)]{1,20}[）)])?$")
# Some units title theirs 某单位2025年法治政府建设工作情况 / …总结: the unit's name before the year tells
# it from a part title (2023年法治政府建设工作情况).
WORK_TITLE = re.compile(
    r"^[\u4e00-\u9fff（）()]{2,30}?\d{4}\s*年度?.{0,6}?(?:法治政府建[设設]|依法行政|法治建[设設])"
    r"[^，。,]{0,8}?(?:情况|情況|总结|總結)$"
)
TITLE_AT_START = re.compile(r"^(.{0,40}?(?:关于|關於).{0,40}?(?:情况|情況)?的?(?:报告|報告))")
TITLE_HINT = re.compile(r"\d{4}\s*年|年度|法治|依法行政")
DOC_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,12}\s*[〔\[［(（【]\s*\d{4}\s*[〕\]］)）】]\s*\d{1,4}\s*号")
SIGNER = re.compile(r"^签发人\s*[:：]\s*(.+)$")
# 版头 (GB/T 9704 7.2): the 发文机关标志 (某某县人民政府文件), and 文号 with 签发人 on one line (上行文).
ISSUER_MARK = re.compile(r"^([\u4e00-\u9fff（）()、]{2,40}?)文件$")
NUMBER_AND_SIGNER = re.compile(DOC_NUMBER.pattern + r"\s*签发人\s*[:：]\s*(\S.*)$")
RECIPIENTS = re.compile(r"^([^。；;]{2,60})[:：]$")
ORG_END = re.compile(r"(局|委|办|府|院|会|室|中心|部|厅|队|所|站|镇|街道|处|科|署|馆|司|办公室|政府|委员会)$")
_NOT_RECIPIENTS = re.compile(r"如下|报告|现将|情况|附件|主题词|抄送")
_BRACKETED = re.compile(r"^[（(]([^）)]{6,20})[）)]$")
_PREFIX = re.compile(r"^【[^】]{1,12}】")
_CJK_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])[ \t\u3000]+(?=[\u4e00-\u9fff\d（(])")
_YEAR_WORD = re.compile(r"\d{4}\s*年")
_LETTER = re.compile(r"现将|报送|呈报|请审阅|请审示|请审议|特此(?:报告|函告)")
HEAD_MAX_LINES = 20
LETTER_TAIL_LINES = 6  # a cover letter's sentence, 署名 and date stand between it and the report's title
FRAGMENT_MAX_CHARS = 40


@dataclass
class Head:
    removed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    date: str = ""  # a date in the head (a cover letter's), used when the report's end has none
    signature: str = ""  # a 署名 in the head, likewise
    mark: str = ""  # the issuer named by the 版头's 发文机关标志 (某某局文件 → 某某局)


@dataclass
class _Candidate:
    first: int
    last: int
    text: str
    cleaned_from: str = ""  # what was taken off ("【2022年】"), for the note


def parse_date(text: str) -> str:
    """'2024-03-06', '2024年3月6日' or '二〇二四年三月六日' → '2024-03-06'; '' if not a date."""
    text = text.strip().replace(" ", "")
    parts = digit_date(text) or word_date(text)
    return iso_form(parts) if parts and valid_year(parts[0]) else ""


def is_body_line(text: str) -> bool:
    return (
        "。" in text
        or leading_marker(text) is not None
        or point_at(text, 0) is not None
        or len(text) > 80
        or (len(text) > 30 and bool(re.search("[，,]", text)))
    )


def _word_heading(para: Para) -> bool:
    """Word itself numbered this paragraph or gave it a heading level: part of the body."""
    return para.heading_level is not None or bool(para.auto_marker) or para.list_level is not None


def read_head(meta: ReportMeta, body: list[Para]) -> Head:
    """Take the title and the head's metadata out of ``body`` (in place) into ``meta``."""
    head = Head()
    end = _head_end(body)
    candidates = _candidates(body[:end])
    if not candidates:
        _title_run_in(meta, body, head)
        _meta_run(meta, body, 0, head)
        return head
    chosen = max(candidates, key=lambda c: (len(c.text), c.last))
    meta.title = chosen.text
    taken = {i for c in candidates for i in range(c.first, c.last + 1)}
    cut = max(c.last for c in candidates) + 1  # every copy of the title goes, and what stands among them
    for index in range(cut):
        text = body[index].text.strip()
        if index not in taken:
            _front_line(meta, text, head)
        elif DOC_NUMBER.match(text) and "《" in text:  # 某卫〔2024〕3号《关于……的报告》
            meta.doc_number = meta.doc_number or DOC_NUMBER.match(text)[0].strip()
    _title_notes(chosen, candidates, head)
    head.removed.extend(p.text for p in body[:cut] if p.table is None)
    body[:cut] = [p for p in body[:cut] if p.table is not None]  # a table is never taken for the head
    _meta_run(meta, body, 0, head)
    return head


def _head_end(body: list[Para]) -> int:
    """Index of the first body paragraph; a cover letter's sentence (现将……报送给你们) does not
    count when the report's own title follows it."""
    for index, para in enumerate(body[:HEAD_MAX_LINES]):
        if para.table is not None:  # a table in the head (a 密级 box…) is kept where it is: see read_head
            continue
        body_line = (is_body_line(para.text.strip()) or _word_heading(para)) and not is_title(_clean(para.text)[0])
        if body_line and not (_LETTER.search(para.text) and _title_follows(body, index)):
            return index
    return min(len(body), HEAD_MAX_LINES)


def _title_follows(body: list[Para], index: int) -> bool:
    return any(is_title(_clean(p.text)[0]) for p in body[index + 1 : index + 1 + LETTER_TAIL_LINES])


def _clean(text: str) -> tuple[str, str]:
    """A title line without 【…】 in front, spaces inside, 《》 around or a 。 at its end."""
    text = text.strip()
    prefix = _PREFIX.match(text)
    taken = prefix[0] if prefix else ""
    text = text[len(taken) :].strip()
    number = DOC_NUMBER.match(text)
    if number and "《" in text:
        text = text[len(number[0]) :].strip()
    if text.startswith("《") and text.endswith("》"):
        text = text[1:-1]
    text = _CJK_SPACE.sub("", text).rstrip("。.")
    return text, taken


def _title_form(text: str) -> bool:
    return bool(TITLE.match(text) or WORK_TITLE.match(text))


def is_title(text: str) -> bool:
    """Whether ``text`` (cleaned) reads as a report's title."""
    return (
        bool(_title_form(text) and TITLE_HINT.search(text))
        and "。" not in text
        and "，" not in text
        and leading_marker(text) is None
    )


def _candidates(lines: list[Para]) -> list[_Candidate]:
    found: list[_Candidate] = []
    for index, para in enumerate(lines):
        text, prefix = _clean(para.text)
        if not _title_form(text) or "。" in text or "，" in text or leading_marker(text) is not None:
            continue
        first = index
        while (
            first > 0
            and index - first < 2
            and _joins(lines[first - 1].text.strip(), text)
            and not any(c.last >= first - 1 for c in found)
        ):
            first -= 1
            text = _clean(lines[first].text)[0] + text
        if TITLE_HINT.search(text):
            found.append(_Candidate(first, index, text, prefix))
    return found


def _joins(fragment: str, title: str) -> bool:
    """Whether ``fragment`` is the first half of a title broken over lines."""
    fragment = _clean(fragment)[0]
    if (
        not fragment
        or len(fragment) > FRAGMENT_MAX_CHARS
        or re.search(r"[。，,；;：:！？]", fragment)
        or _title_form(fragment)
        or DOC_NUMBER.match(fragment)
        or issuer_mark(fragment)
        or parse_date(fragment)
    ):
        return False
    if "关于" in title or "關於" in title:  # 某区人民政府 / 关于……的报告
        return title.startswith(("关于", "關於")) and bool(ORG_END.search(fragment))
    return "关于" in fragment or "關於" in fragment or not _YEAR_WORD.search(title) or bool(ORG_END.search(fragment))


def _title_notes(chosen: _Candidate, candidates: list[_Candidate], head: Head) -> None:
    if chosen.last > chosen.first:
        head.notes.append(f"标题分在 {chosen.last - chosen.first + 1} 行，已合并为“{chosen.text}”。")
    if chosen.cleaned_from:
        head.notes.append(f"标题前的“{chosen.cleaned_from}”已略去。")
    if not TITLE.match(chosen.text):
        head.notes.append(f"标题“{chosen.text}”不以“报告”结尾，已作为报告标题，请核对。")
    others = list(dict.fromkeys(c.text for c in candidates if c is not chosen and c.text != chosen.text))
    if others:
        shown = "、".join(f"“{shorten(t, 20)}”" for t in others)
        head.notes.append(f"标题出现了 {len(candidates)} 次，已采用最完整的“{chosen.text}”，略去了{shown}。")
    elif len(candidates) > 1:
        head.notes.append(f"标题“{chosen.text}”重复出现了 {len(candidates)} 次，已只保留一个。")


def _front_line(meta: ReportMeta, text: str, head: Head) -> None:
    """One line of the front matter above the title: a cover letter's or the 版头's."""
    signer = SIGNER.match(text)
    number = DOC_NUMBER.match(text)
    if _redhead_line(meta, text, head):
        return
    if signer:
        meta.signer = signer[1].strip()
    elif number and (len(number[0]) == len(text) or "《" in text):
        meta.doc_number = meta.doc_number or number[0].strip()
    elif _is_recipients(text):
        meta.recipients = meta.recipients or RECIPIENTS.match(text)[1].strip()
    elif parse_date(text) or (_BRACKETED.match(text) and parse_date(_BRACKETED.match(text)[1])):
        head.date = head.date or parse_date(text.strip("（）()"))
    elif 2 <= len(text) <= 30 and ORG_END.search(text) and not is_body_line(text):
        head.signature = head.signature or text
    elif text:
        head.notes.append(f"正文前的“{shorten(text, 20)}”不是报告的内容，已略去。")


def _is_recipients(text: str) -> bool:
    found = RECIPIENTS.match(text)
    return bool(found) and not is_body_line(text) and not _NOT_RECIPIENTS.search(text)


def _meta_run(meta: ReportMeta, body: list[Para], start: int, head: Head) -> None:
    """文号, 签发人, 署名, a date and the 主送 line between the title and the first body paragraph."""
    index = start
    while index < min(len(body), HEAD_MAX_LINES) and not _word_heading(body[index]):
        text = body[index].text.strip()
        if is_body_line(text):
            break
        bracketed = _BRACKETED.match(text)
        if _redhead_line(meta, text, head):
            pass
        elif SIGNER.match(text):
            meta.signer = SIGNER.match(text)[1].strip()
        elif DOC_NUMBER.match(text) and len(DOC_NUMBER.match(text)[0]) == len(text):
            meta.doc_number = meta.doc_number or text
        elif bracketed and parse_date(bracketed[1]) and not meta.date:
            meta.date = parse_date(bracketed[1])  # （2024年3月6日） under the title
            meta.date_typed = typed_form(bracketed[1])
            head.notes.extend(filter(None, [typed_date_note(bracketed[1])]))
        elif parse_date(text):
            head.date = head.date or parse_date(text)
        elif _is_recipients(text) and not meta.recipients:
            meta.recipients = RECIPIENTS.match(text)[1].strip()
        elif 2 <= len(text) <= 30 and ORG_END.search(text) and not head.signature:
            head.signature = text  # the issuer's name under the title
        else:
            index += 1
            continue
        head.removed.append(body.pop(index).text)


def _redhead_line(meta: ReportMeta, text: str, head: Head) -> bool:
    """A 版头 line: the 发文机关标志, or 文号 and 签发人 side by side. Whether it was one."""
    mark = issuer_mark(text)
    both = NUMBER_AND_SIGNER.match(text)
    if mark and not head.mark:
        head.mark = mark[1]
        head.notes.append(f"版头的发文机关标志“{text}”已略去。")
    elif both:
        meta.doc_number = meta.doc_number or DOC_NUMBER.match(text)[0].strip()
        meta.signer = meta.signer or " ".join(both[1].split())
        head.notes.append(f"版头中的文号 {meta.doc_number} 和签发人 {meta.signer} 已移入报告信息。")
    else:
        return False
    return True


def _title_run_in(meta: ReportMeta, body: list[Para], head: Head) -> None:
    """A page without line breaks: the title runs into the first paragraph."""
    if not body:
        return
    index = next((i for i, p in enumerate(body[:HEAD_MAX_LINES]) if not _front_meta(p.text.strip())), None)
    if index is None:
        return
    text = body[index].text.strip()
    at_start = TITLE_AT_START.match(text)
    if at_start and len(text) > len(at_start[1]) and TITLE_HINT.search(at_start[1]):
        meta.title = at_start[1]
        head.removed.append(at_start[1])
        body[index] = Para(text[len(at_start[1]) :], body[index].heading_level)
        for para in body[:index]:
            _front_line(meta, para.text.strip(), head)
        head.removed.extend(p.text for p in body[:index])
        del body[:index]


def issuer_mark(text: str) -> re.Match[str] | None:
    """The 发文机关标志 (某县人民政府文件), also spread to the line's width with spaces."""
    return ISSUER_MARK.match("".join(text.split()))


def is_front_line(text: str) -> bool:
    """A line of the front matter: 文号, 签发人, 发文机关标志, 主送, or a date (bracketed or not)."""
    return _front_meta(text) or bool(parse_date(text.strip("（）()")))


def _front_meta(text: str) -> bool:
    return bool(SIGNER.match(text) or DOC_NUMBER.match(text) or issuer_mark(text) or _is_recipients(text))
