"""The indicator catalogue in resources/ledger: whole, consistent, one set per kind of issuer."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.ledger.definitions import (
    LedgerDefinitionError,
    custom_indicator,
    ledger_dir,
    load_catalogue,
)


def test_every_set_loads_with_shared_groups() -> None:
    catalogue = load_catalogue()
    assert [s.id for s in catalogue.sets] == ["department", "township", "county", "city", "province"]
    common = {"study", "norms", "decisions", "litig"}
    for indicator_set in catalogue.sets:
        assert common <= {g.id for g in indicator_set.groups}
        keys = [i.key for i in indicator_set.indicators]
        assert len(keys) == len(set(keys)) >= 40
    assert "recon" in {g.id for g in catalogue.set("county").groups}
    assert "recon" not in {g.id for g in catalogue.set("department").groups}


def test_derived_figures_name_their_parts() -> None:
    catalogue = load_catalogue()
    assert catalogue.indicator("recon_correction_rate").formula.keys == {"recon_corrected", "recon_closed"}
    assert catalogue.indicator("litig_head_rate").formula.keys == {"litig_head_appeared", "litig_hearings"}
    rates = [i for g in catalogue.groups.values() for i in g.indicators if i.formula]
    assert rates
    assert all(i.unit == "%" for i in rates)


@pytest.mark.parametrize(
    ("issuer", "kind"),
    [
        ("重庆市九龙坡区城市管理局", "department"),
        ("某县人民政府", "county"),
        ("重庆市九龙坡区人民政府", "county"),
        ("十堰市人民政府", "city"),
        ("湖北省人民政府", "province"),
        ("重庆市人民政府", "province"),
        ("某镇人民政府", "township"),
        ("某区某街道办事处", "township"),
        ("", "department"),
    ],
)
def test_kind_is_guessed_from_the_issuer(issuer: str, kind: str) -> None:
    assert load_catalogue().guess_kind(issuer) == kind


def test_unknown_kind_is_refused_with_the_choices() -> None:
    with pytest.raises(LedgerDefinitionError, match="department（政府部门）"):
        load_catalogue().set("town")


def _copy_catalogue(tmp_path: Path) -> Path:
    for path in ledger_dir().glob("*.toml"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            "recon.toml",
            'formula = "100 * recon_corrected / recon_closed"',
            'formula = "100 * recon_fixed / recon_closed"',
            "不存在的指标：recon_fixed",
        ),
        (
            "recon.toml",
            'formula = "100 * recon_corrected / recon_closed"',
            'formula = "eval(recon_closed)"',
            "多出内容",
        ),
        ("litig.toml", 'key = "litig_lost"', 'key = "recon_received"', "重复"),
        ("litig.toml", 'key = "litig_lost"', 'key = "Litig Lost"', "小写字母"),
        ("litig.toml", 'key = "litig_lost"', 'key = "x_lost"', "前缀留给各单位"),
        ("sets.toml", '"study", "norms"', '"study", "laws"', "不存在的分组：laws"),
        ("pufa.toml", 'unit = "份"', 'unit = ""', "没有写单位"),
        ("files.toml", 'op = "=="', 'op = ">"', "op 只能是"),
        ("norms.toml", "[group]", "[group", "格式有误"),
    ],
)
def test_a_broken_catalogue_is_refused_naming_the_fault(
    tmp_path: Path, file: str, old: str, new: str, message: str
) -> None:
    folder = _copy_catalogue(tmp_path)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(LedgerDefinitionError, match=message):
        load_catalogue(folder)


@pytest.mark.parametrize(
    ("key", "name", "unit", "message"),
    [
        ("河道巡查", "河道巡查", "次", "应以 x_ 开头"),
        ("river_patrols", "河道巡查", "次", "应以 x_ 开头"),
        ("x_river_patrols", "", "次", "中文名称"),
        ("x_river_patrols", "河道巡查", "", "单位"),
        ("recon_received", "收到复议", "件", "应以 x_ 开头"),
    ],
)
def test_own_indicators_are_checked(key: str, name: str, unit: str, message: str) -> None:
    with pytest.raises(LedgerDefinitionError, match=message):
        custom_indicator(key, name, unit)


def test_an_own_indicator() -> None:
    indicator = custom_indicator(" x_river_patrols ", "河道巡查", "次", "巡查河道的次数")
    assert (indicator.key, indicator.custom, indicator.whole, indicator.formula) == (
        "x_river_patrols",
        True,
        True,
        None,
    )


def test_a_catalogue_file_that_cannot_be_read_is_named_in_chinese(tmp_path: Path) -> None:
    folder = _copy_catalogue(tmp_path)
    broken = folder / "norms.toml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("[group]", "[group", 1), encoding="utf-8")
    with pytest.raises(LedgerDefinitionError) as caught:
        load_catalogue(folder)
    assert str(caught.value) == "台账定义文件 norms.toml 格式有误：第 1 行附近写法不对"
    broken.write_bytes("[group]\nname = '规范'".encode("gbk"))
    with pytest.raises(LedgerDefinitionError, match=r"格式有误：不是 UTF-8 编码的文本$"):
        load_catalogue(folder)
    broken.unlink()
    broken.mkdir()  # a folder where the file should be: the system's English is not shown
    with pytest.raises(LedgerDefinitionError) as caught:
        load_catalogue(folder)
    assert str(caught.value).endswith("：这是一个文件夹，不是文件")
