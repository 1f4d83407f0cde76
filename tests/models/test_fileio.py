"""Atomic writes (models/fileio.py)."""

from __future__ import annotations

from pathlib import Path

from models.fileio import write_atomic


def test_long_chinese_file_name_is_written(tmp_path: Path) -> None:
    # 80 Chinese characters: 240 UTF-8 bytes + ".docx" is a valid name (at most 255 bytes), but the
    # temporary name must not add the whole name again.
    target = tmp_path / ("重庆市某区某局关于法治政府建设情况的报告" * 4 + ".docx")
    assert len(target.name.encode("utf-8")) <= 255
    write_atomic(target, b"data")
    assert target.read_bytes() == b"data"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary file left behind
