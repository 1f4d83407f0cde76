"""Reports published in traditional characters (法治政府建設情況報告) → simplified.

Detection needs no dictionary: a simplified report is written almost entirely in GB2312
characters, while traditional characters (設, 況, 報, 關) mostly lie outside it. Only when
enough of the text does is OpenCC loaded (lazily: it costs start-up time and most reports
never need it) and the text converted with its t2s dictionaries.
"""

from __future__ import annotations

import re

from models.importing.sources import Para
from models.text_chars import shorten

_HAN = re.compile(r"[\u4e00-\u9fff]")
MIN_SHARE = 0.1  # of the Han characters outside GB2312: a third or more in 繁体 text, near none in 简体
MIN_COUNT = 3
SAMPLE_CHARS = 20_000


def _outside_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return True
    return False


def looks_traditional(text: str) -> bool:
    """A report is in one script throughout, so its opening (SAMPLE_CHARS) decides, quickly."""
    sample = text[:SAMPLE_CHARS]
    han = len(_HAN.findall(sample))
    if not han:
        return False
    rare = {ch for ch in set(sample) if _HAN.match(ch) and _outside_gb2312(ch)}
    count = sum(sample.count(ch) for ch in rare)
    return count >= MIN_COUNT and count / han >= MIN_SHARE


def to_simplified(paras: list[Para]) -> list[str]:
    """Convert the paragraphs in place when they are in traditional characters; return notes."""
    joined = "\n".join(p.text for p in paras)
    if not looks_traditional(joined):
        return []
    try:
        import opencc  # deferred: ~20 ms and a dictionary load, needed only for these reports

        converter = opencc.OpenCC("t2s")
    except (ImportError, OSError, RuntimeError):
        return ["原文像是繁体字，但本机缺少繁简转换组件（OpenCC），已按原样导入，请核对。"]
    examples: list[str] = []
    for para in paras:
        simplified = converter.convert(para.text)
        if simplified != para.text and len(examples) < 2:
            examples.append(f"“{shorten(para.text.strip(), 16)}”→“{shorten(simplified.strip(), 16)}”")
        para.text = simplified
    shown = "，如" + "；".join(examples) if examples else ""
    return [f"原文是繁体字，已用 OpenCC 转换为简体字{shown}。转换前的原文保留在预览的“原文”栏中。"]
