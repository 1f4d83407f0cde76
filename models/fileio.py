"""Atomic file writes: a temporary file in the target folder, then ``os.replace``.

An interrupted write never leaves a half file, and the old file stays intact on failure.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
from pathlib import Path

from models.errors import NianbaoError

LOCKED_MESSAGE = "文件正被其他程序（如 Word/WPS）打开，请关闭后重试，或另存为其他文件名"


class TargetFileError(NianbaoError):
    pass


def write_atomic(target: Path, data: bytes) -> None:
    folder = target.parent
    if not folder.is_dir():
        raise TargetFileError(f"目标文件夹不存在：{folder}")
    if target.is_dir():
        raise TargetFileError(f"{target} 是一个文件夹，请换一个文件名。")
    if target.exists() and not target.stat().st_mode & stat.S_IWUSR:
        raise TargetFileError(f"{target.name} 是只读文件，无法覆盖：请去掉只读属性，或另存为其他文件名。")
    try:
        # A short fixed prefix: the target's own name may already be near the 255-byte limit
        # (80 Chinese characters are 240 bytes in UTF-8).
        handle, temp_name = tempfile.mkstemp(prefix=".nianbao-", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise TargetFileError(f"无法在文件夹 {folder} 中写入文件：没有写入权限或磁盘已满。") from exc
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_name, target)
    except PermissionError as exc:
        _discard(temp_name)
        raise TargetFileError(LOCKED_MESSAGE + "。") from exc
    except OSError as exc:
        _discard(temp_name)
        raise TargetFileError(f"写入 {target.name} 失败（{_reason(exc)}），原文件未改动。") from exc


def _reason(exc: OSError) -> str:
    """The cause in Chinese for the errors a clerk can act on; the system's text otherwise."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "磁盘空间不足，请清理磁盘或换一个位置保存"
    if exc.errno == errno.EROFS:
        return "该位置是只读的，请换一个位置保存"
    return os_error_reason(exc)


def os_error_reason(exc: OSError) -> str:
    """Why a file could not be used, in Chinese: Windows' C runtime words ``strerror`` in English."""
    if isinstance(exc, FileNotFoundError):
        return "文件不存在"
    if isinstance(exc, PermissionError):
        return "没有访问权限，或文件正被其他程序占用"
    if isinstance(exc, IsADirectoryError):
        return "这是一个文件夹，不是文件"
    if isinstance(exc, FileExistsError):
        return "同名的文件或文件夹已存在"
    if isinstance(exc, NotADirectoryError):
        return "路径中有一个同名的文件，挡住了要用的文件夹"
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "磁盘空间不足"
    if exc.errno == errno.EROFS:
        return "该位置是只读的"
    # The system's own words are English on a Chinese Windows too: name the error code instead.
    code = errno.errorcode.get(exc.errno, exc.errno) if exc.errno is not None else None
    return f"系统错误（{code}）" if code is not None else "系统错误"


def _discard(name: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(name)


def text_format_fault(exc: ValueError) -> str:
    """Where a TOML file (or its encoding) is wrong, in Chinese; the parser's English stays in the log."""
    if isinstance(exc, UnicodeDecodeError):
        return "不是 UTF-8 编码的文本"
    found = re.search(r"line (\d+)", str(exc))
    return f"第 {found.group(1)} 行附近写法不对" if found else "写法不对"
