"""Web-page clutter around a report copied from a government website.

Breadcrumbs (您当前的位置…), the publication line (日期:2024-03-06, 来源, 浏览次数),
the information index table (索引号, 发布机构…, in any list or table style), the font-size
control (字号：大 中 小, also one word a line), print/close/share links, the site name above
the page and the site menus after the text, and site watermarks inside a sentence
(……某某公文网www.example.com……). Removed pieces are returned so the user is told, and the
page's date is kept: it is the best guess at the 成文日期 when the text has none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from models.dates import DATE_MENTION, DIGIT_DATE, iso_form
from models.importing.markers import leading_marker, point_at
from models.importing.sources import Para

# Page furniture: list/table decoration that may stand before a label.
_DECOR = r"[\s\[\]【】［］•·●■◆▪\-—|｜>＞*]*"
# Labels that only web pages use, in simplified and traditional characters.
_LABEL = (
    r"(?:文章|信息|稿件|新闻)?(?:来源|來源)|发布(?:日期|时间|机构)|發布(?:日期|時間|機構)|(?:更新|发布|發布)时间|更新時間|"
    r"浏览(?:次数|量)?|瀏覽(?:次數|量)?|阅读(?:次数|量)|點擊|点击(?:数|量|率)?|访问(?:次数|量)|"
    r"索引号|索引號|主题分类|主題分類|体裁分类|组配分类|服务对象分类|信息名称|信息分类|公文种类|公文種類|发文(?:机关|字号|日期)|"
    r"發文(?:機關|字號)|成文日期|公开(?:方式|范围|时限)|有效性|文号|字[号体號]|作者|责任编辑|编辑"
)
_TABLE_LABEL = r"索引号|索引號|发布机构|發布機構|主题分类|主題分類|发文字号|發文字號|成文日期|发文机关|發文機關|信息名称|体裁分类|公文种类"
# A label with its colon, or one of the index table's own labels standing in a cell ([索引号] …, | 索引号 |).
_LABEL_AT = re.compile(
    rf"(?:^|(?<=[\s\[\]【】［］•·●|｜]))(?:(?:{_LABEL})\s*[:：]|(?:{_TABLE_LABEL})(?=\s*[\]】］|｜\s]))"
)
_LINE_CLUTTER = re.compile(
    rf"^{_DECOR}(?:您(?:当前|现在)的?位置|当前位置|首页\s*[>＞›»]|(?:日期|时间|時間)\s*[:：]\s*\d{{4}}|"
    r"(?:打印|列印|关闭|關閉|收藏|分享)(?:本页|本頁|窗口|視窗|文章|此文)?|分享到|扫一扫|掃一掃|上一篇|下一篇|"
    r"相关(?:链接|阅读|文章)|(?:网站|站点)(?:地图|导航|声明)|联系我们|关于我们|返回顶部|无障碍|适老化|我要纠错|版权所有|版權所有|主办单位|承办单位|技术支持|[\u4e00-\u9fff]?ICP备|"
    r"网站标识码|[渝京沪津冀川粤苏浙鲁豫鄂湘皖闽赣桂琼贵云陕甘青宁新藏蒙黑吉辽晋]公网安备|"
    r"您是第\s*\d+\s*位访问者|【?\s*(?:大|中|小)\s*(?:中|小)\s*(?:小)?\s*】)"
)
# A page's image alt texts and section banners standing alone on a line (the logo, the 政府信息公开
# column heading above an information table): never a report's words on their own.
_LONE_FURNITURE = re.compile(
    r"^(?:logo|LOGO|Logo|图标|二维码|手机版|政府信息公开|政府信息公开专栏|信息公开|政务公开|政府信息公開|政務公開)$"
)
_FONT_WORDS = frozenset({"大", "中", "小", "A", "A+", "A-", "默认", "【", "】", "[", "]", "|", "｜"})
_DECOR_AT_START = re.compile(_DECOR)
_FONT_LABEL = re.compile(rf"^{_DECOR}字[号號体體]\s*[:：]?\s*$")
_SITE_NAME = re.compile(r"^[\u4e00-\u9fff（）()]{2,24}(?:门户网站|政府网站|政务网|政府网|网站|官网|门户网|网)$")
_URL = r"(?:https?://)?(?:www\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|cn|net|org|gov)(?:/[\w./?=&%-]*)?"
# The site's name is cut to a generic ending (公文网, 范文网…) and two characters before it: where
# the sentence stops and the name begins is otherwise unknowable. The address always goes.
_WATERMARK = re.compile(
    rf"(?<=[\u4e00-\u9fff，。；、])(?:[\u4e00-\u9fff]{{0,2}}(?:公文|范文|文库|文秘|秘书|写作|材料|资料|文档|办公)网)?"
    rf"{_URL}(?=[\u4e00-\u9fff，。；、]|$)"
)
_URL_HINT = re.compile(r"[A-Za-z0-9-]\.(?:com|cn|net|org|gov)")
# A site's name or slogan and its address before the first line of a copied page (某某之家—全网资源每日
# 更新www.example.com湖北省……的报告): everything up to the address goes when no sentence stops in it.
_LEADING_WATERMARK = re.compile(rf"^[^。，,；;：:！？!?]{{0,30}}?{_URL}(?=[\u4e00-\u9fff])")
_CITED_SITE = re.compile(r"(网站|网址|登录|访问|平台|关注|在线)$")
_TAIL_ANCHOR = re.compile(r"^(扫一扫|【?\s*(打印|关闭)|分享到|上一篇|下一篇|相关(链接|阅读|文章)|版权所有|主办单位)")
_PAGE_STAMP = re.compile(DIGIT_DATE + r"\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?")
_BARE_LABEL = re.compile(rf"^{_DECOR}(?:{_LABEL}|{_TABLE_LABEL})\s*[:：]?{_DECOR}$")
_WEB_DOC_NUMBER = re.compile(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{1,12}\s*[〔\[［]\s*\d{4}\s*[〕\]］]\s*\d{1,4}\s*号")
_WEB_DATE = re.compile(r"(?:日期|时间|時間)\s*[:：]\s*" + DIGIT_DATE)
_SENTENCE_PUNCT = re.compile(r"[。，；：！？,;!?]")
_REPORT_NAME = re.compile(r"\d{4}\s*年.{0,12}(?:法治政府|依法行政|法治建设)")
MENU_MAX_CHARS = 16
FIELD_VALUE_MAX_CHARS = 40
CLUTTER_MAX_CHARS = 150  # a longer line is the report itself run together with the page header: keep it


@dataclass
class Cleaned:
    body: list[Para]
    removed: list[str] = field(default_factory=list)
    web_date: str = ""
    web_doc_number: str = ""  # 发文字号 in the page's information table


def _unpack_info_tables(paras: list[Para]) -> list[Para]:
    """A web page's information table (索引号, 发布机构…) as lines, so it goes as clutter does;
    tables of the report's own figures are left whole."""
    result: list[Para] = []
    for para in paras:
        if para.table is not None and any(_BARE_LABEL.match(row[0].strip()) for row in para.table.rows if row):
            result.extend(Para("\t".join(c for c in row if c)) for row in para.table.rows if any(row))
        else:
            result.append(para)
    return result


def strip_clutter(paras: list[Para]) -> Cleaned:
    paras = _unpack_info_tables(paras)
    kept: list[Para] = []
    cleaned = Cleaned(kept)
    tail = _tail_start(paras)
    font_control = value_follows = False
    for index, para in enumerate(paras):
        if para.table is not None:  # a table of figures is never web-page clutter
            kept.append(para)
            continue
        text = para.text.strip()
        is_font_word = font_control and text in _FONT_WORDS
        font_control = is_font_word or bool(_FONT_LABEL.match(text))
        is_value = value_follows and _field_value(text)
        value_follows = bool(_BARE_LABEL.match(text))  # 索引号： with its value on the next line
        if index >= tail or is_font_word or font_control or is_value or _is_clutter_line(text, index == 0):
            cleaned.removed.append(para.text)
            _keep_web_date(cleaned, text)
            _keep_doc_number(cleaned, text)
            continue
        label = _LABEL_AT.search(text) if len(text) <= CLUTTER_MAX_CHARS else None
        if label and label.start() > 0 and "。" not in text[label.start() :]:
            # a title or a name with the page's publication line after it: keep the first half,
            # unless it is only the page's time stamp (2024-03-20 10:00 来源：…)
            keep = text[: label.start()].rstrip(" \t|｜[【•·-")
            if _PAGE_STAMP.fullmatch(keep):
                keep = ""
            cleaned.removed.append(text[len(keep) :])
            _keep_web_date(cleaned, text)
            para.text = keep
            if not keep:
                continue
        if not kept:
            para.text = _strip_leading_watermark(para.text, cleaned.removed)
        para.text = _strip_watermarks(para.text, cleaned.removed)
        kept.append(para)
    return cleaned


def _field_value(text: str) -> bool:
    """The value of a label standing alone on the line before; an empty field's next line may be the title."""
    return (
        len(text) <= FIELD_VALUE_MAX_CHARS
        and "。" not in text
        and not re.search(r"(报告|報告)$", text)
        and not _REPORT_NAME.search(text)
    )


def _is_clutter_line(text: str, first: bool) -> bool:
    if len(text) > CLUTTER_MAX_CHARS or "。" in text:
        return False  # page furniture is never a sentence (关闭违法企业12家。 is the report's)
    if _LINE_CLUTTER.match(text) or _LONE_FURNITURE.match(text):
        return True
    label = _LABEL_AT.search(text)
    if label and label.start() == len(_DECOR_AT_START.match(text)[0]) and "。" not in text:
        return True  # a line of the information index table, in whatever list style
    return first and bool(_SITE_NAME.match(text))


def _keep_web_date(cleaned: Cleaned, text: str) -> None:
    date = _WEB_DATE.search(text) or _PAGE_STAMP.match(text)
    if date and not cleaned.web_date:
        cleaned.web_date = iso_form((int(date[1]), int(date[2]), int(date[3])))


def _keep_doc_number(cleaned: Cleaned, text: str) -> None:
    number = _WEB_DOC_NUMBER.search(text)
    if number and not cleaned.web_doc_number:
        cleaned.web_doc_number = number[0]


def _strip_watermarks(text: str, removed: list[str]) -> str:
    """A site's name and address stamped into a sentence when the page was copied."""
    if not _URL_HINT.search(text):
        return text
    found = [m for m in _WATERMARK.finditer(text) if "." in m[0] and not _CITED_SITE.search(text[: m.start()])]
    for match in reversed(found):
        removed.append(match[0])
        text = text[: match.start()] + text[match.end() :]
    return text


def _strip_leading_watermark(text: str, removed: list[str]) -> str:
    found = _LEADING_WATERMARK.match(text.strip()) if _URL_HINT.search(text) else None
    if not found or "." not in found[0]:
        return text
    removed.append(found[0])
    return text.strip()[len(found[0]) :]


def _tail_start(paras: list[Para]) -> int:
    """Index where the trailing site furniture begins (len(paras) if none).

    From a tail anchor (扫一扫…, 【打印】…) on, every line must be short menu text; without an
    anchor, a run of at least three short menu-like lines at the very end counts.
    """
    end = len(paras)
    for index, para in enumerate(paras):
        rest = paras[index + 1 :]
        if _TAIL_ANCHOR.match(para.text.strip()) and all(_menu_like(p) or _footer_line(p.text) for p in rest):
            return index
    start = end
    while start > 0 and _menu_like(paras[start - 1]) and not _looks_like_date(paras[start - 1].text):
        start -= 1
    return start if end - start >= 3 else end


def _footer_line(text: str) -> bool:
    text = text.strip()
    return len(text) <= CLUTTER_MAX_CHARS and bool(_LINE_CLUTTER.match(text))


def _menu_like(para: Para) -> bool:
    if para.heading_level is not None or para.auto_marker:
        return False  # Word itself says this is a heading or a numbered item: part of the report
    text = para.text.strip()
    return (
        len(text) <= MENU_MAX_CHARS
        and not _SENTENCE_PUNCT.search(text)
        and not re.search(r"[\d\t]", text)
        and leading_marker(text) is None
        and point_at(text, 0) is None
    )


def _looks_like_date(text: str) -> bool:
    return bool(DATE_MENTION.search(text))
