"""Interchange defects found in review: each test failed before its fix."""

from __future__ import annotations

import pytest

from models import interchange
from models.errors import InterchangeError


@pytest.mark.parametrize("text", [
    "[" * 100_000,
    '{"format": "nianbao-report", "version": 1, "meta": {"year": 2023}, "body": ['
    + '{"kind": "section", "children": [' * 20_000 + "]}" * 20_000 + "]}",
])
def test_absurdly_nested_json_is_refused_with_a_message(text: str) -> None:
    with pytest.raises(InterchangeError, match="层级"):
        interchange.loads(text)
