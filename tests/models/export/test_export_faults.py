"""Bad input and file-system faults: a clear Chinese message or a valid file, never a traceback."""

from __future__ import annotations

import errno
import io
import os
from pathlib import Path

import docx
import pytest
from docx2python import docx2python

import models.fileio
from models.errors import NianbaoError, UnsupportedFormatError
from models.export import ExportError, ExportOptions, export_report
from models.fileio import LOCKED_MESSAGE, TargetFileError
from models.report import PARAGRAPH, SECTION, Node, Report, ReportMeta
from tests.models.export.docx_xml import read_parts
from tests.seed_report import seed_meta, seed_report

EDITIONS = [ExportOptions(), ExportOptions(edition="public")]


def _export_all(report: Report, folder: Path) -> dict[str, Path]:
    """Every format and both editions; each .docx must reopen with two independent readers."""
    written = {}
    for options in EDITIONS:
        for suffix in (".docx", ".html", ".txt", ".json"):
            target = folder / f"{options.edition}{suffix}"
            written[f"{options.edition}{suffix}"] = export_report(report, target, options)
    for name, path in written.items():
        if name.endswith(".docx"):
            read_parts(path.read_bytes())  # every part is well-formed XML
            docx.Document(str(path))
            with docx2python(str(path)) as reader:
                assert reader.text is not None
    return written


def _docx_text(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_control_characters_and_lone_surrogates_are_dropped(tmp_path):
    report = Report(seed_meta(), [Node(PARAGRAPH, text="正文\x00含\x07控制\x1b字符\ud800。")])
    report.meta.title = "关于\x0c年度报告"
    files = _export_all(report, tmp_path)
    text = _docx_text(files["submit.docx"])
    assert "正文含控制字符。" in text
    assert "关于年度报告" in text
    assert "正文含控制字符。" in files["public.txt"].read_text(encoding="utf-8-sig")


def test_emoji_survive_into_every_format(tmp_path):
    report = Report(seed_meta(), [Node(PARAGRAPH, text="群众满意度高👍，继续努力🎉。")])
    files = _export_all(report, tmp_path)
    assert "群众满意度高👍，继续努力🎉。" in _docx_text(files["submit.docx"])
    assert "👍" in files["submit.html"].read_text(encoding="utf-8")


def test_two_thousand_characters_without_punctuation(tmp_path):
    run = "法治政府建设" * 333 + "法治"
    assert len(run) == 2000
    files = _export_all(Report(seed_meta(), [Node(PARAGRAPH, text=run)]), tmp_path)
    assert run in _docx_text(files["public.docx"]).split("\n")


def test_sixty_character_title_splits_into_three_lines(tmp_path):
    meta = seed_meta()
    meta.title = ("重庆市九龙坡区城市管理局关于二〇二三年度法治政府建设和依法行政工作" * 2)[:60]
    files = _export_all(Report(meta, [Node(PARAGRAPH, text="正文。")]), tmp_path)
    paragraphs = docx.Document(str(files["submit.docx"])).paragraphs
    title = next(p for p in paragraphs if p.text.replace("\n", "") == meta.title)
    lines = title.text.split("\n")
    # Natural break points (after the issuer, before 关于) win over a third line cut mid-word.
    assert "".join(lines) == meta.title
    assert 3 <= len(lines) <= 4
    assert all(len(line) <= 20 for line in lines)


def test_empty_metadata_leaves_the_parts_out(tmp_path):
    report = Report(ReportMeta(), [Node(SECTION, title="工作情况", text="正文。")])
    files = _export_all(report, tmp_path)
    text = _docx_text(files["submit.docx"])
    assert text.strip() == "一、工作情况\n正文。"
    parts = read_parts(files["submit.docx"].read_bytes())
    assert parts.document.find(".//{*}tbl") is None  # no 版记
    assert parts.document.find(".//{*}pBdr") is None  # no red rule without a 版头
    assert parts.paragraph_text(parts.paragraphs()[0]) == "一、工作情况"


def test_report_without_body(tmp_path):
    files = _export_all(Report(seed_meta(), []), tmp_path)
    text = _docx_text(files["submit.docx"])
    assert "区城市管理局关于2023年度\n法治政府建设情况的报告" in text
    assert "2024年3月6日" in text


def test_unknown_format_and_bad_options_are_refused(tmp_path):
    with pytest.raises(UnsupportedFormatError, match=r"不支持导出为 \.rtf"):
        export_report(seed_report(repaired=True), tmp_path / "out.rtf")
    with pytest.raises(ExportError, match="未知的版本"):
        export_report(seed_report(repaired=True), tmp_path / "out.docx", ExportOptions(edition="draft"))
    with pytest.raises(ExportError, match="未知的分条方式"):
        export_report(seed_report(repaired=True), tmp_path / "out.docx", ExportOptions(points="bullets"))
    assert list(tmp_path.iterdir()) == []


# --- the target: locked, read-only, missing folder, disk full -------------------------------------


@pytest.fixture
def old_file(tmp_path) -> Path:
    target = tmp_path / "report.docx"
    target.write_bytes(b"old contents")
    return target


def _assert_untouched(target: Path) -> None:
    assert target.read_bytes() == b"old contents"
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]  # no temp file left


def test_target_is_a_folder(tmp_path):
    (tmp_path / "report.docx").mkdir()
    with pytest.raises(TargetFileError, match="是一个文件夹"):
        export_report(seed_report(repaired=True), tmp_path / "report.docx")
    assert [p.name for p in tmp_path.iterdir()] == ["report.docx"]


def test_read_only_target_file(old_file):
    old_file.chmod(0o444)
    with pytest.raises(TargetFileError, match="只读文件"):
        export_report(seed_report(repaired=True), old_file)
    _assert_untouched(old_file)


def test_target_locked_by_word(old_file, monkeypatch):
    """Windows refuses to replace a file Word holds open: os.replace raises PermissionError."""

    def locked(src, dst):
        raise PermissionError(errno.EACCES, "Permission denied", str(dst))

    monkeypatch.setattr(models.fileio.os, "replace", locked)
    with pytest.raises(TargetFileError) as caught:
        export_report(seed_report(repaired=True), old_file)
    assert str(caught.value).startswith(LOCKED_MESSAGE)
    _assert_untouched(old_file)


def test_missing_folder(tmp_path):
    with pytest.raises(TargetFileError, match="目标文件夹不存在"):
        export_report(seed_report(repaired=True), tmp_path / "nowhere" / "report.docx")
    assert list(tmp_path.iterdir()) == []


def test_read_only_folder_simulated(old_file, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(models.fileio.tempfile, "mkstemp", refuse)
    with pytest.raises(TargetFileError, match=r"无法在文件夹 .* 中写入文件"):
        export_report(seed_report(repaired=True), old_file)
    _assert_untouched(old_file)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores folder permissions")
def test_read_only_folder_for_real(old_file):
    old_file.parent.chmod(0o555)
    try:
        with pytest.raises(TargetFileError, match="无法在文件夹"):
            export_report(seed_report(repaired=True), old_file)
    finally:
        old_file.parent.chmod(0o755)
    _assert_untouched(old_file)


def test_disk_full_while_writing(old_file, monkeypatch):
    real_fdopen = os.fdopen

    class FullDisk(io.RawIOBase):
        def __init__(self, handle: int) -> None:
            self.stream = real_fdopen(handle, "wb")

        def write(self, data) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

        def fileno(self) -> int:
            return self.stream.fileno()

        def close(self) -> None:
            self.stream.close()
            super().close()

    monkeypatch.setattr(models.fileio.os, "fdopen", lambda handle, mode: FullDisk(handle))
    with pytest.raises(TargetFileError) as caught:
        export_report(seed_report(repaired=True), old_file)
    message = str(caught.value)
    assert "磁盘空间不足" in message
    assert "原文件未改动" in message
    assert isinstance(caught.value, NianbaoError)
    _assert_untouched(old_file)
