"""Files re-saved by LibreOffice (standing in for a save in WPS): anchors, 修订 and 批注 survive,
merges are exact, conflicts are found. One soffice run converts every file of the module.

Marked ``render`` (LibreOffice is slow): run with ``-m render``; skipped without soffice.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from models.export import ExportOptions
from models.roundtrip.merge import CHANGED, CONFLICT, apply_plan, plan_merge
from models.roundtrip.package import make_package
from models.roundtrip.parts import find_part
from models.roundtrip.reading import read_returned
from models.roundtrip.records import HEADING, TEXT
from models.roundtrip.review import make_review
from models.store import Library
from tests.models.roundtrip.conftest import filled_report
from tests.models.roundtrip.wordlike import (
    add_paragraph_after,
    anchored_paragraph,
    delete_paragraph_mark_tracked,
    editing,
    mark_comments_resolved,
    retype,
    runs_after_anchor,
    split_run,
    tracked_delete,
    tracked_insert,
    type_into_empty,
)

pytestmark = [
    pytest.mark.render,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"),
]

FONTS_CONF = Path(__file__).resolve().parents[2] / "fonts" / "fonts.conf"


@dataclass
class Resaved:
    library: Path
    report_id: int
    ids: dict[str, int]
    files: dict[str, Path]  # scenario → the file as LibreOffice saved it


def _ids(library: Library, report_id: int) -> dict[str, int]:
    report = library.load_report(report_id)
    return {
        "study": find_part(report, "1.1").id,
        "decisions": find_part(report, "1.3").id,
        "leader": find_part(report, "2").id,
        "point": next(n.id for n in report.walk() if n.title == "优化政务服务。"),
    }


def _scenarios(library: Library, report_id: int, src: Path) -> dict[str, Path]:
    ids = _ids(library, report_id)
    report = library.load_report(report_id)
    parts = [find_part(report, p) for p in ("1.1", "1.3", "2")]
    files = {name: src / f"{name}.docx" for name in ("package", "package-edited", "review", "review-edited")}
    make_package(library, report_id, parts, "执法科", files["package"])
    make_package(library, report_id, parts, "执法科", files["package-edited"])
    with editing(files["package-edited"]) as document:
        retype(anchored_paragraph(document, ids["study"], TEXT), "局党委会议专题学习5次。")
        empty = anchored_paragraph(document, ids["decisions"], TEXT)
        type_into_empty(empty, "重大行政决策3件。")
        add_paragraph_after(empty, "聘请法律顾问2名。")
        retype(anchored_paragraph(document, ids["leader"], TEXT), "主持召开专题会议6次。")
    make_review(library, report_id, files["review"], ExportOptions())
    make_review(library, report_id, files["review-edited"], ExportOptions())
    with editing(files["review-edited"]) as document:
        paragraph = anchored_paragraph(document, ids["leader"], TEXT)
        run = runs_after_anchor(paragraph, ids["leader"], TEXT)[0]
        _head, tail = split_run(run, len("局主要负责人主持召开专题会议"))
        middle, _tail = split_run(tail, 1)
        tracked_delete(middle)
        tracked_insert(paragraph, "6", after=middle.getparent())
        document.add_comment([r for r in paragraph.runs if r.text], text="请核对次数。", author="王主任")
        point = anchored_paragraph(document, ids["point"], TEXT)  # the empty text after 二是优化政务服务。
        point.add_run("推行一网通办。")
        delete_paragraph_mark_tracked(anchored_paragraph(document, ids["study"], TEXT))
    mark_comments_resolved(files["review-edited"])
    return files


@pytest.fixture(scope="module")
def resaved(tmp_path_factory: pytest.TempPathFactory) -> Resaved:
    root = tmp_path_factory.mktemp("libreoffice")
    src, out = root / "src", root / "out"
    src.mkdir()
    with Library(root / "library.db") as library:
        report_id = library.create_report(filled_report())
        files = _scenarios(library, report_id, src)
        ids = _ids(library, report_id)
    env = {**os.environ, "FONTCONFIG_FILE": str(FONTS_CONF)}
    subprocess.run(
        [
            "nice",
            "soffice",
            f"-env:UserInstallation={(root / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "docx",
            "--outdir",
            str(out),
            *map(str, files.values()),
        ],
        check=True,
        env=env,
        capture_output=True,
        timeout=300,
    )
    return Resaved(root / "library.db", report_id, ids, {name: out / path.name for name, path in files.items()})


@pytest.fixture
def library_copy(resaved: Resaved, tmp_path: Path) -> Iterator[Library]:
    """Each test merges into its own copy of the library the files were made from."""
    copy = tmp_path / "library.db"
    shutil.copy(resaved.library, copy)
    with Library(copy) as library:
        yield library


def test_untouched_files_come_back_unchanged(resaved: Resaved, library_copy: Library) -> None:
    for name in ("package", "review"):
        plan = plan_merge(library_copy, resaved.report_id, resaved.files[name])
        assert (name, plan.changes, plan.problems, plan.proposals) == (name, [], [], [])


def test_every_anchor_survives(resaved: Resaved) -> None:
    for name in ("package", "review"):
        read = read_returned(resaved.files[name])
        assert {(resaved.ids["study"], HEADING), (resaved.ids["study"], TEXT)} <= set(read.anchors)
    # the zero-length bookmark after a point without text (the 审阅稿 only)
    assert (resaved.ids["point"], TEXT) in read_returned(resaved.files["review"]).anchors


def test_an_edited_package_merges_exactly(resaved: Resaved, library_copy: Library) -> None:
    plan = plan_merge(library_copy, resaved.report_id, resaved.files["package-edited"])
    assert {(c.node_id, c.status) for c in plan.changes} == {
        (resaved.ids[k], CHANGED) for k in ("study", "decisions", "leader")
    }
    assert plan.problems == []
    apply_plan(library_copy, plan)
    report = library_copy.load_report(resaved.report_id)
    assert report.find(resaved.ids["study"]).text == "局党委会议专题学习5次。\n举办法治培训2期，参训120人次。"
    assert report.find(resaved.ids["decisions"]).text == "重大行政决策3件。\n聘请法律顾问2名。"
    assert report.find(resaved.ids["leader"]).text == "主持召开专题会议6次。"


def test_a_conflict_is_still_found(resaved: Resaved, library_copy: Library) -> None:
    library_copy.update_node(resaved.ids["leader"], text="局主要负责人主持召开专题会议5次。")
    plan = plan_merge(library_copy, resaved.report_id, resaved.files["package-edited"])
    assert [c.status for c in plan.changes if c.node_id == resaved.ids["leader"]] == [CONFLICT]


def test_tracked_changes_comments_and_plain_typing_survive(resaved: Resaved, library_copy: Library) -> None:
    plan = plan_merge(library_copy, resaved.report_id, resaved.files["review-edited"])
    by_node = {c.node_id: c for c in plan.changes}
    leader = by_node[resaved.ids["leader"]]
    assert leader.theirs == "局主要负责人主持召开专题会议6次。"
    assert [(c.kind, c.text, c.author) for c in leader.tracked] == [("del", "4", "李局长"), ("ins", "6", "李局长")]
    assert not leader.untracked
    point = by_node[resaved.ids["point"]]
    assert (point.theirs, point.untracked) == ("推行一网通办。", True)
    study = by_node[resaved.ids["study"]]  # a deleted paragraph mark joins two paragraphs
    assert (study.theirs, study.untracked) == (
        "局党委会议专题学习习近平法治思想3次。举办法治培训2期，参训120人次。",
        False,
    )
    assert [(n.node_id, n.author, n.text, n.resolved) for n in plan.notes] == [
        (resaved.ids["leader"], "王主任", "请核对次数。", True)  # 已解决 survives
    ]
    apply_plan(library_copy, plan)
    assert (
        library_copy.load_report(resaved.report_id).find(resaved.ids["leader"]).text
        == "局主要负责人主持召开专题会议6次。"
    )
    assert [n.text for n in library_copy.notes(resaved.report_id)] == ["请核对次数。"]
