"""The interchange JSON (docs/interchange.md): ``show --json``, ``export -o x.json``, ``import x.json``.

Reading validates everything and names what is wrong (``body[2].children[0].kind``).
Optional node keys extend the documented format without breaking it: ``key`` (the
template part a node came from), ``reference`` (last year's text), and the 分工 ``unit``
(the 科室 that writes the part) and ``due`` (by when); they are written
only when non-empty, so a file without them round-trips unchanged. Likewise the optional
top-level ``checklist`` (last year's plans after a roll-forward: text, done, note) and
``ledger`` (数据台账: kind, figures per indicator key, the unit's own indicators).
A ``table`` node carries its cells in ``table`` (``header_row`` and ``rows``, a list of rows of text).
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from models.errors import InterchangeError
from models.fileio import os_error_reason
from models.ledger.definitions import LedgerDefinitionError, custom_indicator, load_catalogue
from models.ledger.sheet import json_number
from models.ledger.values import CURRENT, PREVIOUS, Ledger, LedgerValueError, check_value
from models.report import (
    MAX_TABLE_COLUMNS,
    MAX_TABLE_ROWS,
    META_FIELDS,
    NODE_KINDS,
    SECTION,
    TABLE,
    TYPED_DATE_FIELDS,
    ChecklistItem,
    Node,
    Report,
    ReportMeta,
    TableData,
    valid_year,
)
from models.text_chars import clean_text

FORMAT = "nianbao-report"
VERSION = 1
MAX_DEPTH = 12
_NODE_KEYS = {"kind", "title", "text", "children", "key", "reference", "unit", "due", "id", "table"}


def report_to_dict(report: Report) -> dict[str, Any]:
    meta = {
        name: value for name, value in report.meta.as_dict().items() if value or name not in TYPED_DATE_FIELDS.values()
    }  # optional: written only when kept
    data = {"format": FORMAT, "version": VERSION, "meta": meta, "body": [_node_to_dict(n) for n in report.body]}
    if report.checklist:  # optional: last year's plans after a roll-forward
        data["checklist"] = [{"text": i.text, "done": i.done, "note": i.note} for i in report.checklist]
    if not report.ledger.empty:  # optional: the year's figures
        data["ledger"] = ledger_to_dict(report.ledger)
    return data


def ledger_to_dict(ledger: Ledger) -> dict[str, Any]:
    values = {
        key: {column: json_number(entry.get(column)) for column in (CURRENT, PREVIOUS) if entry.get(column) is not None}
        for key, entry in ledger.entries.items()
        if not entry.empty
    }
    data: dict[str, Any] = {"kind": ledger.kind, "values": values}
    if ledger.custom:
        data["custom"] = [
            {"key": i.key, "name": i.name, "unit": i.unit, "definition": i.definition} for i in ledger.custom
        ]
    return data


def _node_to_dict(node: Node) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": node.kind, "title": node.title, "text": node.text}
    if node.key:
        data["key"] = node.key
    if node.reference:
        data["reference"] = node.reference
    if node.unit:  # 分工: who writes this part, and by when
        data["unit"] = node.unit
    if node.due:
        data["due"] = node.due
    if node.kind == SECTION:
        data["children"] = [_node_to_dict(c) for c in node.children]
    if node.kind == TABLE:
        data["table"] = table_to_dict(node.table or TableData())
    return data


def table_to_dict(table: TableData) -> dict[str, Any]:
    return {"header_row": table.header_row, "rows": [list(row) for row in table.rows]}


def dumps(report: Report) -> str:
    return json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n"


def loads(text: str) -> tuple[Report, int]:
    """Parse a document; also return how many illegal characters were cleaned out."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InterchangeError(f"不是有效的 JSON 文件：第 {exc.lineno} 行第 {exc.colno} 列附近有错误。") from exc
    except RecursionError as exc:  # the parser recurses per nesting level, long before MAX_DEPTH is checked
        raise InterchangeError(f"文件层级嵌套过深（报告最多 {MAX_DEPTH} 级），文件结构有误。") from exc
    return decode(data)


def read_file(path: Path) -> tuple[Report, int]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InterchangeError(f"无法读取文件 {path}：{os_error_reason(exc)}") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InterchangeError("JSON 文件不是 UTF-8 编码，无法读取。") from exc
    return loads(text)


class _Reader:
    """Validates one document, collecting a cleaned-character count on the way."""

    def __init__(self) -> None:
        self.removed = 0
        self.ids: set[int] = set()

    def string(self, value: Any, where: str) -> str:
        if not isinstance(value, str):
            raise InterchangeError(f"{where} 应为文本，实际是 {_type_name(value)}。")
        cleaned, removed = clean_text(value)
        self.removed += removed
        return cleaned

    def node(self, data: Any, where: str, depth: int) -> Node:
        if depth > MAX_DEPTH:
            raise InterchangeError(f"{where} 层级超过 {MAX_DEPTH} 级，文件结构有误。")
        if not isinstance(data, dict):
            raise InterchangeError(f"{where} 应为对象，实际是 {_type_name(data)}。")
        unknown = set(data) - _NODE_KEYS
        if unknown:
            raise InterchangeError(f"{where} 含有未知字段：{'、'.join(sorted(unknown))}。")
        kind = data.get("kind")
        if kind not in NODE_KINDS:
            raise InterchangeError(f"{where}.kind 应为 section、point、paragraph 或 table，实际是 {kind!r}。")
        self._check_id(data.get("id"), where)
        children = data.get("children", [])
        if not isinstance(children, list):
            raise InterchangeError(f"{where}.children 应为列表，实际是 {_type_name(children)}。")
        if children and kind != SECTION:
            raise InterchangeError(f"{where} 是 {kind}，不能包含下级内容（children）。")
        return Node(
            kind=kind,
            title=self.string(data.get("title", ""), f"{where}.title"),
            text=self.string(data.get("text", ""), f"{where}.text"),
            key=self.string(data.get("key", ""), f"{where}.key"),
            reference=self.string(data.get("reference", ""), f"{where}.reference"),
            unit=self.string(data.get("unit", ""), f"{where}.unit"),
            due=self.string(data.get("due", ""), f"{where}.due"),
            children=[self.node(c, f"{where}.children[{i}]", depth + 1) for i, c in enumerate(children)],
            table=self._table_of(data, kind, where),
        )

    def _table_of(self, data: dict[str, Any], kind: str, where: str) -> TableData | None:
        if kind != TABLE:
            if "table" in data:
                raise InterchangeError(f"{where} 是 {kind}，不能含有表格（table）。")
            return None
        if data.get("text"):
            raise InterchangeError(f"{where} 是表格，文字应写在 table.rows 里，不能有 text。")
        if "table" not in data:
            raise InterchangeError(f"{where} 是表格，缺少 table 字段。")
        return self.table(data["table"], f"{where}.table")

    def table(self, data: Any, where: str) -> TableData:
        """Rows of text; a short row is padded with empty cells (nothing written is changed)."""
        if not isinstance(data, dict) or set(data) - {"header_row", "rows"}:
            raise InterchangeError(f"{where} 应为含 header_row、rows 的对象。")
        header_row = data.get("header_row", True)
        if not isinstance(header_row, bool):
            raise InterchangeError(f"{where}.header_row 应为真假值，实际是 {_type_name(header_row)}。")
        rows = _list(data.get("rows"), f"{where}.rows")
        if not rows or len(rows) > MAX_TABLE_ROWS:
            raise InterchangeError(f"{where}.rows 应有 1 到 {MAX_TABLE_ROWS} 行，实际是 {len(rows)} 行。")
        cells = [
            [self.string(cell, f"{where}.rows[{r}][{c}]") for c, cell in enumerate(_list(row, f"{where}.rows[{r}]"))]
            for r, row in enumerate(rows)
        ]
        width = max(len(row) for row in cells)
        if not 1 <= width <= MAX_TABLE_COLUMNS:
            raise InterchangeError(f"{where} 应有 1 到 {MAX_TABLE_COLUMNS} 列，实际是 {width} 列。")
        return TableData(cells, header_row).squared()

    def _check_id(self, value: Any, where: str) -> None:
        if value is None:
            return
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            raise InterchangeError(f"{where}.id 应为正整数，实际是 {value!r}。")
        if value in self.ids:
            raise InterchangeError(f"{where}.id 与前面的节点重复（{value}），文件结构有误。")
        self.ids.add(value)

    def checklist(self, data: Any) -> list[ChecklistItem]:
        if not isinstance(data, list):
            raise InterchangeError(f"checklist 应为列表，实际是 {_type_name(data)}。")
        items = []
        for i, entry in enumerate(data):
            where = f"checklist[{i}]"
            if not isinstance(entry, dict) or set(entry) - {"text", "done", "note"}:
                raise InterchangeError(f"{where} 应为含 text、done、note 的对象。")
            done = entry.get("done", False)
            if not isinstance(done, bool):
                raise InterchangeError(f"{where}.done 应为真假值，实际是 {_type_name(done)}。")
            items.append(
                ChecklistItem(
                    text=self.string(entry.get("text", ""), f"{where}.text"),
                    done=done,
                    note=self.string(entry.get("note", ""), f"{where}.note"),
                )
            )
        return items

    def ledger(self, data: Any) -> Ledger:
        if not isinstance(data, dict) or set(data) - {"kind", "values", "custom"}:
            raise InterchangeError("ledger 应为含 kind、values、custom 的对象。")
        kind = self.string(data.get("kind", ""), "ledger.kind")
        catalogue = load_catalogue()
        try:
            if kind:
                catalogue.set(kind)
            custom = [
                custom_indicator(
                    self.string(c.get("key", ""), f"ledger.custom[{i}].key"),
                    self.string(c.get("name", ""), f"ledger.custom[{i}].name"),
                    self.string(c.get("unit", ""), f"ledger.custom[{i}].unit"),
                    self.string(c.get("definition", ""), f"ledger.custom[{i}].definition"),
                )
                if isinstance(c, dict)
                else _not_object(f"ledger.custom[{i}]", c)
                for i, c in enumerate(_list(data.get("custom", []), "ledger.custom"))
            ]
        except LedgerDefinitionError as exc:
            raise InterchangeError(f"ledger 有误：{exc}") from exc
        own = {i.key: i for i in custom}
        if len(own) != len(custom):
            raise InterchangeError("ledger.custom 中有重复的指标代码。")
        ledger = Ledger(kind=kind, custom=custom)
        values = data.get("values", {})
        if not isinstance(values, dict):
            raise InterchangeError(f"ledger.values 应为对象，实际是 {_type_name(values)}。")
        for key, entry in values.items():
            where = f"ledger.values.{key}"
            if not isinstance(entry, dict) or set(entry) - {CURRENT, PREVIOUS}:
                raise InterchangeError(f"{where} 应为含 current、previous 的对象。")
            indicator = own.get(key) or catalogue.indicator(key)
            for column, value in entry.items():
                ledger.set(key, column, self.figure(value, indicator, f"{where}.{column}"))
        return ledger

    @staticmethod
    def figure(value: Any, indicator: Any, where: str) -> Decimal | None:
        if value is None:
            return None
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise InterchangeError(f"{where} 应为数字，实际是 {_type_name(value)}。")
        number = Decimal(str(value))
        if indicator is None:  # a key this program does not define: kept as it is, if it is a figure
            if not number.is_finite() or number < 0:
                raise InterchangeError(f"{where} 应为不小于 0 的数字，实际是 {value!r}。")
            return number
        try:
            return check_value(number, indicator)
        except LedgerValueError as exc:
            raise InterchangeError(f"{where}：{exc}") from exc

    def meta(self, data: Any) -> ReportMeta:
        if not isinstance(data, dict):
            raise InterchangeError(f"meta 应为对象，实际是 {_type_name(data)}。")
        unknown = set(data) - set(META_FIELDS)
        if unknown:
            raise InterchangeError(f"meta 含有未知字段：{'、'.join(sorted(unknown))}。")
        year = data.get("year")
        if not isinstance(year, int) or isinstance(year, bool) or not valid_year(year):
            raise InterchangeError(f"meta.year 应为四位年份（整数），实际是 {year!r}。")
        values: dict[str, Any] = {"year": year}
        for name in META_FIELDS:
            if name != "year" and name in data:
                values[name] = self.string(data[name], f"meta.{name}")
        return ReportMeta(**values)


def report_from_dict(data: Any) -> Report:
    return decode(data)[0]


def decode(data: Any) -> tuple[Report, int]:
    """Validate and build a report; raises :class:`InterchangeError` naming the fault."""
    if not isinstance(data, dict):
        raise InterchangeError("文件顶层应为对象（{…}）。")
    if data.get("format") != FORMAT:
        raise InterchangeError(f"不是年报助手的报告文件（format 应为 {FORMAT!r}，实际是 {data.get('format')!r}）。")
    if data.get("version") != VERSION:
        raise InterchangeError(
            f"报告文件版本 {data.get('version')!r} 不受支持（本程序读取版本 {VERSION}），请升级年报助手。"
        )
    for required in ("meta", "body"):
        if required not in data:
            raise InterchangeError(f"报告文件缺少 {required} 部分。")
    reader = _Reader()
    meta = reader.meta(data["meta"])
    if not isinstance(data["body"], list):
        raise InterchangeError(f"body 应为列表，实际是 {_type_name(data['body'])}。")
    body = [reader.node(n, f"body[{i}]", 1) for i, n in enumerate(data["body"])]
    items = reader.checklist(data.get("checklist", []))
    ledger = reader.ledger(data["ledger"]) if "ledger" in data else Ledger()
    return Report(meta=meta, body=body, checklist=items, ledger=ledger), reader.removed


def _list(value: Any, where: str) -> list:
    if not isinstance(value, list):
        raise InterchangeError(f"{where} 应为列表，实际是 {_type_name(value)}。")
    return value


def _not_object(where: str, value: Any) -> Any:
    raise InterchangeError(f"{where} 应为对象，实际是 {_type_name(value)}。")


def _type_name(value: Any) -> str:
    names = {str: "文本", int: "整数", float: "小数", bool: "真假值", list: "列表", dict: "对象", type(None): "空值"}
    return names.get(type(value), type(value).__name__)
