"""The 审阅稿: the ordinary .docx export (either edition) with a hidden bookmark on each part's
heading and text, recorded in the library with the text each area showed, so that a leader's
tracked changes, comments and untracked edits can be read back per part."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from models.export import ExportOptions, render
from models.export.blocks import clean
from models.ledger.refs import resolved_report
from models.numbering import number_report
from models.report import TABLE, Report
from models.roundtrip.anchors import anchor_for
from models.roundtrip.records import END, HEADING, REVIEW, TEXT
from models.roundtrip.sending import send_file
from models.store import Library


def review_anchors(report: Report, file_id: int) -> dict[tuple[int, str], str]:
    """Bookmark names for every node's heading and text (the writer uses those it writes), and the
    end of the body. Each name's hash is of the text as the file shows it."""
    assert report.id is not None
    markers = number_report(report)
    names: dict[tuple[int, str], str] = {}
    for node in report.walk():
        if node.id is None:
            continue
        title = clean(node.title).strip()
        if title:
            names[(node.id, HEADING)] = anchor_for(report.id, file_id, node.id, HEADING, markers[id(node)] + title).name
        if node.kind != TABLE:  # a table's cells are no text area (reading keeps them apart)
            names[(node.id, TEXT)] = anchor_for(report.id, file_id, node.id, TEXT, node.text).name
    names[(0, END)] = anchor_for(report.id, file_id, 0, END, "").name
    return names


def build_review(report: Report, file_id: int, options: ExportOptions) -> bytes:
    report = resolved_report(report)  # the anchors hash the text the file shows: figures, not references
    return render(report, ".docx", dataclasses.replace(options, anchors=review_anchors(report, file_id)))


def make_review(library: Library, report_id: int, target: Path, options: ExportOptions | None = None) -> int:
    """Write the 审阅稿 and record it; returns the record's id. A failed write leaves no record."""
    report = library.load_report(report_id)
    markers = number_report(report)
    marker_of = {node.id: markers[id(node)] for node in report.walk()}
    return send_file(
        library,
        report_id,
        REVIEW,
        target,
        lambda file_id: build_review(report, file_id, options or ExportOptions()),
        markers=marker_of,
    )
