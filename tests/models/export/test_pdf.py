"""The PDF export read back with poppler: text, fonts, metadata and positions against the typesetter."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from models.edition import Edition
from models.export import ExportError, ExportOptions, export_report
from models.export.pdf import build_pdf
from models.export.web import build_text
from models.importing import import_file
from models.report import Report, table_node
from models.typeset import FontResolver, Pages, TypesetSettings, typeset
from tests.models.export.pdf_layout import read_pages, render_pdfs, renderer_available
from tests.models.typeset.agreement import REAL, TEST_FONTS, _page_streams, seed_with_ledger
from tests.seed_report import seed_report

pytestmark = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("pdftotext", "pdffonts", "pdfinfo", "fc-match")),
    reason="poppler-utils or fontconfig not installed",
)

REAL_REPORT = "2020-county-cq-chengkou-gov"


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text.replace("\ufeff", ""))


def _export(report: Report, options: ExportOptions, folder: Path, name: str) -> tuple[Path, Pages]:
    target = folder / f"{name}.pdf"
    target.write_bytes(build_pdf(report, options, TEST_FONTS))
    return target, typeset(report, options, TEST_FONTS)


def _tool(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True, timeout=60).stdout


CASES = {
    "seed-public": (lambda: seed_report(repaired=True), Edition.PUBLIC),
    "seed-submit": (lambda: seed_report(repaired=True), Edition.SUBMIT),
    "real-public": (lambda: import_file(REAL / f"{REAL_REPORT}.txt").report, Edition.PUBLIC),
}


@pytest.fixture(scope="module", params=sorted(CASES))
def exported(request, tmp_path_factory) -> tuple[Report, Path, Pages]:
    make, edition = CASES[request.param]
    report = make()
    pdf, pages = _export(report, ExportOptions(edition=edition), tmp_path_factory.mktemp("pdf"), request.param)
    return report, pdf, pages


def test_every_line_reads_back_as_the_typesetter_set_it(exported) -> None:
    _, pdf, pages = exported
    read = read_pages(pdf)
    assert len(read) == len(pages)
    for page, back in zip(pages, read, strict=True):
        expected = [_squeeze(line.text) for line in page.lines if _squeeze(line.text)]
        folio = page.folio.text if page.folio else ""
        got = [_squeeze(line.text) for line in back.lines]
        assert got == [*expected, _squeeze(folio)] if folio else expected, f"page {page.number}"


def test_lines_stand_where_the_typesetter_put_them(exported) -> None:
    _, pdf, pages = exported
    for page, back in zip(pages, read_pages(pdf), strict=True):
        laid = [line for line in page.lines if _squeeze(line.text)] + ([page.folio] if page.folio else [])
        for line, found in zip(laid, back.lines, strict=True):
            assert found.x0 == pytest.approx(line.x0, abs=0.5), (page.number, line.text)
            baseline = line.runs[0].baseline
            # poppler's box runs from the font's ascent to its descent around the baseline
            assert found.y0 < baseline < found.y1, (page.number, line.text)
            assert found.y1 - baseline < 0.35 * line.runs[0].size


def test_the_text_is_the_reports_paragraph_by_paragraph(exported) -> None:
    """Copy-paste gives the clerk's words: every paragraph of the text export, numbering included,
    in order, with no look-alike radicals (⾏ for 行) from a ToUnicode built from the glyphs."""
    report, pdf, _ = exported
    body = "".join(_squeeze(line.text) for back in read_pages(pdf) for line in back.lines if not _is_folio(line.text))
    position = 0
    for paragraph in build_text(report).decode("utf-8").split("\n"):
        if not (wanted := _squeeze(paragraph)):
            continue
        found = body.find(wanted, position)
        assert found >= 0, paragraph
        position = found + len(wanted)
    assert not re.search("[\u2e80-\u2fdf]", body)


def _is_folio(text: str) -> bool:
    return re.fullmatch(r"—\s*\d+\s*—", text.strip()) is not None


def test_fonts_are_embedded_subsets_with_unicode_maps(exported) -> None:
    _, pdf, _ = exported
    rows = _tool("pdffonts", str(pdf)).splitlines()[2:]
    assert rows
    for row in rows:
        name, *_, emb, sub, uni, _obj, _gen = row.split()
        assert re.fullmatch(r"[A-Z]{6}\+\S+", name)
        assert (emb, sub, uni) == ("yes", "yes", "yes"), row


def test_title_author_and_page_count(exported) -> None:
    report, pdf, pages = exported
    info = dict(re.findall(r"^([\w ]+):[ \t]*(.*)$", _tool("pdfinfo", str(pdf)), re.M))
    assert info["Title"] == report.meta.title.replace("\n", "")
    assert info["Author"] == report.meta.issuer
    assert int(info["Pages"]) == len(pages)
    assert info["PDF version"] == "1.7"
    assert "A4" in info["Page size"]
    xmp = _tool("pdfinfo", "-meta", str(pdf))
    assert f"<dc:creator><rdf:Seq><rdf:li>{report.meta.issuer}</rdf:li>" in xmp
    assert f'<rdf:li xml:lang="x-default">{info["Title"]}</rdf:li>' in xmp


@pytest.mark.skipif(not renderer_available(), reason="LibreOffice not installed")
def test_page_count_equals_libreoffices_render_of_the_docx(tmp_path) -> None:
    report = seed_report(repaired=True)
    options = ExportOptions(edition=Edition.PUBLIC)
    docx = export_report(report, tmp_path / "seed.docx", options)
    (rendered,) = render_pdfs([docx], tmp_path)
    pdf, _ = _export(report, options, tmp_path, "ours")
    assert len(read_pages(pdf)) == len(read_pages(rendered))


def _fonts_conf(folder: Path, body: str) -> Path:
    conf = folder / "fonts.conf"
    conf.write_text(f'<?xml version="1.0"?>\n<fontconfig>{body}</fontconfig>\n', encoding="utf-8")
    return conf


def test_a_machine_whose_font_lacks_the_chinese_characters_gets_a_message(tmp_path) -> None:
    dejavu = Path("/usr/share/fonts/truetype/dejavu")
    if not dejavu.is_dir():
        pytest.skip("DejaVu fonts not installed")
    conf = _fonts_conf(tmp_path, f"<dir>{dejavu}</dir><cachedir>{tmp_path / 'cache'}</cachedir>")
    settings = TypesetSettings(resolver=FontResolver(fontconfig_file=conf))
    target = tmp_path / "out.pdf"
    with pytest.raises(ExportError, match="方框"):
        build_pdf(seed_report(repaired=True), ExportOptions(), settings)
    assert not target.exists()


def test_a_machine_without_any_font_gets_a_message(tmp_path) -> None:
    conf = _fonts_conf(tmp_path, f"<cachedir>{tmp_path / 'cache'}</cachedir>")
    settings = TypesetSettings(resolver=FontResolver(fontconfig_file=conf))
    with pytest.raises(ExportError, match="找不到"):
        build_pdf(seed_report(repaired=True), ExportOptions(), settings)


def test_a_report_with_a_table_exports_its_cells_and_borders(tmp_path) -> None:
    report = seed_report(repaired=True)
    cells = [["项目", "数量"], ["行政复议", "12"], ["行政应诉", "7"]]
    report.body[1].children.insert(1, table_node(cells, title="表1 案件"))
    target, pages = _export(report, ExportOptions(), tmp_path, "表格")
    [page] = [page for page in pages if page.boxes]
    text = _squeeze(_tool("pdftotext", "-layout", "-f", str(page.number), "-l", str(page.number), str(target), "-"))
    for row in cells:
        assert "".join(row) in text  # a row reads across, cell by cell
    assert "表1案件" in text
    streams = _page_streams(target)
    assert len(streams) == len(pages)
    assert streams[page.number - 1].count(" re S") == len(page.boxes) == 6  # every cell's border


def test_the_ledger_attachment_exports_as_a_table(tmp_path) -> None:
    options = ExportOptions(edition=Edition.PUBLIC, ledger_table=True)
    target = tmp_path / "台账.pdf"
    target.write_bytes(build_pdf(seed_with_ledger(), options, TEST_FONTS))
    pages = str(len(typeset(seed_with_ledger(), options, TEST_FONTS)))
    last = _squeeze(_tool("pdftotext", "-layout", "-f", pages, "-l", pages, str(target), "-"))
    assert "附件" in last
    assert "法治培训场次64" in last
    assert " re S" in _page_streams(target)[-1]
