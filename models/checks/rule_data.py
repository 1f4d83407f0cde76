"""The rule lists kept as data in ``resources/checks/*.toml``: read once, on first use."""

from __future__ import annotations

import tomllib
from functools import cache
from typing import Any

from models.paths import resource_dir


@cache
def load(name: str) -> dict[str, Any]:
    """``resources/checks/<name>.toml`` as a dict (cached: the rules call this on every check)."""
    with (resource_dir() / "checks" / f"{name}.toml").open("rb") as handle:
        return tomllib.load(handle)
