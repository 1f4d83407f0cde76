"""The .docx body is written in chunks (bench/bench_memory.py measures the memory this saves):
the file is the same whatever the chunk size, long paragraphs cut between runs included."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

from models.export import docx_writer
from models.export.docx_writer import build_docx
from models.export.options import ExportOptions
from models.report import PARAGRAPH, SECTION, Node, Report
from tests.seed_report import seed_report

QUOTED = "“字”" * 1500
QUOTED_RUNS = ["“"] + ["字", "”“"] * 1499 + ["字", "”"]  # the marks in their own runs, in the CJK face
PLAIN = "推进严格规范公正文明执法。"


def long_report() -> Report:
    body = [Node(SECTION, title="第一部分工作情况", text=QUOTED)]
    body += [Node(PARAGRAPH, text=f"{PLAIN}第{index}段。") for index in range(600)]
    body.append(Node(SECTION, title="第二部分工作情况", text=f"{QUOTED}\n{PLAIN}\n{QUOTED}"))
    return Report(meta=seed_report(repaired=True).meta, body=body)


def document_xml(report: Report, options: ExportOptions) -> bytes:
    return zipfile.ZipFile(io.BytesIO(build_docx(report, options))).read("word/document.xml")


@pytest.mark.parametrize("chunk_runs", [1, 7, 2000])
@pytest.mark.parametrize("edition", ["submit", "public"])
def test_document_is_the_same_whatever_the_chunk_size(
    monkeypatch: pytest.MonkeyPatch, chunk_runs: int, edition: str
) -> None:
    options = ExportOptions(edition=edition)
    report = long_report()
    monkeypatch.setattr(docx_writer, "_CHUNK_RUNS", 10**9)  # the whole body in one tree
    whole = document_xml(report, options)
    monkeypatch.setattr(docx_writer, "_CHUNK_RUNS", chunk_runs)
    assert document_xml(report, options) == whole


def test_long_paragraphs_keep_every_character_and_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_writer, "_CHUNK_RUNS", 100)
    document = docx.Document(io.BytesIO(build_docx(long_report(), ExportOptions())))
    texts = [paragraph.text for paragraph in document.paragraphs]
    first = texts.index(QUOTED)
    assert texts[first - 1] == "一、第一部分工作情况"
    assert texts[first + 1 : first + 601] == [f"{PLAIN}第{index}段。" for index in range(600)]
    assert texts[first + 601 : first + 605] == ["二、第二部分工作情况", QUOTED, PLAIN, QUOTED]
    assert [run.text for run in document.paragraphs[first].runs] == QUOTED_RUNS
    assert [run.text for run in document.paragraphs[first + 602].runs] == QUOTED_RUNS


def test_seed_report_is_unchanged_by_chunking(monkeypatch: pytest.MonkeyPatch) -> None:
    report = seed_report(repaired=True)
    monkeypatch.setattr(docx_writer, "_CHUNK_RUNS", 10**9)
    whole = document_xml(report, ExportOptions())
    monkeypatch.setattr(docx_writer, "_CHUNK_RUNS", 3)
    assert document_xml(report, ExportOptions()) == whole
