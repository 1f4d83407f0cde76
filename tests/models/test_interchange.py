from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from models import interchange
from models.errors import InterchangeError
from models.report import TableData
from tests.conftest import ROOT

DOC = {
    "format": "nianbao-report",
    "version": 1,
    "meta": {
        "template": "fzzf-annual",
        "year": 2023,
        "issuer": "某区某局",
        "title": "某区某局关于2023年度法治政府建设情况的报告",
        "recipients": "区委、区政府",
        "doc_number": "某局文〔2024〕3号",
        "signer": "张某",
        "signature": "某区某局",
        "date": "2024-03-06",
        "note": "（此件公开发布）",
        "cc": "区委依法治区办",
        "printed_by": "某区某局办公室",
        "printed_on": "2024-03-06",
        "disclosure": "主动公开",
    },
    "body": [
        {"kind": "paragraph", "title": "", "text": "2023年，……现将有关情况报告如下。"},
        {
            "kind": "section",
            "title": "2023年法治政府建设工作情况",
            "text": "",
            "children": [
                {
                    "kind": "section",
                    "title": "深学笃用习近平法治思想。",
                    "text": "",
                    "children": [{"kind": "point", "title": "多形式开展学习。", "text": "通过局党委会议……"}],
                }
            ],
        },
    ],
}


def test_round_trip_reproduces_the_file() -> None:
    text = json.dumps(DOC, ensure_ascii=False, indent=2) + "\n"
    report, cleaned = interchange.loads(text)
    assert cleaned == 0
    assert interchange.dumps(report) == text


def test_control_characters_are_cleaned_and_counted() -> None:
    doc = copy.deepcopy(DOC)
    doc["body"][0]["text"] = "甲\x00乙\x0b丙\ud800"
    report, cleaned = interchange.report_from_dict(doc), interchange.decode(doc)[1]
    assert report.body[0].text == "甲乙丙"
    assert cleaned == 3


def mutate(path: str, value: object) -> dict:
    doc = copy.deepcopy(DOC)
    target = doc
    keys = path.split("/")
    for key in keys[:-1]:
        target = target[int(key)] if isinstance(target, list) else target[key]
    last = keys[-1]
    if value is KeyError:
        del target[last]
    elif isinstance(target, list):
        target[int(last)] = value
    else:
        target[last] = value
    return doc


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        (mutate("format", "other"), "不是年报助手的报告文件"),
        (mutate("version", 2), "版本 2 不受支持"),
        (mutate("meta", KeyError), "缺少 meta"),
        (mutate("body", KeyError), "缺少 body"),
        (mutate("body", {}), "body 应为列表"),
        (mutate("meta/year", "2023"), r"meta\.year 应为四位年份"),
        (mutate("meta/title", 5), r"meta\.title 应为文本"),
        (mutate("meta/colour", "red"), "未知字段：colour"),
        (mutate("body/1/kind", "chapter"), r"body\[1\]\.kind 应为 section"),
        (mutate("body/1/children/0/title", None), r"body\[1\]\.children\[0\]\.title 应为文本，实际是 空值"),
        (mutate("body/1/children", "x"), r"children 应为列表"),
        (mutate("body/0/children", [{"kind": "paragraph"}]), "不能包含下级内容"),
        (mutate("body/1", 7), r"body\[1\] 应为对象"),
        ([], "顶层应为对象"),
    ],
)
def test_bad_documents_are_refused_naming_the_fault(doc: object, message: str) -> None:
    with pytest.raises(InterchangeError, match=message):
        interchange.report_from_dict(doc)


def test_duplicate_ids_are_refused() -> None:
    doc = copy.deepcopy(DOC)
    doc["body"][0]["id"] = 5
    doc["body"][1]["id"] = 5
    with pytest.raises(InterchangeError, match="id 与前面的节点重复"):
        interchange.report_from_dict(doc)


def test_runaway_nesting_is_refused() -> None:
    node: dict = {"kind": "section", "title": "x", "text": "", "children": []}
    doc = copy.deepcopy(DOC)
    doc["body"] = [node]
    for _ in range(20):
        child = {"kind": "section", "title": "x", "text": "", "children": []}
        node["children"].append(child)
        node = child
    with pytest.raises(InterchangeError, match="层级超过"):
        interchange.report_from_dict(doc)


def test_malformed_json_and_encoding(tmp_path: Path) -> None:
    with pytest.raises(InterchangeError, match="不是有效的 JSON"):
        interchange.loads('{"format": ')
    path = tmp_path / "gbk.json"
    path.write_bytes(json.dumps(DOC, ensure_ascii=False).encode("gb18030"))
    with pytest.raises(InterchangeError, match="不是 UTF-8"):
        interchange.read_file(path)
    with pytest.raises(InterchangeError, match="无法读取"):
        interchange.read_file(tmp_path / "missing.json")


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000,
        '{"format": "nianbao-report", "version": 1, "meta": {"year": 2023}, "body": ['
        + '{"kind": "section", "children": [' * 20_000
        + "]}" * 20_000
        + "]}",
    ],
)
def test_absurdly_nested_json_is_refused_with_a_message(text: str) -> None:
    with pytest.raises(InterchangeError, match="层级"):
        interchange.loads(text)


def test_the_shipped_example_is_written_as_the_program_writes_it() -> None:
    """import then show --json reproduces a file in the program's own form byte for byte."""
    path = ROOT / "resources" / "examples" / "example-report.json"
    report, _ = interchange.read_file(path)
    assert interchange.dumps(report) == path.read_text(encoding="utf-8")


# --- table nodes ---

_TABLE = {
    "kind": "table",
    "title": "案件情况",
    "text": "",
    "table": {"header_row": False, "rows": [["项目", "件数"], ["受理"]]},
}


def _doc_with(node: dict) -> str:
    return json.dumps(
        {"format": "nianbao-report", "version": 1, "meta": {"year": 2024}, "body": [node]}, ensure_ascii=False
    )


def test_a_table_node_is_read_padded_square_and_written_back() -> None:
    report, _ = interchange.loads(_doc_with(_TABLE))
    [table] = report.body
    assert (table.kind, table.title, table.table) == (
        "table",
        "案件情况",
        TableData([["项目", "件数"], ["受理", ""]], False),
    )
    written = interchange.report_to_dict(report)["body"][0]
    assert written["table"] == {"header_row": False, "rows": [["项目", "件数"], ["受理", ""]]}


@pytest.mark.parametrize(
    ("node", "message"),
    [
        ({**_TABLE, "table": None}, "body[0].table 应为含 header_row、rows 的对象。"),
        ({"kind": "table", "title": ""}, "body[0] 是表格，缺少 table 字段。"),
        ({**_TABLE, "text": "正文"}, "body[0] 是表格，文字应写在 table.rows 里，不能有 text。"),
        ({"kind": "paragraph", "text": "x", "table": _TABLE["table"]}, "body[0] 是 paragraph，不能含有表格（table）。"),
        ({**_TABLE, "table": {"rows": []}}, "body[0].table.rows 应有 1 到 5000 行，实际是 0 行。"),
        ({**_TABLE, "table": {"rows": [[]]}}, "body[0].table 应有 1 到 63 列，实际是 0 列。"),
        ({**_TABLE, "table": {"rows": [["x"] * 64]}}, "body[0].table 应有 1 到 63 列，实际是 64 列。"),
        ({**_TABLE, "table": {"rows": [["项目", 3]]}}, "body[0].table.rows[0][1] 应为文本，实际是 整数。"),
        ({**_TABLE, "table": {"rows": ["项目"]}}, "body[0].table.rows[0] 应为列表，实际是 文本。"),
        (
            {**_TABLE, "table": {"header_row": "yes", "rows": [["x"]]}},
            "body[0].table.header_row 应为真假值，实际是 文本。",
        ),
        ({**_TABLE, "children": [{"kind": "paragraph"}]}, "body[0] 是 table，不能包含下级内容（children）。"),
    ],
)
def test_a_bad_table_is_refused_by_name(node: dict, message: str) -> None:
    with pytest.raises(InterchangeError) as caught:
        interchange.loads(_doc_with(node))
    assert str(caught.value) == message
