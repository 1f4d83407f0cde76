"""Files that must be refused: a clear Chinese message each, nothing written to the library."""

from __future__ import annotations

import builtins
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest

import cli
from models.importing import ImportFileError, docx_source, import_file
from models.store import Library
from tests.conftest import ROOT


def make_docx(path: Path, text: str = "一、总体情况\n（一）加强学习。一是组织学习。") -> Path:
    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    document.save(str(path))
    return path


def rewrite_member(path: Path, member: str, transform) -> None:
    with zipfile.ZipFile(path) as source:
        items = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in items:
            target.writestr(info, transform(data) if info.filename == member else data)


def run_import(db: Path, path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = cli.main(["--db", str(db), "import", str(path)])
    return code, capsys.readouterr().err


def assert_library_empty(db: Path) -> None:
    with Library(db) as lib:
        assert lib.list_reports(include_trashed=True) == []


def not_a_zip(tmp: Path) -> Path:
    path = tmp / "report.docx"
    path.write_text("这不是 Word 文件", encoding="utf-8")
    return path


def zip_without_document(tmp: Path) -> Path:
    path = tmp / "report.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/styles.xml", "<styles/>")
    return path


def ole_encrypted(tmp: Path) -> Path:
    path = tmp / "report.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024)
    return path


def old_doc(tmp: Path) -> Path:
    path = tmp / "report.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024)
    return path


def wps_file(tmp: Path) -> Path:
    path = tmp / "报告.wps"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64)
    return path


def empty_txt(tmp: Path) -> Path:
    path = tmp / "report.txt"
    path.write_bytes(b"")
    return path


def empty_docx(tmp: Path) -> Path:
    path = tmp / "report.docx"
    path.write_bytes(b"")
    return path


def blank_text(tmp: Path) -> Path:
    path = tmp / "report.txt"
    path.write_text("\n   \n\u3000\n", encoding="utf-8")
    return path


def huge_txt(tmp: Path) -> Path:
    path = tmp / "report.txt"
    with open(path, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB without writing them
    return path


def huge_docx(tmp: Path) -> Path:
    path = tmp / "report.docx"
    with open(path, "wb") as handle:
        handle.write(b"PK\x03\x04")
        handle.truncate(50 * 1024 * 1024)
    return path


def big5_text(tmp: Path) -> Path:
    path = tmp / "report.txt"
    path.write_bytes("一、法治政府建設工作情況\n（一）加強組織領導，統籌推進法治建設。".encode("big5") * 20)
    return path


def binary_text(tmp: Path) -> Path:
    path = tmp / "report.txt"
    path.write_bytes(bytes(range(256)) * 8)
    return path


def latin1_text(tmp: Path) -> Path:
    path = tmp / "report.txt"
    path.write_bytes("Rapport annuel — année 2023, café".encode("latin-1", errors="replace"))
    return path


def pdf_file(tmp: Path) -> Path:
    path = tmp / "report.pdf"
    path.write_bytes(b"%PDF-1.7\n")
    return path


def zip_bomb(tmp: Path) -> Path:
    path = tmp / "report.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            block = b" " * (1024 * 1024)
            for _ in range(101):
                member.write(block)
    return path


def doctype_docx(tmp: Path) -> Path:
    path = make_docx(tmp / "report.docx", "一、总体情况\nXXE")
    secret = tmp / "secret.txt"
    secret.write_text("SECRET-CONTENT", encoding="utf-8")

    def inject(data: bytes) -> bytes:
        declaration = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'.encode()
        head, _, rest = data.partition(b"?>")
        return head + b"?>" + declaration + rest.replace(b">XXE<", b">&xxe;<")

    rewrite_member(path, "word/document.xml", inject)
    return path


BAD_INPUTS = [
    (not_a_zip, "不是有效的 .docx 文件"),
    (zip_without_document, "没有正文部分（word/document.xml）"),
    (ole_encrypted, "设置了打开密码"),
    (old_doc, "另存为” .docx"),
    (wps_file, "旧版 Word/WPS 格式"),
    (zip_bomb, "解压后超过 100 MB"),
    (doctype_docx, "文档类型声明（DOCTYPE/ENTITY）"),
    (empty_txt, "是空的"),
    (empty_docx, "是空的"),
    (blank_text, "内容是空的"),
    (huge_txt, "超过 20 MB 的上限"),
    (huge_docx, "超过 20 MB 的上限"),
    (big5_text, "无法识别文本文件的文字编码"),
    (binary_text, "无法识别文本文件的文字编码"),
    (latin1_text, "无法识别文本文件的文字编码"),
    (pdf_file, "不支持导入 .pdf 文件"),
]


@pytest.mark.parametrize(("make", "message"), BAD_INPUTS, ids=[m.__name__ for m, _ in BAD_INPUTS])
def test_bad_input_is_refused_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make, message: str
) -> None:
    path = make(tmp_path)
    db = tmp_path / "library.db"
    code, err = run_import(db, path, capsys)
    assert code == 1
    assert err.startswith("错误：")
    assert message in err
    assert "Traceback" not in err
    assert err.count("\n") == 1
    assert_library_empty(db)


def test_zip_bomb_is_refused_before_anything_is_decompressed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = zip_bomb(tmp_path)

    def no_reading(self, name, *args, **kwargs):
        raise AssertionError(f"{name} was decompressed")

    monkeypatch.setattr(zipfile.ZipFile, "open", no_reading)
    with pytest.raises(ImportFileError, match="解压后超过 100 MB"):
        import_file(path)


def test_python_docx_parser_does_not_resolve_entities(tmp_path: Path) -> None:
    """Belt and braces: even unchecked, python-docx's parser leaves external entities alone."""
    from docx.oxml.parser import parse_xml

    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-CONTENT", encoding="utf-8")
    element = parse_xml(f'<!DOCTYPE r [<!ENTITY e SYSTEM "{secret.as_uri()}">]><r>&e;</r>'.encode())
    assert "SECRET-CONTENT" not in (element.xpath("string(.)") or "")


def test_damaged_document_xml_gets_a_message(tmp_path: Path, library: Library) -> None:
    path = make_docx(tmp_path / "report.docx")
    rewrite_member(path, "word/document.xml", lambda data: data[: len(data) // 2])
    with pytest.raises(ImportFileError, match="XML 格式错误"):
        import_file(path)
    assert library.list_reports() == []


def test_main_import_refuses_a_doc_file_from_the_command_line(tmp_path: Path) -> None:
    path = old_doc(tmp_path)
    db = tmp_path / "library.db"
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", str(db), "import", str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert "请在 Word 或 WPS 中打开它" in done.stderr
    assert done.stdout == ""
    assert_library_empty(db)


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
