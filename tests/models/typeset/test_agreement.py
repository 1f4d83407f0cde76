"""The typesetter against LibreOffice's render of our own .docx (tests' font set): same page count,
and at least 95% of lines identical for the sample report in both editions, with body tables and the
数据台账 附件, and over the real corpus.

One soffice run renders every document (module fixture); run with ``nice``.
"""

from __future__ import annotations

import pytest

from tests.models.export.pdf_layout import renderer_available
from tests.models.typeset.agreement import CASES, Agreement, compare

pytestmark = [
    pytest.mark.render,
    pytest.mark.skipif(not renderer_available(), reason="LibreOffice/poppler not installed"),
]

SAMPLE = (
    "seed-submit",
    "seed-public",
    "seed-unsealed-separate",
    "seed-submit-no-note",
    "stepped-submit",
    "seed-long-cc",
    "generated-unsealed",
    "example-public",
    "example-submit",
    "seed-sealed-tightened",
    "seed-sealed-tightened-two-pages",
)
# Body tables: a small one, a long one crossing pages (its header row repeated), the 数据台账 附件.
TABLES = tuple(name for name in CASES if name.startswith(("table-", "ledger-")))
REAL = tuple(name for name in CASES if name not in SAMPLE + TABLES)


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> dict[str, Agreement]:
    found = compare(list(CASES), tmp_path_factory.mktemp("agreement"))
    return {result.name: result for result in found}


@pytest.mark.parametrize("name", CASES)
def test_same_page_count(results, name):
    result = results[name]
    assert result.our_pages == result.their_pages


@pytest.mark.parametrize("name", SAMPLE)
def test_sample_report_lines_agree(results, name):
    result = results[name]
    assert len(result.theirs) > 80  # the example's 4–5 pages; the sample's 9–11
    assert result.ratio >= 0.95, result.describe_differences()


@pytest.mark.parametrize("name", TABLES)
def test_reports_with_tables_agree_cell_line_by_cell_line(results, name):
    """A table row reads as one line in both (pdftotext joins the cells on one baseline)."""
    result = results[name]
    assert len(TABLES) == 6
    assert len(result.theirs) > 150
    rows = [text for _, text in result.theirs if text.startswith(("第", "常务会议", "法治培训", "参训人次"))]
    assert len(rows) >= 3  # table rows, each read as one line
    assert result.ratio >= 0.95, result.describe_differences()


@pytest.mark.parametrize("name", REAL)
def test_real_report_lines_agree(results, name):
    result = results[name]
    assert len(result.theirs) > 15
    assert result.ratio >= 0.95, result.describe_differences()


def test_real_corpus_lines_agree_overall(results):
    matched = sum(results[name].matched for name in REAL)
    total = sum(max(len(results[name].ours), len(results[name].theirs)) for name in REAL)
    assert total > 1000
    assert matched / total >= 0.98


@pytest.mark.parametrize("name", CASES)
def test_lines_and_page_numbers_stand_where_libreoffice_puts_them(results, name):
    """Every line we lay out, and every page number, starts where LibreOffice starts text in its
    PDF: the same x within 0.5 pt and the same baseline within 0.3 pt."""
    result = results[name]
    assert len(result.our_origins) == len(result.their_origins)
    assert result.misplaced() == []
    assert result.misdrawn_rules() == []


@pytest.mark.parametrize("name", CASES)
def test_runs_inside_a_line_stand_within_two_points_of_libreoffice(results, name):
    """Justification spreads the slack a little differently around digits and Latin words: every
    run (a stretch of one font) still starts within 2.5 pt of where LibreOffice starts it."""
    assert results[name].misplaced(dx=2.5, runs=True) == []


def test_the_submit_edition_has_the_red_rule_and_three_imprint_rules(results):
    rules = results["seed-submit"].their_rules
    assert [len(page) for page in rules] == [1] + [0] * (len(rules) - 2) + [3]
    assert results["seed-submit"].misdrawn_rules() == []


def test_a_misplaced_line_is_found(results):
    result = results["seed-submit"]
    shifted = [[(text, x, y + 1.0) for text, x, y in page] for page in result.our_origins]
    moved = Agreement(result.name, 0, 0, [], [], our_origins=shifted, their_origins=result.their_origins)
    assert len(moved.misplaced()) == sum(len(page) for page in shifted)
