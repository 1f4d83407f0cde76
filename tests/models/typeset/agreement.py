"""How far the typesetter agrees with LibreOffice's render of our own .docx (test helper and script).

A line agrees when the same characters stand on the same line of the same page in both; the
figure is the matched lines over the longer of the two line lists (blank lines and page numbers
left out). Run ``nice python -m tests.models.typeset.agreement`` to print the figures per document.
"""

from __future__ import annotations

import difflib
import re
import sys
import tempfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from models import interchange
from models.export import ExportOptions, export_report
from models.importing import import_file
from models.ledger.values import CURRENT, PREVIOUS, Ledger
from models.report import Report, table_node
from models.typeset import FontResolver, Line, Pages, TypesetSettings, settle
from tests.models.export.pdf_layout import FONTS_CONF, MM, read_pages, render_pdfs
from tests.models.export.sample_report import generated_report, stepped_report
from tests.seed_report import seed_report

REAL = Path(__file__).resolve().parents[2] / "data" / "real"
EXAMPLE = Path(__file__).resolve().parents[3] / "resources" / "examples" / "example-report.json"
# Every real report (province, city, county, departments; each the first ~2000 characters).
REAL_REPORTS = tuple(sorted(path.stem for path in REAL.glob("*.txt")))
TEST_FONTS = TypesetSettings(resolver=FontResolver(fontconfig_file=FONTS_CONF))

Lines = list[tuple[int, str]]  # (page number, text without spaces)


def _seed() -> Report:
    return seed_report(repaired=True)


def _seed_without_note() -> Report:
    report = seed_report(repaired=True)
    report.meta.note = ""
    return report


def _seed_long_cc() -> Report:
    report = seed_report(repaired=True)
    report.meta.cc = "，".join(
        [
            "市城市管理局",
            "区委依法治区办",
            "区人大常委会办公室",
            "区政协办公室",
            "区纪委监委",
            "区法院",
            "区检察院",
            "区司法局",
            "各街道办事处",
            "各镇人民政府",
        ]
    )
    return report


def _seed_with_table(rows: int) -> Callable[[], Report]:
    """The sample report with a table (header row and ``rows`` rows) in its second part: a small
    one, or one long enough to cross pages and repeat its header."""

    def make() -> Report:
        report = seed_report(repaired=True)
        cells = [["指标名称", "2024年", "2023年", "备注"]]
        cells += [
            [f"第{i}项行政执法案件办理情况指标", str(i * 7), str(i * 5), "无" if i % 3 else "同比增长"]
            for i in range(1, rows + 1)
        ]
        report.body[1].children.insert(1, table_node(cells, title="表1 行政执法案件情况"))
        return report

    return make


def seed_with_ledger() -> Report:
    """The sample report with a department's 数据台账 filled in (for the 附件 table)."""
    report = seed_report(repaired=True)
    report.ledger = Ledger(kind="department")
    keys = ("exec_meeting_law_study", "law_trainings", "law_trainees", "norm_issued", "norm_reviewed")
    keys += ("major_decisions", "contracts_reviewed", "legal_opinions", "litig_cases", "enf_cases_total")
    for number, key in enumerate(keys, 1):
        report.ledger.set(key, CURRENT, Decimal(number * 3))
        report.ledger.set(key, PREVIOUS, Decimal(number * 2))
    return report


def _seed_ending_longer(sentences: int) -> Callable[[], Report]:
    """The sample with its last paragraph lengthened until, sealed, 署名 would begin a page of its own: 26 sentences
    tighten the last page alone, 31 the last two (asserted in test_tightening.py)."""

    def make() -> Report:
        report = _seed()
        last = report.body[-1]
        while last.children:
            last = last.children[-1]
        last.text += "进一步加强执法监督工作。" * sentences
        return report

    return make


def _example() -> Report:
    """The built-in example: its 公开版 ends with 署名 alone on a page until the last page is tightened."""
    return interchange.read_file(EXAMPLE)[0]


def _real(name: str) -> Callable[[], Report]:
    return lambda: import_file(REAL / f"{name}.txt").report


CASES: dict[str, tuple[Callable[[], Report], ExportOptions]] = {
    "seed-submit": (_seed, ExportOptions()),
    "seed-public": (_seed, ExportOptions(edition="public")),
    "seed-unsealed-separate": (_seed, ExportOptions(sealed=False, points="separate")),
    "seed-submit-no-note": (_seed_without_note, ExportOptions()),
    "seed-long-cc": (_seed_long_cc, ExportOptions()),
    # headings on every line of a page (keep-with-next), a long generated report
    "stepped-submit": (stepped_report, ExportOptions()),
    "generated-unsealed": (generated_report, ExportOptions(sealed=False, points="separate")),
    # body tables: a small one, a long one crossing pages (header repeated), the 数据台账 附件
    "table-small-submit": (_seed_with_table(3), ExportOptions()),
    "table-small-public": (_seed_with_table(3), ExportOptions(edition="public")),
    "table-long-submit": (_seed_with_table(45), ExportOptions()),
    "table-long-public": (_seed_with_table(45), ExportOptions(edition="public")),
    "ledger-submit": (seed_with_ledger, ExportOptions(ledger_table=True)),
    "ledger-public": (seed_with_ledger, ExportOptions(edition="public", ledger_table=True)),
    # 署名 pulled back onto the body's last page by tighter lines (GB/T 9704 7.3.5)
    "example-public": (_example, ExportOptions(edition="public")),
    "example-submit": (_example, ExportOptions()),
    "seed-sealed-tightened": (_seed_ending_longer(26), ExportOptions()),
    "seed-sealed-tightened-two-pages": (_seed_ending_longer(31), ExportOptions()),
    **{f"{name}-public": (_real(name), ExportOptions(edition="public")) for name in REAL_REPORTS},
    **{f"{name}-submit": (_real(name), ExportOptions()) for name in REAL_REPORTS[:4]},
}


@dataclass(frozen=True)
class Box:
    x0: float  # left edge of the first character
    y: float  # ours: the baseline; LibreOffice's: the bottom of pdftotext's box
    size: float  # ours: the font size; LibreOffice's: the box height


def our_lines(pages: Pages) -> tuple[Lines, list[Box]]:
    lines, boxes = [], []
    for page in pages:
        for row in _visual_lines(page.lines):
            if text := _squeeze("".join(line.text for line in row)):
                lines.append((page.number, text))
                first = row[0].runs[0]
                boxes.append(Box(first.x, first.baseline, first.size))
    return lines, boxes


def _visual_lines(lines: list[Line]) -> list[list[Line]]:
    """Lines side by side (a table row's cells) read as one line, left to right, as pdftotext reads
    LibreOffice's PDF; every other line stands alone."""
    rows: list[list[Line]] = []
    for line in lines:
        baseline = line.runs[0].baseline if line.runs else None
        row = next(
            (
                row
                for row in reversed(rows)
                if row[0].block == line.block
                and row[0].runs
                and baseline is not None
                and abs(row[0].runs[0].baseline - baseline) < 1
            ),
            None,
        )
        if row is None:
            rows.append([line])
        else:
            row.append(line)
            row.sort(key=lambda cell: cell.x0)
    rows.sort(key=lambda row: row[0].runs[0].baseline if row[0].runs else row[0].top)
    return rows


def our_origins(pages: Pages) -> list[list[tuple[str, float, float]]]:
    return [
        [(line.text, line.runs[0].x, line.runs[0].baseline) for line in [*page.lines, page.folio] if line and line.runs]
        for page in pages
    ]


def our_run_starts(pages: Pages) -> list[list[tuple[str, float, float]]]:
    """Per page, where each of our runs starts (lines with a space left out: LibreOffice keeps a
    space inside the stretch of text around it, so no stretch starts there to compare with)."""
    return [
        [(run.text, run.x, run.baseline) for line in page.lines if " " not in line.text for run in line.runs]
        for page in pages
    ]


def our_folios(pages: Pages) -> list[tuple[str, Box]]:
    return [(_squeeze(page.folio.text), Box(page.folio.x0, page.folio.runs[0].baseline, 14)) for page in pages]


@dataclass
class Rendered:
    pages: int
    lines: Lines
    boxes: list[Box]
    folios: list[tuple[str, Box]]
    origins: list[list[tuple[float, float]]] = field(default_factory=list)
    rules: list[list[tuple[float, float, float, float]]] = field(default_factory=list)


def rendered_lines(pdf: Path) -> Rendered:
    pages = read_pages(pdf)
    lines, boxes, folios = [], [], []
    for page in pages:
        for line in page.lines:
            text = _squeeze(line.text)
            box = Box(line.x0, line.y1, line.y1 - line.y0)
            if line in page.footer:
                folios.append((text, box))
            elif text:
                lines.append((page.number, text))
                boxes.append(box)
    origins = text_origins(pdf, 297 * MM)  # A4
    return Rendered(len(pages), lines, boxes, folios, origins, drawn_rules(pdf, 297 * MM))


_TEXT_AT = re.compile(r"([\d.]+) ([\d.]+) (?:Td|Tm)\s*/F\d+ [\d.]+ Tf")


_RULE = re.compile(r"q ([\d.]+) w[^\n]*\n([\d.]+) ([\d.]+) m\n([\d.]+) ([\d.]+) l S")


def _page_streams(pdf: Path) -> list[str]:
    """The content stream of each page, in page order (as LibreOffice writes its PDFs)."""
    data = pdf.read_bytes()
    pages = []
    for match in re.finditer(rb"stream\r?\n", data):
        end = data.find(b"endstream", match.end())
        try:
            content = zlib.decompress(data[match.end() : end]).decode("latin-1")
        except zlib.error:
            continue  # fonts, images
        if " Tf" in content and "/FontName" not in content:  # a Type 1 font program may hold " Tf"
            pages.append(content)
    return pages


def text_origins(pdf: Path, page_height: float) -> list[list[tuple[float, float]]]:
    """Per page, where LibreOffice starts each stretch of text: (x, baseline from the page top)."""
    return [[(float(x), page_height - float(y)) for x, y in _TEXT_AT.findall(page)] for page in _page_streams(pdf)]


def drawn_rules(pdf: Path, page_height: float) -> list[list[tuple[float, float, float, float]]]:
    """Per page, the horizontal lines LibreOffice strokes: (x0, x1, y from the page top, width)."""
    rules = []
    for page in _page_streams(pdf):
        found = {
            (min(float(x0), float(x1)), max(float(x0), float(x1)), page_height - float(y0), float(width))
            for width, x0, y0, x1, y1 in _RULE.findall(page)
            if y0 == y1
        }
        rules.append(sorted(found, key=lambda rule: rule[2]))
    return rules


def _squeeze(text: str) -> str:
    return "".join(text.split())


TABLE_BORDER = 0.5  # width of a body table's borders (models/export/docx_table.py)


@dataclass
class Agreement:
    name: str
    our_pages: int
    their_pages: int
    ours: Lines
    theirs: Lines
    our_boxes: list[Box] = field(default_factory=list)
    their_boxes: list[Box] = field(default_factory=list)
    our_folios: list[tuple[str, Box]] = field(default_factory=list)
    their_folios: list[tuple[str, Box]] = field(default_factory=list)
    our_origins: list[list[tuple[str, float, float]]] = field(default_factory=list)  # per page: text, x, baseline
    their_origins: list[list[tuple[float, float]]] = field(default_factory=list)
    our_rules: list[list[tuple[float, float, float, float]]] = field(default_factory=list)
    our_runs: list[list[tuple[str, float, float]]] = field(default_factory=list)
    their_rules: list[list[tuple[float, float, float, float]]] = field(default_factory=list)
    our_table_edges: list[list[float]] = field(default_factory=list)  # per page: y of each row border

    def misdrawn_rules(self, tolerance: float = 0.2) -> list[str]:
        """Pages whose rules (the red line, the 版记 lines, a table's horizontal borders: at the
        height of our cells' edges) differ from LibreOffice's."""
        out = []
        for number, (ours, drawn) in enumerate(zip(self.our_rules, self.their_rules, strict=True), 1):
            edges = self.our_table_edges[number - 1] if self.our_table_edges else []
            theirs = [rule for rule in drawn if not (edges and rule[3] == TABLE_BORDER)]
            table = sorted(rule[2] for rule in drawn if edges and rule[3] == TABLE_BORDER)
            if len(table) != len(edges) or any(abs(a - b) >= tolerance for a, b in zip(table, edges, strict=True)):
                out.append(f"page {number}: table edges {edges} | LibreOffice {table}")
            same = len(ours) == len(theirs) and all(
                all(abs(a - b) < tolerance for a, b in zip(mine, its, strict=True))
                for mine, its in zip(ours, theirs, strict=True)
            )
            if not same:
                out.append(f"page {number}: ours {ours} | LibreOffice {theirs}")
        return out

    def misplaced(self, dx: float = 0.5, dy: float = 0.3, runs: bool = False) -> list[str]:
        """Our lines (and page numbers), or with ``runs`` every run, with no LibreOffice text
        starting at the same place."""
        out = []
        starts = self.our_runs if runs else self.our_origins
        for number, (ours, theirs) in enumerate(zip(starts, self.their_origins, strict=True), 1):
            for text, x, y in ours:
                if not any(abs(x - tx) < dx and abs(y - ty) < dy for tx, ty in theirs):
                    out.append(f"page {number}: {text} at ({x:.2f}, {y:.2f})")
        return out

    def _matcher(self) -> difflib.SequenceMatcher:
        return difflib.SequenceMatcher(None, self.ours, self.theirs, autojunk=False)

    @property
    def matched(self) -> int:
        return sum(block.size for block in self._matcher().get_matching_blocks())

    @property
    def ratio(self) -> float:
        return self.matched / max(len(self.ours), len(self.theirs), 1)

    def matched_boxes(self) -> list[tuple[str, Box, Box]]:
        """(text, ours, LibreOffice's) for every line that agrees."""
        pairs = []
        for block in self._matcher().get_matching_blocks():
            for k in range(block.size):
                i, j = block.a + k, block.b + k
                pairs.append((self.ours[i][1], self.our_boxes[i], self.their_boxes[j]))
        return pairs

    def describe_differences(self, limit: int = 12) -> list[str]:
        out = []
        for tag, a0, a1, b0, b1 in self._matcher().get_opcodes():
            if tag != "equal":
                out.append(f"{tag}: ours {self.ours[a0:a1]} | LibreOffice {self.theirs[b0:b1]}")
        return out[:limit]


def compare(names: list[str], folder: Path) -> list[Agreement]:
    """Export each case, render all in one LibreOffice run, typeset each and compare."""
    documents, layouts = [], []
    for name in names:
        make, options = CASES[name]
        report = make()
        settled, pages = settle(report, options, TEST_FONTS)  # the .docx tightened as in the tests' fonts
        documents.append(export_report(report, folder / f"{name}.docx", settled))
        layouts.append(pages)
    pdfs = render_pdfs(documents, folder)
    results = []
    for name, pages, pdf in zip(names, layouts, pdfs, strict=True):
        theirs = rendered_lines(pdf)
        ours, boxes = our_lines(pages)
        results.append(
            Agreement(
                name,
                len(pages),
                theirs.pages,
                ours,
                theirs.lines,
                our_boxes=boxes,
                their_boxes=theirs.boxes,
                our_folios=our_folios(pages),
                their_folios=theirs.folios,
                our_origins=our_origins(pages),
                their_origins=theirs.origins,
                our_rules=[[(rule.x0, rule.x1, rule.y, rule.width) for rule in page.rules] for page in pages],
                our_runs=our_run_starts(pages),
                their_rules=theirs.rules,
                our_table_edges=[
                    sorted({round(y, 3) for box in page.boxes for y in (box.y0, box.y1)}) for page in pages
                ],
            )
        )
    return results


def main(argv: list[str]) -> int:
    names = argv or list(CASES)
    with tempfile.TemporaryDirectory() as folder:
        results = compare(names, Path(folder))
    print(f"{'document':44} {'pages ours/LO':>13} {'lines':>6} {'agree':>7}")
    for result in results:
        print(
            f"{result.name:44} {result.our_pages:>6}/{result.their_pages:<6} {len(result.theirs):>6} "
            f"{result.ratio:>7.1%}"
        )
        for line in result.describe_differences(6):
            print("    ", line)
    matched = sum(result.matched for result in results)
    total = sum(max(len(result.ours), len(result.theirs)) for result in results)
    same_pages = sum(result.our_pages == result.their_pages for result in results)
    print(
        f"all: {matched}/{total} lines agree ({matched / max(total, 1):.1%}); "
        f"page count equal in {same_pages}/{len(results)} documents"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
