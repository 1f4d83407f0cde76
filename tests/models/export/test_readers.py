"""The exported .docx reopens with python-docx and docx2python and both read the same text in order."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx2python import docx2python

from models.export import ExportOptions, export_report
from tests.models.export.sample_report import generated_report
from tests.seed_report import seed_report


def _python_docx_paragraphs(path: Path) -> list[str]:
    document = docx.Document(str(path))
    texts: list[str] = []
    for item in document.iter_inner_content():
        cells = [c for row in item.rows for c in row.cells] if isinstance(item, Table) else []
        paragraphs = [item] if isinstance(item, Paragraph) else [p for c in cells for p in c.paragraphs]
        texts.extend(p.text for p in paragraphs)
    return [t.strip() for t in texts if t.strip()]


def _docx2python_paragraphs(path: Path) -> list[str]:
    flat: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, str):
            flat.append(node)
        else:
            for child in node:  # type: ignore[attr-defined]
                walk(child)

    with docx2python(str(path)) as reader:
        walk(reader.body)
    return [t.strip() for t in flat if t.strip()]


@pytest.mark.parametrize(
    "options",
    [
        ExportOptions(),
        ExportOptions(edition="public", points="separate"),
        ExportOptions(sealed=False, fallback_fonts=True),
    ],
)
def test_two_readers_same_text_same_order(tmp_path, options):
    for name, report in (("seed", seed_report(repaired=True)), ("generated", generated_report(2, 2, 300))):
        path = export_report(report, tmp_path / f"{name}.docx", options)
        ours, theirs = _python_docx_paragraphs(path), _docx2python_paragraphs(path)
        assert len(ours) > 5
        assert ours == theirs
