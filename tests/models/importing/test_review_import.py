"""Import defects found in review: each test failed before its fix."""

from __future__ import annotations

import builtins
from pathlib import Path

import pytest

from models.importing import ImportFileError, docx_source, import_file


def test_docx_that_cannot_be_opened_gives_a_message_not_a_traceback(tmp_path: Path, monkeypatch) -> None:
    # Windows: a file held exclusively by another program, or without read permission.
    path = tmp_path / "去年的报告.docx"
    path.write_bytes(b"PK\x03\x04 not really")

    def denied(file, *args, **kwargs):
        if Path(file) == path:
            raise PermissionError(13, "Permission denied")
        return builtins.open(file, *args, **kwargs)

    monkeypatch.setattr(docx_source, "open", denied, raising=False)
    with pytest.raises(ImportFileError, match="没有访问权限"):
        import_file(path)
