from __future__ import annotations

from models.part_labels import part_labels
from models.report import PARAGRAPH, POINT, SECTION, TABLE, Node, Report, ReportMeta, TableData
from models.search import (
    Change,
    Hit,
    SearchOptions,
    cell_position,
    context,
    find,
    find_in,
    fold,
    replacements,
    where,
)

EXACT = SearchOptions(width_insensitive=False)


def sample() -> Report:
    point = Node(POINT, "强化执法监督。", "开展执法检查(专项)，覆盖2024年全部科室。", id=3)
    section = Node(SECTION, "严格规范执法", "全年执法检查 12 次，执法检查（专项）3 次。", [point], id=2)
    paragraph = Node(PARAGRAPH, "", "执法检查覆盖面达到100%。", id=4)
    meta = ReportMeta(title="某局2024年法治政府建设年度报告", recipients="市司法局，市委依法治市办", signature="某局")
    return Report(meta=meta, body=[Node(SECTION, "主要举措", "", [section, paragraph], id=1)])


def test_every_title_text_and_metadata_field_is_searched_in_reading_order() -> None:
    hits = find(sample(), "执法")
    assert [(h.node_id, h.field) for h in hits] == [
        (2, "title"),
        (2, "text"),
        (2, "text"),
        (3, "title"),
        (3, "text"),
        (4, "text"),
    ]
    text = sample().body[0].children[0].text
    assert [text[h.start : h.end] for h in hits if (h.node_id, h.field) == (2, "text")] == ["执法", "执法"]
    assert find(sample(), "司法局") == [Hit(None, "meta.recipients", 1, 4)]


def test_width_insensitive_matching_maps_offsets_to_the_clerks_text() -> None:
    report = sample()
    point_text = report.find(3).text
    hits = find(report, "检查（专项）,")  # full-width brackets, half-width comma: the point has the opposite
    assert [(h.node_id, h.field) for h in hits] == [(3, "text")]
    assert point_text[hits[0].start : hits[0].end] == "检查(专项)，"
    assert find(report, "检查（专项）,", EXACT) == []
    assert find(report, "市司法局,市委", SearchOptions())[0] == Hit(None, "meta.recipients", 0, 7)


def test_folding_keeps_length_and_maps_fullwidth_latin_and_quotes() -> None:
    text = "ＡＢＣ“法”　１２"
    folded = fold(text, SearchOptions())
    assert len(folded) == len(text)
    assert folded == 'abc"法" 12'
    assert fold(text, SearchOptions(case_sensitive=True)).startswith("ABC")


def test_case_sensitivity_applies_to_latin_only() -> None:
    text = "推行OA系统与oa平台"
    assert find_in(text, "oa", SearchOptions()) == [(2, 4), (7, 9)]
    assert find_in(text, "oa", SearchOptions(case_sensitive=True)) == [(7, 9)]


def test_whole_phrase_keeps_numbers_and_words_whole() -> None:
    whole = SearchOptions(whole_phrase=True)
    assert find_in("2010年至10年，共10次", "10", whole) == [(6, 8), (11, 13)]
    assert find_in("2010年至10年", "10", SearchOptions()) == [(2, 4), (6, 8)]
    # A Chinese phrase stands between punctuation, digits or line ends, not inside a longer phrase.
    assert find_in("加强行政执法。行政执法，", "行政执法", whole) == [(7, 11)]
    assert find_in("行政执法\n加强", "行政执法", whole) == [(0, 4)]


def test_empty_query_and_overlaps() -> None:
    assert find(sample(), "") == []
    assert find_in("啊啊啊", "啊啊", SearchOptions()) == [(0, 2)]


def test_replacements_give_one_change_per_field_with_every_hit_replaced() -> None:
    report = sample()
    hits = find(report, "执法检查")
    changes = replacements(report, hits, "监督检查", "执法检查")
    assert [(c.node_id, c.field) for c in changes] == [(2, "text"), (3, "text"), (4, "text")]
    assert changes[0] == Change(
        2, "text", "全年执法检查 12 次，执法检查（专项）3 次。", "全年监督检查 12 次，监督检查（专项）3 次。"
    )
    assert changes[2].new == "监督检查覆盖面达到100%。"


def test_replacing_with_a_longer_text_keeps_the_other_offsets_right() -> None:
    report = sample()
    changes = replacements(report, find(report, "次"), "次以上", "次")
    assert changes[0].new == "全年执法检查 12 次以上，执法检查（专项）3 次以上。"


def test_a_hit_typed_over_no_longer_matches() -> None:
    report = sample()
    hits = find(report, "司法局") + find(report, "执法检查")
    report.meta.recipients = "市委依法治市办，市司法局"  # typed over since: the old offsets hold other words
    changes = replacements(report, hits, "某某", "司法局")
    assert changes == []
    assert replacements(report, [Hit(99, "text", 0, 1)], "x", "执法") == []  # a part that is gone
    assert replacements(report, hits, "x", "") == []


def test_where_and_context_name_the_part_as_the_tree_numbers_it() -> None:
    report = sample()
    labels = part_labels(report)
    assert labels[2] == "（一）严格规范执法"
    assert labels[3] == "一是强化执法监督。"
    assert labels[4] == "执法检查覆盖面达到100%。"
    hits = find(report, "专项")
    assert where(hits[0], labels) == "（一）严格规范执法 · 正文"
    assert where(Hit(None, "meta.recipients", 0, 1), labels) == "报告信息 · 主送机关"
    before, match, after = context(report.find(2).text, hits[0], width=4)
    assert (before, match, after) == ("…法检查（", "专项", "）3 次…")


def test_regex_characters_in_a_query_are_plain_text() -> None:
    assert find_in("1205 与 12.5", "12.5", SearchOptions()) == [(7, 11)]
    assert find_in("a+b [x] (专项)", "[x]", SearchOptions()) == [(4, 7)]
    assert find_in("检查（专项）", "(专项)", SearchOptions()) == [(2, 6)]


def test_every_hit_folds_to_the_query() -> None:
    text = 'ＯＡ系统、oa平台，Oa“办公”系统（OA）\n"办公"，'
    for options in (SearchOptions(), SearchOptions(case_sensitive=True), EXACT, SearchOptions(whole_phrase=True)):
        for query in ("oa", "OA", '"办公"', "（oa）", "，"):
            for start, end in find_in(text, query, options):
                assert fold(text[start:end], options) == fold(query, options)
    assert len(find_in(text, "oa", SearchOptions())) == 4
    assert find_in(text, '"办公"', SearchOptions()) == [(12, 16), (23, 27)]


def with_table() -> Report:
    report = sample()
    table = Node(
        TABLE, "执法检查情况", table=TableData([["项目", "次数"], ["执法检查", "12"], ["专项执法检查", "3"]]), id=5
    )
    report.body[0].children.append(table)
    return report


def test_table_cells_are_searched_row_by_row_after_the_tables_title() -> None:
    hits = find(with_table(), "执法检查")
    assert [(h.node_id, h.field, h.start) for h in hits if h.node_id == 5] == [
        (5, "title", 0),
        (5, "cell.1.0", 0),
        (5, "cell.2.0", 2),
    ]
    assert find(with_table(), "12") == [Hit(2, "text", 7, 9), Hit(5, "cell.1.1", 0, 2)]
    labels = part_labels(with_table())
    assert where(Hit(5, "cell.2.0", 2, 6), labels).endswith(" · 第 3 行第 1 列")
    assert cell_position("cell.2.0") == (2, 0)
    assert cell_position("text") is None


def test_a_cell_is_replaced_as_its_own_field() -> None:
    report = with_table()
    changes = replacements(report, find(report, "12", EXACT), "13", "12", EXACT)
    assert Change(5, "cell.1.1", "12", "13") in changes
    assert (
        Change(2, "text", "全年执法检查 12 次，执法检查（专项）3 次。", "全年执法检查 13 次，执法检查（专项）3 次。")
        in changes
    )
