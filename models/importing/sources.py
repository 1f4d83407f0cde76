"""Reading text files: size limits, encoding detection, lines → paragraphs.

Windows Notepad saves GBK (a subset of GB18030) or UTF-8, sometimes with a BOM, and
"Unicode" means UTF-16 with a BOM. Anything else is refused rather than guessed wrong:
a mis-decoded report would import as nonsense.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from models.errors import NianbaoError
from models.fileio import os_error_reason
from models.report import TableData

MAX_FILE_BYTES = 20 * 1024 * 1024
_MB = 1024 * 1024
# A long annual report is some 30,000 characters in a few hundred paragraphs; these leave room for
# thirty times that, and keep importing, the editor and export within a few hundred MB (bench_memory).
MAX_TEXT_CHARS = 1_000_000
MAX_PARAGRAPHS = 20_000
_LINE = re.compile(r"[^\n]+")


class ImportFileError(NianbaoError):
    """A file that cannot be imported; the message says why and what to do."""


@dataclass
class Para:
    """One paragraph of the source with what Word said about it."""

    text: str
    heading_level: int | None = None  # from a heading style or outline level (1 = highest)
    auto_marker: str = ""  # the number Word's automatic list would show, e.g. "（二）"
    list_level: int | None = None  # Word list level (1-based) when auto-numbered
    table: TableData | None = None  # a table kept as a table (its text is then "")


def check_size(path: Path) -> int:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImportFileError(f"无法读取文件 {path.name}：{os_error_reason(exc)}") from exc
    if path.is_dir():
        raise ImportFileError(f"{path.name} 是一个文件夹，请选择一个文件。")
    if size == 0:
        raise ImportFileError(f"文件 {path.name} 是空的，没有可导入的内容。")
    if size > MAX_FILE_BYTES:
        raise ImportFileError(
            f"文件 {path.name} 太大（{size / _MB:.1f} MB），超过 {MAX_FILE_BYTES // _MB} MB 的上限。"
            "年度报告通常不到 1 MB，请确认选对了文件。"
        )
    return size


def read_bytes(path: Path) -> bytes:
    check_size(path)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ImportFileError(f"无法读取文件 {path.name}：{os_error_reason(exc)}") from exc


def decode_text(raw: bytes) -> tuple[str, str]:
    """Return (text, encoding name for the notes); refuse encodings we cannot be sure of."""
    for bom, encoding, name in (
        (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
        (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
        (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
    ):
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), name
            except UnicodeDecodeError as exc:
                raise _unknown_encoding() from exc
    if b"\x00" in raw:
        raise _unknown_encoding()
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise _unknown_encoding() from exc
    if not _plausible_chinese(text):
        raise _unknown_encoding()
    return text, "GB18030/GBK"


def _plausible_chinese(text: str) -> bool:
    """GB18030 decodes most byte soup; real Chinese prose is nearly all GB2312 characters.

    Counted by encoding, not character by character: a 20 MB file is ten million characters, and
    a list of them took over 800 MB. GB2312 (EUC-CN) writes ASCII in one byte and its own characters
    in two, and leaves out the rest."""
    narrow = len(text.encode("ascii", errors="ignore"))
    wide = len(text) - narrow
    if not wide:
        return True
    common = (len(text.encode("gb2312", errors="ignore")) - narrow) // 2
    return common / wide >= 0.9


def _unknown_encoding() -> ImportFileError:
    return ImportFileError("无法识别文本文件的文字编码。请在记事本中打开它，“另存为”时把编码选为 UTF-8，再重新导入。")


def paragraphs_from_text(text: str) -> list[Para]:
    """Each non-blank line is a paragraph; indentation (also full-width spaces) is dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    # Line by line, so that a file of millions of short lines is refused before it is all in memory.
    lines = (found.group().strip() for found in _LINE.finditer(text))
    return limited(Para(line) for line in lines if line)


def limited(paras: Iterable[Para], name: str = "") -> list[Para]:
    """The paragraphs, or a refusal as soon as they pass what a report could hold: the clerk's text
    is never cut short, and nothing larger is taken in to be stored, edited and exported."""
    result: list[Para] = []
    chars = 0
    for para in paras:
        result.append(para)
        chars += len(para.text) + (sum(len(cell) for cell in para.table.cell_texts()) if para.table else 0)
        if len(result) > MAX_PARAGRAPHS or chars > MAX_TEXT_CHARS:
            raise _too_much(name)
    return result


def _too_much(name: str) -> ImportFileError:
    what = f"{name} 中的文字" if name else "要导入的文字"
    return ImportFileError(
        f"{what}太多（超过 {MAX_TEXT_CHARS // 10_000} 万字或 {MAX_PARAGRAPHS // 10_000} 万段），"
        "不像是一份年度报告，已拒绝导入，什么也没有改动。年度报告通常只有几万字，请确认选对了文件或复制的内容；"
        "如确需导入，请分成几份分别导入。"
    )
