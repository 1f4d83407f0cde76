"""Characters a text may hold and how many it has: hygiene shared by the store, import and export.

Word's XML cannot hold C0 control characters other than tab, newline and carriage
return, nor lone surrogates; SQLite cannot store lone surrogates as UTF-8. We clean
them on the way in, everywhere, and report how many were removed so the user is told.
"""

from __future__ import annotations

import re

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean_text(value: str) -> tuple[str, int]:
    """Return ``value`` with XML-illegal characters removed and line ends made ``\\n``."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    cleaned, count = _ILLEGAL.subn("", value)
    return cleaned, count


def count_chars(value: str) -> int:
    """字数 as a clerk counts it: every character except whitespace."""
    # str.split() drops exactly the characters str.isspace() calls whitespace, in C: the count
    # runs after every keystroke over the whole report.
    return len("".join(value.split()))


def shorten(text: str, limit: int, *, one_line: bool = False) -> str:
    """The first ``limit`` characters of ``text``, with "…" if there were more: a text quoted in a message.
    ``one_line`` first turns each run of whitespace (line breaks too) into one space."""
    if one_line:
        text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"
