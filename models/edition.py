"""The two editions of a report: 报送版 (sent up, with 版头 and 版记) and 公开版 (published on the web).

A ``StrEnum`` so a member is its value: JSON, settings, CLI arguments and combo-box data keep
the plain strings "submit" and "public", and a plain string compares and hashes equal to its member.
"""

from __future__ import annotations

from enum import StrEnum


class Edition(StrEnum):
    SUBMIT = "submit"
    PUBLIC = "public"

    @property
    def label(self) -> str:
        """The edition's name as a clerk knows it."""
        return _LABELS[self]

    @classmethod
    def values(cls) -> tuple[str, ...]:
        """The plain strings, for argparse choices and validation (``"x" in Edition`` raises on 3.11)."""
        return tuple(member.value for member in cls)


_LABELS = {Edition.SUBMIT: "报送版", Edition.PUBLIC: "公开版"}
