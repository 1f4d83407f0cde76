"""Dates as GB/T 9704 7.3.5.4 writes them: 2024年3月6日 (Arabic numerals, no leading zeros)."""

from __future__ import annotations

import re

_ISO = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")


def chinese_date(value: str) -> str:
    """``2024-03-06`` → ``2024年3月6日``; empty stays empty; anything unparseable is kept as typed."""
    match = _ISO.match(value or "")
    if not match:
        return (value or "").strip()
    year, month, day = (int(part) for part in match.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return value.strip()
    return f"{year}年{month}月{day}日"
