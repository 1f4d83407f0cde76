"""Atomic writes (models/fileio.py)."""

from __future__ import annotations

import errno
import re
from collections.abc import Callable
from pathlib import Path

from models.fileio import os_error_reason, write_atomic


def test_long_chinese_file_name_is_written(tmp_path: Path) -> None:
    # 80 Chinese characters: 240 UTF-8 bytes + ".docx" is a valid name (at most 255 bytes), but the
    # temporary name must not add the whole name again.
    target = tmp_path / ("重庆市某区某局关于法治政府建设情况的报告" * 4 + ".docx")
    assert len(target.name.encode("utf-8")) <= 255
    write_atomic(target, b"data")
    assert target.read_bytes() == b"data"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary file left behind


def real_error(make_it_fail: Callable[[], object]) -> OSError:
    try:
        make_it_fail()
    except OSError as exc:
        return exc
    raise AssertionError("expected an OSError")


def test_os_error_reason_never_passes_the_systems_english_on(tmp_path: Path) -> None:
    blocker = tmp_path / "挡路的文件"
    blocker.write_text("x", encoding="utf-8")
    errors = [
        real_error(lambda: blocker.mkdir()),  # exists
        real_error(lambda: (blocker / "子文件夹").mkdir()),  # a file in the path
        real_error(lambda: (tmp_path / "没有的文件").open()),
        real_error(lambda: tmp_path.open()),  # a folder
        OSError(errno.ENOSPC, "No space left on device"),
        OSError(errno.EROFS, "Read-only file system"),
        OSError(errno.EIO, "Input/output error"),
        OSError("something else"),
    ]
    reasons = [os_error_reason(exc) for exc in errors]
    assert reasons[:2] == ["同名的文件或文件夹已存在", "路径中有一个同名的文件，挡住了要用的文件夹"]
    assert reasons[4:6] == ["磁盘空间不足", "该位置是只读的"]
    assert reasons[6] == "系统错误（EIO）"  # a code to search for, not the English words
    for exc, reason in zip(errors, reasons, strict=True):
        assert re.search(r"[\u4e00-\u9fff]", reason), reason
        assert not (exc.strerror and exc.strerror in reason), reason
