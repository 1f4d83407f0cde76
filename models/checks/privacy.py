"""Before publishing the 公开版: personal data and state secrets (public edition only). The
reminder to confirm there are no secrets is a line of the export dialog, not a finding."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from models.checks.model import ADVICE, ERROR, NODE_FIELDS, Hit, Rule, Where
from models.checks.patterns import CJK, regex_hits
from models.checks.sources import DUCHA_PUBLISH, XXGK
from models.edition import Edition

PUBLIC_ONLY = frozenset({Edition.PUBLIC})
# Every field the 公开版 prints: the body and the metadata, 附注 (联系人和电话) and 版记 included.
PRIVACY_FIELDS = NODE_FIELDS | frozenset(
    {
        "meta.title",
        "meta.recipients",
        "meta.note",
        "meta.cc",
        "meta.issuer",
        "meta.signer",
        "meta.signature",
        "meta.printed_by",
        "meta.doc_number",
    }
)
_MOBILE = re.compile(r"(?<![\d.])1[3-9]\d(?:[ -]?\d{4}){2}(?![\d.])")
_ID_NUMBER = re.compile(r"(?<![\dXx])\d{17}[\dXx](?![\dXx\d])")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_CONTACT = re.compile(
    rf"(?:联系人|经办人|承办人)[：:\s]*[{CJK}]{{2,4}}"
    rf"|[{CJK}]{{2,4}}?(?:同志)?[，,：:\s]*(?:联系)?(?:电话|手机)[：:\s]*\d[\d\- ]{{6,}}\d"
)
_SERVICE_WORDS = ("咨询", "服务", "值班", "举报", "投诉", "监督", "热线", "办公", "传真", "联系")
_CLASSIFIED = re.compile("绝密|机密|涉密|秘密(?![书])|内部资料|内部文件|不宜公开|不予公开")


def valid_id_number(number: str) -> bool:
    """18-digit 居民身份证号码: GB 11643 check digit and a real birth date."""
    if len(number) != 18 or not number[:17].isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS, strict=True))
    if _ID_CHECK[total % 11] != number[17].upper():
        return False
    try:
        birth = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    return 1900 <= birth.year <= 2100


def check_id_numbers(text: str, where: Where) -> Iterator[Hit]:
    for m in _ID_NUMBER.finditer(text):
        if valid_id_number(m.group(0)):
            yield Hit(m.start(), m.end())


def check_contact(text: str, where: Where) -> Iterator[Hit]:
    if not any(word in text for word in ("电话", "手机", "联系人", "经办人", "承办人")):
        return
    for m in _CONTACT.finditer(text):
        lead = m.group(0)[:4]
        if not any(word in lead for word in _SERVICE_WORDS) or m.group(0).startswith(("联系人", "经办人", "承办人")):
            yield Hit(m.start(), m.end())


RULES = (
    Rule(
        "privacy.mobile",
        "privacy",
        ERROR,
        XXGK,
        "公开版中有手机号码。个人信息不得公开，请删除或改为单位办公电话。",
        lambda text, where: regex_hits(_MOBILE, text),
        fields=PRIVACY_FIELDS,
        editions=PUBLIC_ONLY,
    ),
    Rule(
        "privacy.id-number",
        "privacy",
        ERROR,
        XXGK,
        "公开版中有居民身份证号码，不得公开，请删除。",
        check_id_numbers,
        fields=PRIVACY_FIELDS,
        editions=PUBLIC_ONLY,
    ),
    Rule(
        "privacy.contact-name",
        "privacy",
        ADVICE,
        XXGK,
        "公开版中有联系人姓名和电话，请确认是否属于可以公开的单位信息。",
        check_contact,
        fields=PRIVACY_FIELDS,
        editions=PUBLIC_ONLY,
    ),
    Rule(
        "privacy.classified-words",
        "privacy",
        ADVICE,
        DUCHA_PUBLISH,
        "这里提到“秘密”“内部”等字样，涉及党和国家秘密的内容不得公开，请确认。",
        lambda text, where: regex_hits(_CLASSIFIED, text),
        fields=PRIVACY_FIELDS,
        editions=PUBLIC_ONLY,
    ),
)
