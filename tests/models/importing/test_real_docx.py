"""Real corpus reports as clerks' Word files (bench/corpus_docx.py): heading styles, outline
levels, bold paragraphs, Word's own numbering, titles broken by Shift+Enter, a 版头 and a 版记, a
table of figures. Each must import to what its .txt gives (the .toml's expectations), with the
版头 and 版记 in the report's metadata, and every character of the file in the tree or listed as
removed. Cases the importer gets wrong are listed in KNOWN_FAILURES (strict xfail).
"""

from __future__ import annotations

import pytest

from bench.corpus_docx import CASES, FEATURES, DocxCase, score
from tests.models.importing.helpers import assert_nothing_lost

KNOWN_FAILURES: dict[str, str] = {}


def _params() -> list:
    return [
        pytest.param(case, id=case.name, marks=[pytest.mark.xfail(strict=True, reason=KNOWN_FAILURES[case.name])])
        if case.name in KNOWN_FAILURES
        else pytest.param(case, id=case.name)
        for case in CASES
    ]


def test_the_cases_cover_the_layouts_clerks_use():
    assert len({case.stem for case in CASES}) >= 10
    used = set().union(*(case.features for case in CASES))
    assert used == set(FEATURES)


@pytest.mark.parametrize("case", _params())
def test_docx_report_is_recognised_as_its_text(case: DocxCase, tmp_path):
    built, result, wrong = score(case, tmp_path)
    assert not wrong, "; ".join(f"{name}: wanted {want!r}, got {got!r}" for name, (want, got) in wrong.items())
    assert_nothing_lost(built.visible_text, result)
