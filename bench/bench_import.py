"""Benchmark: import a 20-page .docx in process (goal ≤ 0.3 s, median), and 1 MB of web-page
text (goal < 1 s), in simplified and in traditional characters (converted with OpenCC).

A full GB/T 9704 page holds 22 × 28 = 616 characters, so 20 pages ≈ 12,300 characters.
The document is built from generated report text (numbered headings typed in the text,
run-in points), the common case for last year's report. Run:

    python bench/bench_import.py [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.importing import import_file
from models.importing.render import render_text
from models.report import PARAGRAPH, POINT, SECTION, Node, Report, ReportMeta

PAGE_CHARS = 22 * 28
SENTENCE = "严格落实行政执法公示、执法全过程记录、重大执法决定法制审核制度，全年办理案件126件，罚没金额12.6万元。"


def synthetic_report(pages: int) -> Report:
    meta = ReportMeta(
        year=2023,
        issuer="某区某局",
        title="某区某局关于2023年度法治政府建设情况的报告",
        signature="某区某局",
        date="2024-03-06",
    )
    report = Report(meta=meta, body=[Node(PARAGRAPH, text=SENTENCE * 3)])
    target = pages * PAGE_CHARS
    part = 0
    while sum(len(n.title) + len(n.text) for n in report.walk()) < target:
        part += 1
        items = [
            Node(
                SECTION,
                title=f"加强第{i}方面工作，推动法治政府建设。",
                children=[Node(POINT, title=f"第{k}项举措落地。", text=SENTENCE * 2) for k in range(3)],
            )
            for i in range(6)
        ]
        report.body.append(Node(SECTION, title=f"第{part}部分工作情况", children=items))
    return report


def write_docx(text: str, path: Path) -> None:
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    document.save(str(path))


def measure(path: Path, runs: int) -> list[float]:
    import_file(path)  # warm up: imports python-docx, compiles patterns
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        import_file(path)
        times.append(time.perf_counter() - start)
    return times


WEB_HEAD = "您当前的位置：首页>政务公开>法治政府建设\n[索引号] 11500107 [发布机构] 某区某局\n字号：\n大\n中\n小\n"
WEB_TAIL = "\n【打印本页】【关闭窗口】\n网站地图\n联系我们\n版权所有：某区人民政府\n"
MB = 1024 * 1024


def web_page_text(megabytes: float) -> str:
    """A report as copied from a web page, grown to this many megabytes of UTF-8."""
    pages = 20
    while True:
        text = WEB_HEAD + render_text(synthetic_report(pages)) + WEB_TAIL
        size = len(text.encode("utf-8"))
        if size >= megabytes * MB:
            return text
        pages = int(pages * megabytes * MB / size) + 1


def traditional(text: str) -> str | None:
    try:
        import opencc
    except ImportError:
        return None
    return opencc.OpenCC("s2t").convert(text)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--pages", type=int, default=20)
    args = parser.parse_args()
    report = synthetic_report(args.pages)
    text = render_text(report)
    with tempfile.TemporaryDirectory() as folder:
        docx_path = Path(folder) / "report.docx"
        write_docx(text, docx_path)
        txt_path = Path(folder) / "report.txt"
        txt_path.write_text(text, encoding="utf-8")
        one_para = Path(folder) / "one-paragraph.docx"
        write_docx("".join(text.splitlines()), one_para)
        print(f"{args.pages} pages: {len(text)} characters, {len(text.splitlines())} paragraphs")
        cases = [("docx", docx_path), ("txt", txt_path), ("docx, one paragraph", one_para)]
        big = web_page_text(1)
        (Path(folder) / "web-1mb.txt").write_text(big, encoding="utf-8")
        cases.append(("txt, 1 MB web page", Path(folder) / "web-1mb.txt"))
        big_traditional = traditional(big)
        if big_traditional is not None:
            (Path(folder) / "web-1mb-t.txt").write_text(big_traditional, encoding="utf-8")
            cases.append(("txt, 1 MB 繁体", Path(folder) / "web-1mb-t.txt"))
        for label, path in cases:
            times = measure(path, args.runs)
            print(
                f"import {label:20s} median {statistics.median(times) * 1000:7.1f} ms  "
                f"(min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f}, {args.runs} runs)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
