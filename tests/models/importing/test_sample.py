"""The published sample report (with its web clutter) and our own variants of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.importing import import_file, import_text
from models.report import POINT, SECTION, Report
from tests.conftest import SEED_REPORT
from tests.models.importing.helpers import (
    assert_nothing_lost,
    shape,
    write_single_paragraph_docx,
    write_structured_docx,
)

PART_TITLES = [
    "2023年法治政府建设工作情况",
    "主要负责人履行推进法治建设第一责任人职责情况",
    "存在的主要问题",
    "下一步工作打算",
]


def seed_text() -> str:
    return SEED_REPORT.read_text(encoding="utf-8")


def assert_seed_shape(report: Report) -> None:
    sections = [n for n in report.body if n.kind == SECTION]
    assert [s.title for s in sections] == PART_TITLES
    one, two, three, four = sections
    assert [c.kind for c in one.children] == [SECTION] * 9
    assert [c.kind for c in two.children] == [SECTION] * 4
    assert [c.kind for c in three.children] == [POINT] * 5
    assert [c.kind for c in four.children] == [SECTION] * 5
    first_item = one.children[0]
    assert first_item.title == "深学笃用习近平法治思想和党的二十大精神,推动城市管理部门法治政府建设高质量发展。"
    assert [p.title for p in first_item.children] == [
        "多形式开展学习。",
        "结合实际贯彻落实。",
        first_item.children[2].title,
    ]
    assert first_item.children[2].title.startswith("积极开展九龙坡区2023年法治政府建设示范创建活动")
    assert first_item.children[0].text.startswith("通过局党委会议")
    assert four.text.startswith("2024年,区城市管理局将以习近平新时代")
    assert four.children[0].title == "持续深化“放管服”改革优化营商环境。"
    assert report.meta.year == 2023


def test_seed_report_imports_to_its_four_parts() -> None:
    result = import_file(SEED_REPORT)
    report = result.report
    assert_seed_shape(report)
    assert report.meta.date == "2024-03-06"
    assert report.meta.title == "区城市管理局关于2023年度法治政府建设情况的报告"
    assert report.meta.issuer == "九龙坡区城市管理局"
    assert report.body[0].kind == "paragraph"
    assert report.body[0].key == "preamble"
    assert report.body[0].text.startswith("2023年,九龙坡区城市管理局坚持")
    assert [n.key for n in report.body[1:]] == ["measures", "leader", "shortcomings", "plans"]
    assert_nothing_lost(seed_text(), result)


def test_seed_report_clutter_is_removed_and_said() -> None:
    result = import_file(SEED_REPORT)
    all_text = "".join(n.title + n.text for n in result.report.walk())
    for clutter in ("您当前的位置", "扫一扫", "智能问答", "政府网站", "日期:"):
        assert clutter not in all_text
    assert any("网页上的无关内容" in note and "扫一扫在手机打开当前页" in note for note in result.notes)
    assert any("发布日期 2024-03-06" in note for note in result.notes)


def test_seed_without_line_breaks_in_one_paragraph(tmp_path: Path) -> None:
    """The whole report (title included) in one .docx paragraph: split at its numbers."""
    lines = [line.strip() for line in seed_text().splitlines() if line.strip()]
    start = lines.index("区城市管理局关于2023年度法治政府建设情况的报告")
    end = next(i for i, line in enumerate(lines) if line.startswith("扫一扫"))
    body_lines = [line for line in lines[start:end] if not line.startswith("日期")]
    one_paragraph = "".join(body_lines)
    path = tmp_path / "one-paragraph.docx"
    write_single_paragraph_docx(one_paragraph, path)
    result = import_file(path)
    assert_seed_shape(result.report)
    reference = import_file(SEED_REPORT).report
    assert shape(result.report.body) == shape(reference.body)
    assert any("拆开" in note for note in result.notes)
    assert_nothing_lost(one_paragraph, result)


@pytest.mark.parametrize("mode", ["styles", "numpr"])
def test_seed_as_structured_docx(tmp_path: Path, mode: str) -> None:
    """Headings in Word heading styles, or numbered by Word's automatic lists (no typed numbers)."""
    reference = import_file(SEED_REPORT).report
    path = tmp_path / f"{mode}.docx"
    visible_text = write_structured_docx(reference, path, mode)
    result = import_file(path)
    assert_seed_shape(result.report)
    assert shape(result.report.body) == shape(reference.body)
    assert_nothing_lost(visible_text, result)


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("gbk", b""),
        ("gb18030", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
    ],
)
def test_seed_in_windows_text_encodings(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(prefix + seed_text().replace("\n", "\r\n").encode(encoding))
    result = import_file(path)
    assert_seed_shape(result.report)
    assert result.report.meta.date == "2024-03-06"
    assert_nothing_lost(seed_text(), result)
    assert any("GB18030" in n for n in result.notes) == encoding.startswith("gb")


def test_pasted_text_is_the_same_as_the_file() -> None:
    from_paste = import_text(seed_text())
    from_file = import_file(SEED_REPORT)
    assert shape(from_paste.report.body) == shape(from_file.report.body)
    assert from_paste.report.meta == from_file.report.meta
