"""Template defects found in review: each test failed before its fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.errors import TemplateError
from models.templates import load_template_file


@pytest.mark.parametrize(("toml", "named"), [
    ('title = "关于{year}年度的报告"\n[[parts]]\nkey = "a"\ntitle = "甲"\n', "name"),
    ('name = "乡镇"\ntitle = "t"\n[[parts]]\ntitle = "甲"\n', "key"),
])
def test_a_missing_field_is_named_in_chinese(tmp_path: Path, toml: str, named: str) -> None:
    path = tmp_path / "broken.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(TemplateError, match=f"缺少字段“{named}”"):
        load_template_file(path)


def test_a_wrongly_typed_field_is_a_template_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text('name = "乡镇"\ntitle = "t"\n[[parts]]\nkey = "a"\ntitle = "甲"\nstatutory = "一"\n',
                    encoding="utf-8")
    with pytest.raises(TemplateError, match=r"broken\.toml"):
        load_template_file(path)
