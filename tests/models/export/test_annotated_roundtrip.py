"""A 审校稿 that is also a 审阅稿 (the part bookmarks and the comments in one file): the round trip's
reader finds each 体检 comment on its part, quoting the finding's characters."""

from __future__ import annotations

import dataclasses

from models.checks import run_checks
from models.export import ExportOptions, render
from models.export.annotated import AUTHOR, comment_plan
from models.roundtrip.reading import read_docx_bytes
from models.roundtrip.records import HEADING, TEXT
from models.roundtrip.review import review_anchors
from tests.seed_report import seed_report


def test_the_reader_puts_each_comment_on_the_part_of_its_finding() -> None:
    report = seed_report()
    report.id = 7
    findings = run_checks(report)
    options = ExportOptions()
    options = dataclasses.replace(
        options, anchors=review_anchors(report, 3), comments=comment_plan(report, findings, options)
    )
    returned = read_docx_bytes(render(report, ".docx", options), "审校稿.docx")
    assert len(returned.comments) == len(findings)
    on_parts = 0
    for comment, finding in zip(returned.comments, findings, strict=True):
        assert comment.author == AUTHOR
        assert comment.text.startswith(f"【{finding.severity}】")
        if finding.node_id is not None and not finding.places:
            assert comment.area == (finding.node_id, HEADING if finding.field == "title" else TEXT)
            assert comment.quote == finding.excerpt
            on_parts += 1
        elif finding.field.startswith("meta."):
            assert comment.area is None  # the title block and the signature are no part's
    assert on_parts >= 8
    # the comments change no area's text: the parts read as in the 审阅稿 without them
    plain = read_docx_bytes(render(report, ".docx", dataclasses.replace(options, comments=None)), "审阅稿.docx")
    assert {k: a.accepted for k, a in returned.areas.items()} == {k: a.accepted for k, a in plain.areas.items()}
    assert returned.outside.accepted == plain.outside.accepted
