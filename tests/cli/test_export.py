"""``python main.py export ID -o OUT`` with the layout options, through cli.main."""

from __future__ import annotations

import cli
from models.store import Library
from tests.models.export.docx_xml import NS, W, ppr_value, read_parts, run_font
from tests.seed_report import seed_report


def _library_with_seed(tmp_path) -> tuple[str, int]:
    db = tmp_path / "library.db"
    with Library(db) as lib:
        report_id = lib.create_report(seed_report(repaired=True))
    return str(db), report_id


def test_export_docx_with_every_option(tmp_path, capsys):
    db, report_id = _library_with_seed(tmp_path)
    target = tmp_path / "out.docx"
    code = cli.main(
        [
            "--db",
            db,
            "export",
            str(report_id),
            "-o",
            str(target),
            "--no-header",
            "--unsealed",
            "--points",
            "separate",
            "--fallback-fonts",
        ]
    )
    assert code == 0
    assert capsys.readouterr().out.strip() == str(target)
    parts = read_parts(target.read_bytes())
    text = parts.body_text()
    assert "签发人" not in text  # --no-header
    assert "抄送：" in text  # still the 报送版
    assert ppr_value(parts.exact_paragraph("重庆市九龙坡区城市管理局"), "ind", "right") == "640"  # --unsealed
    assert parts.paragraph_text(parts.find_paragraph("（一）深学笃用")).endswith("高质量发展。")  # --points separate
    faces = {run_font(r)["eastAsia"] for r in parts.document.iter(f"{{{W}}}r")}
    assert "仿宋" in faces
    assert "仿宋_GB2312" not in faces  # --fallback-fonts


def test_export_public_edition_and_web_formats(tmp_path):
    db, report_id = _library_with_seed(tmp_path)
    for name in ("public.docx", "web.html", "web.txt"):
        assert cli.main(["--db", db, "export", str(report_id), "-o", str(tmp_path / name), "--edition", "public"]) == 0
    assert read_parts((tmp_path / "public.docx").read_bytes()).document.find(".//w:tbl", NS) is None
    assert (tmp_path / "web.html").read_text(encoding="utf-8").count("<h2>") == 4
    assert (tmp_path / "web.txt").read_bytes().startswith(b"\xef\xbb\xbf")


def test_export_errors_are_one_chinese_line(tmp_path, capsys):
    db, report_id = _library_with_seed(tmp_path)
    assert cli.main(["--db", db, "export", str(report_id), "-o", str(tmp_path / "no" / "x.docx")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("错误：目标文件夹不存在")
    assert "Traceback" not in err
    assert cli.main(["--db", db, "export", str(report_id), "-o", str(tmp_path / "x.docx"), "--points", "list"]) == 1
    assert "不是可选的值" in capsys.readouterr().err


def test_export_refuses_an_existing_file_unless_forced(tmp_path, capsys):
    db, report_id = _library_with_seed(tmp_path)
    target = tmp_path / "已有.docx"
    target.write_bytes(b"the clerk's own file")
    assert cli.main(["--db", db, "export", str(report_id), "-o", str(target)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("错误：")
    assert str(target) in err
    assert "--force" in err
    assert err.count("\n") == 1  # one line
    assert target.read_bytes() == b"the clerk's own file"
    assert cli.main(["--db", db, "export", str(report_id), "-o", str(target), "--force"]) == 0
    assert capsys.readouterr().out.strip() == str(target)
    assert target.read_bytes().startswith(b"PK")


def test_export_help_names_force_in_chinese(capsys):
    help_text = cli.build_parser()._subparsers._group_actions[0].choices["export"].format_help()
    assert "--force" in help_text
    assert "覆盖" in help_text


def test_export_names_the_untouched_template_parts_it_leaves_out(tmp_path, capsys):
    from models.templates import load_template, new_report

    db = str(tmp_path / "lib.db")
    report = new_report(load_template("fzzf-annual"), 2024, "某区某局")
    report.body[0].text = "2024年，某区某局坚持依法行政。现将有关情况报告如下。"
    with Library(db) as lib:
        report_id = lib.create_report(report)
    assert cli.main(["export", str(report_id), "-o", str(tmp_path / "out.txt"), "--db", db]) == 0
    err = capsys.readouterr().err
    assert err.startswith("提示：")
    assert "略去" in err
    assert (tmp_path / "out.txt").exists()
    assert cli.main(["export", str(report_id), "-o", str(tmp_path / "out.json"), "--db", db]) == 0
    assert capsys.readouterr().err == ""  # the interchange file keeps every node


def test_export_says_in_one_line_which_faces_this_machine_lacks(tmp_path, capsys, monkeypatch):
    from models.export import font_check

    db, report_id = _library_with_seed(tmp_path)
    windows = frozenset({"SimSun", "NSimSun", "SimHei", "FangSong", "KaiTi", "Times New Roman"})
    monkeypatch.setattr(font_check, "installed_families", lambda: windows)
    assert cli.main(["export", str(report_id), "-o", str(tmp_path / "a.docx"), "--db", db]) == 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("提示：本机没有安装 方正小标宋简体（标题、发文机关标志）、仿宋_GB2312")
    assert err.rstrip().endswith("加 --fallback-fonts 可改用本机的仿宋、楷体。")
    assert cli.main(["export", str(report_id), "-o", str(tmp_path / "b.docx"), "--fallback-fonts", "--db", db]) == 0
    err = capsys.readouterr().err
    assert "仿宋" not in err
    assert "方正小标宋简体" in err
    assert cli.main(["export", str(report_id), "-o", str(tmp_path / "c.txt"), "--db", db]) == 0
    assert capsys.readouterr().err == ""  # web text names no fonts
    monkeypatch.setattr(font_check, "installed_families", lambda: windows | {"仿宋_GB2312", "楷体_GB2312", "FZXBSJW"})
    assert cli.main(["export", str(report_id), "-o", str(tmp_path / "d.docx"), "--db", db]) == 0
    assert capsys.readouterr().err == ""


def test_export_pdf_with_the_edition(tmp_path, capsys, monkeypatch):
    from models.typeset.fonts import DEFAULT_RESOLVER
    from tests.models.export.pdf_layout import FONTS_CONF

    monkeypatch.setattr(DEFAULT_RESOLVER, "fontconfig_file", FONTS_CONF)  # the tests' font set
    monkeypatch.setattr(DEFAULT_RESOLVER, "_cache", {})
    db, report_id = _library_with_seed(tmp_path)
    target = tmp_path / "公开版.pdf"
    assert cli.main(["--db", db, "export", str(report_id), "-o", str(target), "--edition", "public"]) == 0
    assert capsys.readouterr().out.strip() == str(target)
    data = target.read_bytes()
    assert data.startswith(b"%PDF-1.7")
    assert b"/Title <FEFF" in data
    assert cli.main(["--db", db, "export", str(report_id), "-o", str(target)]) != 0  # exists, no --force
    assert "--force" in capsys.readouterr().err
    assert target.read_bytes() == data


def _library_with_example(tmp_path) -> tuple[str, int]:
    from pathlib import Path

    from models.interchange import read_file

    example = Path(__file__).resolve().parents[2] / "resources" / "examples" / "example-report.json"
    db = tmp_path / "library.db"
    with Library(db) as lib:
        report_id = lib.create_report(read_file(example)[0])
    return str(db), report_id


def test_export_says_when_the_last_page_was_tightened(tmp_path, capsys, monkeypatch):
    """The example's 公开版 would leave 署名 alone on its last page: the .docx and the PDF are tightened alike,
    and the command says so; the 报送版 needs nothing and says nothing."""
    from models.typeset.fonts import DEFAULT_RESOLVER
    from tests.models.export.pdf_layout import FONTS_CONF

    monkeypatch.setattr(DEFAULT_RESOLVER, "fontconfig_file", FONTS_CONF)  # the tests' font set
    monkeypatch.setattr(DEFAULT_RESOLVER, "_cache", {})
    db, report_id = _library_with_example(tmp_path)
    for suffix in (".docx", ".pdf"):
        target = tmp_path / f"公开版{suffix}"
        assert cli.main(["--db", db, "export", str(report_id), "-o", str(target), "--edition", "public"]) == 0
        assert "提示：正文末页的行距收紧为 27.45 磅" in capsys.readouterr().err
    document = read_parts((tmp_path / "公开版.docx").read_bytes()).document
    assert "549" in [ppr_value(p, "spacing", "line") for p in document.iter(f"{{{W}}}p")]
    assert cli.main(["--db", db, "export", str(report_id), "-o", str(tmp_path / "报送版.docx")]) == 0
    assert "行距" not in capsys.readouterr().err
