"""The .docx XML guard (defusedxml): declarations are refused in any encoding; nothing else is."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.importing import ImportFileError, import_file
from tests.models.importing.test_bad_input import make_docx, rewrite_member

DECLARATION = b'<!DOCTYPE w:document [<!ENTITY e "x">]>'


def test_declaration_in_utf16_part_is_refused(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "report.docx")

    def to_utf16(data: bytes) -> bytes:
        head, _, rest = data.partition(b"?>")
        text = (head.replace(b"UTF-8", b"UTF-16") + b"?>" + DECLARATION + rest).decode("utf-8")
        return text.encode("utf-16")

    rewrite_member(path, "word/document.xml", to_utf16)
    with pytest.raises(ImportFileError, match="DOCTYPE/ENTITY"):
        import_file(path)


def test_declaration_like_text_is_not_a_declaration(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "report.docx", "一、总体情况\n文中写着 <!DOCTYPE> 几个字。")
    result = import_file(path)
    assert "<!DOCTYPE>" in "".join(node.text for node in result.report.walk())
