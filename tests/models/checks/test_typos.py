"""The 错别字 list (resources/checks/typos.toml): every entry found and fixed, no correct text flagged."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.checks import RULES, apply_all, run_checks
from models.checks.typos import find_typos, parse_entry, typos
from tests.models.checks.helpers import one_node_report
from tests.seed_report import seed_report

DATA = Path(__file__).resolve().parents[2] / "data"
CONTEXTS = [
    line
    for line in (DATA / "typo-correct-contexts.txt").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
]
ENTRIES = sorted(typos().values(), key=lambda t: t.wrong)
OTHER_RULES = {r.id for r in RULES} - {"text.typo"}


def test_the_list_has_at_least_300_entries_each_with_its_source() -> None:
    assert len(ENTRIES) >= 300
    for entry in ENTRIES:
        assert entry.source, entry
        assert entry.kind, entry
        assert entry.wrong != entry.right, entry
        assert len(entry.wrong) >= 2, entry  # a single character is never unambiguous


def test_no_right_form_holds_a_wrong_form() -> None:
    """Fixing one typo never creates another."""
    for entry in ENTRIES:
        assert list(find_typos(f"，{entry.right}，")) == [], entry


def in_context(entry, form: str) -> str:
    """A sentence where the entry applies: next to the first word it needs, if it needs one."""
    if entry.only_before:
        return f"我们要{form}{entry.only_before[0]}。"
    return f"我们要{entry.only_after[0] if entry.only_after else ''}{form}。"


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.wrong)
def test_each_wrong_form_is_found_and_fixed(entry) -> None:
    report, node = one_node_report(in_context(entry, entry.wrong))
    found = run_checks(report, disabled=OTHER_RULES)
    assert [(f.rule, f.excerpt) for f in found] == [("text.typo", entry.wrong)]
    assert entry.right in found[0].message
    assert entry.source in found[0].message
    fixed = apply_all(report, found)
    assert fixed.find(node.id).text == in_context(entry, entry.right)


@pytest.mark.parametrize("line", CONTEXTS)
def test_correct_contexts_are_left_alone(line: str) -> None:
    assert [(line[s:e], t.right) for s, e, t in find_typos(line)] == []


def test_a_wrong_form_inside_a_cited_title_is_left_as_cited() -> None:
    assert list(find_typos("印发《关于规范执法台帐管理的通知》，建立台帐。")) != []
    assert [s for s, _, _ in find_typos("印发《关于规范执法台帐管理的通知》。")] == []


def test_guards_apply_only_next_to_their_characters() -> None:
    assert [t.wrong for _, _, t in find_typos("防犯意识不强")] == ["防犯"]
    assert list(find_typos("预防犯罪")) == []


def test_the_repaired_sample_report_has_no_typo() -> None:
    findings = run_checks(seed_report(repaired=True), disabled=OTHER_RULES)
    assert findings == []


@pytest.mark.parametrize("path", sorted((DATA / "real").glob("*.txt")), ids=lambda p: p.stem)
def test_the_real_corpus_has_no_typo(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert [text[max(0, s - 6) : e + 6] for s, e, _ in find_typos(text)] == []


def test_a_malformed_entry_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown guard"):
        parse_entry("按装 安装 后:修", "source", "别字")
    with pytest.raises(ValueError, match="unknown guard"):
        parse_entry("行驶 行使 +后:职权||权力", "source", "别字")


XINGSHI = [
    ("依法行驶职权，自觉接受监督。", ["行驶"]),
    ("将132项行政执法事项依法赋予乡镇行驶。", ["行驶"]),
    ("人大常委会行驶监督权，政府依法行驶行政处罚权。", ["行驶", "行驶"]),
    ("主要负责人正确行驶权力。", ["行驶"]),
    ("规范执法车辆行驶路线，严禁超速行驶。", []),
    ("开展渣土车辆行驶秩序专项整治。", []),
    ("机动车在道路上行驶应当遵守交通信号。", []),
    ("依法行使职权，将执法事项赋予乡镇行使。", []),
]


@pytest.mark.parametrize(("text", "found"), XINGSHI)
def test_xingshi_is_wrong_only_next_to_powers_and_duties(text: str, found: list[str]) -> None:
    """行驶 is a vehicle's; 行使 is a power's: the entry applies only next to the words of powers."""
    assert [t.wrong for _, _, t in find_typos(text)] == found
    fixed = text
    for start, end, typo in sorted(find_typos(text), reverse=True):
        fixed = fixed[:start] + typo.right + fixed[end:]
    assert list(find_typos(fixed)) == []
    assert "行驶" not in fixed or not found
