"""The importer on real published reports: tests/data/real/ holds 51 法治政府建设 reports as
scraped from government pages (each the opening of the page: chrome, cover letters, split
titles, ASCII punctuation), each with a hand-written .toml saying what a reader finds in it
(title, year, 主送, 文号, level-1 titles, level-2 items in part 一, the statutory part 一 serves, how the body
begins).

Reports the importer gets wrong today are listed in KNOWN_FAILURES and marked strict xfail,
so fixing one makes its test fail until it is taken off the list; the pass rate may only rise.
"""

from __future__ import annotations

import pytest

from bench.corpus_score import CORPUS, corpus_stems, load_expected, score
from models.importing.sources import Para, decode_text, read_bytes
from models.importing.traditional import to_simplified
from tests.models.importing.helpers import assert_nothing_lost

STEMS = corpus_stems()

# stem → what goes wrong (a class from issue 12), as of this corpus's creation.
KNOWN_FAILURES: dict[str, str] = {}
# The share of the corpus recognised in full: 21 of 41 when the corpus was made, 37 of 41 after the
# web-page classes of issue 12 were handled, 41 of 41 after the lone page words, leading watermarks,
# run-in level-1 titles, titles ending in 工作情况 and lost brackets; 51 of 51 with ten more
# reports (2017–2025, a 繁体 page, reposted provincial reports, streets and towns).
RECORDED_PASS_RATE = 1.0


def _marked(stems: list[str], failures: dict[str, str]) -> list:
    return [
        pytest.param(stem, marks=pytest.mark.xfail(strict=True, reason=failures[stem])) if stem in failures else stem
        for stem in stems
    ]


def test_the_corpus_is_large_and_varied():
    expected = [load_expected(stem) for stem in STEMS]
    assert len(expected) >= 40
    assert all(e.text_path.is_file() for e in expected)
    assert {"province", "city", "county", "district", "street", "town"} <= {e.level for e in expected}
    assert any(e.level.startswith("dept") for e in expected)
    assert {e.year for e in expected} >= set(range(2019, 2026))


def test_known_failures_name_real_reports():
    assert set(KNOWN_FAILURES) <= set(STEMS)


@pytest.mark.parametrize("stem", _marked(STEMS, KNOWN_FAILURES))
def test_real_report_is_recognised(stem):
    _, wrong = score(stem)
    assert not wrong, "; ".join(f"{name}: wanted {want!r}, got {got!r}" for name, (want, got) in wrong.items())


def test_pass_rate_does_not_drop():
    passed = sum(1 for stem in STEMS if not score(stem)[1])
    assert passed / len(STEMS) >= RECORDED_PASS_RATE, f"{passed} of {len(STEMS)} recognised in full"


@pytest.mark.parametrize("stem", STEMS)
def test_every_character_is_in_the_tree_or_listed_as_removed(stem):
    path = CORPUS / f"{stem}.txt"
    result, _ = score(stem)
    text, _ = decode_text(read_bytes(path))
    as_read = [Para(text)]
    to_simplified(as_read)  # a 繁体 page is compared as the importer converted it
    assert_nothing_lost(as_read[0].text, result)
