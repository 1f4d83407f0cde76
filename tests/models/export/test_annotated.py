"""审校稿: every finding a Word comment on exactly its characters, read back with python-docx 1.2;
the body's text and every character's format are those of the ordinary export."""

from __future__ import annotations

import io

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

from models.checks import run_checks
from models.checks.model import Finding
from models.dates import chinese_date
from models.edition import Edition
from models.export import ExportOptions, render
from models.export.annotated import AUTHOR, INITIALS, build_annotated, comment_plan
from models.export.blocks import clean
from models.export.docx_comments import BodySpan
from models.report import PARAGRAPH, POINT, SECTION, Node, Report, ReportMeta, table_node
from models.templates import load_template, new_report
from tests.seed_report import seed_meta, seed_report, with_ids


def open_docx(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def anchored_texts(document: docx.document.Document) -> dict[int, str]:
    """comment id → the text between its range start and end (across runs and paragraphs)."""
    open_ranges: dict[int, list[str]] = {}
    found: dict[int, str] = {}
    for element in document.element.body.iter(qn("w:commentRangeStart"), qn("w:commentRangeEnd"), qn("w:t")):
        if element.tag == qn("w:commentRangeStart"):
            open_ranges[int(element.get(qn("w:id")))] = []
        elif element.tag == qn("w:commentRangeEnd"):
            found[int(element.get(qn("w:id")))] = "".join(open_ranges.pop(int(element.get(qn("w:id")))))
        else:
            for parts in open_ranges.values():
                parts.append(element.text or "")
    assert not open_ranges
    return found


def references(document: docx.document.Document) -> list[int]:
    return [int(e.get(qn("w:id"))) for e in document.element.body.iter(qn("w:commentReference"))]


def styled_characters(document: docx.document.Document) -> list[tuple[str, bytes]]:
    """Every character of the body (tables too) with its run's properties; paragraph ends as "¶"."""
    out: list[tuple[str, bytes]] = []
    for paragraph in document.element.body.iter(qn("w:p")):
        ppr = paragraph.find(qn("w:pPr"))
        out.append(("¶", etree.tostring(ppr) if ppr is not None else b""))
        for run in paragraph.iter(qn("w:r")):
            rpr = run.find(qn("w:rPr"))
            for child in run:
                if child.tag == qn("w:t"):
                    out += [(ch, etree.tostring(rpr)) for ch in child.text or ""]
                elif child.tag in (qn("w:br"), qn("w:tab")):
                    out.append((etree.QName(child).localname, etree.tostring(rpr)))
    return out


def shown(finding: Finding) -> str:
    """The characters a comment should cover: the excerpt, or a grouped finding's first place."""
    place = finding.places[0] if finding.places else finding
    place = place.places[0] if getattr(place, "places", ()) else place
    return place.excerpt


@pytest.fixture(params=[Edition.SUBMIT, Edition.PUBLIC])
def edition(request: pytest.FixtureRequest) -> Edition:
    return request.param


def test_every_finding_of_the_sample_report_is_one_comment_on_its_characters(edition: Edition) -> None:
    report = seed_report()
    findings = run_checks(report, edition=edition)
    assert len(findings) >= 10
    document = open_docx(build_annotated(report, findings, ExportOptions(edition=edition)))
    comments = list(document.comments)
    assert len(comments) == len(findings)
    assert sorted(references(document)) == sorted(c.comment_id for c in comments)
    anchored = anchored_texts(document)
    for comment, finding in zip(comments, findings, strict=True):
        assert comment.author == AUTHOR
        assert comment.initials == INITIALS
        assert comment.text.startswith(f"【{finding.severity}】{finding.message}")
        assert f"（规则 {finding.rule}）" in comment.text
        if finding.source:
            assert f"依据：{finding.source}" in comment.text
        if finding.fix is not None and not finding.places:
            assert f"建议改为：「{finding.fix.replacement}」" in comment.text
        if finding.field == "meta.date":
            assert anchored[comment.comment_id] == chinese_date(finding.excerpt)
        else:
            assert anchored[comment.comment_id] == shown(finding), finding.rule


def test_a_grouped_finding_is_one_comment_on_its_first_place_naming_the_count() -> None:
    report = seed_report()
    findings = run_checks(report)
    rolled = next(f for f in findings if f.field == "body" and f.places)
    total = sum(len(p.places) or 1 for p in rolled.places)
    document = open_docx(build_annotated(report, findings))
    comment = next(c for c in document.comments if c.text.startswith(f"【{rolled.severity}】{rolled.message}"))
    first = rolled.places[0].places[0] if rolled.places[0].places else rolled.places[0]
    assert anchored_texts(document)[comment.comment_id] == first.excerpt
    assert f"共 {total} 处，批注在第一处" in comment.text
    assert first.fix is not None
    assert f"此处建议改为：「{first.fix.replacement}」" in comment.text


def test_the_body_text_and_every_characters_format_are_those_of_the_ordinary_export(edition: Edition) -> None:
    for report in (seed_report(), with_ids(seed_report(repaired=True))):
        report.meta = seed_meta() if report.meta.cc else report.meta
        options = ExportOptions(edition=edition)
        plain = open_docx(render(report, ".docx", options))
        reviewed = open_docx(build_annotated(report, run_checks(report, edition=edition), options))
        assert [p.text for p in reviewed.paragraphs] == [p.text for p in plain.paragraphs]
        assert styled_characters(reviewed) == styled_characters(plain)


def _report(*nodes: Node, **meta: str) -> Report:
    fields = {
        "year": 2024,
        "issuer": "某区司法局",
        "title": "某区司法局关于2024年度法治政府建设情况的报告",
        "recipients": "区委、区政府",
        "signature": "某区司法局",
        "date": "2025-01-20",
        **meta,
    }
    return with_ids(Report(meta=ReportMeta(**fields), body=list(nodes)))  # type: ignore[arg-type]


def _comments(report: Report, options: ExportOptions | None = None) -> tuple[list[Finding], list, dict[int, str]]:
    findings = run_checks(report, edition=(options or ExportOptions()).edition)
    document = open_docx(build_annotated(report, findings, options))
    return findings, list(document.comments), anchored_texts(document)


def test_spaces_trimmed_by_the_export_and_later_lines_of_a_text_keep_the_range_on_the_characters() -> None:
    text = "  全年办理行政复议案件35件。\n\n\t 本局根据行政复议法办理案件12件，结案率100%。  "
    report = _report(Node(SECTION, title="一、主要举措", children=[Node(PARAGRAPH, text=text)]))
    findings, comments, anchored = _comments(report)
    bare = next(i for i, f in enumerate(findings) if f.rule == "citation.bare-title")
    assert findings[bare].excerpt == "行政复议法"
    assert anchored[comments[bare].comment_id] == findings[bare].excerpt


def test_metadata_findings_sit_on_their_element_and_unprinted_ones_on_the_title() -> None:
    report = _report(
        Node(SECTION, title="主要举措", text="全年办理行政复议案件35件。"),
        title="某区司法局2024年法治政府建设情况",
        recipients="区委,区政府",
    )
    findings, comments, anchored = _comments(report)
    by_field = {f.field: (f, c) for f, c in zip(findings, comments, strict=True)}
    _, title_comment = next((f, c) for f, c in zip(findings, comments, strict=True) if f.field == "meta.title")
    assert anchored[title_comment.comment_id] in report.meta.title
    recipients, comment = by_field["meta.recipients"]
    assert anchored[comment.comment_id] == recipients.excerpt

    public = ExportOptions(edition=Edition.PUBLIC)
    findings, comments, anchored = _comments(report, public)
    for finding, comment in zip(findings, comments, strict=True):
        if finding.field == "meta.recipients":  # no 主送 in the 公开版
            assert "不印在这份公开版中" in comment.text
            assert anchored[comment.comment_id] == report.meta.title


def test_findings_on_left_out_template_parts_go_to_the_title_saying_why() -> None:
    report = with_ids(new_report(load_template("fzzf-annual"), 2024, "某区司法局"))
    findings, comments, anchored = _comments(report)
    assert findings
    assert len(comments) == len(findings)
    title = clean(report.meta.title)
    for comment in comments:
        assert "未填写的模板部分" in comment.text
        assert anchored[comment.comment_id] == title


def test_a_report_without_any_text_still_gets_every_comment() -> None:
    report = _report(title="", recipients="", signature="", date="", issuer="")
    findings, comments, _ = _comments(report)
    assert findings
    assert len(comments) == len(findings)


def test_a_finding_deep_in_a_paragraph_written_in_many_chunks_is_anchored() -> None:
    # “…” go in runs of their own: thousands of runs, so the paragraph is written in several chunks
    quoted = "，".join(f"“第{i}项”" for i in range(1500))
    text = quoted + "，根据行政处罚法办理。"
    report = _report(Node(SECTION, title="一、主要举措", children=[Node(PARAGRAPH, text=text)]))
    findings, comments, anchored = _comments(report)
    bare = next(i for i, f in enumerate(findings) if f.rule == "citation.bare-title")
    assert anchored[comments[bare].comment_id] == "行政处罚法"


def test_a_heading_range_starts_after_its_number_and_points_and_table_titles_are_marked() -> None:
    report = _report(
        Node(
            SECTION,
            title="深入学习贯彻行政处罚法",
            children=[
                Node(POINT, title="开展学法活动", text="学习行政复议法12次。"),
                table_node([["项目", "数量"], ["案件", "3"]], title="依据行政强制法办理情况表"),
            ],
        ),
    )
    findings, comments, anchored = _comments(report)
    bare = [(f, c) for f, c in zip(findings, comments, strict=True) if f.rule == "citation.bare-title"]
    assert {f.excerpt for f, _ in bare} == {"行政处罚法", "行政复议法", "行政强制法"}
    for finding, comment in bare:
        assert anchored[comment.comment_id] == finding.excerpt


def test_the_plan_maps_a_span_across_lines_of_a_text() -> None:
    report = _report(Node(PARAGRAPH, text="第一行文字\n  第二行文字"))
    finding = Finding("test", "建议", report.body[0].id, "text", 3, 10, "文字\n  第二", "跨行")
    plan = comment_plan(report, [finding], ExportOptions())
    where = plan.comments[0].where
    assert isinstance(where, BodySpan)
    node_id = report.body[0].id
    assert where.start == ((node_id, "t", 0), 3)
    assert where.end == ((node_id, "t", 1), 2)
    document = open_docx(build_annotated(report, [finding]))
    assert anchored_texts(document)[0] == "文字第二"


def test_a_finding_on_text_the_export_does_not_print_goes_to_the_title_saying_so() -> None:
    report = _report(Node(PARAGRAPH, title="根据行政处罚法", text="全年办理行政复议案件35件。"))
    findings, comments, anchored = _comments(report)
    hidden = [(f, c) for f, c in zip(findings, comments, strict=True) if f.node_id and f.field == "title"]
    assert hidden
    for _, comment in hidden:
        assert "原处的文字没有印出" in comment.text
        assert anchored[comment.comment_id] == report.meta.title


def test_masthead_and_imprint_findings_sit_on_their_characters_in_the_submit_edition() -> None:
    report = with_ids(seed_report(repaired=True))
    report.meta = seed_meta()
    report.meta.doc_number = "九龙坡城管文[2024]12号"
    report.meta.cc = "市城市管理局,区委依法治区办"
    findings, comments, anchored = _comments(report)
    fields = {f.field for f in findings}
    assert {"meta.doc_number", "meta.cc"} <= fields
    for finding, comment in zip(findings, comments, strict=True):
        if finding.field in ("meta.doc_number", "meta.cc"):
            assert anchored[comment.comment_id] == finding.excerpt
    document = open_docx(build_annotated(report, findings))
    imprint = document.tables[-1]._tbl
    assert imprint.find(f".//{qn('w:commentRangeStart')}") is not None


@pytest.mark.parametrize(
    ("typed", "start", "end", "shown"),
    [
        ("本局办理案件", 2, 4, "办理"),  # plain
        ("  本局办理案件  ", 4, 6, "办理"),  # leading spaces trimmed
        ("本局办理案件  ", 6, 8, "件"),  # only trimmed spaces: the character before
        ("本局办理案件", 6, 6, "件"),  # an insertion point at the end
        ("本局\r\n办理\x01案件", 5, 9, "理案件"),  # CR LF and a control character the export drops
    ],
)
def test_typed_positions_map_to_the_characters_the_file_shows(typed: str, start: int, end: int, shown: str) -> None:
    report = _report(Node(PARAGRAPH, text=typed))
    finding = Finding("test", "建议", report.body[0].id, "text", start, end, typed[start:end], "测试")
    document = open_docx(build_annotated(report, [finding]))
    assert anchored_texts(document)[0] == shown
