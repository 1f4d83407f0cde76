"""Rendered with LibreOffice: 22 lines × 28 characters, nothing lost, page numbers, title, 版记.

One soffice run renders all documents (module fixture); each test reads the PDFs.
"""

from __future__ import annotations

import itertools
from collections import Counter
from pathlib import Path

import docx
import pytest

from models.export import ExportOptions, export_report
from models.export.blocks import body_blocks, prune
from models.export.titles import split_title
from tests.models.export.pdf_layout import (
    MM,
    TEXT_BOTTOM,
    TEXT_LEFT,
    TEXT_RIGHT,
    Page,
    char_count,
    is_full_width,
    read_pages,
    render_pdfs,
    renderer_available,
    short_line_explained,
)
from tests.models.export.sample_report import generated_report, stepped_report
from tests.seed_report import seed_report

pytestmark = [
    pytest.mark.render,
    pytest.mark.skipif(not renderer_available(), reason="LibreOffice/poppler not installed"),
]


def repaired_seed():
    return seed_report(repaired=True)


CASES = {
    "seed-submit": (repaired_seed, ExportOptions()),
    "seed-public": (repaired_seed, ExportOptions(edition="public")),
    "generated-unsealed": (generated_report, ExportOptions(sealed=False, points="separate")),
}
# A standalone heading every third line: without keep-with-next some page ends on one.
STEPPED = {
    "stepped-submit": (stepped_report, ExportOptions()),
    "stepped-public": (stepped_report, ExportOptions(edition="public")),
}
HANGING = "，。、；：？！”’）》"
SHIFTS = (3, 9, 17, 24)  # characters put before every text: the line breaks fall elsewhere each time


def shifted_seed(shift: int):
    report = seed_report(repaired=True)
    for node in report.walk():
        if node.text:
            node.text = "某" * shift + node.text
    return report


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, tuple[Path, list[Page]]]:
    folder = tmp_path_factory.mktemp("render")
    documents = [export_report(make(), folder / f"{name}.docx", options) for name, (make, options) in CASES.items()]
    documents += [
        export_report(
            shifted_seed(shift),
            folder / f"shift-{shift}.docx",
            ExportOptions(edition="public", points="separate" if shift % 2 else "inline"),
        )
        for shift in SHIFTS
    ]
    documents += [export_report(make(), folder / f"{name}.docx", options) for name, (make, options) in STEPPED.items()]
    pdfs = render_pdfs(documents, folder)
    return {doc.stem: (doc, read_pages(pdf)) for doc, pdf in zip(documents, pdfs, strict=True)}


def _docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    texts += [p.text for table in document.tables for cell in table._cells for p in cell.paragraphs]
    return "".join(texts)


def _heading_texts(name: str) -> list[str]:
    """The standalone headings of a rendered document."""
    if name.startswith("shift-"):
        shift = int(name.removeprefix("shift-"))
        report, points = shifted_seed(shift), "separate" if shift % 2 else "inline"
    else:
        make, options = {**CASES, **STEPPED}[name]
        report, points = make(), options.points
    blocks = body_blocks(prune(report), inline_points=points == "inline")
    return [block.text for block in blocks if block.heading]


def _ends_a_heading(line: str, headings: list[str]) -> bool:
    """The line is a heading, or the last line of a heading that wraps."""
    text = line.replace(" ", "")
    return any(
        heading == text or (len(text) > 1 and heading.endswith(text) and len(heading) > 28) for heading in headings
    )


def _headings_at_page_foot(pages: list[Page], headings: list[str]) -> list[str]:
    return [
        f"page {page.number}: {page.body[-1].text}"
        for page in pages
        if page.body and _ends_a_heading(page.body[-1].text, headings)
    ]


def _full_page_counts(pages: list[Page], headings: list[str]) -> list[int]:
    """Lines on each page but the first and the last; a page that ends a line early because the
    next one opens with a heading (kept with its text) counts as full."""
    counts = []
    for page, following in itertools.pairwise(pages[1:]):
        pushed = len(page.body) == 21 and _ends_a_heading(following.body[0].text, headings)
        counts.append(22 if pushed else len(page.body))
    return counts


@pytest.mark.parametrize("name", CASES)
def test_at_least_four_pages_and_22_lines_on_every_full_page(rendered, name):
    _, pages = rendered[name]
    assert len(pages) >= 4
    counts = _full_page_counts(pages, _heading_texts(name))  # page 1 carries the title, the last ends the text
    signature_pushed = pages[-1].body[0].text.startswith("重庆市九龙坡区城市管理局")
    if signature_pushed:  # 署名 kept with 日期 and its blank lines: the page before may end early
        counts = counts[:-1]
    assert counts == [22] * len(counts)
    assert len(pages[-1].body) <= 22


@pytest.mark.parametrize("name", CASES)
def test_full_lines_hold_28_characters(rendered, name):
    """Lines that span the text width and hold only full-width characters: 28 of them
    (29 with a hanging mark), or fewer only where the line-break rules explain it."""
    _, pages = rendered[name]
    lines = [line for page in pages for line in page.body if line.is_body_size]
    full = [
        (line, following)
        for line, following in itertools.pairwise(lines)
        if abs(line.x0 - TEXT_LEFT) < 2 and line.x1 > TEXT_RIGHT - 8 * MM and is_full_width(line.text)
    ]
    assert len(full) > 60
    counts = [char_count(line.text) for line, _ in full]
    assert counts.count(28) > 0.85 * len(counts)
    for (line, following), count in zip(full, counts, strict=True):
        if count == 29:
            assert line.text[-1] in HANGING, line.text
        elif count != 28:
            assert count >= 26, line.text
            assert short_line_explained(line.text, following.text), (line.text, following.text)


@pytest.mark.parametrize("name", CASES)
def test_no_character_is_lost(rendered, name):
    path, pages = rendered[name]
    expected = Counter(ch for ch in _docx_text(path) if not ch.isspace())
    found = Counter(ch for page in pages for ch in page.text if not ch.isspace())
    missing = expected - found
    assert not missing, f"missing from the PDF: {dict(missing)}"
    for mark in "，。；、":
        assert found[mark] >= expected[mark]
    assert expected["，"] > 50


@pytest.mark.parametrize("name", CASES)
def test_page_numbers_odd_right_even_left_7mm_below_text(rendered, name):
    _, pages = rendered[name]
    for page in pages[:3]:
        (number,) = page.footer
        assert number.text.replace(" ", "") == f"—{page.number}—"
        assert 6 * MM < number.y0 - TEXT_BOTTOM < 8 * MM
        one_char = 14 / 72 * 25.4 * MM  # 4号 = 14 pt
        if page.number % 2:
            assert abs((TEXT_RIGHT - number.x1) - one_char) < 1 * MM
        else:
            assert abs((number.x0 - TEXT_LEFT) - one_char) < 1 * MM


@pytest.mark.parametrize("name", CASES)
def test_title_lines_as_split(rendered, name):
    _, pages = rendered[name]
    meta = CASES[name][0]().meta
    expected = split_title(meta.title, meta.issuer)
    texts = [line.text.replace(" ", "") for line in pages[0].lines]
    start = texts.index(expected[0])
    assert texts[start : start + len(expected)] == expected


def test_imprint_at_the_foot_of_the_last_page(rendered):
    _, pages = rendered["seed-submit"]
    last = pages[-1]
    imprint = [line for line in last.body if "印发" in line.text and "抄送" not in line.text]
    assert imprint, "版记 not on the last page"
    assert TEXT_BOTTOM - imprint[-1].y1 < 6 * MM  # its last rule meets the bottom of the text area
    assert any(line.text.startswith("抄送：") for line in last.body)
    assert not any("印发" in line.text and line.text.endswith("印发") for p in pages[:-1] for line in p.lines)


def test_public_edition_has_no_imprint_or_masthead(rendered):
    _, pages = rendered["seed-public"]
    text = "".join(page.text for page in pages)
    assert "抄送" not in text
    assert "签发人" not in text
    assert pages[0].body[0].text.replace(" ", "") == "区城市管理局关于2023年度"


@pytest.mark.parametrize("shift", SHIFTS)
def test_line_breaks_elsewhere_lose_no_punctuation(rendered, shift):
    """LibreOffice 7.4 drops line-end marks with some settings; move every break and look again."""
    path, pages = rendered[f"shift-{shift}"]
    expected = Counter(ch for ch in _docx_text(path) if not ch.isspace())
    found = Counter(ch for page in pages for ch in page.text if not ch.isspace())
    assert not expected - found
    assert set(_full_page_counts(pages[:-1], _heading_texts(f"shift-{shift}"))) == {22}


@pytest.mark.parametrize("name", STEPPED)
def test_no_page_ends_with_a_heading(rendered, name):
    _, pages = rendered[name]
    headings = _heading_texts(name)
    assert len(pages) >= 5
    assert not _headings_at_page_foot(pages, headings)
    # A heading that would have stood on line 22 went over: its page ends a line early; the
    # others are full (the page before the signature may end early: its last lines keep with it).
    counts = [len(page.body) for page in pages[1:-2]]
    assert 21 in counts
    assert 22 in counts
    assert set(_full_page_counts(pages[:-1], headings)) == {22}


@pytest.mark.parametrize("name", [*CASES, *(f"shift-{shift}" for shift in SHIFTS)])
def test_no_page_of_the_other_documents_ends_with_a_heading(rendered, name):
    _, pages = rendered[name]
    assert not _headings_at_page_foot(pages, _heading_texts(name))
