"""Frozen-program timings (medians, whole processes): window shown offscreen, export, list.

    python bench/bench_frozen.py [--exe dist/nianbao/nianbao] [--runs 7]

Build first (scripts/build.sh). The window figure runs the program with
NIANBAO_EXIT_AFTER_SHOWN=1, which quits as soon as the event loop has shown the first window
(main.py), so it is start-to-shown plus a clean exit. Goals (issue 7): window ≤ 0.5 s,
export ≤ 0.8 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def default_exe() -> Path:
    exe = ROOT / "dist" / "nianbao" / "nianbao"
    return exe.with_suffix(".exe") if sys.platform == "win32" else exe


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    start = time.perf_counter()
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, encoding="utf-8", timeout=120, check=False)
    return time.perf_counter() - start, result


def median_of(runs: int, cmd: list[str], env: dict[str, str]) -> tuple[float, str]:
    timed(cmd, env)  # warm the page cache: a clerk's second start, not the disk's first read
    times = []
    for _ in range(runs):
        seconds, result = timed(cmd, env)
        if result.returncode != 0:
            raise SystemExit(f"{' '.join(cmd)} failed ({result.returncode}): {result.stderr.strip()}")
        times.append(seconds)
    return statistics.median(times), f"min {min(times):.3f} max {max(times):.3f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exe", type=Path, default=default_exe())
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if not args.exe.exists():
        raise SystemExit(f"no frozen program at {args.exe}: run scripts/build.sh first")
    exe = str(args.exe)
    with tempfile.TemporaryDirectory() as work:
        env = {**os.environ, "NIANBAO_HOME": str(Path(work) / "home"), "QT_QPA_PLATFORM": "offscreen"}
        db = str(Path(work) / "library.db")
        report_id = subprocess.run(
            [exe, "new", "--year", "2024", "--issuer", "测试局", "--db", db],
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=True,
        ).stdout.strip()
        cases = [
            ("window shown (offscreen)", [exe, "--db", db], {**env, "NIANBAO_EXIT_AFTER_SHOWN": "1"}),
            ("export .json", [exe, "export", report_id, "-o", str(Path(work) / "x.json"), "--db", db], env),
            ("list", [exe, "list", "--db", db], env),
        ]
        probe = subprocess.run(
            [exe, "export", report_id, "-o", str(Path(work) / "x.docx"), "--db", db],
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
        if probe.returncode == 0:
            cases.insert(
                2, ("export .docx", [exe, "export", report_id, "-o", str(Path(work) / "x.docx"), "--db", db], env)
            )
        else:
            print(f"(no .docx export in this build: {probe.stderr.strip()})")
        print(f"frozen program: {exe}, {args.runs} runs each, medians of whole processes")
        for label, cmd, case_env in cases:
            median, spread = median_of(args.runs, cmd, case_env)
            print(f"  {label:26s} {median:6.3f} s   ({spread})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
