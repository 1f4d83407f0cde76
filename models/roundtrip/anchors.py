"""Hidden bookmarks that tie an area of a .docx to a part of a report.

A name reads ``_nb<report>_<file>_<node><role><hash>``, e.g. ``_nb3_12_4567t1a2b3c4d``: the
leading ``_`` hides it in Word's bookmark list, and it stays under Word's 40 characters. The
file id finds the record of the text each area had when the file was made; the hash (of that
text as the file shows it) still tells an edited area from an untouched one when the record is
gone, e.g. after the library was restored from an older backup.

Bookmarks survive a save in Word and LibreOffice (content controls lose their tags in
LibreOffice): see docs/roundtrip.md for what was measured.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from models.export.blocks import clean

PREFIX = "_nb"
MAX_NAME = 40  # Word's limit for a bookmark name
_NAME = re.compile(r"_nb(\d+)_(\d+)_(\d+)([hgtie])([0-9a-f]{8})")


@dataclass(frozen=True)
class Anchor:
    report_id: int
    file_id: int
    node_id: int
    role: str
    digest: str  # the first 8 hex digits of the area's text hash when the file was made

    @property
    def name(self) -> str:
        return f"{PREFIX}{self.report_id}_{self.file_id}_{self.node_id}{self.role}{self.digest}"

    @property
    def key(self) -> tuple[int, str]:
        return self.node_id, self.role


def shown_text(text: str) -> str:
    """Text as a .docx shows it and as it is compared: each line trimmed, blank lines dropped
    (the export writes each non-blank line as a paragraph)."""
    return "\n".join(line.strip() for line in clean(text).split("\n") if line.strip())


def digest(text: str) -> str:
    return hashlib.sha1(shown_text(text).encode("utf-8"), usedforsecurity=False).hexdigest()[:8]


def anchor_for(report_id: int, file_id: int, node_id: int, role: str, text: str) -> Anchor:
    anchor = Anchor(report_id, file_id, node_id, role, digest(text))
    if len(anchor.name) > MAX_NAME:  # ids beyond 10^9 or so; never in a real library
        raise ValueError(f"bookmark name too long: {anchor.name}")
    return anchor


def parse(name: str) -> Anchor | None:
    """The anchor a bookmark name stands for, or None for any other bookmark."""
    match = _NAME.fullmatch(name or "")
    if match is None:
        return None
    report_id, file_id, node_id, role, hashed = match.groups()
    return Anchor(int(report_id), int(file_id), int(node_id), role, hashed)
