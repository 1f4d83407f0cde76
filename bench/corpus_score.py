"""Score the text importer against the real corpus in tests/data/real/.

Each report there is a .txt as scraped from a government web page and a .toml written by
hand from reading it (title, year, 主送, 文号, level-1 part titles, the number of level-2
items in part 一, the statutory part 一 serves, how the body begins). This module loads both, imports the .txt through ``import_file`` and
lists the fields the importer got wrong. Used by tests/models/importing/test_real_corpus.py
and bench/bench_corpus.py.
"""

from __future__ import annotations

import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from models.importing import ImportResult, import_file  # noqa: E402
from models.report import PARAGRAPH, SECTION  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "real"
FIELDS = ("title", "year", "recipients", "doc_number", "parts", "part1_items", "part1_key", "preamble")
# The importer's note when it found no year and fell back to last year: a lucky guess is no recognition.
_YEAR_GUESSED = "暂定为"

# Harmless differences: a later importer may turn ASCII punctuation into full-width or drop
# spaces; the comparison is about what was recognised, not about punctuation.
_FULL_WIDTH = str.maketrans({",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？"})


@dataclass
class Expected:
    stem: str
    level: str
    title: str
    year: int
    recipients: str
    doc_number: str
    parts: list[str]
    part1_items: int
    part1_keys: list[str]  # the statutory part (template key) part 一 maps to; any of these is right
    preamble_starts: str  # the body's first paragraph begins so: no chrome, letter or repeated title before it
    title_also: list[str] = field(default_factory=list)  # other titles a reader would accept
    notes: str = ""

    @property
    def text_path(self) -> Path:
        return CORPUS / f"{self.stem}.txt"


def corpus_stems() -> list[str]:
    return sorted(path.stem for path in CORPUS.glob("*.toml"))


def load_expected(stem: str) -> Expected:
    data = tomllib.loads((CORPUS / f"{stem}.toml").read_text(encoding="utf-8"))
    data.pop("source", None)
    return Expected(stem=stem, **data)


def normalise(text: str) -> str:
    squeezed = "".join(text.split()).translate(_FULL_WIDTH)
    return squeezed.rstrip("。：")


def recognised(result: ImportResult) -> dict[str, object]:
    """The importer's answer for each field, in the expectation files' terms."""
    meta = result.report.meta
    body = result.report.body
    parts = [node for node in body if node.kind == SECTION]
    items = sum(1 for child in parts[0].children if child.kind == SECTION) if parts else 0
    guessed = any(_YEAR_GUESSED in note for note in result.notes)
    return {
        "title": meta.title,
        "year": None if guessed else meta.year,
        "recipients": meta.recipients,
        "doc_number": meta.doc_number,
        "parts": [node.title for node in parts],
        "part1_items": items,
        "part1_key": parts[0].key if parts else "",
        "preamble": body[0].text if body and body[0].kind == PARAGRAPH else "",
    }


def mismatches(expected: Expected, result: ImportResult) -> dict[str, tuple[object, object]]:
    """Field → (wanted, got) for every field the importer got wrong."""
    got = recognised(result)
    wrong: dict[str, tuple[object, object]] = {}
    titles = {normalise(t) for t in [expected.title, *expected.title_also]}
    if normalise(str(got["title"])) not in titles:
        wrong["title"] = (expected.title, got["title"])
    if got["year"] != expected.year:
        wrong["year"] = (expected.year, got["year"])
    for name in ("recipients", "doc_number"):
        if normalise(str(got[name])) != normalise(getattr(expected, name)):
            wrong[name] = (getattr(expected, name), got[name])
    if [normalise(t) for t in got["parts"]] != [normalise(t) for t in expected.parts]:
        wrong["parts"] = (expected.parts, got["parts"])
    if got["part1_items"] != expected.part1_items:
        wrong["part1_items"] = (expected.part1_items, got["part1_items"])
    if got["part1_key"] not in expected.part1_keys:
        wrong["part1_key"] = (expected.part1_keys, got["part1_key"])
    if not normalise(str(got["preamble"])).startswith(normalise(expected.preamble_starts)):
        wrong["preamble"] = (expected.preamble_starts, str(got["preamble"])[:30])
    return wrong


def score(stem: str) -> tuple[ImportResult, dict[str, tuple[object, object]]]:
    expected = load_expected(stem)
    result = import_file(expected.text_path)
    return result, mismatches(expected, result)
