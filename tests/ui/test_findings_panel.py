"""The 体检 panel and the background check worker, offscreen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QThreadPool

from models.checks import FAMILIES, run_checks
from models.checks.labels import node_labels
from tests.models.checks.clean_report import clean_report
from tests.models.checks.helpers import find_node
from tests.seed_report import seed_report
from ui.check_worker import CheckScheduler, CheckWorker
from ui.findings_panel import FINDING_ROLE, PLACE_ROLE, FindingsPanel


@pytest.fixture
def seed():
    report = seed_report()
    return report, run_checks(report)


@pytest.fixture
def panel(qtbot, seed) -> FindingsPanel:
    report, findings = seed
    widget = FindingsPanel()
    qtbot.addWidget(widget)
    widget.set_findings(findings, node_labels(report))
    return widget


def _item_of(panel: FindingsPanel, rule: str):
    for g in range(panel.tree.topLevelItemCount()):
        group = panel.tree.topLevelItem(g)
        for c in range(group.childCount()):
            if group.child(c).data(0, FINDING_ROLE).rule == rule:
                return group.child(c)
    raise AssertionError(rule)


def test_findings_are_grouped_by_family_with_counts(panel, seed) -> None:
    _, findings = seed
    groups = {
        panel.tree.topLevelItem(i).text(0): panel.tree.topLevelItem(i).childCount()
        for i in range(panel.tree.topLevelItemCount())
    }
    punctuation = sum(1 for f in findings if f.family == "punctuation")
    assert groups[f"{FAMILIES['punctuation']}（{punctuation}）"] == punctuation
    assert sum(groups.values()) == len(findings)
    assert panel.summary_text() == f"体检：错误 {panel.counts()[0]} 条，建议 {panel.counts()[1]} 条"


def test_clicking_a_finding_asks_to_select_its_characters(panel, seed, qtbot) -> None:
    report, _ = seed
    item = _item_of(panel, "punct.final")
    node = find_node(report, "依法做好行政复议和行政应诉工作")
    assert "三是依法做好行政复议和行政应诉工作" in item.text(1)
    with qtbot.waitSignal(panel.finding_activated) as blocker:
        panel.tree.itemActivated.emit(item, 0)
    finding = item.data(0, FINDING_ROLE)
    assert blocker.args == [node.id, "text", finding.start, finding.end]


def test_fix_buttons_follow_the_selection(panel, qtbot) -> None:
    assert not panel.btn_fix.isEnabled()
    causes = _item_of(panel, "content.causes")
    panel.tree.setCurrentItem(causes)
    assert not panel.btn_fix.isEnabled()
    assert panel.btn_ignore.isEnabled()
    assert "依据" in panel.lbl_detail.text()
    scrape = _item_of(panel, "citation.doc-number-scrape")
    panel.tree.setCurrentItem(scrape)
    assert panel.btn_fix.isEnabled()
    assert panel.btn_fix_all.isEnabled()
    assert "〔2023〕83号" in panel.lbl_detail.text()


def test_buttons_emit_requests(panel, qtbot) -> None:
    item = _item_of(panel, "citation.doc-number-scrape")
    panel.tree.setCurrentItem(item)
    finding = item.data(0, FINDING_ROLE)
    with qtbot.waitSignal(panel.fix_requested) as fix:
        panel.btn_fix.click()
    assert fix.args == [finding]
    with qtbot.waitSignal(panel.fix_all_requested) as fix_all:
        panel.btn_fix_all.click()
    assert fix_all.args == ["citation.doc-number-scrape"]
    with qtbot.waitSignal(panel.ignore_requested) as ignore:
        panel.btn_ignore.click()
    assert ignore.args == [finding]


def test_select_finding_and_empty_state(panel, seed, qtbot) -> None:
    _, findings = seed
    assert panel.select_finding(findings[-1])
    assert panel.current_finding() == findings[-1]
    panel.set_findings([], {})
    assert panel.tree.topLevelItemCount() == 0
    assert panel.summary_text() == "体检：未发现问题"
    assert not panel.btn_ignore.isEnabled()


def test_worker_checks_a_copy_off_the_ui_thread(qtbot) -> None:
    report = seed_report()
    worker = CheckWorker(report, generation=7)
    report.body.clear()  # later edits do not reach the running check
    with qtbot.waitSignal(worker.signals.finished, timeout=10000) as blocker:
        QThreadPool.globalInstance().start(worker)
    generation, findings = blocker.args
    assert generation == 7
    assert any(f.rule == "content.causes" for f in findings)


def test_scheduler_debounces_and_announces_only_the_newest_run(qtbot) -> None:
    scheduler = CheckScheduler(delay_ms=50)
    announced = []
    scheduler.findings_ready.connect(announced.append)
    scheduler.request(seed_report())
    scheduler.request(clean_report())  # supersedes the first request before it runs
    with qtbot.waitSignal(scheduler.findings_ready, timeout=10000):
        pass
    assert announced == [[]]  # the clean report, once


def test_scheduler_drops_stale_results(qtbot) -> None:
    scheduler = CheckScheduler(delay_ms=10_000)
    announced = []
    scheduler.findings_ready.connect(announced.append)
    scheduler.request(seed_report())
    scheduler.run_now()
    scheduler.request(clean_report())
    scheduler.run_now()
    qtbot.waitUntil(lambda: not scheduler.is_running, timeout=10000)  # both runs have ended
    assert announced == [[]]


def test_fix_request_round_trip_removes_the_finding(panel, seed, qtbot) -> None:
    """What the window does with a request: apply the fix, re-check, show the new findings."""
    from models.checks import apply_all

    report, _ = seed
    state = {"report": report}

    def on_fix(finding) -> None:
        state["report"] = apply_all(state["report"], [finding])
        panel.set_findings(run_checks(state["report"]), node_labels(state["report"]))

    panel.fix_requested.connect(on_fix)
    panel.tree.setCurrentItem(_item_of(panel, "punct.final"))
    panel.btn_fix.click()
    assert not [f for f in panel.findings() if f.rule == "punct.final"]
    assert find_node(state["report"], "依法做好行政复议和行政应诉工作").text.endswith("办结率均为100%。")


# --- a finding that stands for several places expands to them ---


def _children(item) -> list:
    return [item.child(i) for i in range(item.childCount())]


def test_the_whole_report_finding_expands_to_paragraphs_and_marks(panel, seed, qtbot) -> None:
    report, _ = seed
    marks = _item_of(panel, "punct.ascii")
    finding = marks.data(0, FINDING_ROLE)
    assert finding.field == "body"
    assert marks.text(0).startswith("[错误] 全文有 ")
    assert not marks.isExpanded()  # folded until the clerk asks
    paragraphs = _children(marks)
    assert len(paragraphs) == len(finding.places)
    first = paragraphs[0]
    assert first.data(0, PLACE_ROLE) == finding.places[0]
    assert first.text(0).startswith("本段有 ")
    assert first.text(1).startswith(node_labels(report)[finding.places[0].node_id] + " · 正文 第")
    commas = [c for c in _children(first) if c.data(0, PLACE_ROLE).excerpt == ","]
    assert commas
    assert commas[0].text(0) == "「,」 → 「，」"
    assert " 第" in commas[0].text(1)
    place = commas[0].data(0, PLACE_ROLE)
    with qtbot.waitSignal(panel.finding_activated) as blocker:
        panel.tree.itemActivated.emit(commas[0], 0)
    assert blocker.args == [place.node_id, place.field, place.start, place.end]


def test_a_selected_place_fixes_the_whole_finding(panel, qtbot) -> None:
    marks = _item_of(panel, "punct.ascii")
    finding = marks.data(0, FINDING_ROLE)
    panel.tree.setCurrentItem(marks.child(0).child(0))
    assert panel.current_finding() == finding
    assert panel.current_place() == finding.places[0].places[0]
    assert panel.btn_fix.isEnabled()
    assert "修正会一次改好全部" in panel.lbl_detail.text()
    with qtbot.waitSignal(panel.fix_requested) as fix:
        panel.btn_fix.click()
    assert fix.args == [finding]


def test_a_folded_finding_says_what_else_its_fix_repairs(panel) -> None:
    title = _item_of(panel, "citation.canonical")
    assert title.childCount() == 0
    panel.tree.setCurrentItem(title)
    assert "这里同时还有" in panel.lbl_detail.text()
    assert "一字线" in panel.lbl_detail.text()  # punct.time-range, folded into the wrong title


def test_a_paragraph_finding_expands_to_its_marks(qtbot) -> None:
    from tests.models.checks.helpers import one_node_report

    report, _node = one_node_report("依法行政,推进法治;加强监督:落实责任。")
    findings = run_checks(report)
    widget = FindingsPanel()
    qtbot.addWidget(widget)
    widget.set_findings(findings, node_labels(report))
    item = _item_of(widget, "punct.ascii")
    assert item.text(0).startswith("[错误] 本段有 3 处半角标点")
    assert [c.text(0) for c in _children(item)] == ["「,」 → 「，」", "「;」 → 「；」", "「:」 → 「：」"]
    assert all(c.childCount() == 0 for c in _children(item))
