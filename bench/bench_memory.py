"""Peak memory and time of importing and exporting a large hostile .docx, and of a normal report.

Each step is the real command (``python main.py --db LIB import FILE``, then ``export ID -o out.docx``)
run as its own process; its peak resident memory is the process's ``ru_maxrss`` (from ``os.wait4``).
Goal (issue 11): import ≤ 500 MB and export ≤ 500 MB for any report the importer accepts.
The hostile files are written by :mod:`bench.hostile_docx` (about 95 MB of XML, under the 100 MB cap).

Then the largest files the importer accepts (just under its caps on XML nodes, paragraphs and
characters), imported and exported.

Run: python bench/bench_memory.py [--shapes paragraphs runs …] [--xml-mb 95] [--no-caps]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_import import synthetic_report, write_docx  # noqa: E402
from bench.hostile_docx import SHAPES, write_hostile_docx  # noqa: E402
from models.importing.render import render_text  # noqa: E402

GOAL_MB = 500
# (shape, MB of XML, MB of pictures) just under the importer's caps: 955,000 XML nodes of empty runs;
# 935,000 of attributes, alone and with 88 MB of pictures (python-docx loads them; 100 MB unpacked in
# all is the cap); 19,000 short paragraphs (817,000 characters); 20 paragraphs of 48,000 characters,
# half of them “ (a run each in the export); a table of 17,000 rows.
AT_THE_CAPS = (
    ("runs", 5.2, 0),
    ("attributes", 8, 0),
    ("attributes", 8, 88),
    ("paragraphs", 7.5, 0),
    ("quotes", 2.85, 0),
    ("table", 5, 0),
)


def run_measured(command: list[str], env: dict[str, str]) -> tuple[int, str, str, float, float]:
    """(exit code, stdout, stderr, seconds, peak RSS in MB) of one process."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(command, stdout=out, stderr=err, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        return (
            process.returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
            seconds,
            usage.ru_maxrss / 1024,
        )


def measure(label: str, source: Path, work: Path) -> None:
    env = {**os.environ, "NIANBAO_HOME": str(work / "home")}
    db = work / f"{label}.db"
    main = [sys.executable, str(ROOT / "main.py"), "--db", str(db)]
    code, out, err, seconds, peak = run_measured([*main, "import", str(source)], env)
    size = f"{source.stat().st_size / 1024:.0f} KiB file"
    if code != 0:
        print(
            f"{label:<22} {size:>14}  import refused in {seconds:5.1f} s, peak {peak:6.0f} MB "
            f"({_verdict(peak)}): {err.strip().splitlines()[-1] if err.strip() else code}"
        )
        return
    print(f"{label:<22} {size:>14}  import   {seconds:5.1f} s, peak {peak:6.0f} MB ({_verdict(peak)})")
    report_id = out.strip().splitlines()[-1]
    target = work / f"{label}.docx"
    code, out, err, seconds, peak = run_measured([*main, "export", report_id, "-o", str(target)], env)
    result = f"{target.stat().st_size / 1024:.0f} KiB out" if code == 0 else f"failed: {err.strip()[-200:]}"
    print(f"{'':<22} {'':>14}  export   {seconds:5.1f} s, peak {peak:6.0f} MB ({_verdict(peak)}); {result}")
    db.unlink(missing_ok=True)
    target.unlink(missing_ok=True)


_LINE = "坚持以习近平法治思想为指导，全面落实行政执法“三项制度”，全年办理行政许可1262件。\n".encode("gb18030")


def _gbk_text(path: Path, lines: int) -> Path:
    """A text file as Notepad saves it in GBK: ``lines`` lines of a report sentence."""
    path.write_bytes(_LINE * lines)
    return path


def _verdict(peak_mb: float) -> str:
    return f"goal ≤ {GOAL_MB} MB {'met' if peak_mb <= GOAL_MB else 'MISSED'}"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shapes", nargs="*", default=list(SHAPES), choices=SHAPES)
    parser.add_argument("--xml-mb", type=float, default=95)
    parser.add_argument("--no-caps", action="store_true", help="skip the files just under the caps")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        normal = work / "normal-20-pages.docx"
        write_docx(render_text(synthetic_report(20)), normal)
        measure("normal (20 pages)", normal, work)
        for shape in args.shapes:
            path = write_hostile_docx(work / f"hostile-{shape}.docx", shape, args.xml_mb)
            measure(f"hostile {shape} {args.xml_mb:g} MB", path, work)
            path.unlink()
        measure("txt GBK 19 MB", _gbk_text(work / "big.txt", 19 * 1024 * 1024 // len(_LINE)), work)
        for shape, xml_mb, images_mb in () if args.no_caps else AT_THE_CAPS:
            path = write_hostile_docx(work / f"at-caps-{shape}.docx", shape, xml_mb, images_mb)
            pictures = f" + {images_mb} MB pictures" if images_mb else ""
            measure(f"at caps {shape} {xml_mb:g} MB{pictures}", path, work)
            path.unlink()
        if not args.no_caps:
            measure("at caps txt 19,000 lines", _gbk_text(work / "at-caps.txt", 19_000), work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
