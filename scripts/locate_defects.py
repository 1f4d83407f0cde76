"""Record where each planted defect sits: ``at = N`` (its offset in the clean text) for every
defect of tests/data/planted/defects.toml that lacks one. Run after adding defects:
``python scripts/locate_defects.py``. The anchors must occur exactly once in their report."""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.corpus import DEFECTS, Defect, clean_text, locate  # noqa: E402


def main() -> None:
    source = DEFECTS.read_text(encoding="utf-8")
    rows = tomllib.loads(source)["defect"]
    blocks = re.split(r"(?m)^(?=\[\[defect\]\])", source)
    head, blocks = blocks[0], blocks[1:]
    assert len(blocks) == len(rows)
    out = [head]
    for block, row in zip(blocks, rows, strict=True):
        if "at" not in row:
            at = locate(Defect(**{**row, "at": -1}), clean_text(row["report"]))
            block = re.sub(r"(?m)^(kind = .*\n)", rf"\g<1>at = {at}\n", block, count=1)
        out.append(block)
    DEFECTS.write_text("".join(out), encoding="utf-8")
    print(f"{len(rows)} defects located")


if __name__ == "__main__":
    main()
