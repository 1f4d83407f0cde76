"""No rule crashes or hangs on arbitrary text, and fixing is idempotent."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.checks import fix_all, run_checks
from models.checks.runner import planned_changes
from models.report import PARAGRAPH, POINT, SECTION, Node, Report, ReportMeta
from tests.seed_report import with_ids

# Characters the rules care about, so that examples actually trigger them, mixed with any Unicode.
_INTERESTING = (
    "一二三四五六七八九十是第年月日号〇零的法治政府建设原因问题安排工作情况率增长千百万亿截止请批示妥否电话联系人秘密内部"
    "0123456789０１２％%.,;:?!()（）[]【】〔〕《》〈〉“”\"'‘’、，。；：？！…—–-~～·×X{}\n \u3000"
)
TEXT = st.text(alphabet=st.one_of(st.sampled_from(_INTERESTING), st.characters(codec="utf-8")), max_size=120)
SETTINGS = settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])


def report_with(text: str, title: str, year: int) -> Report:
    """The same text in every kind of place: metadata, headings at two depths, a point, a paragraph."""
    meta = ReportMeta(
        year=year, title=title, doc_number=text[:30], recipients=title, date="2024-02-30"[: len(text) % 11]
    )
    point = Node(POINT, title=title, text=text)
    item = Node(SECTION, title=title, text=text, children=[point])
    part = Node(SECTION, title=title, text=text, children=[item, Node(PARAGRAPH, text=text)])
    plans = Node(SECTION, title="下一步工作打算" + title, text=text)
    return with_ids(Report(meta=meta, body=[Node(PARAGRAPH, text=text), part, plans]))


@SETTINGS
@given(text=TEXT, title=TEXT, year=st.sampled_from([0, 2023, 2024]))
def test_no_rule_crashes_and_spans_are_inside_their_field(text: str, title: str, year: int) -> None:
    report = report_with(text, title, year)
    for edition in ("submit", "public"):
        for finding in run_checks(report, edition=edition):
            assert 0 <= finding.start <= finding.end
            if finding.fix is not None:
                assert (finding.fix.start, finding.fix.end) == (finding.start, finding.end)
            if finding.field in ("title", "text"):
                value = getattr(report.find(finding.node_id), finding.field)
                assert finding.end <= len(value)
                assert value[finding.start : finding.end] == finding.excerpt


@SETTINGS
@given(text=TEXT, title=TEXT)
def test_fixing_twice_changes_nothing_the_second_time(text: str, title: str) -> None:
    for edition in ("submit", "public"):
        once = fix_all(report_with(text, title, 2023), edition=edition)
        remaining = [f for f in run_checks(once, edition=edition) if f.fix]
        assert planned_changes(once, remaining) == []
        twice = fix_all(once, edition=edition)
        assert [(n.title, n.text) for n in twice.walk()] == [(n.title, n.text) for n in once.walk()]
        assert twice.meta == once.meta


LONG_RUNS = [
    "，" * 5000,
    " " * 5000,
    "2020" + " " * 5000 + "年",
    "法治政府建设实施纲要（2021" + " " * 5000,
    "1" * 5000,
    "《" * 3000 + "》" * 10,
    "(" * 3000 + "中",
    "一是三是" * 1500,
    "〔" + "2" * 5000 + "号",
    "联系人" + "张" * 5000,
    "。" * 5000,
    "电话" + "1" * 5000,
    "率" + "9" * 5000 + "%",
    "国发" + "[" * 3000,
    "\n1、" * 2000,
    "…" * 5000,
    "2" * 5000 + "年",
    "年0" * 2500,
    "（" * 5000,
    "—" * 5000,
    "第一、" * 2000,
    "千" + "3" * 5000 + "千万",
]


def test_long_repetitive_text_does_not_hang() -> None:
    """Long runs of the characters the patterns repeat on: each finishes (no runaway backtracking)."""
    for text in LONG_RUNS:
        report = report_with(text, text[:200], 2023)
        for edition in ("submit", "public"):
            findings = run_checks(report, edition=edition)
            assert all(f.end <= max(len(text), 200) for f in findings)
