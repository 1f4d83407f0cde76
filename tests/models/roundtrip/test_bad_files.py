"""Files that cannot be merged get a clear Chinese message, and the report is not touched."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from models.errors import NianbaoError
from models.roundtrip.merge import plan_merge
from models.roundtrip.package import make_package
from models.roundtrip.parts import find_part
from models.store import Library
from tests.models.roundtrip.conftest import reload, state


def _good(library: Library, report_id: int, folder: Path) -> bytes:
    target = folder / "good.docx"
    make_package(library, report_id, [find_part(reload(library, report_id), "2")], "办公室", target)
    return target.read_bytes()


def _rezipped(data: bytes, change: Callable[[str, bytes], bytes | None]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = change(item.filename, source.read(item))
            if content is not None:
                target.writestr(item.filename, content)
    return out.getvalue()


BAD_FILES: dict[str, tuple[str, Callable[[bytes], bytes], str]] = {
    "old .doc": ("填报.doc", lambda good: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "不是 .docx 文件"),
    "old .doc renamed": (
        "填报.docx",
        lambda good: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600,
        "旧版 Word/WPS 格式",
    ),
    "truncated": ("填报.docx", lambda good: good[: len(good) // 2], "不是有效的 .docx 文件"),
    "text file": ("填报.docx", lambda good: "这不是 Word 文档".encode(), "不是有效的 .docx 文件"),
    "empty": ("填报.docx", lambda good: b"", "是空的"),
    "no body part": (
        "填报.docx",
        lambda good: _rezipped(good, lambda n, b: None if n == "word/document.xml" else b),
        "没有正文部分",
    ),
    "broken xml": (
        "填报.docx",
        lambda good: _rezipped(good, lambda n, b: b[: len(b) // 2] if n == "word/document.xml" else b),
        "已损坏（内部内容不完整）",
    ),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_bad_files_are_refused_in_chinese_and_change_nothing(
    case: str, library: Library, report_id: int, tmp_path: Path
) -> None:
    name, make, message = BAD_FILES[case]
    path = tmp_path / name
    path.write_bytes(make(_good(library, report_id, tmp_path)))
    before = state(library, report_id)
    with pytest.raises(NianbaoError, match=re.escape(message)):
        plan_merge(library, report_id, path)
    assert state(library, report_id) == before


def test_a_missing_file_is_named(library: Library, report_id: int, tmp_path: Path) -> None:
    with pytest.raises(NianbaoError, match=r"无法读取文件 没有\.docx"):
        plan_merge(library, report_id, tmp_path / "没有.docx")


def test_a_docx_that_is_not_ours_only_gets_proposals(library: Library, report_id: int, tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("二、党政主要负责人履行推进法治建设第一责任人职责情况")
    document.add_paragraph("主要负责人带头讲法治课1次。")
    path = tmp_path / "别人写的.docx"
    document.save(str(path))
    before = state(library, report_id)
    plan = plan_merge(library, report_id, path)
    assert "没有找到年报助手的隐藏标记" in plan.problems[0]
    assert [(p.label, p.text) for p in plan.proposals] == [
        ("二、党政主要负责人履行推进法治建设第一责任人职责情况", "主要负责人带头讲法治课1次。")
    ]
    assert plan.changes == []
    assert state(library, report_id) == before
