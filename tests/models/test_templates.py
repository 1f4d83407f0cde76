from __future__ import annotations

from pathlib import Path

import pytest

from models.errors import TemplateError
from models.report import PARAGRAPH, SECTION
from models.templates import available_templates, load_template, load_template_file, new_report


def test_default_template_has_the_five_statutory_parts() -> None:
    template = load_template("fzzf-annual")
    assert sorted(p.statutory for p in template.parts) == [1, 2, 3, 4, 5]
    assert all(p.guidance for p in template.parts)
    assert [p.required for p in template.parts if p.statutory == 5] == [False]
    assert len(template.statutory_items) == 5


def test_new_report_gets_whole_skeleton_with_years() -> None:
    report = new_report(load_template("fzzf-annual"), 2024, "重庆市某区某局")
    assert report.meta.title == "重庆市某区某局关于2024年度法治政府建设情况的报告"
    assert report.body[0].kind == PARAGRAPH
    sections = [n for n in report.body if n.kind == SECTION]
    assert sections[0].title.startswith("2024年")
    assert any(n.title.startswith("2025年") for n in sections)
    assert len(sections[0].children) >= 8  # the 纲要 sub-topics
    assert all(n.key for n in report.walk())


def test_variant_puts_leader_first() -> None:
    report = new_report(load_template("fzzf-annual"), 2024, "某局", variant="leader-first")
    sections = [n for n in report.body if n.kind == SECTION]
    assert sections[0].key == "leader"


def test_unknown_variant_and_template_are_refused() -> None:
    with pytest.raises(TemplateError, match="没有名为"):
        new_report(load_template("fzzf-annual"), 2024, "某局", variant="nope")
    with pytest.raises(TemplateError, match="找不到模板"):
        load_template("does-not-exist")


def test_a_second_template_file_needs_no_code(tmp_path: Path) -> None:
    (tmp_path / "township.toml").write_text(
        'id = "township"\nname = "乡镇报告"\ntitle = "{issuer}{year}年法治建设情况报告"\n'
        '[[parts]]\nkey = "work"\nstatutory = 1\nrequired = true\ntitle = "{year}年工作"\nguidance = "写工作。"\n'
        '[[parts]]\nkey = "next"\nstatutory = 4\ntitle = "{next_year}年打算"\n',
        encoding="utf-8",
    )
    templates = available_templates(tmp_path)
    assert [t.id for t in templates] == ["township"]
    report = new_report(load_template("township", tmp_path), 2030, "某镇")
    assert report.meta.title == "某镇2030年法治建设情况报告"
    assert [n.title for n in report.body] == ["2030年工作", "2031年打算"]


def test_broken_template_file_gets_a_message(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text("name = [", encoding="utf-8")
    with pytest.raises(TemplateError, match="格式有误"):
        load_template_file(path)


@pytest.mark.parametrize(
    ("toml", "named"),
    [
        ('title = "关于{year}年度的报告"\n[[parts]]\nkey = "a"\ntitle = "甲"\n', "name"),
        ('name = "乡镇"\ntitle = "t"\n[[parts]]\ntitle = "甲"\n', "key"),
    ],
)
def test_a_missing_field_is_named_in_chinese(tmp_path: Path, toml: str, named: str) -> None:
    path = tmp_path / "broken.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(TemplateError, match=f"缺少字段“{named}”"):
        load_template_file(path)


def test_a_wrongly_typed_field_is_a_template_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text(
        'name = "乡镇"\ntitle = "t"\n[[parts]]\nkey = "a"\ntitle = "甲"\nstatutory = "一"\n', encoding="utf-8"
    )
    with pytest.raises(TemplateError, match=r"broken\.toml"):
        load_template_file(path)


def test_a_broken_template_says_where_in_chinese_without_the_parsers_english(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text('id = "broken"\nname = \n', encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        load_template_file(path)
    message = str(caught.value)
    assert "第 2 行附近写法不对" in message
    assert not any("a" <= ch.lower() <= "z" for ch in message.replace(path.name, ""))
