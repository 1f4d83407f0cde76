"""Record where each planted defect sits: ``at = N`` (its offset in the clean text) for every
defect of tests/data/planted/defects.toml that lacks one. Run after adding defects:
``python scripts/locate_defects.py``. The anchors must occur exactly once in their report.
``--write DIR`` also writes each report with all its defects planted, to read or import by hand."""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import DEFECTS, Defect, clean_names, clean_text, load_defects, locate, plant  # noqa: E402


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
    if len(sys.argv) == 3 and sys.argv[1] == "--write":
        folder = Path(sys.argv[2])
        folder.mkdir(parents=True, exist_ok=True)
        defects = load_defects()
        for name in clean_names():
            mine = [d for d in defects if d.report == name]
            (folder / f"{name}.txt").write_text(plant(clean_text(name), mine), encoding="utf-8")
        print(f"planted reports written to {folder}")


if __name__ == "__main__":
    main()
