"""A report with text in a few parts, a 分工, and helpers to snapshot the library's state."""

from __future__ import annotations

import pytest

from models import interchange
from models.report import POINT, Node, Report
from models.store import Library
from models.templates import load_template, new_report


def filled_report() -> Report:
    """二、 has text; 一、（一） has two paragraphs; 一、（二） has two points (one empty); 一、（三） is empty."""
    report = new_report(load_template("fzzf-annual"), 2024, "重庆市某区某局")
    report.body[0].text = "2024年，本局坚持以习近平法治思想为指导。现将有关情况报告如下。"
    study, duties, decisions = report.body[1].children[:3]
    study.text = "局党委会议专题学习习近平法治思想3次。\n举办法治培训2期，参训120人次。"
    duties.children = [
        Node(POINT, title="动态调整权责清单。", text="全年调整事项12项。"),
        Node(POINT, title="优化政务服务。", text=""),
    ]
    decisions.title = "严格依法决策"
    report.body[2].text = "局主要负责人主持召开专题会议4次。"
    return report


@pytest.fixture
def report_id(library: Library) -> int:
    return library.create_report(filled_report())


def state(library: Library, report_id: int) -> tuple[str, int, int]:
    """Everything a merge could change: the report's text, its revisions, its notes."""
    report = library.load_report(report_id)
    return interchange.dumps(report), len(library.list_revisions(report_id)), len(library.notes(report_id))


def node_by_title(library: Library, report_id: int, title: str) -> Node:
    return next(n for n in library.load_report(report_id).walk() if n.title == title)


def reload(library: Library, report_id: int) -> Report:
    return library.load_report(report_id)
