"""Web-page clutter around a report copied from a government website.

Breadcrumbs (您当前的位置…), the publication line (日期:2024-03-06, 来源, 浏览次数),
the information index table (索引号, 发布机构…), print/close/share links and the site
menus after the text. Removed lines are returned so the user is told, and the page's
publication date is kept: it is the best guess at the 成文日期 when the text has none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from models.dates import DATE_MENTION, DIGIT_DATE, iso_form
from models.importing.markers import leading_marker, point_at
from models.importing.sources import Para

_LINE_CLUTTER = re.compile(
    r"^(您(当前|现在)的?位置|当前位置|首页\s*[>＞›»]|发布(日期|时间|机构)\s*[:：]|来源\s*[:：]|"
    r"(日期|时间)\s*[:：]\s*\d{4}|浏览(次数|量)|阅读(次数|量)|点击(数|量|率)|【?\s*字[号体]\s*[:：]|"
    r"索引号|主题分类|体裁分类|组配分类|信息名称|发文机关\s*[:：]|成文日期\s*[:：]|发布日期|有效性\s*[:：]|"
    r"【?\s*(打印|关闭|收藏|分享)|分享到|扫一扫|上一篇|下一篇|相关(链接|阅读|文章)|"
    r"(网站|站点)(地图|导航)|版权所有|主办单位|承办单位|技术支持|ICP备|网站标识码|[渝京沪津冀]公网安备)")
_TAIL_ANCHOR = re.compile(r"^(扫一扫|【?\s*(打印|关闭)|分享到|上一篇|下一篇|相关(链接|阅读|文章)|版权所有|主办单位)")
_WEB_DATE = re.compile(r"(?:日期|时间)\s*[:：]\s*" + DIGIT_DATE)
_SENTENCE_PUNCT = re.compile(r"[。，；：！？,;!?]")
MENU_MAX_CHARS = 16
CLUTTER_MAX_CHARS = 150  # a longer line is the report itself run together with the page header: keep it


@dataclass
class Cleaned:
    body: list[Para]
    removed: list[str] = field(default_factory=list)
    web_date: str = ""


def strip_clutter(paras: list[Para]) -> Cleaned:
    kept: list[Para] = []
    cleaned = Cleaned(kept)
    tail = _tail_start(paras)
    for index, para in enumerate(paras):
        text = para.text.strip()
        if index >= tail or (_LINE_CLUTTER.match(text) and len(text) <= CLUTTER_MAX_CHARS):
            cleaned.removed.append(para.text)
            date = _WEB_DATE.search(text)
            if date and not cleaned.web_date:
                cleaned.web_date = iso_form((int(date[1]), int(date[2]), int(date[3])))
        else:
            kept.append(para)
    return cleaned


def _tail_start(paras: list[Para]) -> int:
    """Index where the trailing site furniture begins (len(paras) if none).

    From a tail anchor (扫一扫…, 【打印】…) on, every line must be short menu text; without an
    anchor, a run of at least three short menu-like lines at the very end counts.
    """
    end = len(paras)
    for index, para in enumerate(paras):
        if _TAIL_ANCHOR.match(para.text.strip()) and all(_menu_like(p) for p in paras[index + 1:]):
            return index
    start = end
    while start > 0 and _menu_like(paras[start - 1]) and not _looks_like_date(paras[start - 1].text):
        start -= 1
    return start if end - start >= 3 else end


def _menu_like(para: Para) -> bool:
    if para.heading_level is not None or para.auto_marker:
        return False  # Word itself says this is a heading or a numbered item: part of the report
    text = para.text.strip()
    return (len(text) <= MENU_MAX_CHARS and not _SENTENCE_PUNCT.search(text) and not re.search(r"[\d\t]", text)
            and leading_marker(text) is None and point_at(text, 0) is None)


def _looks_like_date(text: str) -> bool:
    return bool(DATE_MENTION.search(text))
