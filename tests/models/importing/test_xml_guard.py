"""The .docx XML guard (defusedxml): declarations are refused in any encoding; nothing else is."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from models.importing import ImportFileError, import_file
from tests.models.importing.test_bad_input import (
    assert_library_empty,
    doctype_docx,
    make_docx,
    rewrite_member,
    run_import,
)

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


def renamed_document_with_declaration(tmp: Path) -> Path:
    """The document part renamed to word/document.bin (declared by an Override), holding a DOCTYPE;
    a harmless word/document.xml stays behind, unreferenced."""
    path = doctype_docx(tmp)
    with zipfile.ZipFile(path) as source:
        items = {info.filename: source.read(info) for info in source.infolist()}
    clean = zipfile.ZipFile(make_docx(tmp / "clean.docx")).read("word/document.xml")
    items["word/document.bin"] = items.pop("word/document.xml")
    items["word/document.xml"] = clean
    items["word/_rels/document.bin.rels"] = items.pop("word/_rels/document.xml.rels")
    items["_rels/.rels"] = items["_rels/.rels"].replace(b'Target="word/document.xml"', b'Target="word/document.bin"')
    items["[Content_Types].xml"] = items["[Content_Types].xml"].replace(
        b'PartName="/word/document.xml"', b'PartName="/word/document.bin"'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in items.items():
            target.writestr(name, data)
    return path


def test_declaration_in_renamed_part_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = renamed_document_with_declaration(tmp_path)
    with pytest.raises(ImportFileError, match="文档类型声明（DOCTYPE/ENTITY）"):
        import_file(path)
    db = tmp_path / "library.db"
    code, err = run_import(db, path, capsys)
    assert code == 1
    assert "文档类型声明（DOCTYPE/ENTITY）" in err
    assert "SECRET-CONTENT" not in err
    assert_library_empty(db)


def test_declaration_in_part_with_declared_extension_is_refused(tmp_path: Path) -> None:
    """A Default extension declared as XML makes every part with that extension XML."""
    path = make_docx(tmp_path / "report.docx")
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("customXml/item9.dat", b"<?xml version='1.0'?>" + DECLARATION + b"<w:document/>")
    rewrite_member(
        path,
        "[Content_Types].xml",
        lambda data: data.replace(
            b'<Default Extension="xml"', b'<Default Extension="dat" ContentType="text/xml"/><Default Extension="xml"'
        ),
    )
    with pytest.raises(ImportFileError, match="DOCTYPE/ENTITY"):
        import_file(path)
