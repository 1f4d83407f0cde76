"""The ledger in the interchange JSON: written only when there is one, read back exactly, and bad
figures refused with the place named."""

from __future__ import annotations

import copy
import json
from decimal import Decimal

import pytest

from models import interchange
from models.errors import InterchangeError

DOC = {
    "format": "nianbao-report",
    "version": 1,
    "meta": {
        "template": "fzzf-annual",
        "year": 2023,
        "issuer": "某县人民政府",
        "title": "",
        "recipients": "",
        "doc_number": "",
        "signer": "",
        "signature": "",
        "date": "",
        "note": "",
        "cc": "",
        "printed_by": "",
        "printed_on": "",
        "disclosure": "主动公开",
    },
    "body": [{"kind": "paragraph", "title": "", "text": "全年共收到行政复议申请35件。"}],
    "ledger": {
        "kind": "county",
        "values": {
            "recon_received": {"current": 35, "previous": 30},
            "litig_head_rate": {"current": 99.56},
            "enf_penalty_amount": {"previous": 12.6},
            "x_river_patrols": {"current": 48},
        },
        "custom": [{"key": "x_river_patrols", "name": "河道巡查", "unit": "次", "definition": "巡河次数"}],
    },
}


def test_round_trip_reproduces_the_file() -> None:
    text = json.dumps(DOC, ensure_ascii=False, indent=2) + "\n"
    report, _ = interchange.loads(text)
    assert report.ledger.get("litig_head_rate") == Decimal("99.56")
    assert report.ledger.get("enf_penalty_amount", "previous") == Decimal("12.6")
    assert interchange.dumps(report) == text


def test_no_ledger_writes_no_ledger_key() -> None:
    doc = copy.deepcopy(DOC)
    del doc["ledger"]
    report, _ = interchange.loads(json.dumps(doc))
    assert report.ledger.empty
    assert "ledger" not in interchange.report_to_dict(report)


def test_a_figure_for_a_key_this_program_does_not_define_is_kept() -> None:
    doc = copy.deepcopy(DOC)
    doc["ledger"]["values"]["future_indicator"] = {"current": 7.5}
    report, _ = interchange.loads(json.dumps(doc))
    assert interchange.report_to_dict(report)["ledger"]["values"]["future_indicator"] == {"current": 7.5}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.__setitem__("ledger", []), "ledger 应为含 kind、values、custom 的对象"),
        (lambda d: d["ledger"].__setitem__("colour", 1), "ledger 应为含 kind、values、custom 的对象"),
        (lambda d: d["ledger"].__setitem__("kind", "town"), "没有“town”这类台账"),
        (
            lambda d: d["ledger"]["values"].__setitem__("recon_received", 35),
            "ledger.values.recon_received 应为含 current、previous 的对象",
        ),
        (
            lambda d: d["ledger"]["values"]["recon_received"].__setitem__("current", "35"),
            "ledger.values.recon_received.current 应为数字，实际是 文本",
        ),
        (lambda d: d["ledger"]["values"]["recon_received"].__setitem__("current", True), "应为数字，实际是 真假值"),
        (lambda d: d["ledger"]["values"]["recon_received"].__setitem__("current", -1), "不能是负数"),
        (lambda d: d["ledger"]["values"]["recon_received"].__setitem__("current", 3.5), "应为整数"),
        (lambda d: d["ledger"]["values"]["litig_head_rate"].__setitem__("current", 101), "不能超过100%"),
        (lambda d: d["ledger"]["values"].__setitem__("future_indicator", {"current": -2}), "不小于 0"),
        (lambda d: d["ledger"]["custom"][0].__setitem__("key", "recon_received"), "应以 x_ 开头"),
        (lambda d: d["ledger"].__setitem__("custom", {}), "ledger.custom 应为列表"),
        (lambda d: d["ledger"]["custom"].append("河道巡查"), r"ledger.custom\[1\] 应为对象"),
        (lambda d: d["ledger"]["custom"].append(dict(d["ledger"]["custom"][0])), "重复的指标代码"),
    ],
)
def test_bad_ledgers_are_refused_naming_the_place(change, message: str) -> None:
    doc = copy.deepcopy(DOC)
    change(doc)
    with pytest.raises(InterchangeError, match=message):
        interchange.loads(json.dumps(doc, ensure_ascii=False))
