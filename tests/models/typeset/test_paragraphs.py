"""The writer's paragraphs read back in points."""

from __future__ import annotations

import pytest
from lxml import etree

import models.export.layout as L
from models.export.blocks import Block, Piece
from models.export.docx_parts import add_signature, blank_line
from models.export.docx_writer import add_block, add_title
from models.typeset.paragraphs import TWIP, read_body
from tests.seed_report import seed_meta


def read(build) -> list:
    container = etree.Element("container")
    build(container)
    return read_body(container, 16)


def test_a_body_paragraph_joins_runs_of_one_format_and_keeps_the_marks_apart():
    (para,) = read(
        lambda c: add_block(
            c, Block([Piece("一、总体情况", 1), Piece("全年办理"), Piece("“三项制度”。")]), L.STANDARD_FACES
        )
    )
    assert [run.text for run in para.runs] == ["一、总体情况", "全年办理", "“", "三项制度", "”", "。"]
    assert [run.east_asian for run in para.runs[:2]] == ["黑体", "仿宋_GB2312"]
    assert para.runs[2].latin == para.runs[2].east_asian  # the mark's own run carries the CJK face
    assert para.first_line == 32
    assert para.line == L.LINE_PITCH * TWIP
    assert para.jc == "both"
    assert para.snap_to_grid
    assert para.runs[1].spacing == pytest.approx(-0.3)


def test_title_is_centred_off_the_grid_with_its_line_breaks():
    (para,) = read(
        lambda c: add_title(c, "区城市管理局关于2023年度法治政府建设情况的报告", "区城市管理局", L.STANDARD_FACES)
    )
    assert para.jc == "center"
    assert not para.snap_to_grid
    assert para.keep_next
    assert [run.text for run in para.runs] == ["区城市管理局关于2023年度", "\n", "法治政府建设情况的报告"]
    assert {run.size for run in para.runs} == {22}


def test_signature_lines_are_right_aligned_with_their_indents_and_keep_together():
    paras = read(lambda c: (blank_line(c), add_signature(c, seed_meta(), L.STANDARD_FACES, sealed=True)))
    name, date = paras[-2:]
    assert (name.jc, date.jc) == ("right", "right")
    assert date.right == 4 * 16  # 右空四字
    assert name.keep_next
    assert [p.keep_next for p in paras[1:-1]] == [True] * (len(paras) - 2)
